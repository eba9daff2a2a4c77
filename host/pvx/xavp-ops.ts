// What KSR.pvx's xavp/xavu/xavi functions do to a message's store (host/core/xavp.ts), the
// same for the three kinds: xavu sets replace (one item per name), xavi names ignore case.
// Reads never create the store (a getter leaves the context as it was).
import type { MsgContext } from '../core/context.js';
import { XavpList, xavpRoot, type XavpEntry, type XavpKind, type XavpScalar, type XavpValue } from '../core/xavp.js';

/** The root of kind, or null when the message has no xavps yet (reads only). */
export function peekRoot(ctx: MsgContext, kind: XavpKind): XavpList | null {
  return ctx.xavps ? ctx.xavps[kind] : null;
}

/** What a getter returns for an entry's value: a list prints as Kamailio's `<<xavp:...>>` marker. */
export function scalarOf(value: XavpValue | undefined): XavpScalar | null {
  if (value === undefined || value === null) return null;
  return value instanceof XavpList ? '<<xavp>>' : value;
}

/** Logs a refusal by the store's bounds, naming the function; returns -1. */
export function refused(ctx: MsgContext, fn: string, what: string): number {
  ctx.core.logger.log('error', `KSR.pvx.${fn}: cannot add ${what}: the message's xavps are at their bound (host/core/xavp.ts: 1024 entries, 256 items per name, 1 MiB)`);
  return -1;
}

/** xavp_seti/sets: a new newest item (xavu: the one item replaced). */
export function setRootValue(ctx: MsgContext, kind: XavpKind, name: string, value: XavpScalar): XavpEntry | null {
  const root = xavpRoot(ctx, kind);
  return kind === 'xavu' ? root.setUnique(name, value) : root.add(name, value);
}

/** Item 0 of name at the root. */
export function rootEntry(ctx: MsgContext, kind: XavpKind, name: string, idx = 0): XavpEntry | null {
  return peekRoot(ctx, kind)?.get(name, idx) ?? null;
}

/** The child list of item idx of rname, or null when it is absent or holds no list. */
export function childList(ctx: MsgContext, kind: XavpKind, rname: string, idx = 0): XavpList | null {
  const v = rootEntry(ctx, kind, rname, idx)?.value;
  return v instanceof XavpList ? v : null;
}

/** $xavp(r=>c) of item 0 of r. */
export function childEntry(ctx: MsgContext, kind: XavpKind, rname: string, cname: string): XavpEntry | null {
  return childList(ctx, kind, rname)?.get(cname, 0) ?? null;
}

/**
 * xavp_child_set*, as Kamailio's xavp_set_child_xval: into item 0 of rname a new item cname
 * that replaces cname's item 0 (xavu: the one item cname). When item 0 of rname is absent or
 * holds a scalar, it is (removed and) replaced by a new item 0 holding just cname. False when
 * a bound refuses.
 */
export function setChildValue(ctx: MsgContext, kind: XavpKind, rname: string, cname: string, value: XavpValue): boolean {
  const root = xavpRoot(ctx, kind);
  let e = root.get(rname, 0);
  if (e !== null && !(e.value instanceof XavpList)) {
    root.removeEntry(e);
    e = null;
  }
  if (e === null) {
    e = root.add(rname, root.newChild());
    if (e === null) return false;
  }
  const list = e.value as XavpList;
  if (kind === 'xavu') return list.setUnique(cname, value) !== null;
  list.remove(cname, 0);
  return list.add(cname, value) !== null;
}

/** Kamailio's xavp is_null: absent, or a value of type null. */
export function isNullEntry(e: XavpEntry | null): boolean {
  return e === null || e.value === null;
}

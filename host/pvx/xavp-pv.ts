// $xavp(...), $xavu(...), $xavi(...): Kamailio's pv_get_xavp / pv_set_xavp over a message's
// store. Read: `$xavp(a)` is item 0 of a (a[n]: item n, negative from the oldest),
// `$xavp(a=>b)` item 0 of b in the list of a[0]. Write: `$xavp(a) = v` adds a newest item,
// `$xavp(a[n]) = v` replaces item n; `$xavp(a=>b) = v` adds b in a[0] (a made when there is
// none), `$xavp(a=>b[n]) = v` replaces it; `= $null` removes item 0, item n, or with [*] every
// item. $xavu: one item per name, a write replaces it and indexes are ignored.
import type { MsgContext } from '../core/context.js';
import type { PvClass, PvValue } from '../core/pv.js';
import { XavpList, xavpRoot, type XavpKind } from '../core/xavp.js';
import { parseXavpName, resolveIndex, type XavpName, type XavpNamePart } from './xavp-name.js';
import { peekRoot, scalarOf } from './xavp-ops.js';

/** Parsed names, bounded: names a script builds at run time only cost a re-parse. */
const PARSED = new Map<string, XavpName | null>();
const PARSED_LIMIT = 1024;

function parsed(arg: string): XavpName | null {
  let n = PARSED.get(arg);
  if (n === undefined && !PARSED.has(arg)) {
    n = parseXavpName(arg);
    if (PARSED.size >= PARSED_LIMIT) PARSED.delete(PARSED.keys().next().value as string);
    PARSED.set(arg, n);
  }
  return n ?? null;
}

/** A read index: none and [*] read item 0. */
function readIndex(ctx: MsgContext, part: XavpNamePart): number {
  const i = resolveIndex(ctx, part.index);
  return typeof i === 'number' ? i : 0;
}

function get(kind: XavpKind, ctx: MsgContext, arg: string): PvValue {
  const name = parsed(arg);
  const root = peekRoot(ctx, kind);
  if (!name || !root) return null;
  const top = root.get(name.root.name, kind === 'xavu' ? 0 : readIndex(ctx, name.root));
  if (!top) return null;
  if (!name.child) return scalarOf(top.value);
  if (!(top.value instanceof XavpList)) return null;
  const child = top.value.get(name.child.name, kind === 'xavu' ? 0 : readIndex(ctx, name.child));
  return child ? scalarOf(child.value) : null;
}

/** `= $null`: [*] every item, [n] item n, else item 0. */
function remove(list: XavpList, part: XavpNamePart, idx: number | 'all' | null): boolean {
  if (idx === 'all') list.removeAll(part.name);
  else list.remove(part.name, idx ?? 0);
  return true;
}

/** A value into list: replace item idx when one is written, else add (xavu: replace the one item). */
function put(kind: XavpKind, list: XavpList, name: string, idx: number | 'all' | null, value: PvValue): boolean {
  if (kind === 'xavu') return list.setUnique(name, value) !== null;
  if (typeof idx === 'number') return list.set(name, idx, value);
  if (idx === 'all') return false;
  return list.add(name, value) !== null;
}

function set(kind: XavpKind, ctx: MsgContext, arg: string, value: PvValue): boolean {
  const name = parsed(arg);
  if (!name) {
    ctx.core.logger.log('error', `$${kind}(${arg}): expected name[idx] or name[idx]=>key[idx]`);
    return false;
  }
  const root = xavpRoot(ctx, kind);
  const rootIdx = kind === 'xavu' ? null : resolveIndex(ctx, name.root.index);
  if (!name.child) return value === null ? remove(root, name.root, rootIdx) : put(kind, root, name.root.name, rootIdx, value);
  const at = rootIdx === 'all' || rootIdx === null ? 0 : rootIdx;
  let top = root.get(name.root.name, at);
  if (!top) {
    if (value === null) return true;
    top = root.add(name.root.name, root.newChild());
    if (!top) return false;
  }
  if (!(top.value instanceof XavpList)) return false;
  const childIdx = kind === 'xavu' ? null : resolveIndex(ctx, name.child.index);
  return value === null ? remove(top.value, name.child, childIdx) : put(kind, top.value, name.child.name, childIdx, value);
}

function xavpClass(kind: XavpKind): PvClass {
  return { hasArg: true, get: (ctx, arg) => get(kind, ctx, arg), set: (ctx, arg, v) => set(kind, ctx, arg, v) };
}

export const XAVP_PVS: Readonly<Record<XavpKind, PvClass>> = {
  xavp: xavpClass('xavp'),
  xavu: xavpClass('xavu'),
  xavi: xavpClass('xavi'),
};

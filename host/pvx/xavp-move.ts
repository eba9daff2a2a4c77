// Moving values between xavps and other places: xavp_copy(_dst), xavp_lshift, xavp_push_dst,
// pv_var_to_xavp / pv_xavp_to_var.
import type { MsgContext } from '../core/context.js';
import { XavpList, xavpRoot, type XavpScalar, type XavpValue } from '../core/xavp.js';
import { peekRoot } from './xavp-ops.js';
import { explodeInto } from './xavp-params.js';

/**
 * Kamailio's xavp_clone_level_nodata_with_new_name: a scalar as it is; a list one level deep
 * (fields holding a list are skipped), and nothing (null) when no field is left to copy.
 */
function cloneOneLevel(root: XavpList, value: XavpValue): XavpValue | undefined {
  if (!(value instanceof XavpList)) return value;
  const out = root.newChild();
  for (const e of value.entries) if (!(e.value instanceof XavpList)) out.entries.push({ name: e.name, value: e.value });
  return out.entries.length > 0 ? out : undefined;
}

/**
 * xavp_copy(src, sidx, dst): a copy of src[sidx] becomes dst's newest item when dst has none,
 * else its oldest (Kamailio appends with xavp_add_last). -1 when src[sidx] is absent or has
 * nothing to copy, -2 when a bound refuses.
 */
export function copyItem(ctx: MsgContext, src: string, sidx: number, dst: string): number {
  const e = peekRoot(ctx, 'xavp')?.get(src, sidx);
  if (!e) return -1;
  const root = xavpRoot(ctx, 'xavp');
  const copy = cloneOneLevel(root, e.value);
  if (copy === undefined) return -1;
  const added = root.get(dst, 0) === null ? root.add(dst, copy) : root.addLast(dst, copy);
  return added ? 1 : -2;
}

/**
 * KSR.pvx.xavp_copy_dst: Kamailio's ki_xavp_copy_dst passes dimode 0 to the copy, so the KEMI
 * function ignores dst_idx and does what xavp_copy does (only the native 4-parameter
 * xavp_copy() replaces dst[dst_idx]).
 */
export function copyItemTo(ctx: MsgContext, src: string, sidx: number, dst: string, _didx: number): number {
  return copyItem(ctx, src, sidx, dst);
}

/**
 * xavp_lshift(name, idx): the items of name rotate left by idx (negative: from the oldest),
 * so item idx becomes item 0 and the ones before it go after the oldest, in order. As
 * Kamailio's xavp_lshift: 1 for an empty name or idx 0, -2 when name has no item.
 */
export function lshift(ctx: MsgContext, name: string, idx: number): number {
  if (name === '' || idx === 0) return 1;
  const root = peekRoot(ctx, 'xavp');
  const items = root?.all(name) ?? [];
  if (!root || items.length === 0) return -2;
  const n = ((idx % items.length) + items.length) % items.length;
  if (n === 0) return 1;
  // the positions the name's items hold in the chain stay theirs; only their order changes
  const slots = items.map((e) => root.entries.indexOf(e));
  const rotated = [...items.slice(n), ...items.slice(0, n)];
  slots.forEach((slot, i) => (root.entries[slot] = rotated[i]!));
  return 1;
}

/**
 * xavp_push_dst(xname): the destination in force (the R-URI and $du) becomes a new item of
 * xname: $xavp(xname=>uri), and $xavp(xname=>dsturi) when $du is set.
 */
export function pushDst(ctx: MsgContext, xname: string): number {
  const fields = [{ name: 'uri', value: ctx.ruri }];
  if (ctx.dstUri) fields.push({ name: 'dsturi', value: ctx.dstUri });
  return explodeInto(ctx, 'xavp', xname, fields) ? 1 : -2;
}

/** pv_var_to_xavp(varname, xname): $var(varname) ("*": every $var) into a new item of xname. */
export function varsToXavp(ctx: MsgContext, varname: string, xname: string): number {
  const names = varname === '*' ? [...ctx.vars.keys()] : ctx.vars.has(varname) ? [varname] : [];
  if (names.length === 0) return -1;
  const root = xavpRoot(ctx, 'xavp');
  const item = root.add(xname, root.newChild());
  if (!item || typeof item.value !== 'object' || item.value === null) return -2;
  const list = item.value;
  for (const n of names) if (!list.addLast(n, ctx.vars.get(n) as XavpScalar)) return -2;
  return 1;
}

/** pv_xavp_to_var(xname): every field of every item of xname becomes $var(field), item 0 first (older items win). */
export function xavpToVars(ctx: MsgContext, xname: string): number {
  const items = peekRoot(ctx, 'xavp')?.all(xname) ?? [];
  if (items.length === 0) return -1;
  for (const item of items) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    for (const f of item.value.entries) {
      if (typeof f.value === 'string' || typeof f.value === 'number') ctx.vars.set(f.name, f.value);
      else if (f.value === null) ctx.vars.set(f.name, 0);
    }
  }
  return 1;
}

// KSR.pvx.xavp_getd / xavp_getd_p1 / xavp_get_keys (and the xavi ones): an xavp as a dict,
// the shapes Kamailio's pv module builds (pv.c ki_xav_getd_helper, ki_xav_dict,
// ki_xav_dict_name, ki_xav_get_keys):
// - an item holding a list of fields is a dict: each field name (in the order of its newest
//   item, names of xavi compared case-insensitively) to an ARRAY of every value of that name,
//   newest first: a str, an int, null, or a nested list as a dict of the same shape;
// - getd: every item of the name, newest first, as an array of dicts (an item holding a
//   value, or an empty list, is left out, as Kamailio leaves out what gives it no dict);
// - getd_p1: item idx as a dict (idx < 0 counts from the oldest); an item holding a value
//   is an empty dict; null when there is no such item;
// - get_keys: the field names of item idx (idx >= 0 only, as xavp_get_by_index) as an array.
// Kamailio turns a nested list by its first field instead of by the list (ki_xav_dict_name
// passes avp->val.v.xavp to ki_xav_dict), which loses it or breaks the array; here a nested
// list is a dict like its parent: what a script reading $xavp(a=>b) as a table expects.
import type { MsgContext } from '../core/context.js';
import { XavpList, type XavpEntry, type XavpKind, type XavpValue } from '../core/xavp.js';
import { peekRoot } from './xavp-ops.js';

export type XavpField = string | number | null | XavpDict;
export interface XavpDict {
  [name: string]: XavpField[];
}

/**
 * A list of fields as a dict. A field name becomes an own data property even when it is
 * "__proto__" (defineProperty), so the dict is the xavp's content and nothing else.
 */
export function listAsDict(list: XavpList): XavpDict {
  const out: XavpDict = {};
  for (const name of list.names()) {
    const values = list.all(name).map((e) => fieldValue(e.value));
    Object.defineProperty(out, name, { value: values, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function fieldValue(v: XavpValue): XavpField {
  return v instanceof XavpList ? listAsDict(v) : v;
}

/** The dict of one item, or null when it holds a value or an empty list (Kamailio has no dict for it). */
function itemDict(e: XavpEntry): XavpDict | null {
  return e.value instanceof XavpList && e.value.entries.length > 0 ? listAsDict(e.value) : null;
}

export type DictLog = (text: string) => void;

/** xavp_getd: every item of name, newest first; null when there is none. */
export function xavpGetd(ctx: MsgContext, kind: XavpKind, name: string, log: DictLog): XavpDict[] | null {
  const items = peekRoot(ctx, kind)?.all(name) ?? [];
  if (items.length === 0) return null;
  const out: XavpDict[] = [];
  items.forEach((e, i) => {
    const d = itemDict(e);
    if (d !== null) out.push(d);
    else if (!(e.value instanceof XavpList)) log(`${kind} "${name}" item ${i} holds a value, not a list of fields: left out`);
  });
  return out;
}

/** xavp_getd_p1: item idx (idx < 0: from the oldest) as a dict; null when there is none. */
export function xavpGetdAt(ctx: MsgContext, kind: XavpKind, name: string, idx: number, log: DictLog): XavpDict | null {
  const e = peekRoot(ctx, kind)?.get(name, idx) ?? null;
  if (e === null) return null;
  if (!(e.value instanceof XavpList)) log(`${kind} "${name}" item ${idx} holds a value, not a list of fields: an empty dict`);
  return itemDict(e) ?? {};
}

/** xavp_get_keys: the field names of item idx (idx >= 0); null when there is none. */
export function xavpKeys(ctx: MsgContext, kind: XavpKind, name: string, idx: number, log: DictLog): string[] | null {
  if (idx < 0) return null;
  const e = peekRoot(ctx, kind)?.get(name, idx) ?? null;
  if (e === null) return null;
  if (e.value instanceof XavpList) return e.value.names();
  log(`${kind} "${name}" item ${idx} holds a value, not a list of fields: no keys`);
  return [];
}

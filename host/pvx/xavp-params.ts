// Parameter strings to and from xavps: xavp_params_explode("a=1;b=2", "x") makes a new item
// of x whose list holds a="1", b="2" in the order written ($xavp(x=>a)); implode writes item 0
// of x back as "a=1;b=2;" (qval: a="1";b="2";). xavp_slist_explode splits a list of items.
import type { MsgContext } from '../core/context.js';
import { xavpRoot, type XavpKind, type XavpList } from '../core/xavp.js';
import { peekRoot } from './xavp-ops.js';

export interface Param {
  readonly name: string;
  readonly value: string;
}

/**
 * "a=1; b = \"x;y\" ;c": Kamailio's parse_params for any class: names trimmed, a value
 * trimmed or taken between double quotes (the quotes dropped), a name without '=' has the
 * value "". `seps`: the characters that end a parameter. null when a name is empty or a
 * quote is not closed.
 */
export function parseParams(text: string, seps = ';'): Param[] | null {
  const out: Param[] = [];
  let i = 0;
  const n = text.length;
  const isSep = (ch: string): boolean => seps.includes(ch);
  while (i < n) {
    let j = i;
    while (j < n && !isSep(text[j]!) && text[j] !== '=') j++;
    const name = text.slice(i, j).trim();
    let value = '';
    if (j < n && text[j] === '=') {
      j++;
      while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
      if (text[j] === '"') {
        const end = text.indexOf('"', j + 1);
        if (end < 0) return null;
        value = text.slice(j + 1, end);
        j = end + 1;
        while (j < n && !isSep(text[j]!)) {
          if (text[j] !== ' ' && text[j] !== '\t') return null;
          j++;
        }
      } else {
        const start = j;
        while (j < n && !isSep(text[j]!)) j++;
        value = text.slice(start, j).trim();
      }
    }
    if (name === '') {
      // a trailing separator (or ";;") ends nothing: skipped, as Kamailio drops the last ';'
      if (value === '' && (j >= n || isSep(text[j]!))) {
        i = j + 1;
        continue;
      }
      return null;
    }
    out.push({ name, value });
    i = j + 1;
  }
  return out;
}

/** A new item xname (xavu: the one item replaced) whose list holds the params in order; false when a bound refuses. */
export function explodeInto(ctx: MsgContext, kind: XavpKind, xname: string, params: readonly Param[]): boolean {
  const root = xavpRoot(ctx, kind);
  const entry = kind === 'xavu' ? root.setUnique(xname, root.newChild()) : root.add(xname, root.newChild());
  if (entry === null) return false;
  const list = entry.value as XavpList;
  // as Kamailio: the fields are added newest first from the last one written, so they read in
  // the order written, and for xavu the first of two equal names is the one kept
  for (let i = params.length - 1; i >= 0; i--) {
    const p = params[i]!;
    const ok = kind === 'xavu' ? list.setUnique(p.name, p.value) : list.add(p.name, p.value);
    if (ok === null) return false;
  }
  return true;
}

/** A number as C's "%lu" of (unsigned long) prints it: a negative one wraps to 64 bits. */
function unsignedText(n: number): string {
  return n < 0 ? BigInt.asUintN(64, BigInt(Math.trunc(n))).toString() : String(Math.trunc(n));
}

/**
 * Item 0 of xname as Kamailio's xavp_serialize_fields writes it: "a=1;b=2;" (every field ends
 * with ';', a field holding "" is written "b;", numbers as unsigned long); quoted (qval):
 * a="1";b="2";. Null when absent, not a list, or nothing to write (Kamailio answers -1).
 * Nested lists and null fields are skipped.
 */
export function implode(ctx: MsgContext, kind: XavpKind, xname: string, quoted: boolean): string | null {
  const v = peekRoot(ctx, kind)?.get(xname, 0)?.value;
  if (!v || typeof v !== 'object') return null;
  let out = '';
  for (const e of v.entries) {
    if (typeof e.value === 'number') out += quoted ? `${e.name}="${unsignedText(e.value)}";` : `${e.name}=${unsignedText(e.value)};`;
    else if (typeof e.value === 'string') {
      if (quoted) out += `${e.name}="${e.value}";`;
      else out += e.value === '' ? `${e.name};` : `${e.name}=${e.value};`;
    }
  }
  return out !== '' ? out : null;
}

/**
 * xavp_slist_explode(slist, seps, mode, xname): a new item xname whose list holds one `v` per
 * item of slist (split at any character of seps), in order ($xavp(x=>v[0]) the first); mode
 * 't' trims each item. Empty items are kept, as written.
 */
export function slistExplode(ctx: MsgContext, slist: string, seps: string, mode: string, xname: string): boolean {
  const items: string[] = [];
  let cur = '';
  for (const ch of slist) {
    if (seps.includes(ch)) {
      items.push(cur);
      cur = '';
    } else cur += ch;
  }
  items.push(cur);
  const trim = mode.includes('t');
  return explodeInto(ctx, 'xavp', xname, items.map((s) => ({ name: 'v', value: trim ? s.trim() : s })));
}

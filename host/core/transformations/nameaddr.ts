// The {nameaddr.*} class (Kamailio tr_eval_nameaddr, parse_nameaddr): the display part is
// everything before the first '<' outside quotes, as written (quotes and spaces kept); without
// a '<' the whole value is the URI. A '<' never closed fails (null).
import type { TrDefinition, TrValue } from './types.js';

interface NameAddrParts {
  name: string;
  uri: string;
  /** Length of the field up to and including '>'. */
  len: number;
}

/** Index of `ch` in s from `from`, skipping quoted strings; -1 when none. */
function notQuoted(s: string, ch: string, from: number): number {
  let quoted = false;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '"' && s[i - 1] !== '\\') quoted = !quoted;
    else if (c === ch && !quoted) return i;
  }
  return -1;
}

function nameAddr(v: TrValue): NameAddrParts | null {
  if (typeof v !== 'string' || v === '') return null;
  const lt = notQuoted(v, '<', 0);
  if (lt < 0) return { name: '', uri: v, len: v.length };
  const gt = notQuoted(v, '>', lt + 1);
  if (gt < 0) return null;
  return { name: v.slice(0, lt), uri: v.slice(lt + 1, gt), len: gt + 1 };
}

const part = (pick: (n: NameAddrParts) => string | number): TrDefinition['run'] => (v) => {
  const n = nameAddr(v);
  return n ? pick(n) : null;
};

export const NAMEADDR_TRANSFORMATIONS: Readonly<Record<string, TrDefinition>> = {
  uri: { params: '', run: part((n) => n.uri) },
  name: { params: '', run: part((n) => n.name) },
  len: { params: '', run: part((n) => n.len) },
};

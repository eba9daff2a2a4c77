// "name=value;name2" lists as Kamailio's parse_params2 reads them: what {param.*} and
// {uri.param} look into. Names and values are trimmed, a quoted value loses its quotes, a
// parameter without '=' has the value "". One trailing separator is ignored.
import { endOfQuoted } from '../../sip/params.js';

export interface Param {
  readonly name: string;
  readonly value: string;
}

export function paramList(text: string, sep: string): Param[] | null {
  const s = text.length > 1 && text.endsWith(sep) ? text.slice(0, -1) : text;
  const out: Param[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (s[i] === '"') {
      const end = closingQuote(s, i);
      if (end < 0) return null;
      i = end - 1;
      continue;
    }
    if (i === s.length || s[i] === sep) {
      out.push(one(s.slice(start, i)));
      start = i + 1;
    }
  }
  return out;
}

/** Past the '"' closing the one at s[i], or -1 when it is never closed. */
function closingQuote(s: string, i: number): number {
  try {
    return endOfQuoted(s, i);
  } catch {
    return -1;
  }
}

function one(piece: string): Param {
  const eq = piece.indexOf('=');
  if (eq < 0) return { name: piece.trim(), value: '' };
  let value = piece.slice(eq + 1).trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  return { name: piece.slice(0, eq).trim(), value };
}

/** The parameter named `name` (case-insensitive), or undefined. */
export function findParam(list: readonly Param[], name: string): Param | undefined {
  const l = name.toLowerCase();
  return list.find((p) => p.name.toLowerCase() === l);
}

/** The i-th parameter, from the end when i < 0. */
export function paramAt(list: readonly Param[], i: number): Param | undefined {
  return list[i < 0 ? list.length + i : i];
}

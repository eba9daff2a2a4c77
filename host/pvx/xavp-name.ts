// Kamailio's xavp PV name: `name[idx]=>key[idx]` ($xavp, $xavu, $xavi). An index is an
// integer (negative counts from the oldest), `*` (every item: only for $null), or a PV
// (`$var(i)`) read when the name is used. Parsed here, resolved against a message in xavp-pv.ts.
import type { MsgContext } from '../core/context.js';
import { readPv, toInt } from '../core/pv.js';

/** An index as written: absent, all items, a number, or a PV read when used. */
export type XavpIndex = { kind: 'none' } | { kind: 'all' } | { kind: 'int'; value: number } | { kind: 'pv'; name: string };

export interface XavpNamePart {
  readonly name: string;
  readonly index: XavpIndex;
}

export interface XavpName {
  readonly root: XavpNamePart;
  readonly child: XavpNamePart | null;
}

/** Names are tokens; Kamailio reads letters, digits and a few marks. */
const PART = /^([A-Za-z0-9_.:-]+)(?:\[([^\]]*)\])?$/;

function parseIndex(text: string | undefined): XavpIndex | null {
  if (text === undefined) return { kind: 'none' };
  const t = text.trim();
  if (t === '*') return { kind: 'all' };
  if (/^[+-]?\d{1,9}$/.test(t)) return { kind: 'int', value: Number(t) };
  if (t.startsWith('$')) return { kind: 'pv', name: t };
  return null;
}

function parsePart(text: string): XavpNamePart | null {
  const m = PART.exec(text.trim());
  if (!m) return null;
  const index = parseIndex(m[2]);
  return index ? { name: m[1]!, index } : null;
}

/** `a`, `a[1]`, `a=>b`, `a[0]=>b[-1]`, `a[$var(i)]=>b[*]`; null when it is none of those. */
export function parseXavpName(text: string): XavpName | null {
  const sep = text.indexOf('=>');
  const root = parsePart(sep < 0 ? text : text.slice(0, sep));
  if (!root) return null;
  if (sep < 0) return { root, child: null };
  const child = parsePart(text.slice(sep + 2));
  return child ? { root, child } : null;
}

/** A resolved index: a number, 'all', or null when none was written. */
export function resolveIndex(ctx: MsgContext, idx: XavpIndex): number | 'all' | null {
  switch (idx.kind) {
    case 'none':
      return null;
    case 'all':
      return 'all';
    case 'int':
      return idx.value;
    case 'pv': {
      const r = readPv(ctx, idx.name);
      return r.ok ? toInt(r.value) : 0;
    }
  }
}

// The {tobody.*} class (Kamailio tr_eval_tobody): the value read as a To/From header body.
// One that does not parse, or whose URI does not, fails (null); missing parts are "".
import { parseNameAddr, type NameAddr } from '../../sip/name-addr.js';
import { uriParts } from './uri-parts.js';
import type { TrDefinition, TrValue } from './types.js';

function toBody(v: TrValue): NameAddr | null {
  if (typeof v !== 'string' || v === '') return null;
  try {
    const n = parseNameAddr(v, 'To body');
    return n.uri ? n : null;
  } catch {
    return null;
  }
}

/** The display name as written before '<', trimmed (quotes kept, as parse_to keeps them). */
function display(n: NameAddr): string {
  const lt = n.raw.indexOf('<');
  return lt > 0 ? n.raw.slice(0, lt).trim() : '';
}

/** The header params as written after the address: "tag=x;p=1". */
function params(n: NameAddr): string {
  const end = n.raw.indexOf('>');
  const rest = end >= 0 ? n.raw.slice(end + 1) : n.raw.slice(n.raw.indexOf(';'));
  const semi = rest.indexOf(';');
  return semi >= 0 ? rest.slice(semi + 1).trim() : '';
}

const part = (pick: (n: NameAddr) => string): TrDefinition['run'] => (v) => {
  const n = toBody(v);
  return n ? pick(n) : null;
};

export const TOBODY_TRANSFORMATIONS: Readonly<Record<string, TrDefinition>> = {
  uri: { params: '', run: part((n) => n.uriText) },
  user: { params: '', run: part((n) => uriParts(n.uriText)?.user ?? '') },
  host: { params: '', run: part((n) => uriParts(n.uriText)?.host ?? '') },
  tag: { params: '', run: part((n) => n.tag ?? '') },
  display: { params: '', run: part(display) },
  params: { params: '', run: part(params) },
};

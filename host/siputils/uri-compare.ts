// URI comparison of KSR.siputils.cmp_uri (RFC 3261 §19.1.4) and cmp_aor (user, host and
// port only), and cmp_hdr_name (compact forms equal their long names).
import { canonicalName } from '../sip/header-names.js';
import { tryParseUri, type SipUri } from '../sip/uri.js';

/** Params that must match when present in either URI (§19.1.4). */
const STRICT_PARAMS = ['user', 'ttl', 'method', 'maddr', 'transport'];

/** 1 equal, -1 different, -2 when one does not parse (Kamailio's convention). */
export function compareUris(a: string, b: string): number {
  const x = tryParseUri(a);
  const y = tryParseUri(b);
  if (!x || !y) return -2;
  return urisEqual(x, y) ? 1 : -1;
}

function urisEqual(x: SipUri, y: SipUri): boolean {
  if (x.scheme !== y.scheme || x.user !== y.user || x.password !== y.password) return false;
  if (x.host.toLowerCase() !== y.host.toLowerCase() || x.port !== y.port) return false;
  for (const p of STRICT_PARAMS) if (!sameValue(x.params.get(p), y.params.get(p))) return false;
  for (const [k, v] of x.params) if (y.params.has(k) && !sameValue(v, y.params.get(k))) return false;
  if (x.headers.size !== y.headers.size) return false;
  for (const [k, v] of x.headers) if (y.headers.get(k) !== v) return false;
  return true;
}

const sameValue = (a: string | undefined, b: string | undefined): boolean =>
  (a === undefined && b === undefined) || (a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase());

/** 1 when user, host (case-insensitive) and port (absent = 5060) are the same, -1 if not, -2 unparsable. */
export function compareAors(a: string, b: string): number {
  const x = tryParseUri(a);
  const y = tryParseUri(b);
  if (!x || !y) return -2;
  const same = x.user === y.user && x.host.toLowerCase() === y.host.toLowerCase() && (x.port || 5060) === (y.port || 5060);
  return same ? 1 : -1;
}

export function sameHeaderName(a: string, b: string): boolean {
  const x = a.trim();
  const y = b.trim();
  return x !== '' && canonicalName(x) === canonicalName(y);
}

/** A sip:, sips: or tel: URI that parses. */
export function isUri(text: string): boolean {
  return tryParseUri(text) !== null;
}

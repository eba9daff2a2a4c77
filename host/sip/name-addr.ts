// name-addr / addr-spec values of From, To, Contact, Route, Record-Route (RFC 3261 §20.10,
// §25.1): '"Display" <uri>;params', 'Display <uri>;params' or 'uri;params' (where, without
// <>, everything after the first ';' is a header param, never a URI param).
import { SipParseError, excerpt } from './errors.js';
import { parseParams, skipWs, endOfQuoted, unquote } from './params.js';
import { tryParseUri, type SipUri } from './uri.js';

export interface NameAddr {
  display: string;
  uriText: string;
  /** null if unparsable (only for tel-ish junk) */
  uri: SipUri | null;
  params: Map<string, string>;
  tag: string | undefined;
  raw: string;
}

export function parseNameAddr(raw: string, what = 'address'): NameAddr {
  const s = raw;
  let i = skipWs(s, 0);
  let display = '';
  let uriText: string;
  let rest: number;
  const lt = firstAngle(s, i);
  if (s[i] === '"' || lt >= 0) {
    if (s[i] === '"') {
      const q = endOfQuoted(s, i);
      display = unquote(s.slice(i, q));
      i = skipWs(s, q);
      if (s[i] !== '<') throw new SipParseError(`Bad ${what}`, `expected '<' after display name in ${excerpt(s)}`);
    } else {
      // no display name (the usual '<sip:...>'): nothing to collapse
      if (lt > i) display = s.slice(i, lt).trim().replace(/[ \t\r\n]+/g, ' ');
      i = lt;
    }
    const gt = s.indexOf('>', i);
    if (gt < 0) throw new SipParseError(`Bad ${what}`, `missing '>' in ${excerpt(s)}`);
    uriText = trimmed(s, i + 1, gt);
    rest = gt + 1;
  } else {
    let j = i;
    while (j < s.length && s[j] !== ';') j++;
    uriText = s.slice(i, j).trim();
    rest = j;
    // RFC 3261 §20.10: a URI with a comma, question mark or semicolon must be in <> (RFC 4475
    // §3.1.2.13 regbadct); without them its headers would be read as the address's own
    if (uriText.includes('?') || uriText.includes(',')) {
      throw new SipParseError(`Bad ${what}`, `a URI with '?' or ',' must be enclosed in <> in ${excerpt(s)}`);
    }
  }
  if (uriText === '') throw new SipParseError(`Bad ${what}`, `empty URI in ${excerpt(s)}`);
  const { params, end } = parseParams(s, rest, what);
  if (end < s.length) throw new SipParseError(`Bad ${what}`, `junk after parameters in ${excerpt(s)}`);
  return { display, uriText, uri: tryParseUri(uriText), params, tag: params.get('tag'), raw };
}

/** s[a, b) without the whitespace (as String.trim sees it) at either end: one slice. */
function trimmed(s: string, a: number, b: number): string {
  while (a < b && isTrimmedSpace(s.charCodeAt(a))) a++;
  while (b > a && isTrimmedSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/** A character String.prototype.trim removes (ASCII and the few Unicode spaces it knows). */
function isTrimmedSpace(c: number): boolean {
  return c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c >= 0xa0 && WHITE.test(String.fromCharCode(c));
}
const WHITE = /\s/;

/** Index of the '<' opening a name-addr, or -1 for an addr-spec (a ';' or '"' first). */
function firstAngle(s: string, i: number): number {
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '<') return i;
    if (c === ';' || c === '"') return -1;
  }
  return -1;
}

// Low-level scanning shared by the header parsers: comma lists that respect quoted strings
// and <...>, generic ";name=value" parameters, quoted-string unescaping. All loops are
// single forward scans (no regex backtracking) so hostile input stays linear.
import { SipParseError, excerpt } from './errors.js';
import { CR, EQUALS as EQ, HT, LF, QUOTE, SEMI, SP } from './char-codes.js';

export function isWsp(c: number): boolean {
  return c === SP || c === HT || c === CR || c === LF;
}

/** Ranges [start, end) of the trimmed, non-empty elements of a comma-separated header
 *  value. Commas inside "quoted strings" (with \-escapes) and inside <...> are not
 *  separators. Works on any string whose indexes are what the caller needs (a latin1
 *  slice of the raw buffer gives byte offsets). */
export function splitList(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let inQuote = false;
  let inAngle = false;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (inQuote) {
      if (c === 0x5c) i++; // backslash escapes the next char
      else if (c === 0x22) inQuote = false;
    } else if (c === 0x22) inQuote = true;
    else if (c === 0x3c) inAngle = true;
    else if (c === 0x3e) inAngle = false;
    else if (c === 0x2c && !inAngle) {
      pushTrimmed(s, start, i, out);
      start = i + 1;
    }
  }
  if (inQuote) throw new SipParseError('Unterminated quoted string', excerpt(s));
  if (inAngle) throw new SipParseError('Unterminated <', excerpt(s));
  pushTrimmed(s, start, n, out);
  return out;
}

function pushTrimmed(s: string, a: number, b: number, out: Array<[number, number]>): void {
  while (a < b && isWsp(s.charCodeAt(a))) a++;
  while (b > a && isWsp(s.charCodeAt(b - 1))) b--;
  if (b > a) out.push([a, b]);
}

/** Elements of a comma list as trimmed strings. */
export function splitListValues(s: string): string[] {
  return splitList(s).map(([a, b]) => s.slice(a, b));
}

export function skipWs(s: string, i: number): number {
  while (i < s.length && isWsp(s.charCodeAt(i))) i++;
  return i;
}

/** Index just past the closing quote of the quoted string opening at s[i] === '"'. */
export function endOfQuoted(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x5c) j++;
    else if (c === 0x22) return j + 1;
  }
  throw new SipParseError('Unterminated quoted string', excerpt(s.slice(i)));
}

/** '"a \\"b\\""' -> 'a "b"'; text without quotes is returned as it is. */
export function unquote(v: string): string {
  if (v.length < 2 || v.charCodeAt(0) !== 0x22 || v.charCodeAt(v.length - 1) !== 0x22) return v;
  const inner = v.slice(1, -1);
  if (inner.indexOf('\\') < 0) return inner;
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    if (inner.charCodeAt(i) === 0x5c && i + 1 < inner.length) i++;
    out += inner[i];
  }
  return out;
}

/** Parses ";a=1;b;c="x;y"" starting at s[i] (which must be ';' or the end, after optional
 *  whitespace). Names are lower-cased, flag params get '', values are kept as written
 *  (quotes included); the first of duplicate names wins. Returns the map and where it
 *  stopped (at `stopAt` chars such as '?' or ',', or the end). */
export function parseParams(s: string, i: number, what: string, stopAt = ''): { params: Map<string, string>; end: number } {
  const params = new Map<string, string>();
  const n = s.length;
  // char codes, not one-char strings; the stop set is looked at only when there is one
  const stops = stopAt !== '';
  i = skipWs(s, i);
  while (i < n) {
    if (stops && stopAt.includes(s[i])) break;
    if (s.charCodeAt(i) !== SEMI) throw new SipParseError(`Bad ${what} parameters`, `expected ';' at ${excerpt(s.slice(i))}`);
    i = skipWs(s, i + 1);
    const nameStart = i;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isWsp(c) || c === EQ || c === SEMI || (stops && stopAt.includes(s[i]))) break;
      i++;
    }
    const name = s.slice(nameStart, i).toLowerCase();
    i = skipWs(s, i);
    let value = '';
    if (s.charCodeAt(i) === EQ) {
      i = skipWs(s, i + 1);
      const vStart = i;
      if (s.charCodeAt(i) === QUOTE) i = endOfQuoted(s, i);
      else {
        while (i < n) {
          const c = s.charCodeAt(i);
          if (isWsp(c) || c === SEMI || (stops && stopAt.includes(s[i]))) break;
          i++;
        }
      }
      value = s.slice(vStart, i);
      i = skipWs(s, i);
    }
    if (name === '') throw new SipParseError(`Bad ${what} parameters`, `empty parameter name in ${excerpt(s)}`);
    if (!params.has(name)) params.set(name, value);
  }
  return { params, end: i };
}

// Replies we generate ourselves (RFC 3261 §8.2.6): Via (all values, in order, the top one
// with received=/rport= when given), From, To (with a To-tag added when absent and the code
// is above 100), Call-ID and CSeq copied from the request; then the caller's header lines
// verbatim, Content-Type, Content-Length (always) and the body.
import { createHash } from 'node:crypto';
import { SipParseError } from './errors.js';
import { canonicalName } from './header-names.js';
import type { HeaderField, SipMessage } from './message.js';
import { splitList } from './params.js';
import { parseVia } from './via.js';

export interface LocalReplyOptions {
  toTag?: string;
  /** lines each ending CRLF */
  headers?: string[];
  body?: Buffer | string;
  contentType?: string;
  received?: string;
  rport?: number;
}

/** The reply's header section is one string built in a single pass over the request's header
 *  index, encoded once into the Buffer that is sent; with a body, both are written into one
 *  Buffer of the exact size (no concat of intermediate Buffers). */
export function buildReply(req: SipMessage, code: number, reason: string, opts: LocalReplyOptions = {}): Buffer {
  let text = statusLine(code, reason);
  let vias = 0;
  let from: HeaderField | undefined;
  let to: HeaderField | undefined;
  let callId: HeaderField | undefined;
  let cseq: HeaderField | undefined;
  for (const h of req.headers) {
    switch (h.lname) {
      case 'via':
        text += `Via: ${vias++ === 0 ? stampTopVia(req, h.value, opts) : h.value}\r\n`;
        break;
      case 'from': from ??= h; break;
      case 'to': to ??= h; break;
      case 'call-id': callId ??= h; break;
      case 'cseq': cseq ??= h; break;
    }
  }
  if (from) text += `From: ${from.value}\r\n`;
  if (to) {
    const tag = code > 100 && !hasToTag(req) ? `;tag=${opts.toTag ?? makeToTag(req)}` : '';
    text += `To: ${to.value}${tag}\r\n`;
  }
  if (callId) text += `Call-ID: ${callId.value}\r\n`;
  if (cseq) text += `CSeq: ${cseq.value}\r\n`;
  if (opts.headers) for (const line of opts.headers) text += line.endsWith('\r\n') ? line : trimEol(line) + '\r\n';
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? Buffer.from(opts.body, 'utf8') : opts.body;
  const bodyLength = body?.length ?? 0;
  if (bodyLength > 0 && opts.contentType) text += `Content-Type: ${opts.contentType}\r\n`;
  text += `Content-Length: ${bodyLength}\r\n\r\n`;
  if (bodyLength === 0) return Buffer.from(text, 'utf8');
  const headLength = Buffer.byteLength(text, 'utf8');
  const out = Buffer.allocUnsafe(headLength + bodyLength);
  out.write(text, 0, headLength, 'utf8');
  body!.copy(out, headLength);
  return out;
}

function trimEol(line: string): string {
  let e = line.length;
  while (e > 0 && (line[e - 1] === '\r' || line[e - 1] === '\n')) e--;
  return line.slice(0, e);
}

const LINE_BREAKS = /[\r\n]+/g;

function statusLine(code: number, reason: string): string {
  if (!Number.isInteger(code) || code < 100 || code > 699) throw new RangeError(`buildReply: expected a status code 100..699, got ${code}`);
  return `SIP/2.0 ${code} ${reason.includes('\r') || reason.includes('\n') ? reason.replace(LINE_BREAKS, ' ') : reason}\r\n`;
}

function hasToTag(req: SipMessage): boolean {
  try {
    return req.to().tag !== undefined;
  } catch (e) {
    if (!(e instanceof SipParseError)) throw e;
    // unparsable To: look for a tag param the cheap way rather than add a second one
    return /;\s*tag\s*=/i.test(req.header('to')?.value ?? '');
  }
}

/** The top Via value of the first Via line with received= and rport= set when asked. */
function stampTopVia(req: SipMessage, lineValue: string, opts: LocalReplyOptions): string {
  if (opts.received === undefined && opts.rport === undefined) return lineValue;
  // one Via value on the line (the usual case): it is the top Via the request already parsed
  const single = !lineValue.includes(',');
  const ranges: Array<[number, number]> = single ? [[0, lineValue.length]] : splitList(lineValue);
  if (ranges.length === 0) return lineValue;
  const [a, b] = ranges[0];
  const first = single ? lineValue : lineValue.slice(a, b);
  let via;
  try {
    via = single ? req.topVia() : parseVia(first);
  } catch (e) {
    if (e instanceof SipParseError) return lineValue;
    throw e;
  }
  const received = opts.received;
  const rport = opts.rport === undefined ? undefined : String(opts.rport);
  const semi = first.indexOf(';');
  if (single) {
    // the usual Via, written as its parse would write it: the two values spliced into the line
    const spliced = splicedVia(first, semi, via.params.size, received, rport);
    if (spliced !== null) return spliced;
  }
  return reserialisedVia(lineValue, a, b, first, semi, via.params, received, rport);
}

/**
 * The top Via value `first` rewritten from its parse: the text before its params, then each
 * param as parsed (lower-case name, `;k` or `;k=v`), received= and rport= set in place when
 * there, else added after them (what a copy of the Map with both set would list, without the
 * copy); put back at [a, b) of the line. Exported for the test holding splicedVia to it.
 */
export function reserialisedVia(
  lineValue: string, a: number, b: number, first: string, semi: number, params: ReadonlyMap<string, string>, received: string | undefined, rport: string | undefined,
): string {
  let text = (semi >= 0 ? first.slice(0, semi) : first).trimEnd();
  for (const [k, param] of params) {
    const v = k === 'received' && received !== undefined ? received : k === 'rport' && rport !== undefined ? rport : param;
    text += v === '' ? `;${k}` : `;${k}=${v}`;
  }
  if (received !== undefined && !params.has('received')) text += received === '' ? ';received' : `;received=${received}`;
  if (rport !== undefined && !params.has('rport')) text += rport === '' ? ';rport' : `;rport=${rport}`;
  if (a === 0 && b === lineValue.length) return text;
  return lineValue.slice(0, a) + text + lineValue.slice(b);
}

/**
 * What reserialisedVia gives for a Via value alone on its line, made by splicing received= and
 * rport= into the text instead of writing every param again (a reply's largest allocation
 * after its own text: ~1 KB of entry arrays and short strings). Only for a value its parse
 * writes back unchanged: no blank before a ';' or around '=', names in lower case, no empty or
 * quoted value, no comment, no name twice (`count` must be the parse's size); null otherwise (the caller
 * writes it from the parse). Exported for the test holding it to reserialisedVia.
 */
export function splicedVia(v: string, semi: number, count: number, received: string | undefined, rport: string | undefined): string | null {
  const n = v.length;
  if (n === 0 || isBlank(v.charCodeAt(n - 1)) || (semi > 0 && isBlank(v.charCodeAt(semi - 1)))) return null;
  let recA = -1;
  let recB = -1;
  let rpA = -1;
  let rpB = -1;
  let seen = 0;
  for (let i = semi < 0 ? n : semi; i < n; ) {
    // at a ';': a name of printable ASCII but upper-case letters, then '=' and a value or nothing
    let j = i + 1;
    while (j < n) {
      const c = v.charCodeAt(j);
      if (c === SEMI_CODE || c === EQ_CODE) break;
      if (c <= 0x20 || c >= 0x7f || (c >= 0x41 && c <= 0x5a) || c === PAREN_CODE) return null;
      j++;
    }
    const nameEnd = j;
    if (nameEnd === i + 1) return null;
    if (j < n && v.charCodeAt(j) === EQ_CODE) {
      j++;
      if (j === n || v.charCodeAt(j) === SEMI_CODE || v.charCodeAt(j) === QUOTE_CODE) return null;
      while (j < n) {
        const c = v.charCodeAt(j);
        if (c === SEMI_CODE) break;
        if (c <= 0x20 || c === 0x7f || c === PAREN_CODE) return null; // '(': a comment, which the parse leaves out
        j++;
      }
    }
    seen++;
    const len = nameEnd - i - 1;
    if (len === 8 && v.startsWith('received', i + 1)) {
      recA = i;
      recB = j;
    } else if (len === 5 && v.startsWith('rport', i + 1)) {
      rpA = i;
      rpB = j;
    }
    i = j;
  }
  if (seen !== count) return null; // a name given twice: its parse keeps the first only
  const recText = received === undefined ? null : received === '' ? ';received' : `;received=${received}`;
  const rpText = rport === undefined ? null : rport === '' ? ';rport' : `;rport=${rport}`;
  let out: string;
  if (recText !== null && recA >= 0 && rpText !== null && rpA >= 0) {
    out = recA < rpA
      ? v.slice(0, recA) + recText + v.slice(recB, rpA) + rpText + v.slice(rpB)
      : v.slice(0, rpA) + rpText + v.slice(rpB, recA) + recText + v.slice(recB);
  } else if (recText !== null && recA >= 0) {
    out = v.slice(0, recA) + recText + v.slice(recB);
  } else if (rpText !== null && rpA >= 0) {
    out = v.slice(0, rpA) + rpText + v.slice(rpB);
  } else {
    out = v;
  }
  if (recText !== null && recA < 0) out += recText;
  if (rpText !== null && rpA < 0) out += rpText;
  return out;
}

const SEMI_CODE = 0x3b;
const EQ_CODE = 0x3d;
const QUOTE_CODE = 0x22;
const PAREN_CODE = 0x28;

/** What trimEnd and the params' parse skip around a ';' (SP, HT, CR, LF and the rest of trim's set below 0x21). */
function isBlank(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Stable for the same request — retransmissions get the same tag, on any node and in any
 *  version that hashes alike — from Call-ID, From-tag and the top Via branch (plus CSeq for
 *  RFC 2543 requests without a branch): 64 bits of a hash over them, in hex. Like Kamailio's
 *  sl (a fixed prefix and a CRC of the request), not a cryptographic hash: the tag must be
 *  the same for a retransmission and differ between requests, and every input is the
 *  client's own. Two multiply-xor lanes in JavaScript (was an MD5 through crypto.hash: a
 *  native call and a 32-character hex string per reply, ~3 µs called cold). */
export function makeToTag(req: SipMessage): string {
  let fromTag = '';
  let branch = '';
  try {
    fromTag = req.from().tag ?? '';
  } catch (e) {
    if (!(e instanceof SipParseError)) throw e;
  }
  try {
    branch = req.topVia().branch ?? '';
  } catch (e) {
    if (!(e instanceof SipParseError)) throw e;
  }
  const extra = branch.startsWith('z9hG4bK') && branch.length > 7 ? '' : (req.header('cseq')?.value ?? '');
  tagLane1 = 0x811c9dc5;
  tagLane2 = 0x2545f491;
  mixIn(req.header('call-id')?.value ?? '');
  mixIn(fromTag);
  mixIn(branch);
  mixIn(extra);
  return hex32(finalMix(tagLane1)) + hex32(finalMix(tagLane2));
}

let tagLane1 = 0;
let tagLane2 = 0;

/** Mixes s's UTF-16 units, then a separator, into both lanes (FNV-1a; a murmur-style multiply and shift). */
function mixIn(s: string): void {
  let a = tagLane1;
  let b = tagLane2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  tagLane1 = Math.imul(a ^ 0x0a, 0x01000193);
  tagLane2 = Math.imul(b ^ 0x0a, 0x5bd1e995);
}

/** murmur3's fmix32: every input bit reaches every output bit. */
function finalMix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function hex32(h: number): string {
  return HEX_BYTE[(h >>> 24) & 0xff]! + HEX_BYTE[(h >>> 16) & 0xff]! + HEX_BYTE[(h >>> 8) & 0xff]! + HEX_BYTE[h & 0xff]!;
}

/** A 400 for a request that failed to parse: copies what can be copied from the raw bytes
 *  (Via, From, To, Call-ID, CSeq lines, as written; the first of a duplicated one). Null when
 *  the first line is not a request (a method token, a space, ..., "SIP/x.y": extra or trailing
 *  spaces do not stop the answer, RFC 4475 §3.1.2.8-10), for an ACK, or without a Via (nothing
 *  would match the reply). A missing From, To, Call-ID or CSeq is left out of the reply rather
 *  than leaving the request unanswered (RFC 4475 §3.3.1 insuf). */
export function buildErrorReply(buf: Buffer, reason: string, code = 400, toTag?: string): Buffer | null {
  const text = buf.toString('latin1', 0, Math.min(buf.length, 65535));
  const lines = text.split(/\r?\n/);
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  if (i >= lines.length || !looksLikeRequestLine(lines[i])) return null;
  if (/^ACK /i.test(lines[i])) return null; // an ACK is never answered
  const found = new Map<string, string[]>();
  for (i++; i < lines.length && lines[i] !== ''; i++) {
    const colon = lines[i].indexOf(':');
    if (colon <= 0 || /^[ \t]/.test(lines[i])) continue;
    const lname = canonicalName(lines[i].slice(0, colon).trim());
    if (!COPIED.includes(lname)) continue;
    const value = lines[i].slice(colon + 1).trim().replace(/[^\x20-\x7e]/g, '');
    found.set(lname, [...(found.get(lname) ?? []), value]);
  }
  if (!found.has('via')) return null;
  const first = (n: string): string | undefined => found.get(n)?.[0];
  const out = [statusLine(code, reason)];
  for (const v of found.get('via')!) out.push(`Via: ${v}\r\n`);
  const from = first('from');
  if (from !== undefined) out.push(`From: ${from}\r\n`);
  const to = first('to');
  if (to !== undefined) {
    // same idea as makeToTag: a retransmission of the same broken request gets the same tag
    const tag = toTag ?? createHash('md5').update(['via', 'from', 'call-id', 'cseq'].map((n) => first(n) ?? '').join('\n')).digest('hex').slice(0, 24);
    out.push(`To: ${to}${/;\s*tag\s*=/i.test(to) ? '' : `;tag=${tag}`}\r\n`);
  }
  const callId = first('call-id');
  if (callId !== undefined) out.push(`Call-ID: ${callId}\r\n`);
  const cseq = first('cseq');
  if (cseq !== undefined) out.push(`CSeq: ${cseq}\r\n`);
  out.push('Content-Length: 0\r\n\r\n');
  return Buffer.from(out.join(''), 'latin1');
}

const COPIED = ['via', 'from', 'to', 'call-id', 'cseq'];
const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;

/** "METHOD something SIP/x.y", spaces counted loosely; never a status line. No regex over the
 *  whole line: one with two space runs around ".*" backtracks quadratically on 64 KB of blanks. */
function looksLikeRequestLine(line: string): boolean {
  if (/^SIP\//i.test(line)) return false;
  const sp1 = line.indexOf(' ');
  const rest = line.trimEnd();
  const sp2 = rest.lastIndexOf(' ');
  if (sp1 <= 0 || sp2 <= sp1 || rest.slice(sp1, sp2).trim() === '') return false;
  return TOKEN.test(line.slice(0, sp1)) && /^SIP\/\d+\.\d+$/i.test(rest.slice(sp2 + 1));
}

// Replies we generate ourselves (RFC 3261 §8.2.6): Via (all values, in order, the top one
// with received=/rport= when given), From, To (with a To-tag added when absent and the code
// is above 100), Call-ID and CSeq copied from the request; then the caller's header lines
// verbatim, Content-Type, Content-Length (always) and the body.
import { createHash } from 'node:crypto';
import { SipParseError } from './errors.js';
import { canonicalName } from './header-names.js';
import type { SipMessage } from './message.js';
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

export function buildReply(req: SipMessage, code: number, reason: string, opts: LocalReplyOptions = {}): Buffer {
  const out: string[] = [statusLine(code, reason)];
  req.headersNamed('via').forEach((h, i) => {
    out.push(`Via: ${i === 0 ? stampTopVia(h.value, opts) : h.value}\r\n`);
  });
  const from = req.header('from');
  if (from) out.push(`From: ${from.value}\r\n`);
  const to = req.header('to');
  if (to) {
    const tag = code > 100 && !hasToTag(req) ? `;tag=${opts.toTag ?? makeToTag(req)}` : '';
    out.push(`To: ${to.value}${tag}\r\n`);
  }
  const callId = req.header('call-id');
  if (callId) out.push(`Call-ID: ${callId.value}\r\n`);
  const cseq = req.header('cseq');
  if (cseq) out.push(`CSeq: ${cseq.value}\r\n`);
  for (const line of opts.headers ?? []) out.push(line.endsWith('\r\n') ? line : trimEol(line) + '\r\n');
  const body = opts.body === undefined ? Buffer.alloc(0) : typeof opts.body === 'string' ? Buffer.from(opts.body, 'utf8') : opts.body;
  if (body.length > 0 && opts.contentType) out.push(`Content-Type: ${opts.contentType}\r\n`);
  out.push(`Content-Length: ${body.length}\r\n\r\n`);
  return Buffer.concat([Buffer.from(out.join(''), 'utf8'), body]);
}

function trimEol(line: string): string {
  let e = line.length;
  while (e > 0 && (line[e - 1] === '\r' || line[e - 1] === '\n')) e--;
  return line.slice(0, e);
}

function statusLine(code: number, reason: string): string {
  if (!Number.isInteger(code) || code < 100 || code > 699) throw new RangeError(`buildReply: expected a status code 100..699, got ${code}`);
  return `SIP/2.0 ${code} ${reason.replace(/[\r\n]+/g, ' ')}\r\n`;
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
function stampTopVia(lineValue: string, opts: LocalReplyOptions): string {
  if (opts.received === undefined && opts.rport === undefined) return lineValue;
  const ranges = splitList(lineValue);
  if (ranges.length === 0) return lineValue;
  const [a, b] = ranges[0];
  const first = lineValue.slice(a, b);
  let via;
  try {
    via = parseVia(first);
  } catch (e) {
    if (e instanceof SipParseError) return lineValue;
    throw e;
  }
  const params = new Map(via.params);
  if (opts.received !== undefined) params.set('received', opts.received);
  if (opts.rport !== undefined) params.set('rport', String(opts.rport));
  const semi = first.indexOf(';');
  let text = (semi >= 0 ? first.slice(0, semi) : first).trimEnd();
  for (const [k, v] of params) text += v === '' ? `;${k}` : `;${k}=${v}`;
  return lineValue.slice(0, a) + text + lineValue.slice(b);
}

/** Stable for the same request — retransmissions get the same tag — from Call-ID, From-tag
 *  and the top Via branch (plus CSeq for RFC 2543 requests without a branch). */
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
  const key = `${req.header('call-id')?.value ?? ''}\n${fromTag}\n${branch}\n${extra}`;
  return createHash('md5').update(key).digest('hex').slice(0, 24);
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

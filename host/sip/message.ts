// The received message: first line and a header index built in one scan of the buffer;
// header bodies parsed on first use and cached. Invariants:
//  - every offset (HeaderField.start/end/valueStart/valueEnd, headersEnd, bodyOffset,
//    ruriStart/ruriEnd) is a BYTE offset into `buf`, the buffer as received (lumps anchor
//    there);
//  - the body is never decoded; header text is decoded on the first value read: the header
//    lines once as a whole when they are ASCII (values are slices of it), else per field;
//  - nothing but SipParseError leaves parse() or the accessors.
import { isAscii } from 'node:buffer';
import { SipParseError, excerpt } from './errors.js';
import { KNOWN_SLOTS, canonicalName, knownHeaderAt, knownSlot, nameHashStep } from './header-names.js';
import { splitList } from './params.js';
import { parseVia, type Via } from './via.js';
import { parseNameAddr, type NameAddr } from './name-addr.js';
import { parseCredentials, type DigestCredentials } from './digest.js';
import { parseUri, type SipUri } from './uri.js';
import { CR, HT, LF, SP } from './char-codes.js';

export type { Via } from './via.js';
export type { NameAddr } from './name-addr.js';
export type { DigestCredentials } from './digest.js';

export interface HeaderField {
  /** as written */
  name: string;
  /** canonical lower-case FULL name: 'v' -> 'via' */
  lname: string;
  /** body with folding (CRLF+WSP) replaced by one space, trimmed */
  value: string;
  /** byte offsets of the whole header line incl. its CRLF in buf */
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
}

export const MAX_MESSAGE_SIZE = 65535;
export const MAX_HEADERS = 255;

const WHITESPACE = /\s/;

// RFC 3261 token characters: alphanum and -.!%*_+`'~
const TOKEN = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const ch = String.fromCharCode(c);
  TOKEN[c] = /[A-Za-z0-9\-.!%*_+`'~]/.test(ch) ? 1 : 0;
}

// Node's Buffer has these native decoders; calling them directly skips toString's
// argument juggling on the hot path.
interface FastSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}
function latin1(buf: Buffer, start: number, end: number): string {
  return (buf as unknown as FastSlices).latin1Slice(start, end);
}
function utf8(buf: Buffer, start: number, end: number): string {
  return (buf as unknown as FastSlices).utf8Slice(start, end);
}

/**
 * The text of a message's header lines, decoded once (on the first value read) when the
 * message is ASCII, as nearly every SIP message is: header values are then slices of it, not
 * one native UTF-8 decode each (~70 ns a call, 6-10 values read per message). A message with
 * any other byte decodes each value as UTF-8, as before. A value kept for long holds this
 * text (not the Buffer): what is kept past the message is detached (core/detached-string.ts).
 */
class HeaderText {
  /** undefined: not looked at yet; null: the header lines are not ASCII. */
  private text: string | null | undefined = undefined;
  /** Where the header lines end (the scan sets it once it knows; a body is not decoded). */
  end: number;
  constructor(private readonly src: Buffer) {
    this.end = src.length;
  }

  slice(start: number, end: number): string {
    let t = this.text;
    if (t === undefined) {
      const src = this.src;
      const ascii = this.end < src.length ? isAscii(src.subarray(0, this.end)) : isAscii(src);
      t = this.text = ascii ? latin1(src, 0, this.end) : null;
    }
    return t !== null ? t.slice(start, end) : utf8(this.src, start, end);
  }
}

/** One header line; the name as written and the value text are decoded on first read. */
class HeaderLine implements HeaderField {
  private text: string | undefined;
  private written: string | undefined;
  constructor(
    private readonly block: HeaderText,
    private readonly src: Buffer,
    private readonly nameEnd: number,
    readonly lname: string,
    readonly start: number,
    readonly end: number,
    readonly valueStart: number,
    readonly valueEnd: number,
    private readonly folded: boolean,
  ) {}

  get name(): string {
    if (this.written === undefined) this.written = latin1(this.src, this.start, this.nameEnd);
    return this.written;
  }

  get value(): string {
    if (this.text === undefined) {
      const t = this.block.slice(this.valueStart, this.valueEnd);
      this.text = this.folded ? unfold(t) : t;
    }
    return this.text;
  }

  toJSON(): HeaderField {
    const { name, lname, value, start, end, valueStart, valueEnd } = this;
    return { name, lname, value, start, end, valueStart, valueEnd };
  }
}

/** Each line break with the whitespace around it becomes one space. A plain loop, not a
 *  regex: '[ \t]*\r?\n' backtracks quadratically over long runs of blanks. */
function unfold(t: string): string {
  let out = '';
  let from = 0;
  let i = t.indexOf('\n');
  while (i >= 0) {
    let a = i;
    while (a > from && (t[a - 1] === ' ' || t[a - 1] === '\t' || t[a - 1] === '\r')) a--;
    let b = i + 1;
    while (b < t.length && (t[b] === ' ' || t[b] === '\t')) b++;
    out += t.slice(from, a) + ' ';
    from = b;
    i = t.indexOf('\n', b);
  }
  return out + t.slice(from);
}

// bit per header a 400 needs to copy, and Max-Forwards: the ones that may appear only once
// (RFC 3261 §7.3.1, §20; RFC 4475 §3.3.8 multi01). Via may repeat.
const NEED_VIA = 1, NEED_FROM = 2, NEED_TO = 4, NEED_CALLID = 8, NEED_CSEQ = 16, NEED_ALL = 31, MAXFWD = 32;
const SINGLE = NEED_FROM | NEED_TO | NEED_CALLID | NEED_CSEQ | MAXFWD;
/** The NEED_* bit of each known header (header-names.ts knownHeaderAt's slot), 0 for the others. */
const BITS_BY_SLOT = new Uint8Array(KNOWN_SLOTS);
for (const [lname, bit] of [['via', NEED_VIA], ['from', NEED_FROM], ['to', NEED_TO], ['call-id', NEED_CALLID], ['cseq', NEED_CSEQ], ['max-forwards', MAXFWD]] as const) {
  BITS_BY_SLOT[knownSlot(lname)] = bit;
}
const CONTENT_LENGTH_SLOT = knownSlot('content-length');

export class SipMessage {
  readonly buf: Buffer;
  readonly isRequest: boolean;
  readonly version: string;
  readonly method: string;
  readonly ruri: string;
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly HeaderField[];
  readonly headersEnd: number;
  readonly bodyOffset: number;
  /** Byte offsets of the Request-URI in buf (0/0 for replies). */
  readonly ruriStart: number;
  readonly ruriEnd: number;
  /** Byte offset where the first header line starts (just after the first line's CRLF). */
  readonly firstHeaderOffset: number;
  /** Byte offset of the first line (> 0 only when CRLFs came before it). */
  readonly firstLineOffset: number;
  /** NEED_* bits of the headers the scan saw (Via, From, To, Call-ID, CSeq, Max-Forwards). */
  private readonly seen: number;
  /** The Content-Length value; undefined without the header. */
  private readonly declaredLength: number | undefined;

  /** The less used parsed bodies, by name; made on first use. */
  private cache: Map<string, unknown> | null = null;
  // The bodies read for most messages (every request parses its Via, From, To, Call-ID and
  // CSeq on receipt): fields, not Map entries. undefined = not parsed yet (or it failed: a
  // failed parse is not kept, so each read reports it again).
  private viaList: Via[] | undefined = undefined;
  private fromAddr: NameAddr | undefined = undefined;
  private toAddr: NameAddr | undefined = undefined;
  private callIdText: string | undefined = undefined;
  private cseqValue: { seq: number; method: string } | undefined = undefined;
  private contactList: { star: boolean; list: NameAddr[] } | undefined = undefined;
  private ruriValue: SipUri | undefined = undefined;

  private constructor(init: ScanResult) {
    this.buf = init.buf;
    this.isRequest = init.isRequest;
    this.version = init.version;
    this.method = init.method;
    this.ruri = init.ruri;
    this.status = init.status;
    this.reason = init.reason;
    this.headers = init.headers;
    this.headersEnd = init.headersEnd;
    this.bodyOffset = init.bodyOffset;
    this.ruriStart = init.ruriStart;
    this.ruriEnd = init.ruriEnd;
    this.firstHeaderOffset = init.firstHeaderOffset;
    this.firstLineOffset = init.firstLineOffset;
    this.seen = init.seen;
    this.declaredLength = init.contentLength;
  }

  static parse(buf: Buffer): SipMessage {
    try {
      return new SipMessage(scanMessage(buf));
    } catch (e) {
      throw e instanceof SipParseError ? e : wrapBug(e, 'Malformed message');
    }
  }

  body(): Buffer {
    return this.buf.subarray(this.bodyOffset);
  }

  header(name: string): HeaderField | undefined {
    // most callers name a header by its canonical name already ('via', 'max-forwards'): look
    // for that first, and canonicalise (a lookup in the names' cache) only when it is not there
    const hs = this.headers;
    for (let i = 0; i < hs.length; i++) if (hs[i]!.lname === name) return hs[i];
    const l = canonicalName(name);
    if (l === name) return undefined;
    for (let i = 0; i < hs.length; i++) if (hs[i]!.lname === l) return hs[i];
    return undefined;
  }

  headersNamed(name: string): HeaderField[] {
    const l = canonicalName(name);
    return this.headers.filter((h) => h.lname === l);
  }

  hasHeader(name: string): boolean {
    return this.header(name) !== undefined;
  }

  /** True when this message is a request carrying what a 400 reply must copy. */
  canReply(): boolean {
    return this.isRequest && this.hasRequiredHeaders();
  }

  /** Via, From, To, Call-ID and CSeq are all present (RFC 3261 §8.1.1): known from the scan. */
  hasRequiredHeaders(): boolean {
    return (this.seen & NEED_ALL) === NEED_ALL;
  }

  // ---- parsed bodies, cached ----
  // The hot ones read a field, then parse through a module-level function (no closure made
  // per read); the others go through the Map with a closure, on first use only.

  private cached<T>(key: string, make: () => T): T {
    const cache = (this.cache ??= new Map());
    if (cache.has(key)) return cache.get(key) as T;
    try {
      const v = make();
      cache.set(key, v);
      return v;
    } catch (e) {
      throw this.asParseError(e, key);
    }
  }

  /** read(this), its failure reported as a SipParseError of `where`. */
  private parsing<T>(where: string, read: (m: SipMessage) => T): T {
    try {
      return read(this);
    } catch (e) {
      throw this.asParseError(e, where);
    }
  }

  private asParseError(e: unknown, where: string): SipParseError {
    const err = e instanceof SipParseError ? e : wrapBug(e, `Bad ${where}`);
    err.canReply = this.isRequest && where !== 'Via' && this.canReply();
    return err;
  }

  vias(): Via[] {
    return (this.viaList ??= this.parsing('Via', readVias));
  }

  topVia(): Via {
    const v = this.vias()[0];
    if (!v) throw this.asParseError(new SipParseError('Missing Via', 'no Via header'), 'Via');
    return v;
  }

  /** Byte ranges [start, end) of each Via value in the first Via line: what must go to
   *  remove the top Via without touching others on the same line. */
  topViaLineValues(): { line: HeaderField; ranges: Array<[number, number]> } | undefined {
    const line = this.header('via');
    if (!line) return undefined;
    const raw = this.buf.toString('latin1', line.valueStart, line.valueEnd);
    const ranges = splitList(raw).map(([a, b]): [number, number] => [line.valueStart + a, line.valueStart + b]);
    return { line, ranges };
  }

  from(): NameAddr {
    return (this.fromAddr ??= this.parsing('From', readFrom));
  }

  to(): NameAddr {
    return (this.toAddr ??= this.parsing('To', readTo));
  }

  contacts(): { star: boolean; list: NameAddr[] } {
    return (this.contactList ??= this.parsing('Contact', readContacts));
  }

  cseq(): { seq: number; method: string } {
    return (this.cseqValue ??= this.parsing('CSeq', readCSeq));
  }

  callId(): string {
    return (this.callIdText ??= this.parsing('Call-ID', readCallId));
  }

  maxForwards(): number | undefined {
    return this.cached('Max-Forwards', () => {
      const h = this.header('max-forwards');
      return h ? parseNumber(h.value, 'Max-Forwards', 255) : undefined;
    });
  }

  /** The scan read it already (a message with a bad or conflicting one does not parse). */
  contentLength(): number | undefined {
    return this.declaredLength;
  }

  routes(): NameAddr[] {
    return (this.cache?.get('Route') as NameAddr[] | undefined) ?? this.cached('Route', () => this.addressList('route', 'Route'));
  }

  recordRoutes(): NameAddr[] {
    return (this.cache?.get('Record-Route') as NameAddr[] | undefined) ?? this.cached('Record-Route', () => this.addressList('record-route', 'Record-Route'));
  }

  private addressList(lname: string, what: string): NameAddr[] {
    const out: NameAddr[] = [];
    for (const h of this.headersNamed(lname)) {
      const v = h.value;
      for (const [a, b] of splitList(v)) out.push(parseNameAddr(v.slice(a, b), what));
    }
    return out;
  }

  expires(): number | undefined {
    return this.cached('Expires', () => {
      const h = this.header('expires');
      return h ? parseNumber(h.value, 'Expires', 0xffffffff) : undefined;
    });
  }

  authorization(kind: 'authorization' | 'proxy-authorization'): DigestCredentials[] {
    return (this.cache?.get(kind) as DigestCredentials[] | undefined) ?? this.cached(kind, () => this.headersNamed(kind).map((h) => parseCredentials(h.value)));
  }

  contentType(): string | undefined {
    return this.cached('Content-Type', () => {
      const h = this.header('content-type');
      if (!h) return undefined;
      const semi = h.value.indexOf(';');
      const mt = (semi >= 0 ? h.value.slice(0, semi) : h.value).trim().toLowerCase();
      const slash = mt.indexOf('/');
      if (slash <= 0 || slash === mt.length - 1 || /\s/.test(mt)) throw new SipParseError('Bad Content-Type', excerpt(h.value));
      return mt;
    });
  }

  ruriParsed(): SipUri {
    return (this.ruriValue ??= this.parsing('Request-URI', readRuri));
  }

  /** The header a parse of a required one reads; a SipParseError when it is missing. */
  required(lname: string, what: string): HeaderField {
    const h = this.header(lname);
    if (!h) throw new SipParseError(`Missing ${what}`, `no ${what} header`);
    return h;
  }
}

// ---- the parses behind the cached accessors (module level: no closure per message) ----

function readVias(m: SipMessage): Via[] {
  const out: Via[] = [];
  for (const h of m.headers) {
    if (h.lname !== 'via') continue;
    const v = h.value;
    // one value on the line, nothing a list split would treat (the usual Via): no split
    if (v !== '' && v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('<') < 0) {
      out.push(parseVia(v));
      continue;
    }
    for (const [a, b] of splitList(v)) out.push(parseVia(v.slice(a, b)));
  }
  return out;
}

const readFrom = (m: SipMessage): NameAddr => parseNameAddr(m.required('from', 'From').value, 'From');
const readTo = (m: SipMessage): NameAddr => parseNameAddr(m.required('to', 'To').value, 'To');
const readCSeq = (m: SipMessage): { seq: number; method: string } => parseCSeq(m.required('cseq', 'CSeq').value);

function readCallId(m: SipMessage): string {
  const v = m.required('call-id', 'Call-ID').value;
  if (v === '' || WHITESPACE.test(v)) throw new SipParseError('Bad Call-ID', excerpt(v));
  return v;
}

function readContacts(m: SipMessage): { star: boolean; list: NameAddr[] } {
  let star = false;
  const list: NameAddr[] = [];
  for (const h of m.headers) {
    if (h.lname !== 'contact') continue;
    const v = h.value;
    for (const [a, b] of splitList(v)) {
      const item = v.slice(a, b);
      if (item === '*') star = true;
      else list.push(parseNameAddr(item, 'Contact'));
    }
  }
  if (star && list.length > 0) throw new SipParseError('Bad Contact', "'*' mixed with addresses");
  return { star, list };
}

function readRuri(m: SipMessage): SipUri {
  if (!m.isRequest) throw new SipParseError('No Request-URI', 'message is a reply');
  return parseUri(m.ruri);
}

/** Safety net: a bug of ours on odd input still reaches the caller as a SipParseError (the
 *  original kept as `cause` so tests can tell a bug from a rejection). */
function wrapBug(e: unknown, reason: string): SipParseError {
  const err = new SipParseError(reason, e instanceof Error ? e.message : String(e));
  (err as Error & { cause?: unknown }).cause = e;
  return err;
}

function parseNumber(v: string, what: string, max: number): number {
  const t = v.trim();
  if (t.length === 0 || t.length > 10) throw new SipParseError(`Bad ${what}`, excerpt(v));
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const d = t.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) throw new SipParseError(`Bad ${what}`, excerpt(v));
    n = n * 10 + d;
  }
  if (n > max) throw new SipParseError(`Bad ${what}`, `${n} is over ${max}`);
  return n;
}

function parseCSeq(v: string): { seq: number; method: string } {
  const t = v.trim();
  let i = 0;
  while (i < t.length && t.charCodeAt(i) >= 0x30 && t.charCodeAt(i) <= 0x39) i++;
  const num = t.slice(0, i);
  const method = t.slice(i).trim();
  // RFC 3261 §8.1.1.5: the sequence number is a 32-bit unsigned integer
  if (num.length === 0 || num.length > 10 || Number(num) > 0xffffffff) throw new SipParseError('Bad CSeq', `bad number in ${excerpt(v)}`);
  if (i < t.length && t[i] !== ' ' && t[i] !== '\t') throw new SipParseError('Bad CSeq', `expected space after number in ${excerpt(v)}`);
  if (method === '' || !isToken(method)) throw new SipParseError('Bad CSeq', `bad method in ${excerpt(v)}`);
  return { seq: Number(num), method };
}

function isToken(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255 || !TOKEN[c]) return false;
  }
  return s.length > 0;
}

// ---- the scan ----

function fail(reason: string, detail: string, isRequest: boolean, seen: number): never {
  throw new SipParseError(reason, detail, isRequest && (seen & NEED_ALL) === NEED_ALL);
}

interface ScanResult {
  buf: Buffer; isRequest: boolean; version: string; method: string; ruri: string; status: number; reason: string;
  headers: HeaderField[]; headersEnd: number; bodyOffset: number; ruriStart: number; ruriEnd: number; firstHeaderOffset: number;
  firstLineOffset: number; seen: number; contentLength: number | undefined;
}

function scanMessage(input: Buffer): ScanResult {
  if (!Buffer.isBuffer(input)) throw new SipParseError('Not a buffer', `expected a Buffer, got ${typeof input}`);
  const n = input.length;
  if (n > MAX_MESSAGE_SIZE) throw new SipParseError('Message too large', `${n} bytes, limit ${MAX_MESSAGE_SIZE}`);
  let pos = 0;
  // RFC 3261 §7.5: CRLFs before the start line are ignored
  while (pos < n && (input[pos] === CR || input[pos] === LF || input[pos] === SP || input[pos] === HT)) pos++;
  if (pos >= n) throw new SipParseError('Empty message', `${n} bytes of whitespace only`);

  const lineEnd = input.indexOf(LF, pos);
  if (lineEnd < 0) throw new SipParseError('Truncated first line', 'no line end after the first line');
  const fl = parseFirstLine(input, pos, lineEnd > pos && input[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd);
  const isRequest = fl.isRequest;

  const headers: HeaderField[] = [];
  const block = new HeaderText(input);
  let seen = 0;
  let clField: HeaderField | undefined;
  let p = lineEnd + 1;
  const firstHeaderOffset = p;
  let headersEnd = -1;
  let bodyOffset = -1;
  while (p < n) {
    const c = input[p];
    if (c === LF) { headersEnd = p; bodyOffset = p + 1; break; }
    if (c === CR && p + 1 < n && input[p + 1] === LF) { headersEnd = p; bodyOffset = p + 2; break; }
    if (c === SP || c === HT) fail('Malformed header', `continuation line with no header before it at byte ${p}`, isRequest, seen);
    if (headers.length >= MAX_HEADERS) fail('Too many headers', `more than ${MAX_HEADERS} header lines`, isRequest, seen);

    // the header line, with its continuation lines (LWS folding)
    let e = input.indexOf(LF, p);
    if (e < 0) fail('Missing end of headers', `header at byte ${p} has no line end`, isRequest, seen);
    let folded = false;
    while (e + 1 < n && (input[e + 1] === SP || input[e + 1] === HT)) {
      folded = true;
      e = input.indexOf(LF, e + 1);
      if (e < 0) fail('Missing end of headers', `folded header at byte ${p} has no line end`, isRequest, seen);
    }

    // the name, hashed as it is read (header-names.ts recognises the common ones from it)
    let i = p;
    let hash = 0;
    for (let c = input[i]!; i < e && TOKEN[c]; c = input[++i]!) hash = nameHashStep(hash, c);
    const nameEnd = i;
    while (i < e && (input[i] === SP || input[i] === HT)) i++;
    if (nameEnd === p || input[i] !== 0x3a) {
      fail('Malformed header', `expected "Name:" at byte ${p}, got ${excerpt(input.toString('latin1', p, Math.min(e, p + 40)))}`, isRequest, seen);
    }
    let vs = i + 1;
    let ve = e;
    while (vs < ve && (input[vs] === SP || input[vs] === HT || input[vs] === CR || input[vs] === LF)) vs++;
    while (ve > vs && (input[ve - 1] === SP || input[ve - 1] === HT || input[ve - 1] === CR || input[ve - 1] === LF)) ve--;

    const known = knownHeaderAt(input, p, nameEnd, hash);
    const lname = known !== undefined ? known.lname : canonicalName(latin1(input, p, nameEnd));
    const h = new HeaderLine(block, input, nameEnd, lname, p, e + 1, vs, ve, folded);
    headers.push(h);
    // every name with a bit, and content-length, is a known one
    const bit = known !== undefined ? BITS_BY_SLOT[known.slot]! : 0;
    if (bit !== 0) {
      if (seen & bit & SINGLE) fail('Duplicate header', `more than one ${h.name} header`, isRequest, seen);
      seen |= bit;
    } else if (known !== undefined && known.slot === CONTENT_LENGTH_SLOT) {
      if (clField && clField.value !== h.value) fail('Conflicting Content-Length', `${excerpt(clField.value)} and ${excerpt(h.value)}`, isRequest, seen);
      clField = h;
    }
    p = e + 1;
  }
  if (headersEnd < 0) fail('Missing end of headers', 'no empty line after the headers', isRequest, seen);
  block.end = headersEnd;
  // a NUL past the headers is the body's (no view of the header block made to search it alone)
  const zero = input.indexOf(0);
  if (zero >= 0 && zero < headersEnd) checkNuls(input, zero, headers, isRequest, seen);

  let buf = input;
  let contentLength: number | undefined;
  if (clField) {
    // the usual value, digits alone, read from the bytes; anything else through its text
    let cl = digitsAt(input, clField.valueStart, clField.valueEnd);
    if (cl < 0 || cl > MAX_MESSAGE_SIZE * 16) {
      try {
        cl = parseNumber(clField.value, 'Content-Length', MAX_MESSAGE_SIZE * 16);
      } catch (err) {
        fail('Bad Content-Length', excerpt(clField.value), isRequest, seen);
      }
    }
    const avail = n - bodyOffset;
    if (cl > avail) fail('Content-Length exceeds data', `Content-Length ${cl}, ${avail} bytes present`, isRequest, seen);
    // a body longer than Content-Length: the rest is not part of this message
    if (cl < avail) buf = input.subarray(0, bodyOffset + cl);
    contentLength = cl;
  }

  // when truncated, `buf` shares memory and offsets with `input`
  return {
    buf, isRequest, version: fl.version, method: fl.method, ruri: fl.ruri, status: fl.status, reason: fl.reason,
    headers, headersEnd, bodyOffset, ruriStart: fl.ruriStart, ruriEnd: fl.ruriEnd, firstHeaderOffset, firstLineOffset: pos, seen, contentLength,
  };
}

/** The number written as 1-10 digits at buf[start, end); -1 for anything else. */
function digitsAt(buf: Buffer, start: number, end: number): number {
  if (end <= start || end - start > 10) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i]! - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A NUL is allowed in the header section only as a quoted-pair ("\\" NUL) inside a quoted
 *  string (RFC 3261 §25.1; RFC 4475 §3.1.1.2 intmeth); anywhere else the message is refused.
 *  Runs only when the scan saw a NUL; one pass over each header line that holds one. */
function checkNuls(input: Buffer, firstZero: number, headers: readonly HeaderField[], isRequest: boolean, seen: number): void {
  const refuse = (at: number): never => fail('NUL byte in header', `at byte ${at}`, isRequest, seen);
  if (headers.length === 0 || firstZero < headers[0].valueStart) refuse(firstZero);
  const limit = headers[headers.length - 1].end;
  let zero = firstZero;
  // header lines are contiguous, so each NUL lies in the first line not yet passed that ends after it
  for (const h of headers) {
    if (zero < 0 || zero >= limit) return;
    if (h.end <= zero) continue;
    if (zero < h.valueStart) refuse(zero);
    let inQuote = false;
    for (let i = h.valueStart; i < h.valueEnd; i++) {
      const c = input[i];
      if (c === 0) refuse(i);
      if (inQuote && c === 0x5c) i++; // quoted-pair: the next byte, NUL included, is text
      else if (c === 0x22) inQuote = !inQuote;
    }
    zero = input.indexOf(0, h.end);
  }
}

interface FirstLine {
  isRequest: boolean; version: string; method: string; ruri: string; ruriStart: number; ruriEnd: number; status: number; reason: string;
}

function isVersion(s: string): boolean {
  // SIP/<digits>.<digits>, case-insensitive name; other versions are left to the core (505)
  if (s.length < 7 || s.slice(0, 4).toUpperCase() !== 'SIP/') return false;
  const dot = s.indexOf('.', 4);
  if (dot < 5 || dot === s.length - 1) return false;
  for (let i = 4; i < s.length; i++) {
    if (i === dot) continue;
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** What the request line alone tells about the Request-URI (RFC 3261 §25.1): it starts with
 *  a scheme (ALPHA *(ALPHA / DIGIT / "+" / "-" / ".") ":"), so "<sip:...>" is refused (RFC 4475
 *  §3.1.2.7 ltgtruri), and a SIP/SIPS one carries no headers (§19.1.1 Table 1; RFC 4475
 *  §3.1.2.11 escruri). The rest of the URI is parsed on first use (ruriParsed). */
function requestUriProblem(ruri: string): string | null {
  const colon = ruri.indexOf(':');
  if (colon <= 0) return 'no scheme';
  const first = ruri.charCodeAt(0) | 0x20;
  if (first < 0x61 || first > 0x7a) return 'bad scheme';
  for (let i = 1; i < colon; i++) {
    const c = ruri.charCodeAt(i);
    const lower = c | 0x20;
    if (!((lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e)) return 'bad scheme';
  }
  if (colon === 3 || colon === 4) {
    const scheme = ruri.slice(0, colon).toLowerCase();
    if (scheme === 'sip' || scheme === 'sips') {
      // as parseUri reads it: the user part ends at the first '@', headers start at a '?' after it
      const at = ruri.indexOf('@', colon);
      if (ruri.indexOf('?', at < 0 ? colon : at) >= 0) return 'headers in a SIP Request-URI';
    }
  }
  return null;
}

// Methods common enough to be recognised straight from the bytes (case-sensitive, RFC 3261
// §7.1): the first line is read without making a string of the whole line, and the method is
// one kept string, so `msg.method === 'REGISTER'` compares the same string.
const METHODS = ['REGISTER', 'INVITE', 'ACK', 'BYE', 'CANCEL', 'OPTIONS', 'SUBSCRIBE', 'NOTIFY', 'MESSAGE', 'INFO', 'PRACK', 'UPDATE', 'REFER', 'PUBLISH'];
const METHOD_BYTES = METHODS.map((m) => Buffer.from(m, 'latin1'));
const SIP_2_0 = 'SIP/2.0';

/** buf[start, end) holds exactly `bytes`. */
function bytesAre(buf: Buffer, start: number, end: number, bytes: Uint8Array): boolean {
  if (end - start !== bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[start + i] !== bytes[i]) return false;
  return true;
}
const SIP_2_0_BYTES = Buffer.from(SIP_2_0, 'latin1');

/** The method of buf[start, end): a kept string for a common one; undefined when not a token. */
function methodAt(buf: Buffer, start: number, end: number): string | undefined {
  for (let k = 0; k < METHOD_BYTES.length; k++) if (bytesAre(buf, start, end, METHOD_BYTES[k]!)) return METHODS[k];
  for (let i = start; i < end; i++) if (!TOKEN[buf[i]!]) return undefined;
  return latin1(buf, start, end);
}

/** 'SIP/' in any case at buf[start]. */
function sipSlashAt(buf: Buffer, start: number, end: number): boolean {
  return end - start >= 4 && (buf[start]! | 0x20) === 0x73 && (buf[start + 1]! | 0x20) === 0x69 && (buf[start + 2]! | 0x20) === 0x70 && buf[start + 3] === 0x2f;
}

/** The version text of buf[start, end): the kept 'SIP/2.0' when it is that, else checked by isVersion; undefined when bad. */
function versionAt(buf: Buffer, start: number, end: number): string | undefined {
  if (bytesAre(buf, start, end, SIP_2_0_BYTES)) return SIP_2_0;
  const v = latin1(buf, start, end);
  return isVersion(v) ? v : undefined;
}

/** The first line, read from the bytes: latin1 keeps one char per byte, so a string made of a
 *  part of it has its byte offsets. Only the Request-URI (and an unusual method or version) is
 *  made into a string; the line itself only for an error's excerpt. */
function parseFirstLine(buf: Buffer, start: number, end: number): FirstLine {
  const line = (): string => latin1(buf, start, end);
  let sp1 = start;
  while (sp1 < end && buf[sp1] !== SP) sp1++;
  if (sp1 === start || sp1 === end) throw new SipParseError('Bad first line', excerpt(line()));
  if (sipSlashAt(buf, start, sp1)) {
    const version = versionAt(buf, start, sp1);
    if (version === undefined) throw new SipParseError('Bad SIP version', excerpt(latin1(buf, start, sp1)));
    let sp2 = sp1 + 1;
    while (sp2 < end && buf[sp2] !== SP) sp2++;
    const c0 = buf[sp1 + 1]!, c1 = buf[sp1 + 2]!, c2 = buf[sp1 + 3]!;
    if (sp2 - sp1 !== 4 || c0 < 0x31 || c0 > 0x36 || c1 < 0x30 || c1 > 0x39 || c2 < 0x30 || c2 > 0x39) {
      throw new SipParseError('Bad status code', excerpt(line()));
    }
    const reason = sp2 < end ? utf8(buf, sp2 + 1, end) : '';
    return { isRequest: false, version, method: '', ruri: '', ruriStart: 0, ruriEnd: 0, status: (c0 - 0x30) * 100 + (c1 - 0x30) * 10 + (c2 - 0x30), reason };
  }
  const method = methodAt(buf, start, sp1);
  if (method === undefined) throw new SipParseError('Bad method', excerpt(latin1(buf, start, sp1)));
  let sp2 = end - 1;
  while (sp2 > sp1 && buf[sp2] !== SP) sp2--;
  if (sp2 <= sp1) throw new SipParseError('Bad request line', `expected "METHOD URI SIP/2.0", got ${excerpt(line())}`);
  const version = versionAt(buf, sp2 + 1, end);
  if (version === undefined) throw new SipParseError('Bad SIP version', excerpt(line()));
  // whitespace, controls and non-ASCII bytes are never part of a Request-URI
  for (let i = sp1 + 1; i < sp2; i++) {
    const c = buf[i]!;
    if (c <= 0x20 || c >= 0x7f) throw new SipParseError('Bad Request-URI', excerpt(latin1(buf, sp1 + 1, sp2)));
  }
  if (sp2 === sp1 + 1) throw new SipParseError('Bad Request-URI', excerpt(''));
  const ruri = latin1(buf, sp1 + 1, sp2);
  const ruriProblem = requestUriProblem(ruri);
  if (ruriProblem) throw new SipParseError('Bad Request-URI', `${ruriProblem} in ${excerpt(ruri)}`);
  return {
    isRequest: true, version, method, ruri, ruriStart: sp1 + 1, ruriEnd: sp2, status: 0, reason: '',
  };
}

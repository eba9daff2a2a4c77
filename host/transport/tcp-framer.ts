// Cuts a TCP byte stream into SIP messages by Content-Length (RFC 3261 §18.3), with limits
// on message size and header count so a hostile stream cannot make us buffer without end.
//
// Messages are pulled one at a time (next()), so the connection decides how many it handles
// per turn of the event loop, and every complete message before bytes that cannot be framed
// is handed out before the error: the caller answers them, then closes the stream at the bad
// bytes (SIP over TCP cannot resynchronise), as Kamailio does.
export interface FramerLimits {
  maxMessageBytes: number;
  maxHeaders: number;
}

export class FramingError extends Error {}

export interface FramedMessage {
  buf: Buffer;
  /** When the message's last byte was read (ms since the epoch, as given to append). */
  receivedAt: number;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

export class TcpFramer {
  /** The bytes being framed: the message in progress, and what followed it in the same reads. */
  private buf: Buffer = Buffer.alloc(0);
  /**
   * Chunks read after `buf`, not yet joined to it: a chunk is copied onto the head only when
   * the message in progress needs it, so a deep pipeline costs no more copying than a short one.
   */
  private readonly later: Buffer[] = [];
  private laterBytes = 0;
  /** Where the search for the end of headers resumes: a slow stream is not rescanned per byte. */
  private searchFrom = 0;
  /** Stream offset of buf[0]. */
  private base = 0;
  /** When each appended chunk was read, by the stream offset it ends at (oldest first). */
  private readonly chunks: { end: number; at: number }[] = [];
  /** Once the stream could not be framed, it never can again. */
  private failure: FramingError | null = null;

  constructor(private readonly limits: FramerLimits) {}

  /** Adds bytes read at `at` (ms since the epoch). */
  append(chunk: Buffer, at: number = Date.now()): void {
    if (chunk.length === 0) return;
    if (this.buf.length === 0 && this.later.length === 0) this.buf = chunk;
    else {
      this.later.push(chunk);
      this.laterBytes += chunk.length;
    }
    this.chunks.push({ end: this.base + this.pending, at });
  }

  /**
   * The next complete message, or null when more bytes are needed. Throws FramingError when
   * the bytes now at the head of the stream cannot be a message (and on every call after).
   */
  next(): FramedMessage | null {
    if (this.failure) throw this.failure;
    try {
      return this.take();
    } catch (e) {
      if (e instanceof FramingError) this.failure = e;
      throw e;
    }
  }

  /** Appends, then takes every complete message; the error, if any, comes after them. */
  push(chunk: Buffer, at?: number): { messages: Buffer[]; error: FramingError | null } {
    this.append(chunk, at);
    const messages: Buffer[] = [];
    try {
      for (let m = this.next(); m; m = this.next()) messages.push(m.buf);
    } catch (e) {
      if (e instanceof FramingError) return { messages, error: e };
      throw e;
    }
    return { messages, error: null };
  }

  /** Bytes held that are not yet part of a message handed out. */
  get pending(): number {
    return this.buf.length + this.laterBytes;
  }

  /** When the oldest pending byte was read: the start of the message being received; null when none. */
  get pendingSince(): number | null {
    return this.pending === 0 ? null : (this.chunks[0]?.at ?? null);
  }

  private take(): FramedMessage | null {
    this.skipKeepalives();
    let end = this.buf.indexOf(CRLFCRLF, this.searchFrom);
    while (end < 0) {
      if (this.buf.length > this.limits.maxMessageBytes) {
        throw new FramingError(`message larger than ${this.limits.maxMessageBytes} bytes`);
      }
      this.searchFrom = Math.max(0, this.buf.length - 3);
      if (!this.joinNext()) return null;
      end = this.buf.indexOf(CRLFCRLF, this.searchFrom);
    }
    const headEnd = end + 4;
    this.checkHeaderCount(end);
    const length = contentLength(this.buf, end);
    if (headEnd + length > this.limits.maxMessageBytes) {
      throw new FramingError(`message of ${headEnd + length} bytes exceeds the limit of ${this.limits.maxMessageBytes}`);
    }
    while (this.buf.length < headEnd + length) {
      if (!this.joinNext()) {
        this.searchFrom = end; // the header block is complete; wait for the body
        return null;
      }
    }
    const buf = Buffer.from(this.buf.subarray(0, headEnd + length));
    const receivedAt = this.timeOf(this.base + buf.length);
    this.consume(buf.length);
    return { buf, receivedAt };
  }

  /** Joins the next chunk read onto the head; false when there is none. */
  private joinNext(): boolean {
    const next = this.later.shift();
    if (!next) return false;
    this.laterBytes -= next.length;
    this.buf = this.buf.length === 0 ? next : Buffer.concat([this.buf, next]);
    return true;
  }

  /** RFC 5626 keepalives (CRLF, CRLFCRLF) and stray line ends between messages. */
  private skipKeepalives(): void {
    for (;;) {
      let i = 0;
      while (i < this.buf.length && (this.buf[i] === 0x0d || this.buf[i] === 0x0a)) i++;
      if (i > 0) this.consume(i);
      if (this.buf.length > 0 || !this.joinNext()) return;
    }
  }

  private consume(n: number): void {
    this.buf = this.buf.subarray(n);
    this.base += n;
    this.searchFrom = 0;
    while (this.chunks.length > 0 && this.chunks[0]!.end <= this.base) this.chunks.shift();
    if (this.buf.length === 0) this.buf = this.later.length > 0 ? this.takeLater() : Buffer.alloc(0);
  }

  private takeLater(): Buffer {
    const next = this.later.shift()!;
    this.laterBytes -= next.length;
    return next;
  }

  /** When the byte before stream offset `end` was read. */
  private timeOf(end: number): number {
    for (const c of this.chunks) if (c.end >= end) return c.at;
    return this.chunks[this.chunks.length - 1]?.at ?? Date.now();
  }

  private checkHeaderCount(upTo: number): void {
    let lines = 0;
    for (let i = this.buf.indexOf(0x0a); i >= 0 && i < upTo; i = this.buf.indexOf(0x0a, i + 1)) {
      if (++lines > this.limits.maxHeaders + 1) throw new FramingError(`more than ${this.limits.maxHeaders} header lines`);
    }
  }
}

/** Content-Length (or compact `l`) of the header block ending at `end`; required over TCP. */
function contentLength(buf: Buffer, end: number): number {
  const head = buf.toString('latin1', 0, end);
  let length: number | undefined;
  for (const m of head.matchAll(/\r\n(?:content-length|l)[ \t]*:[ \t]*([^\r\n]*)/gi)) {
    const v = m[1]!.trim();
    if (!/^\d{1,9}$/.test(v)) throw new FramingError(`bad Content-Length '${v.slice(0, 20)}'`);
    // two that disagree leave the end of the message unknown: the stream cannot go on (RFC 4475 mcl01)
    if (length !== undefined && length !== Number(v)) throw new FramingError('Content-Length headers that disagree');
    length = Number(v);
  }
  if (length === undefined) throw new FramingError('no Content-Length header (required over TCP)');
  return length;
}

// Cuts a TCP byte stream into SIP messages by Content-Length (RFC 3261 §18.3), with limits
// on message size and header count so a hostile stream cannot make us buffer without end.
export interface FramerLimits {
  maxMessageBytes: number;
  maxHeaders: number;
}

export class FramingError extends Error {}

const CRLFCRLF = Buffer.from('\r\n\r\n');

export class TcpFramer {
  private buf: Buffer = Buffer.alloc(0);
  /** Where the search for the end of headers resumes: a slow stream is not rescanned per byte. */
  private searchFrom = 0;

  constructor(private readonly limits: FramerLimits) {}

  /** Adds bytes; returns the complete messages now available. Throws FramingError. */
  push(chunk: Buffer): Buffer[] {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    const out: Buffer[] = [];
    for (;;) {
      this.skipKeepalives();
      const m = this.next();
      if (!m) break;
      out.push(m);
    }
    if (this.buf.length > this.limits.maxMessageBytes) {
      throw new FramingError(`message larger than ${this.limits.maxMessageBytes} bytes`);
    }
    return out;
  }

  get pending(): number {
    return this.buf.length;
  }

  /** RFC 5626 keepalives (CRLF, CRLFCRLF) and stray line ends between messages. */
  private skipKeepalives(): void {
    let i = 0;
    while (i < this.buf.length && (this.buf[i] === 0x0d || this.buf[i] === 0x0a)) i++;
    if (i > 0) {
      this.buf = this.buf.subarray(i);
      this.searchFrom = 0;
    }
  }

  private next(): Buffer | null {
    const end = this.buf.indexOf(CRLFCRLF, this.searchFrom);
    if (end < 0) {
      this.searchFrom = Math.max(0, this.buf.length - 3);
      return null;
    }
    const headEnd = end + 4;
    this.checkHeaderCount(end);
    const length = contentLength(this.buf, end);
    if (headEnd + length > this.limits.maxMessageBytes) {
      throw new FramingError(`message of ${headEnd + length} bytes exceeds the limit of ${this.limits.maxMessageBytes}`);
    }
    if (this.buf.length < headEnd + length) {
      this.searchFrom = end; // the header block is complete; wait for the body
      return null;
    }
    const msg = Buffer.from(this.buf.subarray(0, headEnd + length));
    this.buf = this.buf.subarray(headEnd + length);
    this.searchFrom = 0;
    return msg;
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
  const m = /\r\n(?:content-length|l)[ \t]*:[ \t]*([^\r\n]*)/i.exec(head);
  if (!m) throw new FramingError('no Content-Length header (required over TCP)');
  const v = m[1]!.trim();
  if (!/^\d{1,9}$/.test(v)) throw new FramingError(`bad Content-Length '${v.slice(0, 20)}'`);
  return Number(v);
}

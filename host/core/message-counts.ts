// SIP messages in and out by method and reply code, counted on the message path (issue 12's
// "messages in/out by method and code"). The path counts µs (issue 9): a count is one array
// increment at an index found without allocating (the parser keeps the common methods as one
// string each, so the method test is mostly identity); names and codes become strings only at
// scrape time, in snapshot(), which lists what was seen.
// Labels stay bounded whatever a peer sends: a method outside SIP_METHODS counts as 'other',
// a code outside 100..699 is not a SIP reply code and is counted nowhere (the parser refuses
// such replies before they get here; a relayed buffer always carries one).

/** The methods counted by name (RFC 3261 and its extensions); any other is 'other'. */
export const SIP_METHODS = [
  'INVITE', 'ACK', 'BYE', 'CANCEL', 'REGISTER', 'OPTIONS', 'INFO', 'PRACK', 'UPDATE', 'SUBSCRIBE', 'NOTIFY', 'REFER', 'MESSAGE', 'PUBLISH',
] as const;
const OTHER = SIP_METHODS.length;
const METHOD_BYTES = SIP_METHODS.map((m) => Buffer.from(m, 'latin1'));
const FIRST_CODE = 100;
const CODE_SLOTS = 600; // 100..699
const SPACE = 0x20;
const DIGIT_0 = 0x30;
const REPLY_PREFIX = Buffer.from('SIP/2.0 ', 'latin1');

/** What snapshot() gives: only what was seen, method names / codes to counts. */
export interface MessageCountsSnapshot {
  requestsIn: Record<string, number>;
  repliesIn: Record<string, number>;
  requestsOut: Record<string, number>;
  repliesOut: Record<string, number>;
}

/** The slot of a method name: its index in SIP_METHODS, or OTHER. */
export function methodSlot(method: string): number {
  for (let i = 0; i < OTHER; i++) if (SIP_METHODS[i] === method) return i;
  return OTHER;
}

/** The slot of a request's method read from its first bytes (a buffer about to be sent). */
function methodSlotOfBuffer(buf: Buffer): number {
  for (let k = 0; k < OTHER; k++) {
    const m = METHOD_BYTES[k]!;
    if (buf.length > m.length && buf[m.length] === SPACE && startsWith(buf, m)) return k;
  }
  return OTHER;
}

function startsWith(buf: Buffer, prefix: Uint8Array): boolean {
  for (let i = 0; i < prefix.length; i++) if (buf[i] !== prefix[i]) return false;
  return true;
}

/** The code of a reply buffer ('SIP/2.0 NNN ...'); -1 when it is not one (a request, a keepalive). */
function replyCodeOfBuffer(buf: Buffer): number {
  if (buf.length < 11 || !startsWith(buf, REPLY_PREFIX)) return -1;
  const d0 = buf[8]! - DIGIT_0, d1 = buf[9]! - DIGIT_0, d2 = buf[10]! - DIGIT_0;
  if (d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  return d0 * 100 + d1 * 10 + d2;
}

export class MessageCounts {
  private readonly requestsIn = new Float64Array(OTHER + 1);
  private readonly requestsOut = new Float64Array(OTHER + 1);
  private readonly repliesIn = new Float64Array(CODE_SLOTS);
  private readonly repliesOut = new Float64Array(CODE_SLOTS);

  /** A request that parsed (before any shedding or routing). */
  requestReceived(method: string): void {
    this.requestsIn[methodSlot(method)]!++;
  }

  replyReceived(code: number): void {
    countCode(this.repliesIn, code);
  }

  /** A reply this thread made and sent (sl, tm's own, a 400 for a malformed request). */
  replySent(code: number): void {
    countCode(this.repliesOut, code);
  }

  /**
   * A SIP message written through the engine's send (requests forwarded or made by tm and the
   * modules, replies relayed, retransmissions of either): counted from its first bytes. Anything
   * that is neither a request of a known method nor a reply (a NAT keepalive) counts as an
   * 'other' request only when it looks like a request line; else nowhere.
   */
  sent(buf: Buffer): void {
    const code = replyCodeOfBuffer(buf);
    if (code >= 0) return countCode(this.repliesOut, code);
    const slot = methodSlotOfBuffer(buf);
    if (slot !== OTHER || looksLikeRequest(buf)) this.requestsOut[slot]!++;
  }

  snapshot(): MessageCountsSnapshot {
    return {
      requestsIn: byMethod(this.requestsIn),
      repliesIn: byCode(this.repliesIn),
      requestsOut: byMethod(this.requestsOut),
      repliesOut: byCode(this.repliesOut),
    };
  }
}

function countCode(slots: Float64Array, code: number): void {
  const i = code - FIRST_CODE;
  if (i >= 0 && i < CODE_SLOTS) slots[i]!++;
}

/** An unknown method's request line: an upper-case token then a space, within 32 bytes. */
function looksLikeRequest(buf: Buffer): boolean {
  const end = Math.min(buf.length, 32);
  for (let i = 0; i < end; i++) {
    const c = buf[i]!;
    if (c === SPACE) return i > 0;
    if (c < 0x41 || c > 0x5a) return false;
  }
  return false;
}

function byMethod(slots: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  slots.forEach((n, i) => {
    if (n > 0) out[i === OTHER ? 'other' : SIP_METHODS[i]!] = n;
  });
  return out;
}

function byCode(slots: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  slots.forEach((n, i) => {
    if (n > 0) out[String(i + FIRST_CODE)] = n;
  });
  return out;
}

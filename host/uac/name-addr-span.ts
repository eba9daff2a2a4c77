// Where the parts of a From/To value lie in the message buffer (byte offsets), for lumps:
// the display name, the URI, and the "name-addr" end (after '>' when there is one).
import type { SipMessage } from '../sip/message.js';

export interface NameAddrSpan {
  /** Start of the header value. */
  valueStart: number;
  /** Display name (trimmed), empty span (start === end) when none. */
  displayStart: number;
  displayEnd: number;
  uriStart: number;
  uriEnd: number;
  /** Offset of '<', -1 when the URI is not in angle brackets. */
  angle: number;
  /** End of the name-addr: after '>' (with the blanks before it) or after the URI. */
  nameAddrEnd: number;
}

const isBlank = (c: number | undefined): boolean => c === 0x20 || c === 0x09;

/** The span of the first From or To header of msg; null when absent or unreadable. */
export function nameAddrSpan(msg: SipMessage, which: 'from' | 'to'): NameAddrSpan | null {
  const hf = msg.header(which);
  if (!hf) return null;
  const buf = msg.buf;
  let i = hf.valueStart;
  const end = hf.valueEnd;
  while (i < end && isBlank(buf[i])) i++;
  const valueStart = i;
  let angle = -1;
  // a quoted display name may hold '<' or ';': skip it as a whole
  if (buf[i] === 0x22) {
    i++;
    while (i < end && buf[i] !== 0x22) i += buf[i] === 0x5c ? 2 : 1;
    if (i >= end) return null;
    i++;
  }
  for (let j = i; j < end; j++) {
    if (buf[j] === 0x3c) {
      angle = j;
      break;
    }
    if (buf[j] === 0x3b || buf[j] === 0x2c) break; // a param before any '<': addr-spec form
  }
  if (angle >= 0) {
    let dEnd = angle;
    while (dEnd > valueStart && isBlank(buf[dEnd - 1])) dEnd--;
    const gt = buf.indexOf(0x3e, angle);
    if (gt < 0 || gt >= end) return null;
    let uriStart = angle + 1;
    let uriEnd = gt;
    while (uriStart < uriEnd && isBlank(buf[uriStart])) uriStart++;
    while (uriEnd > uriStart && isBlank(buf[uriEnd - 1])) uriEnd--;
    if (uriEnd === uriStart) return null;
    return { valueStart, displayStart: valueStart, displayEnd: dEnd, uriStart, uriEnd, angle, nameAddrEnd: gt + 1 };
  }
  let uriEnd = valueStart;
  while (uriEnd < end && buf[uriEnd] !== 0x3b && !isBlank(buf[uriEnd])) uriEnd++;
  if (uriEnd === valueStart) return null;
  return { valueStart, displayStart: valueStart, displayEnd: valueStart, uriStart: valueStart, uriEnd, angle: -1, nameAddrEnd: uriEnd };
}

export function spanText(msg: SipMessage, start: number, end: number): string {
  return msg.buf.toString('latin1', start, end);
}

// Requests tm makes itself toward a branch (RFC 3261 §9.1 CANCEL, §17.1.1.3 ACK for a non-2xx
// final reply): built from the request we sent on that branch, so they carry the same
// Request-URI, top Via (ours, same branch), Call-ID, From, CSeq number and Route set.
import type { SipMessage } from '../sip/message.js';

function common(sent: SipMessage, method: 'ACK' | 'CANCEL', toValue: string, extra: string[]): Buffer {
  const via = sent.headersNamed('via')[0];
  const lines = [`${method} ${sent.ruri} SIP/2.0`];
  if (via) lines.push(`Via: ${firstValue(via.value)}`);
  for (const r of sent.headersNamed('route')) lines.push(`Route: ${r.value}`);
  lines.push('Max-Forwards: 70');
  lines.push(`From: ${sent.header('from')?.value ?? ''}`);
  lines.push(`To: ${toValue}`);
  lines.push(`Call-ID: ${sent.header('call-id')?.value ?? ''}`);
  lines.push(`CSeq: ${sent.cseq().seq} ${method}`);
  lines.push(...extra, 'Content-Length: 0', '', '');
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** The first value of a Via line (ours is alone on its line, but be safe). */
function firstValue(v: string): string {
  const comma = v.indexOf(',');
  return comma < 0 ? v : v.slice(0, comma).trim();
}

export function buildCancel(sent: SipMessage, reason: string | null): Buffer {
  return common(sent, 'CANCEL', sent.header('to')?.value ?? '', reason ? [`Reason: ${reason}`] : []);
}

/** The hop-by-hop ACK for a non-2xx final reply: To (with its tag) from that reply. */
export function buildAck(sent: SipMessage, reply: SipMessage): Buffer {
  return common(sent, 'ACK', reply.header('to')?.value ?? sent.header('to')?.value ?? '', []);
}

// Where a response to a request goes (RFC 3261 §18.2.2 with RFC 3581): over a connection
// (TCP, TLS, WS, WSS), back on the connection it came on, in its own protocol; over UDP, to the source address, at the source port when the
// top Via asks for rport (or the script called force_rport), else at the Via's sent-by port.
import type { MsgContext } from './context.js';
import type { Via } from '../sip/message.js';
import type { Destination } from '../transport/types.js';
import { isConnectionProto } from '../sip/uri.js';

export function replyDestination(ctx: MsgContext, via: Via, code = 0): Destination {
  const r = ctx.rcv;
  if (isConnectionProto(r.proto)) return { proto: r.proto, ip: r.srcIp, port: r.srcPort, conId: r.conId, ...replyConnectionFlags(ctx, code) };
  const useRport = ctx.forceRport || via.params.has('rport');
  const port = useRport ? r.srcPort : via.port || 5060;
  return { proto: 'udp', ip: r.srcIp, port };
}

/** The received= and rport= values to add to the top Via of a reply (RFC 3261 §18.2.1, RFC 3581). */
export function viaReceivedParams(ctx: MsgContext, via: Via): { received?: string; rport?: number } {
  const out: { received?: string; rport?: number } = {};
  const rport = ctx.forceRport || via.params.has('rport');
  if (unbracketed(via.host) !== ctx.rcv.srcIp || rport) out.received = ctx.rcv.srcIp;
  if (rport) out.rport = ctx.rcv.srcPort;
  return out;
}

/** "[::1]" → "::1"; anything else as it is (no regex, no copy for an IPv4 host or a name). */
function unbracketed(host: string): string {
  const a = host.startsWith('[') ? 1 : 0;
  const b = host.endsWith(']') ? host.length - 1 : host.length;
  return a === 0 && b === host.length ? host : host.slice(a, b);
}

/**
 * set_reply_close / set_reply_no_connect (and send_reply_mode's flags) for a reply to this
 * request: never open a connection for it; close the connection once a final reply (only:
 * a 100 Trying must not end the connection the final reply needs) is written.
 */
function replyConnectionFlags(ctx: MsgContext, code: number): { close?: true; noConnect?: true } {
  return { ...(ctx.replyClose && code >= 200 ? { close: true } : {}), ...(ctx.replyNoConnect ? { noConnect: true } : {}) };
}

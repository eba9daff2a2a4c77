// Where a response to a request goes (RFC 3261 §18.2.2 with RFC 3581): over TCP, back on
// the connection it came on; over UDP, to the source address, at the source port when the
// top Via asks for rport (or the script called force_rport), else at the Via's sent-by port.
import type { MsgContext } from './context.js';
import type { Via } from '../sip/message.js';
import type { Destination } from '../transport/types.js';

export function replyDestination(ctx: MsgContext, via: Via): Destination {
  const r = ctx.rcv;
  if (r.proto === 'tcp') return { proto: 'tcp', ip: r.srcIp, port: r.srcPort, conId: r.conId };
  const useRport = ctx.forceRport || via.params.has('rport');
  const port = useRport ? r.srcPort : via.port || 5060;
  return { proto: 'udp', ip: r.srcIp, port };
}

/** The received= and rport= values to add to the top Via of a reply (RFC 3261 §18.2.1, RFC 3581). */
export function viaReceivedParams(ctx: MsgContext, via: Via): { received?: string; rport?: number } {
  const out: { received?: string; rport?: number } = {};
  const rport = ctx.forceRport || via.params.has('rport');
  if (via.host.replace(/^\[|\]$/g, '') !== ctx.rcv.srcIp || rport) out.received = ctx.rcv.srcIp;
  if (rport) out.rport = ctx.rcv.srcPort;
  return out;
}

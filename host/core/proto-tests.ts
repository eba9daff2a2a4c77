// Transport tests of KSR.is_proto / is_UDP ... / is_IPv4 over the receiving socket.
import type { MsgContext, Proto } from './context.js';
import { isIPv6 } from './sip-values.js';

/** KSR.is_proto letters: e=TLS s=SCTP t=TCP u=UDP v=WS w=WSS (conventions.md §h). */
const PROTO_LETTERS: Readonly<Record<string, Proto>> = { e: 'tls', s: 'sctp', t: 'tcp', u: 'udp', v: 'ws', w: 'wss' };

export function isProtoIn(ctx: MsgContext, letters: string): boolean {
  for (const ch of letters.toLowerCase()) {
    if (PROTO_LETTERS[ch] === ctx.rcv.proto) return true;
  }
  return false;
}

/** The named groups of is_TCPX (any stream transport) and is_WSX (either WebSocket). */
export const PROTO_GROUPS: Readonly<Record<string, readonly Proto[]>> = {
  UDP: ['udp'], TCP: ['tcp'], TLS: ['tls'], WS: ['ws'], WSS: ['wss'], SCTP: ['sctp'],
  WSX: ['ws', 'wss'], TCPX: ['tcp', 'tls', 'ws', 'wss'],
};

export function isProtoGroup(ctx: MsgContext, group: string): boolean {
  return PROTO_GROUPS[group]?.includes(ctx.rcv.proto) ?? false;
}

export function isIpFamily(ctx: MsgContext, family: 4 | 6): boolean {
  return isIPv6(ctx.rcv.srcIp) === (family === 6);
}

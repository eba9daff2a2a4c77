// Where the message being built goes, for KSR.to_UDP ... to_IPv6: a request to its next
// hop ($du, else the Request-URI in force; a forced protocol wins), a reply to the Via
// below ours (its received/rport when present). Names are not resolved here: their
// family reads as IPv4 (A is asked before AAAA, host/dns/resolve-target.ts).
import { isIP } from 'node:net';
import type { MsgContext, Proto } from '../core/context.js';
import { tryParseUri, uriTransport } from '../sip/uri.js';

export interface NextHop {
  proto: Proto | string;
  family: 4 | 6;
}

function familyOf(host: string): 4 | 6 {
  return isIP(host.replace(/^\[|\]$/g, '')) === 6 ? 6 : 4;
}

/** null when the destination cannot be told (unparsable URI, reply without a second Via). */
export function nextHop(ctx: MsgContext): NextHop | null {
  if (ctx.msg.isRequest) {
    const uri = tryParseUri(ctx.dstUri ?? ctx.ruri);
    if (!uri || uri.scheme === 'tel') return null;
    return { proto: ctx.forcedProto ?? uriTransport(uri), family: familyOf(uri.host) };
  }
  let vias;
  try {
    vias = ctx.msg.vias();
  } catch {
    return null;
  }
  const via = vias[1];
  if (!via) return null;
  return { proto: via.transport.toLowerCase(), family: familyOf(via.params.get('received') || via.host) };
}

/** to_UDP ... to_WSX: the next hop's transport is one of these. */
export function nextHopProtoIn(ctx: MsgContext, protos: readonly string[]): boolean {
  const hop = nextHop(ctx);
  return hop !== null && protos.includes(hop.proto);
}

export function nextHopFamily(ctx: MsgContext, family: 4 | 6): boolean {
  return nextHop(ctx)?.family === family;
}

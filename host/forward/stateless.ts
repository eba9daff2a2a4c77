// Stateless forwarding: KSR.forward / forward_uri for requests, and replies that match no
// transaction, relayed by their Via (RFC 3261 §16.11; §18.2.2 for where a reply goes).
import type { MsgContext } from '../core/context.js';
import type { Destination } from '../transport/types.js';
import { buildForwardedReply } from '../sip/builder.js';
import { SipParseError } from '../sip/errors.js';
import { copyContext } from '../core/context-copy.js';
import { parseHop } from './next-hop.js';
import { resolveLiteral } from '../dns/resolve-target.js';
import { sendRequest } from './send-request.js';
import { statelessBranch } from './via.js';

/**
 * Forwards the request to $du / the R-URI, or to `uri` when given (forward_uri). False when
 * that next hop is not a SIP URI. The send itself runs once the current callback returned,
 * so ksr_onsend_route never runs inside another callback.
 */
export function forwardStateless(ctx: MsgContext, uri?: string): boolean {
  if (!ctx.msg.isRequest) return false;
  const c = copyContext(ctx, ctx.routeType);
  if (uri !== undefined) c.dstUri = uri;
  if (!parseHop(c.dstUri ?? c.ruri)) {
    ctx.core.logger.log('error', `forward: next hop "${c.dstUri ?? c.ruri}" is not a SIP URI`);
    return false;
  }
  // an address given literally is checked now, so a refused destination fails the call (-1);
  // the send itself is checked again by the transport, names once they are resolved
  const hop = parseHop(c.dstUri ?? c.ruri)!;
  const literal = resolveLiteral(hop, c.forcedProto === 'udp' || c.forcedProto === 'tcp' ? c.forcedProto : c.forcedProto === 'tls' ? 'tcp' : null);
  if (literal && ctx.core.permitsOutbound?.(literal) === false) return false;
  const branch = statelessBranch(ctx.msg, c.ruri);
  queueMicrotask(() =>
    sendRequest(c, branch, (o) => {
      if (!o.ok && o.code !== 0) ctx.core.logger.log('warn', `forward: ${o.reason}`);
    }),
  );
  return true;
}

/** Where a reply goes after our Via is removed: the next Via's received/rport/sent-by. */
export function replyNextHop(ctx: MsgContext): Destination | null {
  const vias = ctx.msg.vias();
  const ours = vias[0];
  const next = vias[1];
  if (!ours || !next) return null;
  if (!ctx.core.isMyself(ours.host, ours.port || undefined)) return null;
  const proto = next.transport === 'UDP' ? 'udp' : next.transport === 'TCP' || next.transport === 'TLS' ? 'tcp' : null;
  if (!proto) return null;
  const ip = next.params.get('received') || next.host;
  const rport = Number(next.params.get('rport'));
  const port = Number.isInteger(rport) && rport > 0 ? rport : next.port || 5060;
  return { proto, ip, port };
}

/** Relays a reply matched to no transaction: our top Via removed, sent to the next Via. */
export function forwardReplyStateless(ctx: MsgContext): boolean {
  let dst: Destination | null;
  try {
    dst = replyNextHop(ctx);
  } catch (e) {
    if (e instanceof SipParseError) return false;
    throw e;
  }
  if (!dst) return false;
  return ctx.core.send(buildForwardedReply(ctx.msg, ctx.lumps), dst);
}

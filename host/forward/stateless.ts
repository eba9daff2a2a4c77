// Stateless forwarding: KSR.forward / forward_uri for requests, and replies that match no
// transaction, relayed by their Via (RFC 3261 §16.11; §18.2.2 for where a reply goes).
import type { MsgContext } from '../core/context.js';
import type { Destination } from '../transport/types.js';
import { buildForwardedReply } from '../sip/builder.js';
import { SipParseError } from '../sip/errors.js';
import { copyContext } from '../core/context-copy.js';
import { parseHop, sendable } from './next-hop.js';
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
  const literal = resolveLiteral(hop, sendable(c.forcedProto));
  if (literal && ctx.core.permitsOutbound?.(literal) === false) return false;
  const branch = statelessBranch(ctx.msg, c.ruri);
  queueMicrotask(() =>
    sendRequest(c, branch, (o) => {
      if (!o.ok && o.code !== 0) ctx.core.logger.log('warn', `forward: ${o.reason}`);
    }),
  );
  return true;
}

/** A Via's protocol → how we send to it. A stream protocol goes back over the connection open
 *  to received:rport (Transports finds it by the peer's address; WS and WSS never connect). */
const VIA_PROTO: Readonly<Record<string, Destination['proto']>> = { UDP: 'udp', TCP: 'tcp', TLS: 'tls', WS: 'ws', WSS: 'wss' };

/** Where a reply goes after our Via is removed: the next Via's received/rport/sent-by. */
export function replyNextHop(ctx: MsgContext): Destination | null {
  const vias = ctx.msg.vias();
  const ours = vias[0];
  const next = vias[1];
  if (!ours || !next) return null;
  if (!ctx.core.isMyself(ours.host, ours.port || undefined)) return null;
  const proto = VIA_PROTO[next.transport.toUpperCase()];
  if (!proto) return null;
  const ip = next.params.get('received') || next.host;
  const rport = Number(next.params.get('rport'));
  const port = Number.isInteger(rport) && rport > 0 ? rport : next.port || 5060;
  return { proto, ip, port };
}

/** Relays a reply matched to no transaction: our top Via removed, sent to the next Via. */
export function forwardReplyStateless(ctx: MsgContext, statusLine?: { code: string; reason: string }): boolean {
  let dst: Destination | null;
  try {
    dst = replyNextHop(ctx);
  } catch (e) {
    if (e instanceof SipParseError) return false;
    throw e;
  }
  if (!dst) return false;
  const buf = buildForwardedReply(ctx.msg, ctx.lumps);
  return ctx.core.send(statusLine ? withStatusLine(buf, statusLine.code, statusLine.reason) : buf, dst);
}

/**
 * sl_forward_reply(code, reason): relays the reply being routed now, statelessly, with its
 * code and/or reason replaced ("" keeps the received one). The code must be three digits of
 * the same class as the received one (Kamailio's rule). The reply is not consumed: the core
 * relays it again at the end of the route unless the script drops it, as in Kamailio.
 * 1 sent, -1 not a reply, a bad code, or no next Via to send it to.
 */
export function forwardReplyWithStatus(ctx: MsgContext, code: string, reason: string): number {
  const log = (text: string) => ctx.core.logger.log('error', `KSR.sl.sl_forward_reply: ${text}`);
  if (ctx.msg.isRequest) return log('expected a reply, the message is a request'), -1;
  const received = String(ctx.msg.status);
  if (code !== '' && !/^[1-6][0-9][0-9]$/.test(code)) return log(`expected a 3-digit status code or "", got "${code}"`), -1;
  if (code !== '' && code[0] !== received[0]) return log(`the code class cannot change (${received} to ${code})`), -1;
  if (/[\r\n]/.test(reason)) return log('the reason phrase may not contain a line break'), -1;
  const line = { code: code || received, reason: reason || ctx.msg.reason };
  return forwardReplyStateless(ctx, line) ? 1 : -1;
}

/** The reply's first line rewritten: "SIP/2.0 CODE REASON". */
function withStatusLine(buf: Buffer, code: string, reason: string): Buffer {
  const end = buf.indexOf('\r\n');
  const version = buf.subarray(0, buf.indexOf(' ')).toString('latin1');
  return Buffer.concat([Buffer.from(`${version} ${code} ${reason}`, 'utf8'), buf.subarray(end)]);
}

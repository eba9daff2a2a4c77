// The one sending path of every outgoing request (tm branches, KSR.forward, forward_uri):
// next hop → address → bytes → ksr_onsend_route → core.send. Asynchronous only when the next
// hop is a name to resolve; the result is reported once through `done`, and a TCP connection
// that fails after the bytes were handed over is reported through `onLateError`.
import type { MsgContext } from '../core/context.js';
import type { Destination } from '../transport/types.js';
import { buildOutgoingRequest } from './build-request.js';
import { nextHopText, parseHop, resolveHopTargets, type Target } from './next-hop.js';
import { runOnsend } from './onsend.js';

/** `others`: the targets the next hop resolved to after the one tried (DNS failover's list). */
export type SendOutcome =
  | { ok: true; buf: Buffer; dst: Destination; others: Target[] }
  /** code: the reply a transaction records for a branch that could not be sent (Kamailio's
   *  477 send failure, 478 unresolvable destination); 0 when ksr_onsend_route dropped it. */
  | { ok: false; code: number; reason: string; others: Target[] };

export const SEND_FAILED = 477;
export const UNRESOLVABLE = 478;

/**
 * Sends the request to the first target of its next hop. `targets`, when given, are used
 * instead of resolving the next hop again (DNS failover: the ones left after a failed try).
 */
export function sendRequest(
  ctx: MsgContext,
  branch: string,
  done: (o: SendOutcome) => void,
  onLateError: (reason: string) => void = () => {},
  targets?: Target[],
): void {
  if (targets && targets.length > 0) return sendToTargets(ctx, branch, targets, done, onLateError);
  const hopText = nextHopText(ctx);
  const hop = parseHop(hopText);
  if (!hop) return done({ ok: false, code: UNRESOLVABLE, reason: `next hop "${hopText}" is not a SIP URI`, others: [] });
  resolveHopTargets(hop, ctx.forcedProto, (list) => {
    if (typeof list === 'string') return done({ ok: false, code: UNRESOLVABLE, reason: list, others: [] });
    sendToTargets(ctx, branch, list, done, onLateError);
  });
}

function sendToTargets(ctx: MsgContext, branch: string, list: Target[], done: (o: SendOutcome) => void, onLateError: (reason: string) => void): void {
  const target = webSocketFlavour(ctx, list[0]!);
  const others = list.slice(1);
  const built = buildOutgoingRequest(ctx, target, branch);
  const dst: Destination = { proto: target.proto, ip: target.ip, port: target.port, ...(target.host ? { host: target.host } : {}), ...forwardConnectionFlags(ctx) };
  if (built?.forced) dst.from = built.forced;
  if (!built) return done({ ok: false, code: SEND_FAILED, reason: `no ${target.proto.toUpperCase()} listener toward ${target.ip}`, others });
  if (!runOnsend(ctx, { buf: built.buf, dst, local: built.local })) {
    return done({ ok: false, code: 0, reason: 'dropped by ksr_onsend_route', others });
  }
  let answered = false;
  let failedNow: string | null = null;
  let sent = true;
  sent = ctx.core.send(built.buf, dst, (reason) => {
    if (!answered) failedNow = reason;
    else if (sent) onLateError(reason);
  });
  answered = true;
  if (!sent || failedNow) return done({ ok: false, code: SEND_FAILED, reason: failedNow ?? `cannot send to ${dst.proto}:${dst.ip}:${dst.port}`, others });
  done({ ok: true, buf: built.buf, dst, others });
}

/** set_forward_close / set_forward_no_connect: what the script asked of the connection (TCP). */
function forwardConnectionFlags(ctx: MsgContext): { close?: true; noConnect?: true } {
  return { ...(ctx.forwardClose ? { close: true } : {}), ...(ctx.forwardNoConnect ? { noConnect: true } : {}) };
}

/**
 * ";transport=ws" names WS and WSS alike (RFC 7118 §5.2; Kamailio writes "ws" for both, and so
 * do nathelper's aliases): with a listener of one kind only, the target is of that kind, so our
 * Via and Record-Route show the socket the connection really is on.
 */
function webSocketFlavour(ctx: MsgContext, t: Target): Target {
  if (t.proto !== 'ws' && t.proto !== 'wss') return t;
  const v6 = t.ip.includes(':');
  if (ctx.core.localAddress(t.proto, v6)) return t;
  const other = t.proto === 'ws' ? 'wss' : 'ws';
  return ctx.core.localAddress(other, v6) ? { ...t, proto: other } : t;
}

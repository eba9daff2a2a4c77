// The one sending path of every outgoing request (tm branches, KSR.forward, forward_uri):
// next hop → address → bytes → ksr_onsend_route → core.send. Asynchronous only when the next
// hop is a name to resolve; the result is reported once through `done`, and a TCP connection
// that fails after the bytes were handed over is reported through `onLateError`.
import type { MsgContext } from '../core/context.js';
import type { Destination } from '../transport/types.js';
import { buildOutgoingRequest } from './build-request.js';
import { nextHopText, parseHop, resolveHop } from './next-hop.js';
import { runOnsend } from './onsend.js';

export type SendOutcome =
  | { ok: true; buf: Buffer; dst: Destination }
  /** code: the reply a transaction records for a branch that could not be sent (Kamailio's
   *  477 send failure, 478 unresolvable destination); 0 when ksr_onsend_route dropped it. */
  | { ok: false; code: number; reason: string };

export const SEND_FAILED = 477;
export const UNRESOLVABLE = 478;

export function sendRequest(
  ctx: MsgContext,
  branch: string,
  done: (o: SendOutcome) => void,
  onLateError: (reason: string) => void = () => {},
): void {
  const hopText = nextHopText(ctx);
  const hop = parseHop(hopText);
  if (!hop) return done({ ok: false, code: UNRESOLVABLE, reason: `next hop "${hopText}" is not a SIP URI` });
  resolveHop(hop, ctx.forcedProto, (target) => {
    if (typeof target === 'string') return done({ ok: false, code: UNRESOLVABLE, reason: target });
    const built = buildOutgoingRequest(ctx, target, branch);
    const dst: Destination = { proto: target.proto, ip: target.ip, port: target.port, ...forwardConnectionFlags(ctx) };
    if (!built) return done({ ok: false, code: SEND_FAILED, reason: `no ${target.proto.toUpperCase()} listener toward ${target.ip}` });
    if (!runOnsend(ctx, { buf: built.buf, dst, local: built.local })) {
      return done({ ok: false, code: 0, reason: 'dropped by ksr_onsend_route' });
    }
    let answered = false;
    let failedNow: string | null = null;
    let sent = true;
    sent = ctx.core.send(built.buf, dst, (reason) => {
      if (!answered) failedNow = reason;
      else if (sent) onLateError(reason);
    });
    answered = true;
    if (!sent || failedNow) return done({ ok: false, code: SEND_FAILED, reason: failedNow ?? `cannot send to ${dst.proto}:${dst.ip}:${dst.port}` });
    done({ ok: true, buf: built.buf, dst });
  });
}

/** set_forward_close / set_forward_no_connect: what the script asked of the connection (TCP). */
function forwardConnectionFlags(ctx: MsgContext): { close?: true; noConnect?: true } {
  return { ...(ctx.forwardClose ? { close: true } : {}), ...(ctx.forwardNoConnect ? { noConnect: true } : {}) };
}

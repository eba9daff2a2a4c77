// KSR.sanity: runs the checks a mask selects, in bit order, and answers the first failure
// itself when the request can be answered (not an ACK, not a reply), as Kamailio's
// sanity module does with its default `noreply` = 0. The failure is remembered on the
// message (MsgContext.sanityFailure) so sanity_reply can send it later.
import type { MsgContext } from '../core/context.js';
import { SANITY_CHECKS, type SanityFailure } from './checks.js';

/** Kamailio's defaults: default_checks = 999, uri_checks = 3 (R-URI and From). */
export const SANITY_DEFAULT_MSG_CHECKS = 999;
export const SANITY_DEFAULT_URI_CHECKS = 3;

type Pending = NonNullable<MsgContext['sanityFailure']>;

/** The first failing check of `msgChecks`, or null. */
export function findSanityFailure(ctx: MsgContext, msgChecks: number, uriChecks: number): SanityFailure | null {
  for (const check of SANITY_CHECKS) {
    if ((msgChecks & check.bit) === 0) continue;
    if (!ctx.msg.isRequest && !check.replies) continue;
    const f = check.run(ctx, uriChecks);
    if (f) return f;
  }
  return null;
}

function canReply(ctx: MsgContext): boolean {
  return ctx.msg.isRequest && ctx.msg.method.toUpperCase() !== 'ACK' && !ctx.replied;
}

function send(ctx: MsgContext, f: Pending): boolean {
  if (!canReply(ctx)) return false;
  f.sent = ctx.core.sendReply(ctx, f.code, f.reason, { headers: f.headers });
  if (f.sent) ctx.replied = true;
  return f.sent;
}

/** 1 passed; -1 failed (the reply was sent when the request can be answered). */
export function sanityCheck(ctx: MsgContext, msgChecks: number, uriChecks: number): number {
  const f = findSanityFailure(ctx, msgChecks, uriChecks);
  if (!f) return 1;
  const pending: Pending = { ...f, sent: false };
  ctx.sanityFailure = pending;
  ctx.core.logger.log('info', `sanity: check failed: ${f.code} ${f.reason}`);
  send(ctx, pending);
  return -1;
}

/** Sends the reply of the last failed check if it was not sent yet: 1 sent, -1 nothing to send. */
export function sanityReply(ctx: MsgContext): number {
  const f = ctx.sanityFailure;
  if (!f || f.sent) return -1;
  return send(ctx, f) ? 1 : -1;
}

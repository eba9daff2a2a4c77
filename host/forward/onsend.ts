// ksr_onsend_route: the last look at a request before it leaves. It runs on a copy of the
// request's context; $snd(ip|port|proto|buf|len|af|sproto) describe what is about to be sent.
// A drop there discards the send.
import type { MsgContext } from '../core/context.js';
import type { Destination } from '../transport/types.js';
import { copyContext } from '../core/context-copy.js';

export const ONSEND_ROUTE = 'ksr_onsend_route';

export interface SendInfo {
  buf: Buffer;
  dst: Destination;
  local: { ip: string; port: number };
}

export function sendInfoOf(ctx: MsgContext): SendInfo | undefined {
  return ctx.sendInfo ?? undefined;
}

/** True when the message may go; false when ksr_onsend_route dropped it. */
export function runOnsend(ctx: MsgContext, info: SendInfo): boolean {
  if (!ctx.core.hasRoute(ONSEND_ROUTE)) return true;
  const c = copyContext(ctx, 'onsend');
  c.dropped = false;
  c.sendInfo = info;
  ctx.core.runRoute(ONSEND_ROUTE, c);
  return !c.dropped;
}

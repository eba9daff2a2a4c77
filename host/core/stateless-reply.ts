// The checks around a script-requested stateless reply (KSR.sl.*): Kamailio's sl refuses to
// answer an ACK or a reply, and codes outside 100..699.
import type { MsgContext } from './context.js';
import type { ReplyOptions } from './services.js';

export function sendStatelessReply(ctx: MsgContext, code: number, reason: string, opts?: ReplyOptions): boolean {
  if (!ctx.msg.isRequest) {
    ctx.core.logger.log('error', `sl: cannot reply to a reply (status ${ctx.msg.status})`);
    return false;
  }
  if (ctx.msg.method.toUpperCase() === 'ACK') {
    ctx.core.logger.log('warn', 'sl: an ACK is never answered');
    return false;
  }
  if (!Number.isInteger(code) || code < 100 || code > 699) {
    ctx.core.logger.log('error', `sl: reply code must be 100..699, got ${code}`);
    return false;
  }
  const ok = ctx.core.sendReply(ctx, code, reason, opts);
  if (ok && code >= 200) ctx.replied = true;
  return ok;
}

/**
 * sl_reply_error: Kamailio answers the last internal error (err2reason). The engine keeps no
 * such error yet, so this is always 500, Kamailio's answer when no specific error is known.
 */
export function sendErrorReply(ctx: MsgContext): boolean {
  return sendStatelessReply(ctx, 500, 'Server Internal Error');
}

// KSR.sl.*: replies to the request being routed, and the stateless relay of a reply.
// When the request has a transaction (t_newtran, t_relay...) every reply function answers
// through it (tm's t_reply): the transaction records the reply, resends it on a retransmission
// of the request, and has nothing left to answer later. Kamailio does so for send_reply*
// only; its sl_send_reply/sl_reply_error stay stateless and leave the transaction without a
// reply to resend (a retransmission then gets nothing). Here all five go through it.
import { defineModule } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { sendStatelessReply } from '../../host/core/stateless-reply.js';
import { forwardReplyWithStatus } from '../../host/forward/stateless.js';
import { decl, partial, intOf } from './decl.js';

/** send_reply_mode's flags (Kamailio sl): 1 never open a connection for it, 2 close after it. */
const MODE_NO_CONNECT = 1;
const MODE_CLOSE = 2;

/** A reply to the request: through its transaction when it has one, else stateless. */
function reply(ctx: MsgContext, code: number, reason: string): number {
  const tm = ctx.core.tm;
  if (tm.transactionOf(ctx)) return tm.reply(ctx, code, reason, false);
  return intOf(sendStatelessReply(ctx, code, reason));
}

/**
 * send_reply_mode: the mode flags act as set_reply_no_connect / set_reply_close for this
 * request (they stay set for later replies to it, as Kamailio's message flags do).
 */
function replyMode(ctx: MsgContext, code: number, reason: string, mode: number): number {
  if (mode & MODE_NO_CONNECT) ctx.replyNoConnect = true;
  if (mode & MODE_CLOSE) ctx.replyClose = true;
  return reply(ctx, code, reason);
}

/**
 * sl_reply_error: Kamailio answers the last internal error (err2reason). The engine keeps no
 * such error, so this is always 500, Kamailio's answer when no specific error is known.
 */
const replyError = (ctx: MsgContext): number => reply(ctx, 500, 'Server Internal Error');

export const slModule = defineModule('sl', {
  sl_send_reply: decl('int, str', 'int', reply),
  send_reply: decl('int, str', 'int', reply),
  send_reply_mode: decl('int, str, int', 'int', replyMode),
  sl_reply_error: partial('always 500 Server Internal Error (no record of the last internal error is kept)', decl('', 'int', replyError)),
  send_reply_error: partial('always 500 Server Internal Error (no record of the last internal error is kept)', decl('', 'int', replyError)),
  sl_forward_reply: decl('str, str', 'int', (ctx, code: string, reason: string) => forwardReplyWithStatus(ctx, code, reason)),
});

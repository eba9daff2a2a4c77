// KSR.sl.*: stateless replies through ctx.core.sendReply. send_reply is transaction-aware in
// Kamailio; until tm exists it is stateless too. sl_forward_reply needs the reply-forwarding
// engine, which is not there yet: it logs and returns -1.
import { defineModule } from '../registry.js';
import { sendErrorReply, sendStatelessReply } from '../../host/core/stateless-reply.js';
import { decl, intOf } from './decl.js';

const reply = decl('int, str', 'int', (ctx, code: number, reason: string) =>
  intOf(sendStatelessReply(ctx, code, reason)),
);
const replyError = decl('', 'int', (ctx) => intOf(sendErrorReply(ctx)));

export const slModule = defineModule('sl', {
  sl_send_reply: reply,
  send_reply: reply,
  // The mode flags only change how Kamailio picks tm or sl; every reply is stateless here.
  send_reply_mode: decl('int, str, int', 'int', (ctx, code: number, reason: string) =>
    intOf(sendStatelessReply(ctx, code, reason)),
  ),
  sl_reply_error: replyError,
  send_reply_error: replyError,
  sl_forward_reply: decl('str, str', 'int', (ctx) => {
    ctx.core.logger.log('error', 'KSR.sl.sl_forward_reply: not available yet (needs the reply-forwarding engine)');
    return -1;
  }),
});

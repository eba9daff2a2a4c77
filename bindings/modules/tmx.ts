// KSR.tmx.*: route-type tests, suspend/continue, cancelling and replying by Call-ID. Left out
// (bindings/README.md): t_reuse_branch, t_uac_ack_local.
import { copyXflags } from '../../host/corex/xflags.js';
import { defineModule } from '../registry.js';
import type { MsgContext, RouteType } from '../../host/core/context.js';
import { dropWithStatus, sendLocalReply } from '../../host/tm/uas.js';
import { decl, intOf } from './decl.js';
import { branchIndexPv, replyCodePv, replyPv, requestPv, transactionPv } from '../../host/tm/pvs.js';
import { ownEntry } from '../../host/core/own-entry.js';

const isRoute = (type: RouteType) => decl('', 'int', (ctx) => intOf(ctx.routeType === type));

/** t_cancel_callid(_reason): the INVITE transaction of that Call-ID and CSeq number. */
function cancelCallId(ctx: MsgContext, callId: string, cseq: string, flag: number, cause: number | null): number {
  const n = Number(cseq);
  const t = Number.isInteger(n) ? ctx.core.tm.byCallId(callId, n, 'INVITE') : null;
  if (!t || t.finalCode >= 200) return -1;
  if (flag >= 0 && flag <= 31) t.saved.flags |= 1 << flag;
  const reason = cause !== null && cause > 0 ? `SIP;cause=${cause}` : null;
  t.canceled = true;
  ctx.core.tm.cancelBranches(t, () => true, reason);
  return 1;
}

/** Kamailio's t_drop_rcode: the status is set, no reply goes upstream, the transaction is released; 0. */
function dropTransaction(ctx: MsgContext, code: number, fn: string): number {
  const tm = ctx.core.tm;
  const t = tm.transactionOf(ctx);
  if (!t) {
    ctx.core.logger.log('error', `${fn}: the message has no transaction`);
    return -1;
  }
  if (!Number.isInteger(code) || code < 100 || code > 699) {
    ctx.core.logger.log('error', `${fn}: expected a status code 100..699, got ${code}`);
    return -1;
  }
  dropWithStatus(tm, t, code);
  return 0;
}

export const tmxModule = defineModule('tmx', {
  // Kamailio's precheck guards against two workers taking the same request at once; one
  // event loop never does, so nothing is ever "being processed" elsewhere.
  t_precheck_trans: decl('', 'int', () => -1),
  t_is_request_route: isRoute('request'),
  t_is_reply_route: isRoute('onreply'),
  t_is_failure_route: isRoute('failure'),
  t_is_branch_route: isRoute('branch'),
  t_suspend: decl('', 'int', (ctx) => {
    const tm = ctx.core.tm;
    if (!tm.transactionOf(ctx) && tm.newTransaction(ctx) !== 1) return -1;
    tm.transactionOf(ctx)!.suspended = true;
    return 1;
  }),
  t_continue: decl('int, int, str', 'int', (ctx, index: number, label: number, cb: string) => {
    const t = ctx.core.tm.byTindex(index, label);
    return t ? ctx.core.tm.resume(t, cb) : -1;
  }),
  t_flush_flags: decl('', 'int', (ctx) => {
    const t = ctx.core.tm.transactionOf(ctx);
    if (!t) return -1;
    t.saved.flags = ctx.flags;
    return 1;
  }),
  // the extended flags (corex.setxflag) onto the transaction's request, as t_flush_flags does the flags
  t_flush_xflags: decl('', 'int', (ctx) => {
    const t = ctx.core.tm.transactionOf(ctx);
    if (!t) return -1;
    t.saved.xflags = copyXflags(ctx);
    return 1;
  }),
  t_cancel_branches: decl('str', 'int', (ctx, which: string) => {
    const tm = ctx.core.tm;
    const t = tm.transactionOf(ctx);
    if (!t || ctx.msg.isRequest) return -1;
    const idx = ctx.branchIndex;
    const pick = ownEntry({ all: () => true, others: (i: number) => i !== idx, this: (i: number) => i === idx }, which);
    if (!pick) return -1;
    tm.cancelBranches(t, (b) => pick(b.index));
    return 1;
  }),
  t_cancel_callid: decl('str, str, int', 'int', (ctx, callId: string, cseq: string, flag: number) =>
    cancelCallId(ctx, callId, cseq, flag, null),
  ),
  t_cancel_callid_reason: decl('str, str, int, int', 'int', (ctx, callId: string, cseq: string, flag: number, code: number) =>
    cancelCallId(ctx, callId, cseq, flag, code),
  ),
  t_reply_callid: decl('str, str, int, str', 'int', (ctx, callId: string, cseq: string, code: number, reason: string) => {
    const tm = ctx.core.tm;
    const n = Number(cseq);
    const t = Number.isInteger(n) ? tm.byCallId(callId, n) : null;
    if (!t || code < 100 || code > 699) return -1;
    return intOf(sendLocalReply(tm, t, t.req, code, reason));
  }),
  // Kamailio: t_drop() is t_drop_rcode(500)
  t_drop: decl('', 'int', (ctx) => dropTransaction(ctx, 500, 'KSR.tmx.t_drop')),
  t_drop_rcode: decl('int', 'int', (ctx, code: number) => dropTransaction(ctx, code, 'KSR.tmx.t_drop_rcode')),
}, {
  // Kamailio's tmx mod_pvs: the transaction PVs
  pvs: { T_branch_idx: branchIndexPv, T_reply_code: replyCodePv, T_req: requestPv, T_rpl: replyPv, T: transactionPv },
});

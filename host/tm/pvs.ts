// Transaction PVs: $T_branch_idx, $T_reply_code, $T_req(pv), $T_rpl(pv) and $T(name)
// (id_index, id_label for t_suspend/t_continue, reply_code, reply_reason, branch_index).
// Declared by KSR.tmx (bindings/modules/tmx.ts), as Kamailio's tmx declares them.
import type { MsgContext } from '../core/context.js';
import { readPv, type PvClass, type PvValue } from '../core/pv.js';
import { Transaction } from './transaction.js';
import { ownEntry } from '../core/own-entry.js';

function tOf(ctx: MsgContext): Transaction | null {
  return ctx.transaction instanceof Transaction ? ctx.transaction : null;
}

/** The reply the route is looking at: the reply itself (onreply), else the failed branch's. */
function replyCtx(ctx: MsgContext): MsgContext | null {
  if (!ctx.msg.isRequest) return ctx;
  return tOf(ctx)?.failedBranch?.final?.reply ?? null;
}

export function replyCode(ctx: MsgContext): number {
  if (!ctx.msg.isRequest) return ctx.msg.status;
  const t = tOf(ctx);
  if (!t) return 0;
  return t.failedBranch?.final?.code ?? t.finalCode;
}

function replyReason(ctx: MsgContext): string | null {
  if (!ctx.msg.isRequest) return ctx.msg.reason;
  const t = tOf(ctx);
  return t?.failedBranch?.final?.reason ?? (t?.lastReply?.kind === 'local' ? t.lastReply.reason : null);
}

function inner(ctx: MsgContext | null, name: string): PvValue {
  if (!ctx) return null;
  const r = readPv(ctx, name);
  return r.ok ? r.value : null;
}

const branchIdx = (ctx: MsgContext): number => Math.max(0, ctx.branchIndex);

const T_FIELDS: Record<string, (ctx: MsgContext) => PvValue> = {
  id_index: (ctx) => tOf(ctx)?.index ?? null,
  id_label: (ctx) => tOf(ctx)?.label ?? null,
  reply_code: replyCode,
  reply_reason: replyReason,
  branch_index: branchIdx,
};

/** $T_branch_idx */
export const branchIndexPv: PvClass = { hasArg: false, get: branchIdx };
/** $T_reply_code */
export const replyCodePv: PvClass = { hasArg: false, get: replyCode };
/** $T_req(pv): a PV of the transaction's request. */
export const requestPv: PvClass = { hasArg: true, get: (ctx, name) => inner(tOf(ctx)?.req ?? null, name) };
/** $T_rpl(pv): a PV of the reply being looked at. */
export const replyPv: PvClass = { hasArg: true, get: (ctx, name) => inner(replyCtx(ctx), name) };
/** $T(name): id_index, id_label, reply_code, reply_reason, branch_index. */
export const transactionPv: PvClass = { hasArg: true, get: (ctx, name) => ownEntry(T_FIELDS, name)?.(ctx) ?? null };

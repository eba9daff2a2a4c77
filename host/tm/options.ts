// Per-transaction switches a script sets with KSR.tm.t_set_* before (or after) t_relay. Kept
// on the context (MsgContext.tmOptions) until the transaction exists, then on the transaction;
// copies of a context (failure, branch routes) carry them.
import type { MsgContext } from '../core/context.js';

export interface TmOptions {
  auto100: boolean | null;
  disable6xx: boolean;
  disableFailover: boolean;
  noE2eCancelReason: boolean;
  disableInternalReply: boolean;
  noAutoAck: boolean;
  /** t_set_retr: ms, null = settings. */
  t1: number | null;
  t2: number | null;
  /** t_set_max_lifetime: ms, null = settings. */
  maxInvLifetime: number | null;
  maxNoninvLifetime: number | null;
}

export function defaultOptions(): TmOptions {
  return {
    auto100: null, disable6xx: false, disableFailover: false, noE2eCancelReason: false,
    disableInternalReply: false, noAutoAck: false, t1: null, t2: null, maxInvLifetime: null, maxNoninvLifetime: null,
  };
}

/** The options of the context's transaction, or of the context until it has one. */
export function optionsOf(ctx: MsgContext): TmOptions {
  if (ctx.transaction) return ctx.transaction.options;
  return (ctx.tmOptions ??= defaultOptions());
}

export function pendingOptions(ctx: MsgContext): TmOptions | undefined {
  return ctx.tmOptions ?? undefined;
}

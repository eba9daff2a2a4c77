// Per-transaction switches a script sets with KSR.tm.t_set_* before (or after) t_relay. Kept
// beside the context until the transaction exists, then on the transaction; copies of a
// context (failure, branch routes) carry them.
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

const pending = new WeakMap<MsgContext, TmOptions>();

/** The options of the context's transaction, or of the context until it has one. */
export function optionsOf(ctx: MsgContext): TmOptions {
  const t = ctx.transaction as { options?: TmOptions } | null;
  if (t && t.options) return t.options;
  let o = pending.get(ctx);
  if (!o) pending.set(ctx, (o = defaultOptions()));
  return o;
}

export function pendingOptions(ctx: MsgContext): TmOptions | undefined {
  return pending.get(ctx);
}

export function copyOptions(from: MsgContext, to: MsgContext): void {
  const o = pending.get(from);
  if (o) pending.set(to, { ...o });
}

// Extended message flags (Kamailio's xflags: corex.setxflag/resetxflag/isxflagset): 64 flags
// kept as two 32-bit words, as Kamailio's msg->xflags[KSR_XFLAGS_SIZE]. A flag above 63 (or
// a negative one, which Kamailio's unsigned flag_t makes huge) is refused with -1.
import type { MsgContext } from '../core/context.js';

/** Kamailio's KSR_MAX_XFLAG. */
export const MAX_XFLAG = 63;

function place(flag: number): { word: 0 | 1; bit: number } | null {
  if (!Number.isInteger(flag) || flag < 0 || flag > MAX_XFLAG) return null;
  return { word: flag < 32 ? 0 : 1, bit: (1 << (flag % 32)) >>> 0 };
}

/** The words, made on first write: most messages never set one (no array per message). */
function words(ctx: MsgContext): [number, number] {
  return (ctx.xflags ??= [0, 0]);
}

/** A copy of the words for another context (tm's copies, t_flush_xflags), null when none was set. */
export function copyXflags(ctx: MsgContext): [number, number] | null {
  return ctx.xflags === null ? null : [ctx.xflags[0], ctx.xflags[1]];
}

export function setXflag(ctx: MsgContext, flag: number): number {
  const p = place(flag);
  if (!p) return -1;
  const w = words(ctx);
  w[p.word] = (w[p.word] | p.bit) >>> 0;
  return 1;
}

export function resetXflag(ctx: MsgContext, flag: number): number {
  const p = place(flag);
  if (!p) return -1;
  const w = words(ctx);
  w[p.word] = (w[p.word] & ~p.bit) >>> 0;
  return 1;
}

export function isXflagSet(ctx: MsgContext, flag: number): number {
  const p = place(flag);
  if (!p) return -1;
  return ((ctx.xflags?.[p.word] ?? 0) & p.bit) !== 0 ? 1 : -1;
}

// Message, branch and script flags (0..31). Invalid flag or branch numbers are refused
// (false), as Kamailio's flag_idx check does.
import type { MsgContext } from './context.js';

export const MAX_FLAG = 31;
/** Kamailio's default maximum of branches (sr_dst_max_branches). */
export const MAX_BRANCHES = 12;

export type FlagSet = 'msg' | 'branch' | 'script';
export type FlagOp = 'set' | 'reset' | 'test';

function validFlag(flag: number): boolean {
  return Number.isInteger(flag) && flag >= 0 && flag <= MAX_FLAG;
}

function validBranch(branch: number): boolean {
  return Number.isInteger(branch) && branch >= 0 && branch < MAX_BRANCHES;
}

function apply(word: number, flag: number, op: FlagOp): { word: number; result: boolean } {
  const bit = (1 << flag) >>> 0;
  if (op === 'set') return { word: (word | bit) >>> 0, result: true };
  if (op === 'reset') return { word: (word & ~bit) >>> 0, result: true };
  return { word, result: ((word >>> flag) & 1) === 1 };
}

/** One entry point for the nine core flag functions; `branch` only for the branch set. */
export function flagOp(ctx: MsgContext, set: FlagSet, op: FlagOp, flag: number, branch = 0): boolean {
  if (!validFlag(flag)) return false;
  if (set === 'msg') {
    const r = apply(ctx.flags, flag, op);
    ctx.flags = r.word;
    return r.result;
  }
  if (set === 'script') {
    const r = apply(ctx.sflags, flag, op);
    ctx.sflags = r.word;
    return r.result;
  }
  if (!validBranch(branch)) return false;
  const r = apply(ctx.bflags[branch] ?? 0, flag, op);
  if (op !== 'test') {
    while (ctx.bflags.length <= branch) ctx.bflags.push(0);
    ctx.bflags[branch] = r.word;
  }
  return r.result;
}

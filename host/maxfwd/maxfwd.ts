// Max-Forwards handling as Kamailio's maxfwd module (maxfwd.c): the header is added when
// absent and otherwise decremented through a lump; the script sends 483 on -1.
import type { MsgContext } from '../core/context.js';

/** Kamailio's max_limit default: a larger received value is lowered to it before decrementing. */
export const MAXFWD_MAX_LIMIT = 70;

type Present = { state: 'absent' } | { state: 'invalid' } | { state: 'present'; value: number };

function readMaxfwd(ctx: MsgContext): Present {
  const hf = ctx.msg.header('max-forwards');
  if (!hf) return { state: 'absent' };
  if (!/^\d{1,10}$/.test(hf.value)) return { state: 'invalid' };
  const value = Number(hf.value);
  return value > 255 ? { state: 'invalid' } : { state: 'present', value };
}

/**
 * 2 = header added with `limit`, 1 = decremented, -1 = it was 0 (reply 483), -2 = unreadable
 * header or a bad limit.
 */
export function processMaxfwd(ctx: MsgContext, limit: number): number {
  if (!Number.isInteger(limit) || limit < 0 || limit > 255) return -2;
  const p = readMaxfwd(ctx);
  if (p.state === 'invalid') return -2;
  if (p.state === 'absent') {
    const first = ctx.msg.headers[0];
    ctx.lumps.insert(first ? first.start : ctx.msg.headersEnd, `Max-Forwards: ${limit}\r\n`);
    return 2;
  }
  if (p.value === 0) return -1;
  const hf = ctx.msg.header('max-forwards')!;
  ctx.lumps.replace(hf.valueStart, hf.valueEnd, String(Math.min(p.value, MAXFWD_MAX_LIMIT) - 1));
  return 1;
}

/** 1 when the received value is below `limit`; -1 when not; -2 absent; -3 unreadable. */
export function isMaxfwdLt(ctx: MsgContext, limit: number): number {
  const p = readMaxfwd(ctx);
  if (p.state === 'absent') return -2;
  if (p.state === 'invalid') return -3;
  return p.value < limit ? 1 : -1;
}

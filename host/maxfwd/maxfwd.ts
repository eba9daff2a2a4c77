// Max-Forwards handling as Kamailio's maxfwd module (maxfwd.c): the header is added when
// absent and otherwise decremented through a lump; the script sends 483 on -1.
import type { MsgContext } from '../core/context.js';
import type { HeaderField } from '../sip/message.js';

/** Kamailio's max_limit default: a larger received value is lowered to it before decrementing. */
export const MAXFWD_MAX_LIMIT = 70;

const ABSENT = -1;
const INVALID = -2;

/** The received value 0..255; ABSENT; INVALID unless 1 to 10 digits of at most 255. A number,
 *  not an object or a regex match: this runs on every request. */
function readMaxfwd(hf: HeaderField | undefined): number {
  if (!hf) return ABSENT;
  const v = hf.value;
  if (v.length === 0 || v.length > 10) return INVALID;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const d = v.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return INVALID;
    n = n * 10 + d;
  }
  return n > 255 ? INVALID : n;
}

/**
 * 2 = header added with `limit`, 1 = decremented, -1 = it was 0 (reply 483), -2 = unreadable
 * header or a bad limit.
 */
export function processMaxfwd(ctx: MsgContext, limit: number): number {
  if (!Number.isInteger(limit) || limit < 0 || limit > 255) return -2;
  const hf = ctx.msg.header('max-forwards');
  const value = readMaxfwd(hf);
  if (value === INVALID) return -2;
  if (value === ABSENT) {
    const first = ctx.msg.headers[0];
    ctx.lumps.insert(first ? first.start : ctx.msg.headersEnd, `Max-Forwards: ${limit}\r\n`);
    return 2;
  }
  if (value === 0) return -1;
  ctx.lumps.replace(hf!.valueStart, hf!.valueEnd, String(Math.min(value, MAXFWD_MAX_LIMIT) - 1));
  return 1;
}

/** 1 when the received value is below `limit`; -1 when not; -2 absent; -3 unreadable. */
export function isMaxfwdLt(ctx: MsgContext, limit: number): number {
  const value = readMaxfwd(ctx.msg.header('max-forwards'));
  if (value === ABSENT) return -2;
  if (value === INVALID) return -3;
  return value < limit ? 1 : -1;
}

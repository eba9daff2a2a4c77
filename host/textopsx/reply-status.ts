// change_reply_status / change_reply_status_code: the status of a reply being routed, before
// it is relayed. As textopsx: the code must be 100..699 and a provisional or 2xx reply keeps
// its class (a 3xx-6xx may become any other 3xx-6xx). The three digits are written into the
// message at once (its status reads the new code, as msg->REPLY_STATUS does), the reason
// phrase is replaced by a lump.
import type { MsgContext } from '../core/context.js';
import { setByte } from '../core/message-rewrite.js';

export type StatusResult = { ok: true } | { ok: false; error: string };

/** Byte ranges of the status code and the reason phrase in a reply's first line. */
function statusLine(ctx: MsgContext): { code: number; reasonStart: number; reasonEnd: number } | null {
  const buf = ctx.msg.buf;
  const lineStart = ctx.msg.firstLineOffset;
  let lineEnd = ctx.msg.firstHeaderOffset;
  if (buf[lineEnd - 1] === 0x0a) lineEnd--;
  if (buf[lineEnd - 1] === 0x0d) lineEnd--;
  const line = buf.toString('latin1', lineStart, lineEnd);
  const m = /^(\S+)( +)(\d{3})( ?)/.exec(line);
  if (m === null) return null;
  const code = lineStart + m[1]!.length + m[2]!.length;
  return { code, reasonStart: code + 3 + m[4]!.length, reasonEnd: lineEnd };
}

function checkChange(ctx: MsgContext, code: number): string | null {
  if (ctx.msg.isRequest) return 'expected a reply, the message is a request';
  if (ctx.routeType !== 'onreply' && ctx.routeType !== 'reply') return `only in a reply route (onreply or the core reply route), not in a ${ctx.routeType} route`;
  if (!Number.isInteger(code) || code < 100 || code > 699) return `wrong status code: ${code} (expected 100..699)`;
  const now = ctx.msg.status;
  if ((code < 300 || now < 300) && Math.floor(code / 100) !== Math.floor(now / 100)) {
    return `the class of provisional or positive final replies cannot be changed (${now} to ${code})`;
  }
  return null;
}

/** The new code written into the message; reason !== null: the reason phrase replaced too. */
export function changeReplyStatus(ctx: MsgContext, code: number, reason: string | null): StatusResult {
  if (reason !== null && reason === '') return { ok: false, error: 'expected a non-empty reason phrase' };
  if (reason !== null && /[\r\n]/.test(reason)) return { ok: false, error: 'expected a reason phrase without CR or LF' };
  const refused = checkChange(ctx, code);
  if (refused !== null) return { ok: false, error: refused };
  const at = statusLine(ctx);
  if (at === null) return { ok: false, error: 'the first line of the reply has no status code' };
  const digits = String(code);
  for (let i = 0; i < 3; i++) {
    const r = setByte(ctx, at.code + i, digits.charCodeAt(i));
    if (!r.ok) return r;
  }
  if (reason !== null) ctx.lumps.replace(at.reasonStart, at.reasonEnd, reason);
  return { ok: true };
}

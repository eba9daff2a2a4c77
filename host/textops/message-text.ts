// The parts of the current message textops functions look at, as latin1 strings (one char per
// byte, so match offsets are buffer offsets for lumps), and the one way they add edits:
// refused when they would touch bytes an earlier edit already changed.
import type { MsgContext } from '../core/context.js';
import { RegexError } from '../text/regex.js';

/** A piece of the message: its text and the buffer offset where it starts. */
export interface Subject {
  text: string;
  offset: number;
}

/** Latin1 text of [start, end) of the current buffer. */
function slice(ctx: MsgContext, start: number, end: number): Subject {
  return { text: ctx.msg.buf.toString('latin1', start, end), offset: start };
}

/** The whole message (search). */
export function wholeMessage(ctx: MsgContext): Subject {
  return slice(ctx, 0, ctx.msg.buf.length);
}

/** After the first line, to the end (replace, subst, search_append: the R-URI is left alone). */
export function afterFirstLine(ctx: MsgContext): Subject {
  return slice(ctx, ctx.msg.firstHeaderOffset, ctx.msg.buf.length);
}

/** The header section, without the first line and the empty line (replace_hdrs). */
export function headerSection(ctx: MsgContext): Subject {
  return slice(ctx, ctx.msg.firstHeaderOffset, ctx.msg.headersEnd);
}

/** The body, or null when it is empty (Kamailio's body functions fail then). */
export function bodyOf(ctx: MsgContext): Subject | null {
  const m = ctx.msg;
  if (m.bodyOffset >= m.buf.length) return null;
  return slice(ctx, m.bodyOffset, m.buf.length);
}

/** A replacement of [start, end) of the buffer (start == end: an insert); text is bytes as latin1 (asBytes). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The first range an earlier edit already changed, or null. */
function conflict(ctx: MsgContext, edits: readonly Edit[]): Edit | null {
  for (const e of edits) {
    // a delete over [start, end), or an insert strictly inside it, or an insert point in a deleted range
    if (e.end > e.start ? ctx.lumps.deletesWithin(e.start, e.end) || ctx.lumps.touches(e.start + 1, e.end) : ctx.lumps.deletesWithin(e.start, e.start)) return e;
  }
  return null;
}

/**
 * Adds the edits as lumps, all or none. Kamailio would add them over an earlier edit of the same
 * bytes and build a message with both texts in it; here that is refused: an error log naming the
 * function and the bytes, and false (the caller returns -1).
 */
export function applyEdits(ctx: MsgContext, fn: string, edits: readonly Edit[]): boolean {
  const clash = conflict(ctx, edits);
  if (clash) {
    ctx.core.logger.log('error', `KSR.textops.${fn}: bytes ${clash.start}..${clash.end} of the message were already changed by an earlier edit; expected untouched text (call KSR.textopsx.msg_apply_changes() between the two edits)`);
    return false;
  }
  for (const e of edits) {
    const bytes = Buffer.from(e.text, 'latin1');
    if (e.end > e.start) ctx.lumps.replace(e.start, e.end, bytes);
    else ctx.lumps.insert(e.start, bytes);
  }
  return true;
}

/** Logs a refused pattern (RegexError) as `KSR.textops.fn: ...` and gives Kamailio's failure code. */
export function regexFailure(ctx: MsgContext, fn: string, e: unknown, code = -1): number {
  if (!(e instanceof RegexError)) throw e;
  ctx.core.logger.log('error', `KSR.textops.${fn}: ${e.message}`);
  return code;
}

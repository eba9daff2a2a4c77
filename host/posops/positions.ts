// posops: positions in the current message buffer (ctx.msg.buf, the message the script sees:
// the received one until msg_apply_changes / msg_set_buffer replace it). Edits are lumps
// anchored at those offsets, except pos_set_char which writes the byte at once. A negative
// index counts from the end (offset = length + idx, as posops does since 5.6). A position
// that would be 0 is answered as IDX0 (-255, posops' `idx0` default): 0 would stop a
// native script, and KEMI keeps the same value.
import type { MsgContext } from '../core/context.js';
import { setByte } from '../core/message-rewrite.js';
import { compileRegex, regexExec, regexExecAll, RegexError } from '../text/regex.js';

export const IDX0 = -255;

/** Tests of one anchored position tried by pos_rsearch before it settles (see lastMatchStart). */
export const RSEARCH_PROBES = 256;

type Log = (text: string) => void;

const logOf = (ctx: MsgContext, fn: string): Log => (text) => ctx.core.logger.log('error', `KSR.posops.${fn}: ${text}`);

/** A found position as posops returns it: 0 becomes IDX0. */
const answer = (pos: number): number => (pos === 0 ? IDX0 : pos);

/** idx resolved against a buffer of `len` bytes (negative: from the end). */
const offsetOf = (idx: number, len: number): number => (idx < 0 ? len + idx : idx);

function validIndex(idx: unknown, log: Log): idx is number {
  if (Number.isInteger(idx)) return true;
  log(`expected an integer index, got ${String(idx)}`);
  return false;
}

/** pos_append / pos_insert: the text goes in at the offset (a lump). */
export function posAdd(ctx: MsgContext, fn: string, idx: number, text: string): number {
  const log = logOf(ctx, fn);
  if (!validIndex(idx, log)) return -1;
  if (text === '') {
    log('expected a non-empty value');
    return -1;
  }
  const len = ctx.msg.buf.length;
  const offset = offsetOf(idx, len);
  if (offset < 0 || offset > len) {
    log(`offset invalid: ${offset} (index ${idx}, message length ${len})`);
    return -1;
  }
  ctx.lumps.insert(offset, text);
  return 1;
}

/** pos_rm: `count` bytes from the offset (a lump); at the very end, nothing to remove (1). */
export function posRemove(ctx: MsgContext, idx: number, count: number): number {
  const log = logOf(ctx, 'pos_rm');
  if (!validIndex(idx, log)) return -1;
  const len = ctx.msg.buf.length;
  if (!Number.isInteger(count) || count <= 0) {
    log(`length invalid: ${count} (message length ${len})`);
    return -1;
  }
  const offset = offsetOf(idx, len);
  if (offset < 0 || offset > len) {
    log(`offset invalid: ${offset} (index ${idx}, message length ${len})`);
    return -1;
  }
  if (offset === len) {
    ctx.core.logger.log('warn', `KSR.posops.pos_rm: offset at the end of the message: ${offset} (message length ${len})`);
    return 1;
  }
  if (offset + count > len) {
    ctx.core.logger.log('warn', `KSR.posops.pos_rm: offset + length over the end of the message: ${offset} + ${count} (message length ${len})`);
    return -1;
  }
  ctx.lumps.delete(offset, offset + count);
  return 1;
}

/** pos_set_char: the byte at the offset becomes the first byte of `ch`, in the buffer itself. */
export function posSetChar(ctx: MsgContext, idx: number, ch: string): number {
  const log = logOf(ctx, 'pos_set_char');
  if (!validIndex(idx, log)) return -1;
  const len = ctx.msg.buf.length;
  const offset = offsetOf(idx, len);
  if (offset < 0 || offset >= len) {
    log(`offset invalid: ${offset} (index ${idx}, message length ${len})`);
    return -1;
  }
  if (ch === '') {
    log('expected a non-empty value');
    return -1;
  }
  const r = setByte(ctx, offset, Buffer.from(ch, 'utf8')[0]!);
  if (!r.ok) {
    log(r.error);
    return -1;
  }
  return 1;
}

export function headersStart(ctx: MsgContext): number {
  return answer(ctx.msg.firstHeaderOffset);
}

/** Where the header lines end: the empty line that separates them from the body. */
export function headersEnd(ctx: MsgContext): number {
  return answer(ctx.msg.headersEnd);
}

/** After the empty line (the body may be empty: its start is then the end of the message). */
export function bodyStart(ctx: MsgContext): number {
  return answer(ctx.msg.bodyOffset);
}

export function bodyEnd(ctx: MsgContext): number {
  return answer(ctx.msg.buf.length);
}

/** The message as a latin1 string: one char per byte, so string offsets are buffer offsets. */
const bytesOf = (ctx: MsgContext): string => ctx.msg.buf.toString('latin1');

/** The needle as the message holds it (its UTF-8 bytes, one char each). */
const needleOf = (val: string): string => Buffer.from(val, 'utf8').toString('latin1');

/** Lower-cases ASCII letters only (strncasecmp's view of bytes). */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

export interface FindOptions {
  reverse: boolean;
  icase: boolean;
}

/** pos_find_str & co: the (first | last) occurrence of val at or after idx. */
export function findString(ctx: MsgContext, fn: string, idx: number, val: string, opts: FindOptions): number {
  const log = logOf(ctx, fn);
  if (!validIndex(idx, log)) return -1;
  if (val === '') {
    log('expected a non-empty value');
    return -1;
  }
  let text = bytesOf(ctx);
  let needle = needleOf(val);
  const start = idx < 0 ? idx + text.length : idx;
  if (start < 0 || start > text.length - needle.length) return -1;
  if (opts.icase) {
    text = asciiLower(text);
    needle = asciiLower(needle);
  }
  const at = opts.reverse ? text.lastIndexOf(needle) : text.indexOf(needle, start);
  return at < start ? -1 : answer(at);
}

function compiled(ctx: MsgContext, fn: string, pattern: string) {
  try {
    // posops compiles with REG_EXTENDED | REG_ICASE | REG_NEWLINE
    return compileRegex(pattern, { icase: true, line: true });
  } catch (e) {
    if (!(e instanceof RegexError)) throw e;
    logOf(ctx, fn)(e.message);
    return null;
  }
}

/** pos_search: where the first match of re starts, searching the buffer from idx (`^` matches at idx). */
export function searchRegex(ctx: MsgContext, idx: number, pattern: string): number {
  const log = logOf(ctx, 'pos_search');
  if (!validIndex(idx, log)) return -1;
  const re = compiled(ctx, 'pos_search', pattern);
  if (re === null) return -1;
  const text = bytesOf(ctx);
  const start = idx < 0 ? idx + text.length : idx;
  if (start < 0 || start >= text.length) return -1;
  const m = regexExec(re, text.slice(start));
  return m === null ? -1 : answer(start + m.start);
}

/**
 * pos_rsearch: the last position p >= idx where a match of re starts (posops tries regexec at
 * every position from the end, each as the start of a text, so `^` matches at each). Here:
 * the matches left to right, not overlapping, give the last one's start s; no match starts
 * after its end; a later start inside it is looked for from its end backwards, anchored, at
 * most RSEARCH_PROBES positions (each test costs up to the rest of the message on the
 * linear-time engine, so a hostile pattern stays bounded), else s is the answer.
 */
export function rsearchRegex(ctx: MsgContext, idx: number, pattern: string): number {
  const log = logOf(ctx, 'pos_rsearch');
  if (!validIndex(idx, log)) return -1;
  // every position is the start of a text for posops: a leading ^ always matches there
  const re = compiled(ctx, 'pos_rsearch', pattern.startsWith('^') ? pattern.slice(1) : pattern);
  if (re === null) return -1;
  const text = bytesOf(ctx);
  const start = idx < 0 ? idx + text.length : idx;
  if (start < 0 || start >= text.length) return -1;
  const tail = text.slice(start);
  const all = regexExecAll(re, tail);
  const last = all[all.length - 1];
  if (last === undefined) return -1;
  const probesFrom = Math.min(last.end, tail.length - 1);
  for (let p = probesFrom, n = 0; p > last.start && n < RSEARCH_PROBES; p--, n++) {
    if (re.matcher(tail.slice(p)).lookingAt()) return answer(start + p);
  }
  return answer(start + last.start);
}

// textopsx's named iterators over the current message: hf_iterator_* over its header lines,
// bl_iterator_* over its body lines (each with its EOL). As in textopsx, at most
// MAX_ITERATORS names of each kind at once (a further name is refused with a log until one
// is ended), a name is at most MAX_NAME_LENGTH bytes. The state lives with the message
// context (MsgContext.iterators): a script that never calls *_end leaks nothing into the
// next message, and tm's copies of a context start with none. An iterator is tied to the
// message it started on: once msg_apply_changes / msg_set_buffer replaced it, the iterator
// answers -1 (or null) with a log until started again. rm/append/insert are lumps at the
// current item.
import type { MsgContext } from '../core/context.js';
import type { SipMessage } from '../sip/message.js';

export const MAX_ITERATORS = 4;
export const MAX_NAME_LENGTH = 32;

export type IteratorKind = 'hf' | 'bl';

interface Cursor {
  msg: SipMessage;
  /** hf: index of the current header line, -1 before the first. */
  index: number;
  /** bl: the current line's byte range; start -1 before the first line. */
  start: number;
  end: number;
  /** Moved past the last item. */
  ended: boolean;
}

export interface IteratorTables {
  hf: Map<string, Cursor>;
  bl: Map<string, Cursor>;
}

function tables(ctx: MsgContext): IteratorTables {
  return (ctx.iterators ??= { hf: new Map(), bl: new Map() });
}

export type Log = (text: string) => void;

function validName(name: string, log: Log): boolean {
  if (name === '' || Buffer.byteLength(name) > MAX_NAME_LENGTH) {
    log(`expected an iterator name of 1 to ${MAX_NAME_LENGTH} bytes, got ${name.length === 0 ? 'an empty one' : `${Buffer.byteLength(name)} bytes`}`);
    return false;
  }
  return true;
}

/** *_iterator_start: a new cursor before the first item (an existing name starts over). */
export function startIterator(ctx: MsgContext, kind: IteratorKind, name: string, log: Log): number {
  if (!validName(name, log)) return -1;
  const t = tables(ctx)[kind];
  if (!t.has(name) && t.size >= MAX_ITERATORS) {
    log(`no iterator available for ${JSON.stringify(name)}: at most ${MAX_ITERATORS} at once (${[...t.keys()].map((n) => JSON.stringify(n)).join(', ')} are open; end one first)`);
    return -1;
  }
  t.set(name, { msg: ctx.msg, index: -1, start: -1, end: -1, ended: false });
  return 1;
}

export function endIterator(ctx: MsgContext, kind: IteratorKind, name: string, log: Log): number {
  if (!validName(name, log)) return -1;
  if (tables(ctx)[kind].delete(name)) return 1;
  log(`no iterator named ${JSON.stringify(name)} was started`);
  return -1;
}

/** The named cursor on the current message, or null (logged). */
function cursor(ctx: MsgContext, kind: IteratorKind, name: string, log: Log): Cursor | null {
  if (!validName(name, log)) return null;
  const c = tables(ctx)[kind].get(name);
  if (c === undefined) {
    log(`no iterator named ${JSON.stringify(name)} was started`);
    return null;
  }
  if (c.msg !== ctx.msg) {
    log(`the message was replaced (msg_apply_changes / msg_set_buffer) since iterator ${JSON.stringify(name)} started: start it again`);
    return null;
  }
  return c;
}

// ---- header fields ----

export function hfNext(ctx: MsgContext, name: string, log: Log): number {
  const c = cursor(ctx, 'hf', name, log);
  if (c === null || c.ended) return -1;
  c.index++;
  if (c.index >= c.msg.headers.length) {
    c.ended = true;
    return -1;
  }
  return 1;
}

export function hfPrev(ctx: MsgContext, name: string, log: Log): number {
  const c = cursor(ctx, 'hf', name, log);
  if (c === null || c.index < 0) return -1;
  c.ended = false;
  c.index--;
  return c.index >= 0 ? 1 : -1;
}

/** The current header line, or null when the cursor is before the first or past the last. */
function currentHeader(ctx: MsgContext, name: string, log: Log) {
  const c = cursor(ctx, 'hf', name, log);
  if (c === null || c.ended) return null;
  return c.msg.headers[c.index] ?? null;
}

export function hfName(ctx: MsgContext, name: string, log: Log): string | null {
  return currentHeader(ctx, name, log)?.name ?? null;
}

export function hfBody(ctx: MsgContext, name: string, log: Log): string | null {
  return currentHeader(ctx, name, log)?.value ?? null;
}

export type EditAt = 'rm' | 'append' | 'insert';

/** A lump at the current header (rm: the whole line; append: after it; insert: before it). */
export function hfEdit(ctx: MsgContext, name: string, op: EditAt, text: string, log: Log): number {
  const hf = currentHeader(ctx, name, log);
  if (hf === null) return -1;
  return edit(ctx, hf.start, hf.end, op, text, log);
}

function edit(ctx: MsgContext, start: number, end: number, op: EditAt, text: string, log: Log): number {
  if (op === 'rm') ctx.lumps.delete(start, end);
  else if (text === '') {
    log('expected a non-empty text');
    return -1;
  } else ctx.lumps.insert(op === 'append' ? end : start, text);
  return 1;
}

// ---- body lines ----

export function blNext(ctx: MsgContext, name: string, log: Log): number {
  const c = cursor(ctx, 'bl', name, log);
  if (c === null || c.ended) return -1;
  const buf = c.msg.buf;
  const from = c.start < 0 ? c.msg.bodyOffset : c.end;
  if (from >= buf.length) {
    c.ended = true;
    return -1;
  }
  const lf = buf.indexOf(0x0a, from);
  c.start = from;
  c.end = lf < 0 ? buf.length : lf + 1;
  return 1;
}

function currentLine(ctx: MsgContext, name: string, log: Log): Cursor | null {
  const c = cursor(ctx, 'bl', name, log);
  return c === null || c.ended || c.start < 0 ? null : c;
}

/** The current body line with its EOL, or null. */
export function blValue(ctx: MsgContext, name: string, log: Log): string | null {
  const c = currentLine(ctx, name, log);
  return c === null ? null : c.msg.buf.toString('utf8', c.start, c.end);
}

export function blEdit(ctx: MsgContext, name: string, op: EditAt, text: string, log: Log): number {
  const c = currentLine(ctx, name, log);
  if (c === null) return -1;
  return edit(ctx, c.start, c.end, op, text, log);
}

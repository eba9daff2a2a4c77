// Header edits as lumps (conventions.md §f): anchored at offsets of the received buffer and
// applied only when a message is built, so reads keep seeing the received headers.
import type { MsgContext } from './context.js';
import type { HeaderField } from '../sip/message.js';

/** Header text as given, with CRLF added when the caller left it out. */
export function headerLine(text: string): string {
  return text.endsWith('\n') ? text : `${text}\r\n`;
}

/** After the last header (before the empty line). */
export function appendHeader(ctx: MsgContext, text: string): boolean {
  if (text === '') return false;
  ctx.lumps.insert(ctx.msg.headersEnd, headerLine(text));
  return true;
}

/** Before the first header. */
export function insertHeader(ctx: MsgContext, text: string): boolean {
  if (text === '') return false;
  const first = ctx.msg.headers[0];
  ctx.lumps.insert(first ? first.start : ctx.msg.headersEnd, headerLine(text));
  return true;
}

/** After the first `name` header; after the last header when there is none (Kamailio). */
export function appendAfter(ctx: MsgContext, text: string, name: string): boolean {
  if (text === '') return false;
  const hf = ctx.msg.header(name);
  ctx.lumps.insert(hf ? hf.end : ctx.msg.headersEnd, headerLine(text));
  return true;
}

/** Before the first `name` header; before the first header when there is none (Kamailio). */
export function insertBefore(ctx: MsgContext, text: string, name: string): boolean {
  if (text === '') return false;
  const hf = ctx.msg.header(name) ?? ctx.msg.headers[0];
  ctx.lumps.insert(hf ? hf.start : ctx.msg.headersEnd, headerLine(text));
  return true;
}

/** One delete lump per header line named `name` (compact forms included); returns how many. */
export function removeHeaders(ctx: MsgContext, name: string): number {
  const lines = ctx.msg.headersNamed(name);
  for (const hf of lines) ctx.lumps.delete(hf.start, hf.end);
  return lines.length;
}

/** The header body of line `idx` of `name`: idx >= 0 from the top, < 0 from the bottom. */
export function headerValueAt(ctx: MsgContext, name: string, idx: number): string | null {
  const lines = ctx.msg.headersNamed(name);
  const hf: HeaderField | undefined = idx >= 0 ? lines[idx] : lines[lines.length + idx];
  return hf ? hf.value : null;
}

export type MatchOp = 'eq' | 'ne' | 'sw' | 'in';
export type MatchWhich = 'f' | 'l' | 'a' | 'o';

function matchOne(body: string, op: MatchOp, value: string): boolean {
  const b = body.trim().toLowerCase();
  const v = value.toLowerCase();
  switch (op) {
    case 'eq':
      return b === v;
    case 'ne':
      return b !== v;
    case 'sw':
      return b.startsWith(v);
    case 'in':
      return b.includes(v);
  }
}

/**
 * KSR.hdr.match_content: op eq|ne|sw|in on the trimmed body, case-insensitive; which header
 * lines: f(irst), l(ast), a(ll must match), o(ne at least). Unknown op/which → null (caller
 * logs and returns false); no such header → false.
 */
export function matchContent(ctx: MsgContext, name: string, op: string, value: string, which: string): boolean | null {
  if (!['eq', 'ne', 'sw', 'in'].includes(op) || !['f', 'l', 'a', 'o'].includes(which)) return null;
  const lines = ctx.msg.headersNamed(name);
  if (lines.length === 0) return false;
  const test = (hf: HeaderField) => matchOne(hf.value, op as MatchOp, value);
  switch (which as MatchWhich) {
    case 'f':
      return test(lines[0]!);
    case 'l':
      return test(lines[lines.length - 1]!);
    case 'a':
      return lines.every(test);
    case 'o':
      return lines.some(test);
  }
}

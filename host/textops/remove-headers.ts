// remove_hf and its variants: one delete lump per header line, chosen by name (compact forms
// too, as Kamailio matches known headers by type), by index, by regex on the name, or by value.
import type { MsgContext } from '../core/context.js';
import type { HeaderField } from '../sip/message.js';
import { asBytes, regexTest } from '../text/regex.js';
import { applyEdits } from './message-text.js';
import { textopsRegex } from './search.js';

/** 1 when at least one line was removed, -1 when none (or the lines were already edited). */
function removeLines(ctx: MsgContext, fn: string, lines: readonly HeaderField[]): number {
  if (lines.length === 0) return -1;
  return applyEdits(ctx, fn, lines.map((h) => ({ start: h.start, end: h.end, text: '' }))) ? 1 : -1;
}

export function removeByName(ctx: MsgContext, name: string): number {
  return removeLines(ctx, 'remove_hf', ctx.msg.headersNamed(name));
}

/** remove_hf_idx(name, idx): idx >= 0 from the top, < 0 from the bottom. */
export function removeByIndex(ctx: MsgContext, name: string, idx: number): number {
  const lines = ctx.msg.headersNamed(name);
  const h = idx >= 0 ? lines[idx] : lines[lines.length + idx];
  return removeLines(ctx, 'remove_hf_idx', h ? [h] : []);
}

/** remove_hf_re(re): every header whose name matches. */
export function removeByNameRegex(ctx: MsgContext, pattern: string): number {
  const re = textopsRegex(pattern);
  return removeLines(ctx, 'remove_hf_re', ctx.msg.headers.filter((h) => regexTest(re, asBytes(h.name))));
}

/** remove_hf_exp(match, skip): names matching `match` but not `skip` (an empty skip skips none). */
export function removeByNameExpr(ctx: MsgContext, match: string, skip: string): number {
  const re = textopsRegex(match);
  const no = skip === '' ? null : textopsRegex(skip);
  return removeLines(ctx, 'remove_hf_exp', ctx.msg.headers.filter((h) => regexTest(re, asBytes(h.name)) && !(no && regexTest(no, asBytes(h.name)))));
}

/** The value tests of remove_hf_match: op on the header value (trimmed), case-sensitive. */
const VALUE_OPS: Readonly<Record<string, (value: string, expr: string) => boolean>> = {
  eq: (v, e) => v === e,
  ne: (v, e) => v !== e,
  in: (v, e) => v.includes(e),
  sw: (v, e) => v.startsWith(e),
  ew: (v, e) => v.endsWith(e),
  re: (v, e) => regexTest(textopsRegex(e), v),
};

/** remove_hf_match(name, op, expr): the lines of `name` whose value passes the op; null for an unknown op. */
export function removeByValue(ctx: MsgContext, name: string, op: string, expr: string): number | null {
  const test = VALUE_OPS[op];
  if (!test) return null;
  const lines = ctx.msg.headersNamed(name).filter((h) => test(ctx.msg.buf.toString('latin1', h.valueStart, h.valueEnd).trim(), asBytes(expr)));
  return removeLines(ctx, 'remove_hf_match', lines);
}

export const REMOVE_MATCH_OPS = Object.keys(VALUE_OPS);

// textops' regex searches: POSIX extended, case-insensitive, `^`/`$` per line (Kamailio
// compiles them with REG_EXTENDED|REG_ICASE|REG_NEWLINE), on the linear-time engine.
import type { MsgContext } from '../core/context.js';
import { asBytes, compileRegex, regexExec, regexTest } from '../text/regex.js';
import type { RE2JS } from 're2js';
import { bodyOf, wholeMessage } from './message-text.js';

/** A textops pattern: REG_EXTENDED|REG_ICASE|REG_NEWLINE. Throws RegexError. */
export function textopsRegex(pattern: string): RE2JS {
  return compileRegex(pattern, { icase: true, line: true });
}

/** search(re): anywhere in the message, first line included. */
export function searchMessage(ctx: MsgContext, pattern: string): boolean {
  return regexTest(textopsRegex(pattern), wholeMessage(ctx).text);
}

/** search_body(re): false when there is no body. */
export function searchBody(ctx: MsgContext, pattern: string): boolean {
  const re = textopsRegex(pattern);
  const body = bodyOf(ctx);
  return body !== null && regexTest(re, body.text);
}

/** search_hf(name, re, flags): in the value of the first ("f"), last ("l") or any header of that name. */
export function searchHeader(ctx: MsgContext, name: string, pattern: string, flags: string): boolean {
  const re = textopsRegex(pattern);
  const lines = ctx.msg.headersNamed(name);
  const which = flags.startsWith('f') ? lines.slice(0, 1) : flags.startsWith('l') ? lines.slice(-1) : lines;
  return which.some((h) => regexTest(re, ctx.msg.buf.toString('latin1', h.valueStart, h.valueEnd)));
}

/** is_present_hf_re(re): some header name matches. */
export function someHeaderNameMatches(ctx: MsgContext, pattern: string): boolean {
  const re = textopsRegex(pattern);
  return ctx.msg.headers.some((h) => regexTest(re, asBytes(h.name)));
}

/** search_str(text, re): the pattern matches the text. */
export function searchString(text: string, pattern: string): boolean {
  return regexTest(textopsRegex(pattern), asBytes(text));
}

/**
 * regex_substring(text, re, group, groups): group `group` of the first match, looking at the
 * first `groups` groups (Kamailio's nmatch); null when there is no match or the group took no
 * part. Extended syntax, case-sensitive. Throws RangeError for a group outside 0..groups-1.
 */
export function regexSubstring(text: string, pattern: string, group: number, groups: number): string | null {
  if (groups <= 0 || group < 0 || group >= groups) throw new RangeError(`expected 0 <= match index < match count, got index ${group} and count ${groups}`);
  const m = regexExec(compileRegex(pattern), asBytes(text));
  if (m === null || group >= m.groups.length) return null;
  return m.groups[group] ?? null;
}

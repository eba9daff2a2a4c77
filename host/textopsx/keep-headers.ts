// keep_hf / keep_hf_re: every header line is removed (lumps) except the ones SIP routing
// needs, which textopsx always keeps, and (keep_hf_re) those whose name as written matches
// the regular expression (searched anywhere in the name, case-insensitive, POSIX extended).
// Kamailio's keep_hf_helper (textopsx.c) ends with `return -1` after removing the headers, so
// keep_hf / keep_hf_re answer -1 also when they did their work: scripts must not test it.
import type { MsgContext } from '../core/context.js';
import type { HeaderField } from '../sip/message.js';
import { compileRegex, regexTest } from '../text/regex.js';

/** textopsx's keep_hf: Via, From, To, Call-ID, CSeq, Contact, Content-Length, Content-Type, Route, Record-Route, Max-Forwards. */
export const ALWAYS_KEPT: ReadonlySet<string> = new Set([
  'via', 'from', 'to', 'call-id', 'cseq', 'contact', 'content-length', 'content-type', 'route', 'record-route', 'max-forwards',
]);

/** Removes the other headers; `pattern` '' keeps only ALWAYS_KEPT; -1 as Kamailio. Throws RegexError for a bad pattern. */
export function keepHeaders(ctx: MsgContext, pattern: string): number {
  const re = pattern === '' ? null : compileRegex(pattern, { icase: true, line: true });
  // names are read as latin1 (one char per byte), as the pattern's bytes are
  const kept = (hf: HeaderField) => ALWAYS_KEPT.has(hf.lname) || (re !== null && regexTest(re, hf.name));
  for (const hf of ctx.msg.headers) if (!kept(hf)) ctx.lumps.delete(hf.start, hf.end);
  return -1;
}

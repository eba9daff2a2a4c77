// textops' replacements: a regex or a plain string, first match or every match, in the part of
// the message each function looks at. Each match becomes a lump (delete + insert) anchored in
// the current buffer; nothing is visible to reads until msg_apply_changes, as in Kamailio.
import type { MsgContext } from '../core/context.js';
import { asBytes, compileRegex, regexExec, regexExecAll } from '../text/regex.js';
import type { Edit, Subject } from './message-text.js';
import { applyEdits } from './message-text.js';
import { textopsRegex } from './search.js';

export type Scope = 'message' | 'body' | 'headers';

/** Matches of the pattern in the subject as edits putting `text` (bytes) in their place. */
function regexEdits(subject: Subject, pattern: string, text: string, all: boolean, line = true): Edit[] | 'empty' {
  const re = line ? textopsRegex(pattern) : compileRegex(pattern, { icase: true });
  const matches = all ? regexExecAll(re, subject.text) : [regexExec(re, subject.text)].filter((m) => m !== null);
  const edits: Edit[] = [];
  for (const m of matches) {
    // Kamailio stops on an empty match ("matched string is empty... invalid regexp?"), with an error
    if (m!.end === m!.start) return 'empty';
    edits.push({ start: subject.offset + m!.start, end: subject.offset + m!.end, text });
  }
  return edits;
}

/**
 * replace / replace_all / replace_body / replace_body_all / replace_body_atonce / replace_hdrs:
 * 1 when something was replaced, -1 when nothing matched, there is no such part, the match was
 * empty or the bytes were already changed by an earlier edit.
 */
export function replaceRegex(ctx: MsgContext, fn: string, subject: Subject | null, pattern: string, text: string, all: boolean, line = true): number {
  if (subject === null) return -1;
  const edits = regexEdits(subject, pattern, asBytes(text), all, line);
  if (edits === 'empty') {
    ctx.core.logger.log('error', `KSR.textops.${fn}: the pattern ${JSON.stringify(pattern)} matched an empty string; expected a pattern that matches text`);
    return -1;
  }
  if (edits.length === 0) return -1;
  return applyEdits(ctx, fn, edits) ? 1 : -1;
}

/** search_append / search_append_body: `text` inserted after the first match. */
export function appendAfterMatch(ctx: MsgContext, fn: string, subject: Subject | null, pattern: string, text: string): number {
  if (subject === null) return -1;
  const m = regexExec(textopsRegex(pattern), subject.text);
  if (m === null) return -1;
  const at = subject.offset + m.end;
  return applyEdits(ctx, fn, [{ start: at, end: at, text: asBytes(text) }]) ? 1 : -1;
}

/** The occurrences of a plain string (case-sensitive), first only or all, not overlapping. */
function stringEdits(subject: Subject, match: string, text: string, all: boolean): Edit[] {
  const edits: Edit[] = [];
  for (let at = subject.text.indexOf(match); at >= 0; at = subject.text.indexOf(match, at + match.length)) {
    edits.push({ start: subject.offset + at, end: subject.offset + at + match.length, text });
    if (!all) break;
  }
  return edits;
}

/** The mode argument of replace_str / replace_body_str / replace_hdrs_str: "f" first, "a" all. */
export function replaceMode(mode: string): 'first' | 'all' | null {
  if (mode === '' || mode[0] === 'a' || mode[0] === 'A') return 'all';
  if (mode[0] === 'f' || mode[0] === 'F') return 'first';
  return null;
}

/** replace_str family: 1 replaced, -1 not found / empty match string / bytes already changed. */
export function replaceString(ctx: MsgContext, fn: string, subject: Subject | null, match: string, text: string, all: boolean): number {
  if (subject === null || match === '') return -1;
  const edits = stringEdits(subject, asBytes(match), asBytes(text), all);
  if (edits.length === 0) return -1;
  return applyEdits(ctx, fn, edits) ? 1 : -1;
}

// KSR.textops.*: Kamailio's text operations on the message (issue 10). Searches read the
// received message; writes are lumps (reads keep seeing the received message until
// msg_apply_changes). Every script pattern runs on the linear-time engine: one it refuses
// (back-references, bad syntax) logs `KSR.textops.fn: ...` and returns -1. Logic in host/textops/.
import { defineModule } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { writePv } from '../../host/core/pv.js';
import { asBytes, fromBytes } from '../../host/text/regex.js';
import { afterFirstLine, bodyOf, headerSection, regexFailure } from '../../host/textops/message-text.js';
import { regexSubstring, searchBody, searchHeader, searchMessage, searchString, someHeaderNameMatches } from '../../host/textops/search.js';
import { appendAfterMatch, replaceMode, replaceRegex, replaceString } from '../../host/textops/replace.js';
import { substHeader, substMessage, substUri, substUser, substValue } from '../../host/textops/subst.js';
import { REMOVE_MATCH_OPS, removeByIndex, removeByName, removeByNameExpr, removeByNameRegex, removeByValue } from '../../host/textops/remove-headers.js';
import {
  appendPart, bodyPartInto, filterBody, hasBody, hasBodyType, hexBytes, removePart, setBody, setMultipart, setReplyBody,
} from '../../host/textops/body.js';
import { DEFAULT_BOUNDARY } from '../../host/textops/multipart.js';
import { allIn, anyIn, compare, endsWith, find, inList, startsWith } from '../../host/textops/strings.js';
import { isPrivacy, PRIVACY_VALUES } from '../../host/textops/privacy.js';
import { audioOnHold } from '../../host/textops/sdp-hold.js';
import { decl, intOf } from './decl.js';

const log = (ctx: MsgContext, fn: string, text: string) => ctx.core.logger.log('error', `KSR.textops.${fn}: ${text}`);

/** Runs a function that compiles a script pattern: a refused pattern logs and gives -1. */
function guarded(ctx: MsgContext, fn: string, run: () => number): number {
  try {
    return run();
  } catch (e) {
    return regexFailure(ctx, fn, e);
  }
}

/** A write function taking a regex: (ctx, ...args) → code, with the pattern guarded. */
const regexFn = (params: string, fn: string, run: (ctx: MsgContext, ...a: any[]) => number) =>
  decl(params, 'int', (ctx, ...a: any[]) => guarded(ctx, fn, () => run(ctx, ...a)));


/** replace_str-style: a mode "f" (first) or "a" (all); anything else logs and fails. */
function strReplace(fn: string, subject: (ctx: MsgContext) => ReturnType<typeof bodyOf>) {
  return decl('str, str, str', 'int', (ctx, match: string, text: string, mode: string) => {
    const m = replaceMode(mode);
    if (m === null) {
      log(ctx, fn, `expected mode "f" (first) or "a" (all), got ${JSON.stringify(mode)}`);
      return -1;
    }
    return replaceString(ctx, fn, subject(ctx), match, text, m === 'all');
  });
}

function hexOr(ctx: MsgContext, fn: string, hex: string): string | null {
  const b = hexBytes(hex);
  if (b === null) log(ctx, fn, `expected an even number of hex digits, got ${JSON.stringify(hex.slice(0, 40))}`);
  return b;
}

export const textopsModule = defineModule('textops', {
  // ---- searches (value only) ----
  search: regexFn('str', 'search', (ctx, re: string) => intOf(searchMessage(ctx, re))),
  search_body: regexFn('str', 'search_body', (ctx, re: string) => intOf(searchBody(ctx, re))),
  search_hf: regexFn('str, str, str', 'search_hf', (ctx, name: string, re: string, flags: string) => intOf(searchHeader(ctx, name, re, flags))),
  is_present_hf: decl('str', 'int', (ctx, name: string) => intOf(name !== '' && ctx.msg.hasHeader(name))),
  is_present_hf_re: regexFn('str', 'is_present_hf_re', (ctx, re: string) => intOf(someHeaderNameMatches(ctx, re))),
  search_str: regexFn('str, str', 'search_str', (_ctx, text: string, re: string) => intOf(searchString(text, re))),
  regex_substring: decl('str, str, int, int, str', 'int', (ctx, text: string, re: string, index: number, count: number, pv: string) =>
    guarded(ctx, 'regex_substring', () => {
      let sub: string | null;
      try {
        sub = regexSubstring(text, re, index, count);
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        log(ctx, 'regex_substring', e.message);
        return -1;
      }
      if (sub === null) return -1;
      if (!writePv(ctx, pv, fromBytes(sub))) {
        log(ctx, 'regex_substring', `cannot write ${JSON.stringify(pv)}; expected a writable pseudo-variable`);
        return -1;
      }
      return 1;
    })),

  // ---- inserts and replacements (lumps) ----
  search_append: regexFn('str, str', 'search_append', (ctx, re: string, text: string) => appendAfterMatch(ctx, 'search_append', afterFirstLine(ctx), re, text)),
  search_append_body: regexFn('str, str', 'search_append_body', (ctx, re: string, text: string) => appendAfterMatch(ctx, 'search_append_body', bodyOf(ctx), re, text)),
  replace: regexFn('str, str', 'replace', (ctx, re: string, text: string) => replaceRegex(ctx, 'replace', afterFirstLine(ctx), re, text, false)),
  replace_all: regexFn('str, str', 'replace_all', (ctx, re: string, text: string) => replaceRegex(ctx, 'replace_all', afterFirstLine(ctx), re, text, true)),
  replace_body: regexFn('str, str', 'replace_body', (ctx, re: string, text: string) => replaceRegex(ctx, 'replace_body', bodyOf(ctx), re, text, false)),
  replace_body_all: regexFn('str, str', 'replace_body_all', (ctx, re: string, text: string) => replaceRegex(ctx, 'replace_body_all', bodyOf(ctx), re, text, true)),
  // compiled without REG_NEWLINE in Kamailio: `.` crosses lines, ^/$ are the ends of the body
  replace_body_atonce: regexFn('str, str', 'replace_body_atonce', (ctx, re: string, text: string) => replaceRegex(ctx, 'replace_body_atonce', bodyOf(ctx), re, text, true, false)),
  replace_hdrs: regexFn('str, str', 'replace_hdrs', (ctx, re: string, text: string) => replaceRegex(ctx, 'replace_hdrs', headerSection(ctx), re, text, true)),
  replace_str: strReplace('replace_str', afterFirstLine),
  replace_body_str: strReplace('replace_body_str', bodyOf),
  replace_hdrs_str: strReplace('replace_hdrs_str', headerSection),

  // ---- substitutions ----
  subst: regexFn('str', 'subst', (ctx, se: string) => substMessage(ctx, 'subst', afterFirstLine(ctx), se)),
  subst_body: regexFn('str', 'subst_body', (ctx, se: string) => substMessage(ctx, 'subst_body', bodyOf(ctx), se)),
  subst_uri: regexFn('str', 'subst_uri', (ctx, se: string) => substUri(ctx, se)),
  subst_user: regexFn('str', 'subst_user', (ctx, se: string) => substUser(ctx, se)),
  subst_hf: regexFn('str, str, str', 'subst_hf', (ctx, name: string, se: string, flags: string) => substHeader(ctx, name, se, flags)),
  subst_v: regexFn('str, str, str', 'subst_v', (ctx, text: string, se: string, pv: string) => substValue(ctx, text, se, pv)),

  // ---- header removal ----
  remove_hf: decl('str', 'int', (ctx, name: string) => (name === '' ? -1 : removeByName(ctx, name))),
  remove_hf_re: regexFn('str', 'remove_hf_re', (ctx, re: string) => removeByNameRegex(ctx, re)),
  remove_hf_idx: decl('str, int', 'int', (ctx, name: string, idx: number) => (name === '' ? -1 : removeByIndex(ctx, name, idx))),
  remove_hf_exp: regexFn('str, str', 'remove_hf_exp', (ctx, match: string, skip: string) => removeByNameExpr(ctx, match, skip)),
  remove_hf_match: regexFn('str, str, str', 'remove_hf_match', (ctx, name: string, op: string, expr: string) => {
    const r = removeByValue(ctx, name, op, expr);
    if (r === null) log(ctx, 'remove_hf_match', `expected op ${REMOVE_MATCH_OPS.join('|')}, got ${JSON.stringify(op)}`);
    return r ?? -1;
  }),

  // ---- bodies ----
  set_body: decl('str, str', 'int', (ctx, text: string, type: string) => setBody(ctx, 'set_body', asBytes(text), type)),
  set_body_hex: decl('str, str', 'int', (ctx, hex: string, type: string) => {
    const b = hexOr(ctx, 'set_body_hex', hex);
    return b === null ? -1 : setBody(ctx, 'set_body_hex', b, type);
  }),
  set_reply_body: decl('str, str', 'int', (ctx, text: string, type: string) => setReplyBody(ctx, 'set_reply_body', asBytes(text), type)),
  set_reply_body_hex: decl('str, str', 'int', (ctx, hex: string, type: string) => {
    const b = hexOr(ctx, 'set_reply_body_hex', hex);
    return b === null ? -1 : setReplyBody(ctx, 'set_reply_body_hex', b, type);
  }),
  has_body: decl('', 'int', (ctx) => hasBody(ctx)),
  has_body_type: decl('str', 'int', (ctx, type: string) => {
    const r = hasBodyType(ctx, type);
    if (r === null) log(ctx, 'has_body_type', `expected a media type "type/subtype", got ${JSON.stringify(type.slice(0, 80))}`);
    return r ?? -1;
  }),
  filter_body: decl('str', 'int', (ctx, type: string) => filterBody(ctx, type)),
  set_body_multipart_mode: decl('', 'int', (ctx) => setMultipart(ctx, 'set_body_multipart_mode', null, DEFAULT_BOUNDARY)),
  set_body_multipart_boundary: decl('str', 'int', (ctx, boundary: string) => setMultipart(ctx, 'set_body_multipart_boundary', null, boundary)),
  set_body_multipart_content: decl('str, str', 'int', (ctx, text: string, type: string) =>
    multipartWith(ctx, 'set_body_multipart_content', text, type, DEFAULT_BOUNDARY)),
  set_body_multipart: decl('str, str, str', 'int', (ctx, text: string, type: string, boundary: string) =>
    multipartWith(ctx, 'set_body_multipart', text, type, boundary)),
  append_body_part: decl('str, str', 'int', (ctx, text: string, type: string) => appendPart(ctx, 'append_body_part', asBytes(text), type)),
  append_body_part_cd: decl('str, str, str', 'int', (ctx, text: string, type: string, cd: string) => appendPart(ctx, 'append_body_part_cd', asBytes(text), type, cd)),
  append_body_part_hex: decl('str, str', 'int', (ctx, hex: string, type: string) => {
    const b = hexOr(ctx, 'append_body_part_hex', hex);
    return b === null ? -1 : appendPart(ctx, 'append_body_part_hex', b, type);
  }),
  append_body_part_hex_cd: decl('str, str, str', 'int', (ctx, hex: string, type: string, cd: string) => {
    const b = hexOr(ctx, 'append_body_part_hex_cd', hex);
    return b === null ? -1 : appendPart(ctx, 'append_body_part_hex_cd', b, type, cd);
  }),
  remove_body_part: decl('str', 'int', (ctx, type: string) => removePart(ctx, type)),
  get_body_part: decl('str, str', 'int', (ctx, type: string, pv: string) => bodyPartInto(ctx, 'get_body_part', type, pv, false)),
  get_body_part_raw: decl('str, str', 'int', (ctx, type: string, pv: string) => bodyPartInto(ctx, 'get_body_part_raw', type, pv, true)),
  is_audio_on_hold: decl('', 'int', (ctx) => audioOnHold(ctx)),
  is_privacy: decl('str', 'int', (ctx, value: string) => {
    const r = isPrivacy(ctx, value);
    if (r === null) log(ctx, 'is_privacy', `expected one of ${PRIVACY_VALUES.join('|')}, got ${JSON.stringify(value.slice(0, 40))}`);
    return r ?? -1;
  }),

  // ---- string helpers (value only) ----
  in_list: decl('str, str, str', 'int', (ctx, subject: string, list: string, sep: string) => listCheck(ctx, 'in_list', subject, list, sep, false)),
  in_list_prefix: decl('str, str, str', 'int', (ctx, subject: string, list: string, sep: string) => listCheck(ctx, 'in_list_prefix', subject, list, sep, true)),
  cmp_str: decl('str, str', 'int', (_ctx, a: string, b: string) => compare(a, b, false)),
  cmp_istr: decl('str, str', 'int', (_ctx, a: string, b: string) => compare(a, b, true)),
  starts_with: decl('str, str', 'int', (_ctx, s: string, p: string) => startsWith(s, p)),
  ends_with: decl('str, str', 'int', (_ctx, s: string, p: string) => endsWith(s, p)),
  str_find: decl('str, str', 'int', (_ctx, s: string, n: string) => find(s, n, false)),
  str_ifind: decl('str, str', 'int', (_ctx, s: string, n: string) => find(s, n, true)),
  str_any_in: decl('str, str', 'int', (_ctx, s: string, chars: string) => anyIn(s, chars)),
  str_all_in: decl('str, str', 'int', (_ctx, s: string, chars: string) => allIn(s, chars)),
});

function multipartWith(ctx: MsgContext, fn: string, text: string, type: string, boundary: string): number {
  if (text === '' || type.trim() === '') {
    log(ctx, fn, 'expected a body and a content type, got an empty one');
    return -1;
  }
  return setMultipart(ctx, fn, { bytes: asBytes(text), type: type.trim() }, boundary);
}

function listCheck(ctx: MsgContext, fn: string, subject: string, list: string, sep: string, prefix: boolean): number {
  const r = inList(subject, list, sep, prefix);
  if (r === null) log(ctx, fn, `expected a separator of one character, got ${JSON.stringify(sep)}`);
  return r ?? -1;
}

// KSR.textopsx.*: replacing the message (msg_apply_changes, msg_set_buffer), the reply status,
// header value edits, keep_hf, fnmatch and the header / body line iterators. Edits are lumps;
// logic in host/textopsx/.
import { defineModule, type KsrDeclaration } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { RegexError } from '../../host/text/regex.js';
import { applyMessageChanges, removeBody, setMessageBuffer } from '../../host/textopsx/message-replace.js';
import { changeReplyStatus } from '../../host/textopsx/reply-status.js';
import { keepHeaders } from '../../host/textopsx/keep-headers.js';
import { fnmatch } from '../../host/textopsx/fnmatch.js';
import { modifyHfValue, valueSet, type HfOp, type HfResult, type SetOp } from '../../host/textopsx/header-values.js';
import {
  blEdit, blNext, blValue, endIterator, hfBody, hfEdit, hfName, hfNext, hfPrev, startIterator, type EditAt, type IteratorKind, type Log,
} from '../../host/textopsx/iterators.js';
import type { Rewrite } from '../../host/core/message-rewrite.js';
import { decl } from './decl.js';

const logger = (ctx: MsgContext, fn: string): Log => (text) => ctx.core.logger.log('error', `KSR.textopsx.${fn}: ${text}`);

function codeOf(ctx: MsgContext, fn: string, r: Rewrite | HfResult): number {
  if (r.ok) return 'code' in r ? r.code : 1;
  logger(ctx, fn)(r.error);
  return -1;
}

const replacing = (d: KsrDeclaration): KsrDeclaration => ({ ...d, changesMessage: true });

const hfValue = (fn: string, op: HfOp): KsrDeclaration =>
  decl('str, str', 'int', (ctx, spec: string, value: string) => codeOf(ctx, fn, modifyHfValue(ctx, op, spec, value)));
const hfSet = (fn: string, op: SetOp): KsrDeclaration =>
  decl('str, str', 'int', (ctx, spec: string, value: string) => codeOf(ctx, fn, valueSet(ctx, op, spec, value)));

function keep(ctx: MsgContext, fn: string, pattern: string): number {
  try {
    return keepHeaders(ctx, pattern);
  } catch (e) {
    if (!(e instanceof RegexError)) throw e;
    logger(ctx, fn)(e.message);
    return -1;
  }
}

/**
 * fnmatch(3) on the two texts; a NUL in either is refused (C strings end there). The KEMI
 * functions return textopsx's w_fnmatch_ex result as is: 0 on a match, -1 otherwise (only the
 * native cfg wrappers turn the match into 1).
 */
function globMatch(ctx: MsgContext, fn: string, value: string, pattern: string, flags: string): number {
  if (value.includes('\0') || pattern.includes('\0')) {
    logger(ctx, fn)('expected a value and a pattern without NUL characters');
    return -1;
  }
  const icase = flags[0] === 'i' || flags[0] === 'I';
  const matched = fnmatch(pattern, value, icase);
  if (matched === null) logger(ctx, fn)(`gave up: pattern of ${pattern.length} characters against a value of ${value.length} takes too many steps`);
  return matched === true ? 0 : -1;
}

const iterName = (kind: IteratorKind, what: string) => `${kind}_iterator_${what}`;
const start = (kind: IteratorKind) => decl('str', 'int', (ctx, name: string) => startIterator(ctx, kind, name, logger(ctx, iterName(kind, 'start'))));
const end = (kind: IteratorKind) => decl('str', 'int', (ctx, name: string) => endIterator(ctx, kind, name, logger(ctx, iterName(kind, 'end'))));
const hfAt = (op: EditAt) => op === 'rm'
  ? decl('str', 'int', (ctx, name: string) => hfEdit(ctx, name, op, '', logger(ctx, iterName('hf', op))))
  : decl('str, str', 'int', (ctx, name: string, text: string) => hfEdit(ctx, name, op, text, logger(ctx, iterName('hf', op))));
const blAt = (op: EditAt) => op === 'rm'
  ? decl('str', 'int', (ctx, name: string) => blEdit(ctx, name, op, '', logger(ctx, iterName('bl', op))))
  : decl('str, str', 'int', (ctx, name: string, text: string) => blEdit(ctx, name, op, text, logger(ctx, iterName('bl', op))));

export const textopsxModule = defineModule('textopsx', {
  msg_apply_changes: replacing(decl('', 'int', (ctx) => codeOf(ctx, 'msg_apply_changes', applyMessageChanges(ctx)))),
  msg_set_buffer: replacing(decl('str', 'int', (ctx, text: string) => codeOf(ctx, 'msg_set_buffer', setMessageBuffer(ctx, text)))),
  // the status digits are written into the message (it is replaced, as by pos_set_char)
  change_reply_status: replacing(decl('int, str', 'int', (ctx, code: number, reason: string) =>
    codeOf(ctx, 'change_reply_status', changeReplyStatus(ctx, code, reason)))),
  change_reply_status_code: replacing(decl('int', 'int', (ctx, code: number) =>
    codeOf(ctx, 'change_reply_status_code', changeReplyStatus(ctx, code, null)))),
  remove_body: decl('', 'int', (ctx) => removeBody(ctx)),
  keep_hf: decl('', 'int', (ctx) => keep(ctx, 'keep_hf', '')),
  keep_hf_re: decl('str', 'int', (ctx, pattern: string) => keep(ctx, 'keep_hf_re', pattern)),
  fnmatch: decl('str, str', 'int', (ctx, value: string, pattern: string) => globMatch(ctx, 'fnmatch', value, pattern, '')),
  fnmatch_ex: decl('str, str, str', 'int', (ctx, value: string, pattern: string, flags: string) => globMatch(ctx, 'fnmatch_ex', value, pattern, flags)),
  append_hf_value: hfValue('append_hf_value', 'append'),
  insert_hf_value: hfValue('insert_hf_value', 'insert'),
  assign_hf_value: hfValue('assign_hf_value', 'assign'),
  assign_hf_value2: hfValue('assign_hf_value2', 'assign2'),
  remove_hf_value: decl('str', 'int', (ctx, spec: string) => codeOf(ctx, 'remove_hf_value', modifyHfValue(ctx, 'remove', spec, ''))),
  remove_hf_value2: hfValue('remove_hf_value2', 'remove2'),
  include_hf_value: hfSet('include_hf_value', 'include'),
  exclude_hf_value: hfSet('exclude_hf_value', 'exclude'),
  hf_value_exists: hfSet('hf_value_exists', 'exists'),
  hf_iterator_start: start('hf'),
  hf_iterator_end: end('hf'),
  hf_iterator_next: decl('str', 'int', (ctx, name: string) => hfNext(ctx, name, logger(ctx, 'hf_iterator_next'))),
  hf_iterator_prev: decl('str', 'int', (ctx, name: string) => hfPrev(ctx, name, logger(ctx, 'hf_iterator_prev'))),
  hf_iterator_rm: hfAt('rm'),
  hf_iterator_append: hfAt('append'),
  hf_iterator_insert: hfAt('insert'),
  hf_iterator_hname: decl('str', 'xval', (ctx, name: string) => hfName(ctx, name, logger(ctx, 'hf_iterator_hname'))),
  hf_iterator_hbody: decl('str', 'xval', (ctx, name: string) => hfBody(ctx, name, logger(ctx, 'hf_iterator_hbody'))),
  bl_iterator_start: start('bl'),
  bl_iterator_end: end('bl'),
  bl_iterator_next: decl('str', 'int', (ctx, name: string) => blNext(ctx, name, logger(ctx, 'bl_iterator_next'))),
  bl_iterator_rm: blAt('rm'),
  bl_iterator_append: blAt('append'),
  bl_iterator_insert: blAt('insert'),
  bl_iterator_value: decl('str', 'xval', (ctx, name: string) => blValue(ctx, name, logger(ctx, 'bl_iterator_value'))),
});

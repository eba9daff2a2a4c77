// KSR.hdr.*: header edits as lumps (reads keep seeing the received headers) and header reads
// with KEMI's null modes. Logic in host/core/header-edit.ts.
import { defineModule } from '../registry.js';
import {
  appendAfter, appendHeader, headerLine, headerValueAt, insertBefore, insertHeader, matchContent, removeHeaders,
} from '../../host/core/header-edit.js';
import { decl, intOf, withNullMode, type NullMode } from './decl.js';

const getter = (mode: NullMode) =>
  decl('str', 'xval', (ctx, name: string) => withNullMode(headerValueAt(ctx, name, 0), mode));
const idxGetter = (mode: NullMode) =>
  decl('str, int', 'xval', (ctx, name: string, idx: number) => withNullMode(headerValueAt(ctx, name, idx), mode));

export const hdrModule = defineModule('hdr', {
  append: decl('str', 'int', (ctx, text: string) => intOf(appendHeader(ctx, text))),
  append_after: decl('str, str', 'int', (ctx, text: string, name: string) => intOf(appendAfter(ctx, text, name))),
  insert: decl('str', 'int', (ctx, text: string) => intOf(insertHeader(ctx, text))),
  insert_before: decl('str, str', 'int', (ctx, text: string, name: string) => intOf(insertBefore(ctx, text, name))),
  remove: decl('str', 'int', (ctx, name: string) => intOf(removeHeaders(ctx, name) > 0)),
  rmappend: decl('str, str', 'int', (ctx, rm: string, text: string) => {
    removeHeaders(ctx, rm);
    return intOf(appendHeader(ctx, text));
  }),
  rminsert: decl('str, str', 'int', (ctx, rm: string, text: string) => {
    removeHeaders(ctx, rm);
    return intOf(insertHeader(ctx, text));
  }),
  is_present: decl('str', 'int', (ctx, name: string) => intOf(ctx.msg.hasHeader(name))),
  append_to_reply: decl('str', 'int', (ctx, text: string) => {
    if (text === '') return -1;
    ctx.replyLumps.push(headerLine(text));
    return 1;
  }),
  get: getter('null'),
  gete: getter('empty'),
  getw: getter('print'),
  get_idx: idxGetter('null'),
  gete_idx: idxGetter('empty'),
  getw_idx: idxGetter('print'),
  match_content: decl('str, str, str, str', 'bool', (ctx, name: string, op: string, value: string, which: string) => {
    const r = matchContent(ctx, name, op, value, which);
    if (r === null) ctx.core.logger.log('error', `KSR.hdr.match_content: unknown op "${op}" or hidx "${which}"`);
    return r ?? false;
  }),
});

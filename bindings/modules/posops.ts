// KSR.posops.*: positions in the current message buffer, edits at positions (lumps; pos_set_char
// writes the byte at once). Logic in host/posops/positions.ts.
import { defineModule } from '../registry.js';
import {
  bodyEnd, bodyStart, findString, headersEnd, headersStart, posAdd, posRemove, posSetChar, rsearchRegex, searchRegex,
} from '../../host/posops/positions.js';
import { decl } from './decl.js';

const finder = (fn: string, reverse: boolean, icase: boolean) =>
  decl('int, str', 'int', (ctx, idx: number, val: string) => findString(ctx, fn, idx, val, { reverse, icase }));

export const posopsModule = defineModule('posops', {
  pos_append: decl('int, str', 'int', (ctx, idx: number, val: string) => posAdd(ctx, 'pos_append', idx, val)),
  pos_insert: decl('int, str', 'int', (ctx, idx: number, val: string) => posAdd(ctx, 'pos_insert', idx, val)),
  pos_rm: decl('int, int', 'int', (ctx, idx: number, len: number) => posRemove(ctx, idx, len)),
  pos_set_char: { ...decl('int, str', 'int', (ctx, idx: number, val: string) => posSetChar(ctx, idx, val)), changesMessage: true },
  pos_headers_start: decl('', 'int', (ctx) => headersStart(ctx)),
  pos_headers_end: decl('', 'int', (ctx) => headersEnd(ctx)),
  pos_body_start: decl('', 'int', (ctx) => bodyStart(ctx)),
  pos_body_end: decl('', 'int', (ctx) => bodyEnd(ctx)),
  pos_find_str: finder('pos_find_str', false, false),
  pos_findi_str: finder('pos_findi_str', false, true),
  pos_rfind_str: finder('pos_rfind_str', true, false),
  pos_rfindi_str: finder('pos_rfindi_str', true, true),
  pos_search: decl('int, str', 'int', (ctx, idx: number, re: string) => searchRegex(ctx, idx, re)),
  pos_rsearch: decl('int, str', 'int', (ctx, idx: number, re: string) => rsearchRegex(ctx, idx, re)),
});

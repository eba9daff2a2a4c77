// Conformance rows of KSR.posops (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';
import { FIXTURES } from '../../support/sip-fixtures.js';
import { c, v, I } from '../case-kit.js';

const INVITE = FIXTURES.invite;
const OPTIONS = FIXTURES.options;
const MF = OPTIONS.indexOf('Max-Forwards: 0') + 14;

export const POSOPS_CASES: ConformanceCase[] = [
  c('posops.pos_append', [MF, '0'], I(1), { fixture: 'options', host: { builtExact: OPTIONS.replace('Max-Forwards: 0', 'Max-Forwards: 00') } }),
  c('posops.pos_append', [-2, 'X-End: 1\r\n'], I(1), { fixture: 'options', host: { builtExact: OPTIONS.replace('Content-Length: 0\r\n', 'Content-Length: 0\r\nX-End: 1\r\n') } }),
  c('posops.pos_insert', [MF, '7'], I(1), { fixture: 'options', host: { builtExact: OPTIONS.replace('Max-Forwards: 0', 'Max-Forwards: 70') } }),
  c('posops.pos_insert', [OPTIONS.length + 1, 'x'], I(-1), { fixture: 'options', name: 'pos_insert past the end', host: { builtExact: OPTIONS } }),
  c('posops.pos_rm', [MF, 1], I(1), { fixture: 'options', host: { builtExact: OPTIONS.replace('Max-Forwards: 0', 'Max-Forwards: ') } }),
  c('posops.pos_rm', [OPTIONS.length - 2, 5], I(-1), { fixture: 'options', name: 'pos_rm over the end', host: { builtExact: OPTIONS } }),
  c('posops.pos_set_char', [MF, '5'], I(1), { fixture: 'options', host: { message: OPTIONS.replace('Max-Forwards: 0', 'Max-Forwards: 5') } }),
  c('posops.pos_set_char', [OPTIONS.length, '5'], I(-1), { fixture: 'options', name: 'pos_set_char past the end', host: { message: OPTIONS } }),
  v('posops.pos_headers_start', [], I(INVITE.indexOf('Via:'))),
  v('posops.pos_headers_end', [], I(INVITE.indexOf('\r\n\r\n') + 2)),
  v('posops.pos_body_start', [], I(INVITE.indexOf('\r\n\r\n') + 4)),
  v('posops.pos_body_end', [], I(INVITE.length)),
  v('posops.pos_find_str', [1, 'INVITE'], I(INVITE.indexOf('314159 INVITE') + 7)),
  v('posops.pos_find_str', [0, 'INVITE'], I(-255), { name: 'pos_find_str at position 0 answers idx0' }),
  v('posops.pos_findi_str', [0, 'record-route'], I(INVITE.indexOf('Record-Route'))),
  v('posops.pos_rfind_str', [0, 'Record-Route'], I(INVITE.lastIndexOf('Record-Route'))),
  v('posops.pos_rfindi_str', [0, 'RECORD-route'], I(INVITE.lastIndexOf('Record-Route'))),
  v('posops.pos_rfindi_str', [-5, 'RECORD-route'], I(-1), { name: 'pos_rfindi_str from near the end' }),
  v('posops.pos_search', [0, '^cseq: [0-9]+'], I(INVITE.indexOf('CSeq'))),
  v('posops.pos_search', [0, '(a'], I(-1), { name: 'pos_search with a bad pattern' }),
  v('posops.pos_rsearch', [0, 'a=[a-z]+'], I(INVITE.lastIndexOf('a='))),
  v('posops.pos_rsearch', [0, '^Via'], I(INVITE.lastIndexOf('Via'))),
];

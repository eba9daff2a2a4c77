// Conformance rows of KSR.htable (written with ../case-kit.ts). The tables are those of
// TEST_MODULE_CONFIG.htable: t (size 4), ipban (autoexpire 300), cnt (initval 0).
import type { ConformanceCase } from '../cases.js';
import { c, v, call, I, S, N } from '../case-kit.js';

const setK = call('htable.sht_sets', 't', 'k', 'v');
const setN = call('htable.sht_seti', 't', 'n', 5);
const iterOn = [setK, call('htable.sht_iterator_start', 'i', 't'), call('htable.sht_iterator_next', 'i')];

export const HTABLE_CASES: ConformanceCase[] = [
  c('htable.sht_seti', ['ipban', '192.0.2.10', 1], I(1), { host: { pv: { '$sht(ipban=>$si)': 1, '$shtex(ipban=>$si)': 300 } }, name: 'htable.sht_seti ipban (the Lua example)' }),
  v('htable.sht_match_name', ['ipban', 'eq', '192.0.2.10'], I(1), { setup: [call('htable.sht_seti', 'ipban', '192.0.2.10', 1)], name: 'htable.sht_match_name ipban eq (the Lua example)' }),
  v('htable.sht_match_name', ['ipban', 'eq', '192.0.2.10'], I(-1), { name: 'htable.sht_match_name on an empty table' }),
  v('htable.sht_match_name', ['t', 'xx', 'k'], I(-1), { setup: [setK], name: 'htable.sht_match_name with an unknown op' }),
  v('htable.sht_match_str_value', ['t', 're', '^V$'], I(1), { setup: [setK] }),
  v('htable.sht_match_str_value', ['t', 'eq', '5'], I(-1), { setup: [setN], name: 'htable.sht_match_str_value skips int values' }),
  c('htable.sht_sets', ['t', 'k', 'v'], I(1), { host: { pv: { '$sht(t=>k)': 'v' } } }),
  c('htable.sht_sets', ['nope', 'k', 'v'], I(-1), { name: 'htable.sht_sets on a table not declared', host: { pv: { '$sht(t=>k)': null }, log: { level: 'error', text: 'KSR.htable.sht_sets: cannot get hash table "nope"' } } }),
  c('htable.sht_seti', ['t', 'n', 5], I(1), { host: { pv: { '$sht(t=>n)': 5 } } }),
  c('htable.sht_setxs', ['ipban', 'k', 'v', 60], I(1), { host: { pv: { '$sht(ipban=>k)': 'v', '$shtex(ipban=>k)': 60 } } }),
  c('htable.sht_setxi', ['ipban', 'k', 9, 60], I(1), { host: { pv: { '$sht(ipban=>k)': 9, '$shtex(ipban=>k)': 60 } } }),
  c('htable.sht_setex', ['ipban', 'k', 30], I(1), { setup: [call('htable.sht_seti', 'ipban', 'k', 1)], host: { pv: { '$shtex(ipban=>k)': 30 } } }),
  v('htable.sht_get', ['t', 'k'], S('v'), { setup: [setK] }),
  v('htable.sht_get', ['t', 'n'], I(5), { setup: [setN], name: 'htable.sht_get an int' }),
  v('htable.sht_get', ['t', 'none'], N, { name: 'htable.sht_get absent' }),
  v('htable.sht_get', ['cnt', 'none'], I(0), { name: 'htable.sht_get absent with initval' }),
  v('htable.sht_gete', ['t', 'none'], S('')),
  v('htable.sht_getw', ['t', 'none'], S('<null>')),
  v('htable.sht_is_null', ['t', 'none'], I(1)),
  v('htable.sht_is_null', ['t', 'k'], I(-1), { setup: [setK], name: 'htable.sht_is_null with a value' }),
  c('htable.sht_rm', ['t', 'k'], I(1), { setup: [setK], host: { pv: { '$sht(t=>k)': null } } }),
  c('htable.sht_inc', ['cnt', 'x'], I(2), { setup: [call('htable.sht_inc', 'cnt', 'x')], host: { pv: { '$sht(cnt=>x)': 2 } } }),
  c('htable.sht_inc', ['t', 'x'], I(0), { name: 'htable.sht_inc without initval creates nothing', host: { pv: { '$sht(t=>x)': null } } }),
  c('htable.sht_dec', ['cnt', 'x'], I(-1), { host: { pv: { '$sht(cnt=>x)': -1 } } }),
  v('htable.sht_cn', ['t', 'sw', 'k'], I(1), { setup: [setK, setN] }),
  v('htable.sht_cn', ['t', 're', '.'], I(2), { setup: [setK, setN], name: 'htable.sht_cn re' }),
  c('htable.sht_rm_name_re', ['t', '^k$'], I(1), { setup: [setK, setN], host: { pv: { '$sht(t=>k)': null, '$sht(t=>n)': 5 } } }),
  c('htable.sht_rm_value_re', ['t', '^v'], I(1), { setup: [setK, setN], host: { pv: { '$sht(t=>k)': null, '$sht(t=>n)': 5 } } }),
  c('htable.sht_rm_name', ['t', 'sw', 'k'], I(1), { setup: [setK, setN], host: { pv: { '$sht(t=>k)': null, '$sht(t=>n)': 5 } } }),
  c('htable.sht_rm_name', ['t', 'eq', 'k'], I(-1), { setup: [setK], name: 'htable.sht_rm_name eq is not an op of it', host: { pv: { '$sht(t=>k)': 'v' } } }),
  c('htable.sht_rm_value', ['t', 're', 'v'], I(1), { setup: [setK, setN], host: { pv: { '$sht(t=>k)': null, '$sht(t=>n)': 5 } } }),
  c('htable.sht_reset', ['t'], I(1), { setup: [setK, setN], host: { pv: { '$sht(t=>k)': null, '$sht(t=>n)': null } } }),
  v('htable.sht_lock', ['t', 'k'], I(1)),
  v('htable.sht_unlock', ['t', 'k'], I(1)),
  c('htable.sht_iterator_start', ['i', 't'], I(1), { setup: [setK], host: { pv: { '$shtitkey(i)': null } } }),
  c('htable.sht_iterator_next', ['i'], I(1), { setup: [setK, call('htable.sht_iterator_start', 'i', 't')], host: { pv: { '$shtitkey(i)': 'k', '$shtitval(i)': 'v' } } }),
  c('htable.sht_iterator_next', ['i'], I(-1), { setup: iterOn, name: 'htable.sht_iterator_next at the end', host: { pv: { '$shtitkey(i)': null } } }),
  c('htable.sht_iterator_end', ['i'], I(1), { setup: iterOn, host: { pv: { '$shtitkey(i)': null } } }),
  c('htable.sht_iterator_rm', ['i'], I(-2), { setup: iterOn, host: { pv: { '$sht(t=>k)': null } } }),
  c('htable.sht_iterator_sets', ['i', 'w'], I(1), { setup: iterOn, host: { pv: { '$sht(t=>k)': 'w' } } }),
  c('htable.sht_iterator_seti', ['i', 3], I(1), { setup: iterOn, host: { pv: { '$sht(t=>k)': 3 } } }),
  c('htable.sht_iterator_setex', ['i', 40], I(1), { setup: [call('htable.sht_sets', 'ipban', 'k', 'v'), call('htable.sht_iterator_start', 'i', 'ipban'), call('htable.sht_iterator_next', 'i')], host: { pv: { '$shtex(ipban=>k)': 40 } } }),
  c('htable.sht_iterator_sets', ['none', 'w'], I(-1), { setup: [setK], name: 'htable.sht_iterator_sets without an iterator', host: { pv: { '$sht(t=>k)': 'v' }, log: { level: 'error', text: 'KSR.htable.sht_iterator_sets: expected iterator "none" started' } } }),
];

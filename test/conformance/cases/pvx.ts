// Conformance rows of KSR.pvx (written with ../case-kit.ts). xavps are per message: each row
// starts with none. $shv is server-wide: rows set the names they read first.
import type { ConformanceCase } from '../cases.js';
import { c, v, call, I, S, N } from '../case-kit.js';
import type { Expected } from '../cases.js';

/** A dict or an array, native in every language (a Lua table, a JS object/array, a Python dict/list). */
const J = (value: unknown): Expected => ({ type: 'json', value });

const PRINT_EXEMPT = { test: 'test/bindings/pvx.test.ts', why: 'its only effect is log lines at info (pv_xavp_print / pv_xavu_print / pv_xavi_print checked there)' };

/**
 * getd / getd_p1 / get_keys: dicts of field name -> every value of it (newest first), as
 * Kamailio's pv.c builds them (host/pvx/xavp-dict.ts); null when absent.
 */
function dictRows(k: 'xavp' | 'xavi'): ConformanceCase[] {
  const up = (s: string) => (k === 'xavi' ? s.toUpperCase() : s);
  // item 0 of r: k="w", n=5, k="v" (newest first; xavi: K, N, k, one name each, spelled as its newest item)
  const fields = [call(`pvx.${k}_child_sets`, 'r', 'k', 'v'), call(`pvx.${k}_child_seti`, 'r', up('n'), 5), call('pv.sets', `$${k}(${up('r')}[0]=>${up('k')})`, 'w')];
  const scalarOnTop = [...fields, call(`pvx.${k}_seti`, 'r', 1)];
  const first = { [up('k')]: ['w', 'v'], [up('n')]: [5] };
  const rows: ConformanceCase[] = [
    v(`pvx.${k}_getd`, ['none'], N),
    v(`pvx.${k}_getd`, [up('r')], J([first]), { setup: fields, name: `pvx.${k}_getd of one item: field -> every value, newest first` }),
    v(`pvx.${k}_getd`, ['r'], J([first]), { setup: scalarOnTop, name: `pvx.${k}_getd leaves out an item holding a value` }),
    v(`pvx.${k}_getd_p1`, ['none', 0], N),
    v(`pvx.${k}_getd_p1`, ['r', 0], J(first), { setup: fields }),
    v(`pvx.${k}_getd_p1`, ['r', -1], J(first), { setup: fields, name: `pvx.${k}_getd_p1 -1: the oldest item` }),
    v(`pvx.${k}_getd_p1`, ['r', 1], N, { setup: fields, name: `pvx.${k}_getd_p1 past the last item` }),
    v(`pvx.${k}_getd_p1`, ['r', 0], J({}), { setup: [call(`pvx.${k}_seti`, 'r', 1)], name: `pvx.${k}_getd_p1 of an item holding a value: an empty dict` }),
    v(`pvx.${k}_get_keys`, ['r', 0], J([up('k'), up('n')]), { setup: fields }),
    v(`pvx.${k}_get_keys`, ['r', -1], N, { setup: fields, name: `pvx.${k}_get_keys takes no index from the end` }),
    v(`pvx.${k}_get_keys`, ['none', 0], N),
    v(`pvx.${k}_get_keys`, ['r', 0], J([]), { setup: [call(`pvx.${k}_sets`, 'r', 'x')], name: `pvx.${k}_get_keys of an item holding a value: no keys` }),
  ];
  if (k === 'xavp') {
    // xavp_params_explode adds a new item (xavi has no explode)
    rows.push(v('pvx.xavp_getd', ['r'], J([{ c: ['3'] }, first]), { setup: [...fields, call('pvx.xavp_params_explode', 'c=3', 'r')], name: 'pvx.xavp_getd of two items, newest first' }));
  }
  return rows;
}

/** The same rows for xavp and xavi (xavi: names ignore case). */
function listRows(k: 'xavp' | 'xavi'): ConformanceCase[] {
  const up = (s: string) => (k === 'xavi' ? s.toUpperCase() : s);
  const child = [call(`pvx.${k}_child_sets`, 'r', 'k', 'v')];
  return [
    c(`pvx.${k}_seti`, ['a', 5], I(1), { host: { pv: { [`$${k}(a)`]: 5 } } }),
    c(`pvx.${k}_sets`, ['a', 'two'], I(1), { setup: [call(`pvx.${k}_seti`, 'a', 1)], host: { pv: { [`$${k}(a)`]: 'two', [`$${k}(a[1])`]: 1 } } }),
    v(`pvx.${k}_get`, [up('a')], S('x'), { setup: [call(`pvx.${k}_sets`, 'a', 'x')] }),
    v(`pvx.${k}_get`, ['none'], N),
    v(`pvx.${k}_get`, ['r'], S('<<xavp>>'), { setup: child, name: `pvx.${k}_get of an item holding fields` }),
    v(`pvx.${k}_gete`, ['none'], S('')),
    v(`pvx.${k}_getw`, ['none'], S('<null>')),
    v(`pvx.${k}_getw`, ['a'], I(3), { setup: [call(`pvx.${k}_seti`, 'a', 3)] }),
    ...dictRows(k),
    c(`pvx.${k}_rm`, ['a'], I(1), { setup: [call(`pvx.${k}_seti`, 'a', 1), call(`pvx.${k}_seti`, 'a', 2)], host: { pv: { [`$${k}(a)`]: 1 } } }),
    c(`pvx.${k}_rm`, ['none'], I(1), { setup: [call(`pvx.${k}_seti`, 'a', 1)], host: { pv: { [`$${k}(a)`]: 1 } }, name: `pvx.${k}_rm of nothing` }),
    c(`pvx.${k}_rm_all`, ['a'], I(1), { setup: [call(`pvx.${k}_seti`, 'a', 1), call(`pvx.${k}_seti`, 'a', 2)], host: { pv: { [`$${k}(a)`]: null } } }),
    v(`pvx.${k}_is_null`, ['a'], I(1)),
    v(`pvx.${k}_is_null`, ['a'], I(-1), { setup: [call(`pvx.${k}_seti`, 'a', 0)], name: `pvx.${k}_is_null of a set item` }),
    c(`pvx.${k}_child_seti`, ['r', 'k', 7], I(1), { setup: child, host: { pv: { [`$${k}(r=>k)`]: 7, [`$${k}(r=>k[1])`]: null } }, name: `pvx.${k}_child_seti replaces the field's item 0` }),
    c(`pvx.${k}_child_sets`, ['r', 'k', 'v'], I(1), { host: { pv: { [`$${k}(r=>k)`]: 'v', [`$${k}(r)`]: '<<xavp>>' } } }),
    c(`pvx.${k}_child_sets`, ['s', 'k', 'v'], I(1), { setup: [call(`pvx.${k}_sets`, 's', 'scalar')], host: { pv: { [`$${k}(s)`]: '<<xavp>>', [`$${k}(s=>k)`]: 'v', [`$${k}(s[1])`]: null } }, name: `pvx.${k}_child_sets replaces a scalar item 0` }),
    c(`pvx.${k}_child_rm`, ['r', 'k'], I(1), { setup: [...child, call(`pvx.${k}_child_sets`, 'r', 'k', 'w')], host: { pv: { [`$${k}(r=>k)`]: null } } }),
    v(`pvx.${k}_child_is_null`, ['r', 'k'], I(-1), { setup: child }),
    v(`pvx.${k}_child_is_null`, ['r', 'x'], I(1), { setup: child }),
    v(`pvx.${k}_child_get`, [up('r'), up('k')], S('v'), { setup: child }),
    v(`pvx.${k}_child_gete`, ['r', 'x'], S(''), { setup: child }),
    v(`pvx.${k}_child_getw`, ['none', 'k'], S('<null>')),
  ];
}

export const PVX_CASES: ConformanceCase[] = [
  ...listRows('xavp'),
  ...listRows('xavi'),

  // xavu: one item per name
  c('pvx.xavu_seti', ['u', 5], I(1), { setup: [call('pvx.xavu_sets', 'u', 'old')], host: { pv: { '$xavu(u)': 5 } } }),
  c('pvx.xavu_sets', ['u', 'new'], I(1), { setup: [call('pvx.xavu_seti', 'u', 1)], host: { pv: { '$xavu(u)': 'new' } } }),
  v('pvx.xavu_get', ['u'], S('x'), { setup: [call('pvx.xavu_sets', 'u', 'x')] }),
  v('pvx.xavu_get', ['none'], N),
  v('pvx.xavu_gete', ['none'], S('')),
  v('pvx.xavu_getw', ['none'], S('<null>')),
  c('pvx.xavu_rm', ['u'], I(1), { setup: [call('pvx.xavu_seti', 'u', 1)], host: { pv: { '$xavu(u)': null } } }),
  v('pvx.xavu_is_null', ['u'], I(1)),
  v('pvx.xavu_is_null', ['u'], I(-1), { setup: [call('pvx.xavu_seti', 'u', 1)], name: 'pvx.xavu_is_null of a set item' }),
  c('pvx.xavu_child_seti', ['r', 'k', 2], I(1), { setup: [call('pvx.xavu_child_seti', 'r', 'k', 1)], host: { pv: { '$xavu(r=>k)': 2 } } }),
  c('pvx.xavu_child_sets', ['r', 'k', 'v'], I(1), { host: { pv: { '$xavu(r=>k)': 'v' } } }),
  c('pvx.xavu_child_rm', ['r', 'k'], I(1), { setup: [call('pvx.xavu_child_sets', 'r', 'k', 'v')], host: { pv: { '$xavu(r=>k)': null } } }),
  v('pvx.xavu_child_is_null', ['r', 'k'], I(1)),
  v('pvx.xavu_child_get', ['r', 'k'], S('v'), { setup: [call('pvx.xavu_child_sets', 'r', 'k', 'v')] }),
  v('pvx.xavu_child_gete', ['r', 'k'], S('')),
  v('pvx.xavu_child_getw', ['r', 'k'], S('<null>')),

  // params strings
  c('pvx.xavp_params_explode', ['a=1;b="x;y";c', 'p'], I(1), { host: { pv: { '$xavp(p=>a)': '1', '$xavp(p=>b)': 'x;y', '$xavp(p=>c)': '' } } }),
  c('pvx.xavp_params_explode', ['a="open', 'p'], I(-1), { host: { pv: { '$xavp(p)': null } }, name: 'pvx.xavp_params_explode of an open quote' }),
  c('pvx.xavp_xparams_explode', ['a=1&b=2', '&', 'p'], I(1), { host: { pv: { '$xavp(p=>a)': '1', '$xavp(p=>b)': '2' } } }),
  c('pvx.xavp_params_implode', ['p', '$var(out)'], I(1), { setup: [call('pvx.xavp_params_explode', 'a=1;b=2', 'p')], host: { pv: { '$var(out)': 'a=1;b=2;' } } }),
  c('pvx.xavp_params_implode', ['p', '$var(out)'], I(1), { setup: [call('pvx.xavp_params_explode', 'a=;n=-1', 'p'), call('pvx.xavp_child_seti', 'p', 'n', -1)], host: { pv: { '$var(out)': 'n=18446744073709551615;a;' } }, name: 'pvx.xavp_params_implode: an empty value, a negative number (unsigned, as Kamailio)' }),
  c('pvx.xavp_params_implode', ['none', '$var(out)'], I(-1), { host: { pv: { '$var(out)': 0 } }, name: 'pvx.xavp_params_implode of nothing' }),
  c('pvx.xavp_params_implode_qval', ['p', '$var(out)'], I(1), { setup: [call('pvx.xavp_params_explode', 'a=1;b=2', 'p')], host: { pv: { '$var(out)': 'a="1";b="2";' } } }),
  c('pvx.xavu_params_explode', ['a=1;a=2;b=3', 'u'], I(1), { host: { pv: { '$xavu(u=>a)': '1', '$xavu(u=>b)': '3' } } }),
  c('pvx.xavu_params_implode', ['u', '$var(out)'], I(1), { setup: [call('pvx.xavu_params_explode', 'a=1;b=2', 'u')], host: { pv: { '$var(out)': 'a=1;b=2;' } } }),
  c('pvx.xavp_slist_explode', [' a, b ,c', ',', 't', 's'], I(1), { host: { pv: { '$xavp(s=>v)': 'a', '$xavp(s=>v[1])': 'b', '$xavp(s=>v[2])': 'c' } } }),

  // $var, $avp, $shv
  c('pvx.var_seti', ['n', 3], I(1), { host: { pv: { '$var(n)': 3 } } }),
  c('pvx.var_sets', ['s', 'str'], I(1), { host: { pv: { '$var(s)': 'str' } } }),
  v('pvx.var_get', ['none'], I(0)),
  v('pvx.var_get', ['s'], S('str'), { setup: [call('pvx.var_sets', 's', 'str')] }),
  c('pvx.avp_seti', ['a', 1], I(1), { host: { pv: { '$avp(a)': 1 } } }),
  c('pvx.avp_sets', ['a', 'top'], I(1), { setup: [call('pvx.avp_seti', 'a', 1)], host: { pv: { '$avp(a)': 'top' } } }),
  v('pvx.avp_get', ['none'], N),
  v('pvx.avp_get', ['a'], S('x'), { setup: [call('pvx.avp_sets', 'a', 'x')] }),
  v('pvx.avp_gete', ['none'], S('')),
  v('pvx.avp_getw', ['none'], S('<null>')),
  c('pvx.avp_rm', ['a'], I(1), { setup: [call('pvx.avp_seti', 'a', 1), call('pvx.avp_seti', 'a', 2)], host: { pv: { '$avp(a)': null } } }),
  v('pvx.avp_is_null', ['a'], I(1)),
  v('pvx.avp_is_null', ['a'], I(-1), { setup: [call('pvx.avp_seti', 'a', 0)], name: 'pvx.avp_is_null of a set avp' }),
  c('pvx.shv_seti', ['conf_i', 41], I(1), { host: { pv: { '$shv(conf_i)': 41 } } }),
  c('pvx.shv_sets', ['conf_s', 'text'], I(1), { host: { pv: { '$shv(conf_s)': 'text' } } }),
  v('pvx.shv_get', ['conf_g'], I(9), { setup: [call('pvx.shv_seti', 'conf_g', 9)] }),
  v('pvx.shv_get', ['conf_never_set'], I(0)),
  c('pvx.shvinc_get', ['conf_inc'], I(6), { setup: [call('pvx.shv_seti', 'conf_inc', 5)], host: { pv: { '$shv(conf_inc)': 6 } } }),
  c('pvx.shvinc_get', ['conf_inc_s'], I(0), { setup: [call('pvx.shv_sets', 'conf_inc_s', 'x')], host: { pv: { '$shv(conf_inc_s)': 'x' } }, name: 'pvx.shvinc_get of a string' }),

  // moving values
  c('pvx.pv_var_to_xavp', ['*', 'vv'], I(1), { setup: [call('pvx.var_sets', 'a', 'x'), call('pvx.var_seti', 'b', 2)], host: { pv: { '$xavp(vv=>a)': 'x', '$xavp(vv=>b)': 2 } } }),
  c('pvx.pv_var_to_xavp', ['none', 'vv'], I(-1), { host: { pv: { '$xavp(vv)': null } }, name: 'pvx.pv_var_to_xavp of an unset $var' }),
  c('pvx.pv_xavp_to_var', ['w'], I(1), { setup: [call('pvx.xavp_child_sets', 'w', 'c', 'from-xavp')], host: { pv: { '$var(c)': 'from-xavp' } } }),
  c('pvx.pv_xavp_print', [], I(1), { exempt: PRINT_EXEMPT }),
  c('pvx.pv_xavu_print', [], I(1), { exempt: PRINT_EXEMPT }),
  c('pvx.pv_xavi_print', [], I(1), { exempt: PRINT_EXEMPT }),
  c('pvx.xavp_copy', ['src', 0, 'dst'], I(1), { setup: [call('pvx.xavp_child_sets', 'src', 'k', 'v')], host: { pv: { '$xavp(dst=>k)': 'v', '$xavp(src=>k)': 'v' } } }),
  c('pvx.xavp_copy', ['src', 1, 'dst'], I(-1), { host: { pv: { '$xavp(dst)': null } }, name: 'pvx.xavp_copy of a missing item' }),
  c('pvx.xavp_copy_dst', ['src', 0, 'dst', 0], I(1), { setup: [call('pvx.xavp_sets', 'src', 'new'), call('pvx.xavp_sets', 'dst', 'old')], host: { pv: { '$xavp(dst)': 'old', '$xavp(dst[1])': 'new' } }, name: 'pvx.xavp_copy_dst appends, as the KEMI function does (dst_idx unused)' }),
  c('pvx.xavp_copy', ['src', 0, 'dst'], I(-1), { setup: [call('pvx.xavp_child_sets', 'src', 'k', 'v'), call('pvx.xavp_child_rm', 'src', 'k')], host: { pv: { '$xavp(dst)': null } }, name: 'pvx.xavp_copy of an item with no fields left' }),
  c('pvx.xavp_lshift', ['none', 1], I(-2), { host: { pv: { '$xavp(none)': null } }, name: 'pvx.xavp_lshift of a missing name (-2, as Kamailio)' }),
  c('pvx.xavp_lshift', ['l', 1], I(1), {
    setup: [call('pvx.xavp_sets', 'l', 'c'), call('pvx.xavp_sets', 'l', 'b'), call('pvx.xavp_sets', 'l', 'a')],
    host: { pv: { '$xavp(l[0])': 'b', '$xavp(l[1])': 'c', '$xavp(l[2])': 'a' } },
  }),
  c('pvx.xavp_push_dst', ['pd'], I(1), { setup: [call('setdsturi', 'sip:proxy.example.com')], host: { pv: { '$xavp(pd=>uri)': 'sip:bob@example.com:5080;transport=udp', '$xavp(pd=>dsturi)': 'sip:proxy.example.com' } } }),
  c('pvx.evalx', ['$var(e)', 'from $fU'], I(1), { host: { pv: { '$var(e)': 'from alice' } } }),
  c('pvx.evalx', ['$ci', 'x'], I(-1), { host: { pv: { '$var(e)': 0 } }, name: 'pvx.evalx into a read-only PV' }),

  // the static branch
  c('pvx.sbranch_append', [], I(1), {
    setup: [call('pv.sets', '$sbranch(uri)', 'sip:carol@example.net'), call('pv.sets', '$sbranch(dst_uri)', 'sip:10.0.0.1:5070'), call('pv.seti', '$sbranch(q)', 500)],
    host: { branches: ['sip:carol@example.net q=0.5 du=sip:10.0.0.1:5070'] },
  }),
  c('pvx.sbranch_append', [], I(-1), { host: { branches: [] }, name: 'pvx.sbranch_append without a uri' }),
  c('pvx.sbranch_set_ruri', [], I(1), {
    setup: [call('pv.sets', '$sbranch(uri)', 'sip:carol@example.net'), call('pv.sets', '$sbranch(dst_uri)', 'sip:10.0.0.1:5070')],
    host: { ruri: 'sip:carol@example.net', dstUri: 'sip:10.0.0.1:5070' },
  }),
  c('pvx.sbranch_reset', [], I(1), { setup: [call('pv.sets', '$sbranch(uri)', 'sip:carol@example.net')], host: { pv: { '$sbranch(uri)': null } } }),
];

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { makeContext, builtMessage, FIXTURES } from '../support/sip-fixtures.js';
import { ksrOn } from './ksr-call.js';
import { readPv, writePv } from '../../host/core/pv.js';
import { copyContext } from '../../host/core/context-copy.js';
import { XAVP_MAX_PER_NAME, XAVP_MAX_ENTRIES, xavpRoot } from '../../host/core/xavp.js';
import { isKsrJson, isSignal } from '../../bindings/registry.js';
import { createSharedState, removeSharedState, SharedState } from '../../host/shared/shared-state.js';
import { SqliteSharedValues, MapSharedValues, SHV_MAX_VALUE_BYTES, SHV_MAX_NAMES } from '../../host/pvx/shared-values.js';
import { parseParams } from '../../host/pvx/xavp-params.js';

const pv = (ctx: ReturnType<typeof makeContext>, name: string) => {
  const r = readPv(ctx, name);
  assert.ok(r.ok, name);
  return r.value;
};

test('xavp_seti/sets add newest first; get/gete/getw null modes; is_null; rm removes item 0; rm_all all', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pvx.xavp_get', 'a'), null);
  assert.equal(ksr('pvx.xavp_gete', 'a'), '');
  assert.equal(ksr('pvx.xavp_getw', 'a'), '<null>');
  assert.equal(ksr('pvx.xavp_is_null', 'a'), 1);
  assert.equal(ctx.xavps, null, 'reads make no store');
  assert.equal(ksr('pvx.xavp_seti', 'a', 1), 1);
  assert.equal(ksr('pvx.xavp_sets', 'a', 'two'), 1);
  assert.equal(ksr('pvx.xavp_get', 'a'), 'two');
  assert.equal(pv(ctx, '$xavp(a[1])'), 1);
  assert.equal(pv(ctx, '$xavp(a[-1])'), 1);
  assert.equal(pv(ctx, '$xavp(a[2])'), null);
  assert.equal(ksr('pvx.xavp_is_null', 'a'), -1);
  assert.equal(ksr('pvx.xavp_rm', 'a'), 1);
  assert.equal(ksr('pvx.xavp_get', 'a'), 1);
  assert.equal(ksr('pvx.xavp_rm', 'nothing'), 1, 'Kamailio answers 1 with nothing removed');
  ksr('pvx.xavp_sets', 'a', 'x');
  assert.equal(ksr('pvx.xavp_rm_all', 'a'), 1);
  assert.equal(ksr('pvx.xavp_is_null', 'a'), 1);
  assert.equal(builtMessage(ctx), FIXTURES.invite, 'the message is untouched');
});

test('xavp children: child_set* replaces the field in item 0 (made when absent), child_get*, child_rm, child_is_null', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pvx.xavp_child_sets', 'r', 'k', 'v1'), 1);
  assert.equal(ksr('pvx.xavp_child_seti', 'r', 'k', 7), 1);
  assert.equal(ksr('pvx.xavp_child_get', 'r', 'k'), 7);
  assert.equal(pv(ctx, '$xavp(r=>k[1])'), null, "Kamailio's xavp_set_child_xval removes the field's item 0 first");
  assert.equal(ksr('pvx.xavp_child_sets', 'r', 'k2', 'v1'), 1);
  assert.equal(ksr('pvx.xavp_get', 'r'), '<<xavp>>');
  assert.equal(ksr('pvx.xavp_child_gete', 'r', 'none'), '');
  assert.equal(ksr('pvx.xavp_child_getw', 'none', 'k'), '<null>');
  assert.equal(ksr('pvx.xavp_child_is_null', 'r', 'k'), -1);
  assert.equal(ksr('pvx.xavp_child_rm', 'r', 'k'), 1);
  assert.equal(ksr('pvx.xavp_child_get', 'r', 'k'), null);
  assert.equal(ksr('pvx.xavp_child_get', 'r', 'k2'), 'v1');
  assert.equal(ksr('pvx.xavp_child_rm', 'r', 'k'), 1, '1 also when there is nothing to remove');
  assert.equal(ksr('pvx.xavp_child_is_null', 'r', 'x'), 1);
  // a root item 0 holding a scalar is removed and replaced by one holding the field
  ksr('pvx.xavp_sets', 's', 'older');
  ksr('pvx.xavp_sets', 's', 'scalar');
  assert.equal(ksr('pvx.xavp_child_sets', 's', 'k', 'v'), 1);
  assert.equal(ksr('pvx.xavp_get', 's'), '<<xavp>>');
  assert.equal(ksr('pvx.xavp_child_get', 's', 'k'), 'v');
  assert.equal(pv(ctx, '$xavp(s[1])'), 'older');
  assert.equal(pv(ctx, '$xavp(s[2])'), null);
});

test('$xavp PV: writes add, [n] replaces, =>child, $null removes item 0 / [n] / [*], $var index', () => {
  const ctx = makeContext('invite');
  assert.ok(writePv(ctx, '$xavp(x=>a)', 'A0'));
  assert.ok(writePv(ctx, '$xavp(x=>b)', 5));
  assert.ok(writePv(ctx, '$xavp(x=>a)', 'A1'));
  assert.equal(pv(ctx, '$xavp(x=>a)'), 'A1');
  assert.equal(pv(ctx, '$xavp(x[0]=>a[1])'), 'A0');
  assert.ok(writePv(ctx, '$xavp(x=>a[1])', 'changed'));
  assert.equal(pv(ctx, '$xavp(x=>a[1])'), 'changed');
  assert.equal(writePv(ctx, '$xavp(x=>a[5])', 'no'), false, 'no item 5 to replace');
  ctx.vars.set('i', 1);
  assert.equal(pv(ctx, '$xavp(x=>a[$var(i)])'), 'changed');
  assert.ok(writePv(ctx, '$xavp(x=>a[*])', null));
  assert.equal(pv(ctx, '$xavp(x=>a)'), null);
  assert.equal(pv(ctx, '$xavp(x=>b)'), 5);
  assert.ok(writePv(ctx, '$xavp(y)', 1));
  assert.ok(writePv(ctx, '$xavp(y)', 2));
  assert.ok(writePv(ctx, '$xavp(y[1])', 10));
  assert.equal(pv(ctx, '$xavp(y[1])'), 10);
  assert.ok(writePv(ctx, '$xavp(y)', null));
  assert.equal(pv(ctx, '$xavp(y)'), 10);
  assert.equal(writePv(ctx, '$xavp(bad name)', 1), false);
  assert.equal(readPv(ctx, '$xavp(bad name)').ok && pv(ctx, '$xavp(bad name)'), null);
});

test('xavu keeps one item per name; xavi names ignore case', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  ksr('pvx.xavu_seti', 'u', 1);
  ksr('pvx.xavu_sets', 'u', 'two');
  assert.equal(ksr('pvx.xavu_get', 'u'), 'two');
  assert.equal(ctx.xavps!.xavu.count('u'), 1);
  ksr('pvx.xavu_child_sets', 'u2', 'k', 'a');
  ksr('pvx.xavu_child_seti', 'u2', 'k', 3);
  assert.equal(ksr('pvx.xavu_child_get', 'u2', 'k'), 3);
  assert.equal(ctx.xavps!.xavu.get('u2')!.value && (ctx.xavps!.xavu.get('u2')!.value as { count(n: string): number }).count('k'), 1);
  assert.equal(ksr('pvx.xavu_rm', 'u'), 1);
  assert.equal(ksr('pvx.xavu_is_null', 'u'), 1);
  ksr('pvx.xavi_sets', 'Name', 'v');
  assert.equal(ksr('pvx.xavi_get', 'NAME'), 'v');
  assert.equal(ksr('pvx.xavp_get', 'NAME'), null, 'xavp is case-sensitive');
  ksr('pvx.xavi_child_sets', 'R', 'Key', 'kv');
  assert.equal(ksr('pvx.xavi_child_get', 'r', 'KEY'), 'kv');
  assert.equal(pv(ctx, '$xavi(r=>key)'), 'kv');
  assert.equal(ksr('pvx.xavi_rm_all', 'NAME'), 1);
  assert.equal(ksr('pvx.xavi_is_null', 'name'), 1);
});

test('params explode/implode keep the order written; quoted values; xavu; xparams separators; slist', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pvx.xavp_params_explode', 'a=1;b="x;y";c', 'p'), 1);
  assert.equal(pv(ctx, '$xavp(p=>a)'), '1');
  assert.equal(pv(ctx, '$xavp(p=>b)'), 'x;y');
  assert.equal(pv(ctx, '$xavp(p=>c)'), '');
  assert.equal(ksr('pvx.xavp_params_implode', 'p', '$var(out)'), 1);
  assert.equal(ctx.vars.get('out'), 'a=1;b=x;y;c;', "Kamailio's xavp_serialize_fields: every field ends with ';', an empty one is the name alone");
  assert.equal(ksr('pvx.xavp_params_implode_qval', 'p', '$var(q)'), 1);
  assert.equal(ctx.vars.get('q'), 'a="1";b="x;y";c="";');
  assert.equal(ksr('pvx.xavp_params_implode', 'none', '$var(out)'), -1);
  assert.equal(ksr('pvx.xavp_params_explode', 'a="open', 'p'), -1);
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.pvx\.xavp_params_explode: expected parameters/);
  assert.equal(ksr('pvx.xavp_xparams_explode', 'a=1&b=2', '&', 'xp'), 1);
  assert.equal(pv(ctx, '$xavp(xp=>b)'), '2');
  assert.equal(ksr('pvx.xavu_params_explode', 'a=1;a=2;b=3', 'u'), 1);
  assert.equal(pv(ctx, '$xavu(u=>a)'), '1', 'the first of two equal names is kept');
  assert.equal(ksr('pvx.xavu_params_implode', 'u', '$var(u)'), 1);
  assert.equal(ctx.vars.get('u'), 'a=1;b=3;');
  assert.equal(ksr('pvx.xavp_slist_explode', ' a, b ,c', ',', 't', 's'), 1);
  assert.equal(pv(ctx, '$xavp(s=>v)'), 'a');
  assert.equal(pv(ctx, '$xavp(s=>v[2])'), 'c');
  assert.deepEqual(parseParams('a=1;;b = 2 ;'), [{ name: 'a', value: '1' }, { name: 'b', value: '2' }]);
});

test('var_*, avp_*, evalx', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pvx.var_get', 'none'), 0);
  assert.equal(ksr('pvx.var_seti', 'n', 3), 1);
  assert.equal(ksr('pvx.var_sets', 's', 'str'), 1);
  assert.equal(ksr('pvx.var_get', 'n'), 3);
  assert.equal(pv(ctx, '$var(s)'), 'str');
  assert.equal(ksr('pvx.avp_get', 'a'), null);
  assert.equal(ksr('pvx.avp_gete', 'a'), '');
  assert.equal(ksr('pvx.avp_getw', 'a'), '<null>');
  assert.equal(ksr('pvx.avp_is_null', 'a'), 1);
  ksr('pvx.avp_seti', 'a', 1);
  ksr('pvx.avp_sets', 'a', 'top');
  assert.equal(ksr('pvx.avp_get', 'a'), 'top');
  assert.equal(ksr('pvx.avp_is_null', 'a'), -1);
  assert.equal(ksr('pvx.avp_rm', 'a'), 1);
  assert.equal(pv(ctx, '$avp(a)'), null);
  assert.equal(ksr('pvx.evalx', '$var(e)', 'from $fU via $xavp(none)'), 1);
  assert.equal(ctx.vars.get('e'), 'from alice via <null>');
  assert.equal(ksr('pvx.evalx', '$ci', 'x'), -1, 'read-only destination');
  assert.equal(ksr('pvx.evalx', '$var(e)', '$nosuch(x)'), -1);
});

test('pv_var_to_xavp / pv_xavp_to_var / print', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  ksr('pvx.var_sets', 'a', 'x');
  ksr('pvx.var_seti', 'b', 2);
  assert.equal(ksr('pvx.pv_var_to_xavp', '*', 'vv'), 1);
  assert.equal(pv(ctx, '$xavp(vv=>b)'), 2);
  assert.equal(ksr('pvx.pv_var_to_xavp', 'none', 'vv'), -1);
  ksr('pvx.xavp_child_sets', 'w', 'c', 'from-xavp');
  assert.equal(ksr('pvx.pv_xavp_to_var', 'w'), 1);
  assert.equal(ctx.vars.get('c'), 'from-xavp');
  assert.equal(ksr('pvx.pv_xavp_to_var', 'none'), -1);
  ctx.core.logs.length = 0;
  assert.equal(ksr('pvx.pv_xavp_print'), 1);
  const text = ctx.core.logs.map((l) => l.text).join('\n');
  assert.match(text, /^\*\*\* XAVP List Start \*\*\*\nXAVP name: w\n    XAVP value type: 5/);
  assert.match(text, /\n    XAVP name: c\n        XAVP value type: 2\n        XAVP value: from-xavp\n/);
  assert.equal(ksr('pvx.pv_xavu_print'), 1);
  assert.equal(ksr('pvx.pv_xavi_print'), 1);
  assert.equal(ctx.core.logs.at(-1)!.text, '*** XAVI List End ***');
});

test('xavp_copy, xavp_copy_dst (one-level copies, appended as Kamailio), xavp_lshift, xavp_push_dst', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  ksr('pvx.xavp_child_sets', 'src', 'k', 'v');
  assert.equal(ksr('pvx.xavp_copy', 'src', 0, 'dst'), 1);
  writePv(ctx, '$xavp(src=>k[0])', 'changed');
  assert.equal(pv(ctx, '$xavp(dst=>k)'), 'v', 'a deep copy');
  assert.equal(ksr('pvx.xavp_copy', 'src', 3, 'dst'), -1);
  assert.equal(ksr('pvx.xavp_copy', 'src', 0, 'dst'), 1);
  assert.equal(pv(ctx, '$xavp(dst=>k)'), 'v', 'a second copy goes last (xavp_add_last)');
  assert.equal(pv(ctx, '$xavp(dst[1]=>k)'), 'changed');
  ksr('pvx.xavp_sets', 'd2', 'old');
  // ki_xavp_copy_dst copies with dimode 0: dst_idx is not used, the copy is appended
  assert.equal(ksr('pvx.xavp_copy_dst', 'src', 0, 'd2', 0), 1);
  assert.equal(pv(ctx, '$xavp(d2)'), 'old');
  assert.equal(pv(ctx, '$xavp(d2[1]=>k)'), 'changed');
  assert.equal(ksr('pvx.xavp_copy_dst', 'src', 0, 'd2', 4), 1);
  assert.equal(ksr('pvx.xavp_copy_dst', 'nosrc', 0, 'd2', 0), -1);
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.pvx\.xavp_copy_dst: expected an item \$xavp\(nosrc\[0\]\)/);
  // one level only: a field holding a list is not copied, and an item left with no field is not either
  writePv(ctx, '$xavp(nest=>inner)', 1);
  ksr('pvx.xavp_copy', 'src', 0, 'nest2');
  assert.equal(ksr('pvx.xavp_copy', 'd2', 0, 'scal'), 1, 'a scalar item copies');
  assert.equal(pv(ctx, '$xavp(scal)'), 'old');
  for (const v of ['c', 'b', 'a']) ksr('pvx.xavp_sets', 'l', v);
  assert.equal(ksr('pvx.xavp_lshift', 'l', 1), 1);
  assert.deepEqual([0, 1, 2].map((i) => pv(ctx, `$xavp(l[${i}])`)), ['b', 'c', 'a']);
  assert.equal(ksr('pvx.xavp_lshift', 'none', 1), -2, "Kamailio's xavp_lshift: -2 when the name has no item");
  assert.equal(ksr('pvx.xavp_lshift', '', 1), 1);
  assert.equal(ksr('pvx.xavp_lshift', 'none', 0), 1);
  ctx.dstUri = 'sip:proxy.example.com';
  assert.equal(ksr('pvx.xavp_push_dst', 'pd'), 1);
  assert.equal(pv(ctx, '$xavp(pd=>uri)'), 'sip:bob@example.com:5080;transport=udp');
  assert.equal(pv(ctx, '$xavp(pd=>dsturi)'), 'sip:proxy.example.com');
});

/** A dict/array result as a script gets it (it crosses as JSON: bindings/registry.ts structuredWire). */
const structured = (r: unknown): unknown => {
  assert.ok(isKsrJson(r), `expected a dict or an array, got ${JSON.stringify(r)}`);
  return JSON.parse(r.ksrJson);
};

test('getd / getd_p1 / get_keys: dicts of field -> every value (newest first), as pv.c builds them; null when absent', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pvx.xavp_getd', 'a'), null);
  assert.equal(ksr('pvx.xavp_getd_p1', 'a', 0), null);
  assert.equal(ksr('pvx.xavp_get_keys', 'a', 0), null);
  assert.equal(ctx.core.logs.length, 0);
  assert.equal(ctx.xavps, null, 'reads make no store');
  // item 0 of a: k="w", n=5, k="v"; then a newer item 1... made by explode: c="3"
  ksr('pvx.xavp_child_sets', 'a', 'k', 'v');
  ksr('pvx.xavp_child_seti', 'a', 'n', 5);
  assert.ok(writePv(ctx, '$xavp(a[0]=>k)', 'w'));
  const first = { k: ['w', 'v'], n: [5] };
  assert.deepEqual(structured(ksr('pvx.xavp_getd', 'a')), [first]);
  assert.equal(ksr('pvx.xavp_params_explode', 'c=3', 'a'), 1);
  assert.deepEqual(structured(ksr('pvx.xavp_getd', 'a')), [{ c: ['3'] }, first], 'every item, newest first');
  assert.deepEqual(structured(ksr('pvx.xavp_getd_p1', 'a', 1)), first);
  assert.deepEqual(structured(ksr('pvx.xavp_getd_p1', 'a', -1)), first, '-1: the oldest');
  assert.deepEqual(structured(ksr('pvx.xavp_getd_p1', 'a', -2)), { c: ['3'] });
  assert.equal(ksr('pvx.xavp_getd_p1', 'a', -3), null);
  assert.equal(ksr('pvx.xavp_getd_p1', 'a', 2), null);
  assert.deepEqual(structured(ksr('pvx.xavp_get_keys', 'a', 1)), ['k', 'n'], 'each name once, in the order of its newest item');
  assert.equal(ksr('pvx.xavp_get_keys', 'a', -1), null, 'get_keys takes no index from the end (xavp_get_by_index)');
  assert.equal(ctx.core.logs.length, 0);
  // an item holding a value: left out of getd, an empty dict for getd_p1, no keys; each with a log
  ksr('pvx.xavp_seti', 'a', 9);
  assert.deepEqual(structured(ksr('pvx.xavp_getd', 'a')), [{ c: ['3'] }, first]);
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.pvx\.xavp_getd: xavp "a" item 0 holds a value, not a list of fields: left out$/);
  assert.deepEqual(structured(ksr('pvx.xavp_getd_p1', 'a', 0)), {});
  assert.deepEqual(structured(ksr('pvx.xavp_get_keys', 'a', 0)), []);
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.pvx\.xavp_get_keys: /);
  assert.equal(builtMessage(ctx), FIXTURES.invite, 'the message is untouched');
});

test('getd: nested lists are nested dicts; values are str, int and null; xavi names ignore case', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  // a nested list (only C code makes one in Kamailio: here through the store itself)
  const root = xavpRoot(ctx, 'xavp');
  const top = root.newChild();
  root.add('n', top);
  const inner = top.newChild();
  top.add('inner', inner);
  inner.add('x', 'deep');
  inner.add('x', 2);
  top.add('none', null);
  assert.deepEqual(structured(ksr('pvx.xavp_getd', 'n')), [{ none: [null], inner: [{ x: [2, 'deep'] }] }]);
  assert.deepEqual(structured(ksr('pvx.xavp_get_keys', 'n', 0)), ['none', 'inner']);
  // a field named __proto__ is a key like any other
  top.add('__proto__', 'p');
  const d = structured(ksr('pvx.xavp_getd_p1', 'n', 0)) as Record<string, unknown>;
  assert.deepEqual(Object.getOwnPropertyDescriptor(d, '__proto__')?.value, ['p']);
  assert.equal(Object.getPrototypeOf(d), Object.prototype);
  // xavi: one key per name whatever its case, spelled as its newest item
  ksr('pvx.xavi_child_sets', 'R', 'K', 'v');
  assert.ok(writePv(ctx, '$xavi(r[0]=>k)', 'w'));
  assert.deepEqual(structured(ksr('pvx.xavi_getd', 'r')), [{ k: ['w', 'v'] }]);
  assert.deepEqual(structured(ksr('pvx.xavi_getd_p1', 'R', 0)), { k: ['w', 'v'] });
  assert.deepEqual(structured(ksr('pvx.xavi_get_keys', 'r', 0)), ['k']);
  assert.equal(ksr('pvx.xavp_getd', 'r'), null, 'xavi and xavp are separate roots');
});

test('a getd over limits.max_value_bytes of JSON (UTF-8) is an error naming the function, though the store admits it', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  for (let i = 0; i < XAVP_MAX_PER_NAME - 1; i++) assert.equal(ksr('pvx.xavp_params_explode', `a=${'中'.repeat(1500)};b=${i}`, 'big'), 1);
  const r = ksr('pvx.xavp_getd', 'big');
  assert.ok(isSignal(r) && r.ksrSignal === 'error', 'over 1 MiB of JSON: refused');
  assert.match((r as { message: string }).message, /^KSR\.pvx\.xavp_getd: the dict\/array it returns is longer than 1048576 bytes \(limits\.max_value_bytes\)$/);
  assert.equal((structured(ksr('pvx.xavp_getd_p1', 'big', 0)) as Record<string, string[]>)['b']![0], String(XAVP_MAX_PER_NAME - 2));
});

test('bounds: items per name and entries per message are capped, refused with a log and -1', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  for (let i = 0; i < XAVP_MAX_PER_NAME; i++) assert.equal(ksr('pvx.xavp_seti', 'n', i), 1);
  assert.equal(ksr('pvx.xavp_seti', 'n', 0), -1);
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.pvx\.xavp_seti: cannot add xavp "n": .*bound/);
  for (let i = 0; ctx.xavps!.usage().entries < XAVP_MAX_ENTRIES; i++) ksr('pvx.xavp_seti', `m${i}`, i);
  assert.equal(ksr('pvx.xavp_child_seti', 'other', 'k', 1), -1);
  assert.equal(ksr('pvx.xavp_rm_all', 'n'), 1);
  assert.equal(ctx.xavps!.usage().entries, XAVP_MAX_ENTRIES - XAVP_MAX_PER_NAME);
  assert.equal(ksr('pvx.xavp_child_seti', 'other', 'k', 1), 1);
  // a 1 MiB budget of text: two values of 600 KB do not both fit
  const big = 'x'.repeat(600_000);
  assert.equal(ksr('pvx.xavu_sets', 'big1', big), 1);
  assert.equal(ksr('pvx.xavu_sets', 'big2', big), -1);
  assert.equal(ksr('pvx.xavu_sets', 'big1', big + 'y'), 1, 'a replacement frees what it replaces');
});

test('tm copies share the store: failure and branch routes see and change the request xavps', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  ksr('pvx.xavp_sets', 'a', 'request');
  const failure = copyContext(ctx, 'failure');
  assert.equal(ksrOn(failure)('pvx.xavp_get', 'a'), 'request');
  ksrOn(failure)('pvx.xavp_sets', 'a', 'failure');
  assert.equal(ksr('pvx.xavp_get', 'a'), 'failure', 'one list for the transaction, as Kamailio');
  const fresh = makeContext('invite');
  const copy = copyContext(fresh, 'branch');
  ksrOn(copy)('pvx.xavp_seti', 'b', 1);
  assert.equal(ksrOn(fresh)('pvx.xavp_get', 'b'), 1);
});

test('sbranch: $sbranch fields, set_ruri, append, reset', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pvx.sbranch_append'), -1);
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.pvx\.sbranch_append: the static branch has no uri/);
  assert.ok(writePv(ctx, '$sbranch(uri)', 'sip:carol@example.net'));
  assert.ok(writePv(ctx, '$sbranch(dst_uri)', 'sip:10.0.0.1:5070'));
  assert.ok(writePv(ctx, '$sbranch(q)', 500));
  assert.equal(pv(ctx, '$sbranch(q)'), 500);
  assert.equal(ksr('pvx.sbranch_append'), 1);
  assert.deepEqual(ctx.branches, [{ uri: 'sip:carol@example.net', dstUri: 'sip:10.0.0.1:5070', path: null, q: 0.5, flags: 0 }]);
  assert.equal(ksr('pvx.sbranch_set_ruri'), 1);
  assert.equal(ctx.ruri, 'sip:carol@example.net');
  assert.equal(ctx.dstUri, 'sip:10.0.0.1:5070');
  assert.equal(ksr('pvx.sbranch_reset'), 1);
  assert.equal(pv(ctx, '$sbranch(uri)'), null);
  assert.equal(ksr('pvx.sbranch_set_ruri'), -1);
});

test('shv: one table for every core of a thread; shvinc_get; bounds', () => {
  const a = makeContext('invite');
  const b = makeContext('options');
  assert.notEqual(a.core, b.core);
  const name = `t${process.pid}-${Date.now()}`;
  assert.equal(ksrOn(a)('pvx.shv_get', name), 0);
  assert.equal(ksrOn(a)('pvx.shvinc_get', name), 0, 'undefined: 0, nothing stored');
  assert.equal(ksrOn(a)('pvx.shv_seti', name, 41), 1);
  assert.equal(ksrOn(b)('pvx.shvinc_get', name), 42);
  assert.equal(ksrOn(b)('pvx.shv_get', name), 42);
  assert.equal(pv(a, `$shv(${name})`), 42);
  assert.equal(ksrOn(b)('pvx.shv_sets', name, 'text'), 1);
  assert.equal(ksrOn(a)('pvx.shvinc_get', name), 0, 'a string is not incremented');
  assert.equal(ksrOn(a)('pvx.shv_sets', name, 'x'.repeat(SHV_MAX_VALUE_BYTES + 1)), -1);
  assert.match(a.core.logs.at(-1)!.text, /^KSR\.pvx\.shv_sets: shared value .* not set: expected a value of at most 65536 bytes/);
  const m = new MapSharedValues();
  for (let i = 0; i < SHV_MAX_NAMES; i++) assert.ok(m.set(`n${i}`, i));
  assert.equal(m.set('one-more', 1), false);
  assert.ok(m.set('n0', 'replace'), 'an existing name can change');
});

test('shv on the shared state: two worker threads see one table and increment without losing counts', async () => {
  const h = createSharedState();
  const main = SharedState.open(h, { owner: 0 });
  try {
    const table = new SqliteSharedValues(main);
    assert.ok(table.set('calls', 0));
    // each worker thread opens its own connection (as a server worker does) and increments 200 times
    const body = `(async () => {
      const { register } = await import('tsx/esm/api');
      register();
      const { workerData, parentPort } = require('node:worker_threads');
      const { SharedState } = await import(workerData.state);
      const { SqliteSharedValues } = await import(workerData.values);
      const shared = SharedState.open(workerData.handle, { owner: workerData.owner });
      const t = new SqliteSharedValues(shared);
      let last = 0;
      for (let i = 0; i < 200; i++) last = t.increment('calls');
      t.set('from-worker-' + workerData.owner, 'hello');
      shared.close();
      parentPort.postMessage(last);
    })()`;
    const state = new URL('../../host/shared/shared-state.ts', import.meta.url).href;
    const values = new URL('../../host/pvx/shared-values.ts', import.meta.url).href;
    const run = (owner: number) =>
      new Promise<number>((resolve, reject) => {
        const w = new Worker(body, { eval: true, workerData: { handle: h, owner, state, values } });
        w.once('message', (m: number) => resolve(m));
        w.once('error', reject);
      });
    const [x, y] = await Promise.all([run(1), run(2)]);
    assert.equal(x + y > 0, true);
    assert.equal(table.get('calls'), 400);
    assert.equal(table.get('from-worker-1'), 'hello');
    assert.equal(table.get('from-worker-2'), 'hello');
  } finally {
    main.close();
    removeSharedState(h);
  }
});

test('bad input: empty names, NUL bytes, huge and odd text give -1 or a value, never a crash', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pvx.xavp_sets', '', 'v'), -1);
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.pvx\.xavp_sets: expected a non-empty xavp name, got ""/);
  assert.equal(ksr('pvx.xavu_child_sets', 'r', '', 'v'), -1);
  assert.equal(ksr('pvx.xavp_params_explode', 'a=1', ''), -1);
  assert.equal(ksr('pvx.xavp_sets', 'n\0ul', 'v\0'), 1);
  assert.equal(ksr('pvx.xavp_get', 'n\0ul'), 'v\0');
  assert.equal(ksr('pvx.xavp_params_explode', '=x', 'p'), -1);
  assert.equal(ksr('pvx.xavp_params_explode', '\uFFFD\uD800=1;' + 'b'.repeat(100_000), 'p'), 1);
  assert.equal(ksr('pvx.xavp_xparams_explode', 'a=1', '', 'p'), -1);
  assert.equal(ksr('pvx.xavp_slist_explode', 'a,b', '', '', 's'), -1);
  assert.equal(ksr('pvx.xavp_lshift', 'none', -3), -2);
  assert.equal(readPv(ctx, '$xavp(a[x]=>b)').ok && pv(ctx, '$xavp(a[x]=>b)'), null);
  assert.equal(writePv(ctx, '$xavp(a=>)', 1), false);
  assert.equal(ksr('pvx.evalx', '$var(x)', '$xavp(' + 'a'.repeat(5000) + ')'), 1);
});

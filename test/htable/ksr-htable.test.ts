// KSR.htable.* through the Dispatcher, as a script calls them: return codes, null modes, PVs,
// iterators, logs; the control methods; the dbtable load/save; the config's errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { readPv, writePv } from '../../host/core/pv.js';
import type { HtableState } from '../../host/htable/htable-state.js';
import { openStore } from '../../host/store/open-store.js';
import { HTABLE_TABLE, layoutNamed } from '../../host/store/module-tables.js';
import { parseHtableSettings } from '../../host/htable/table-settings.js';

const CONFIG = {
  tables: [
    { name: 't', size: 4 },
    'ipban=>size=8;autoexpire=300',
    { name: 'cnt', size: 4, initval: 0 },
  ],
};

function setup(config: unknown = CONFIG, store: RecordingCore['store'] = null) {
  const core = new RecordingCore(undefined, 2, { moduleConfig: { htable: config }, store });
  const ctx = makeContext('invite', { core });
  return { core, ctx, ksr: ksrOn(ctx), st: core.modules.get<HtableState>('htable') };
}

test("the Lua example's ipban check: sht_match_name eq and sht_seti", () => {
  const { ksr } = setup();
  assert.equal(ksr('htable.sht_match_name', 'ipban', 'eq', '192.0.2.10'), -1);
  assert.equal(ksr('htable.sht_seti', 'ipban', '192.0.2.10', 1), 1);
  assert.equal(ksr('htable.sht_match_name', 'ipban', 'eq', '192.0.2.10'), 1);
  assert.equal(ksr('htable.sht_match_name', 'ipban', 'ne', '192.0.2.10'), -1);
  assert.equal(ksr('htable.sht_match_name', 'ipban', 'sw', '192.0.'), 1);
  assert.equal(ksr('htable.sht_match_name', 'ipban', 're', '^192\\.0\\.2\\.1.$'), 1);
  assert.equal(ksr('htable.sht_match_name', 'ipban', 'ew', '10'), -1, 'ew is not an op of sht_match_name');
});

test('a table not declared: -1 and a log naming it', () => {
  const { ksr, core } = setup();
  assert.equal(ksr('htable.sht_sets', 'nope', 'k', 'v'), -1);
  assert.match(core.logs.at(-1)!.text, /KSR\.htable\.sht_sets: cannot get hash table "nope".*declared: t, ipban, cnt/);
  assert.equal(ksr('htable.sht_get', 'nope', 'k'), null);
  assert.equal(ksr('htable.sht_is_null', 'nope', 'k'), 2);
  for (const fn of ['sht_lock', 'sht_unlock', 'sht_rm', 'sht_inc', 'sht_dec', 'sht_setex']) {
    assert.equal(ksr(`htable.${fn}`, 'nope', 'k', ...(fn === 'sht_setex' ? [1] : [])), -1, fn);
  }
  assert.equal(ksr('htable.sht_reset', 'nope'), -1);
});

test('get / gete / getw null modes, sets / seti / is_null / rm', () => {
  const { ksr } = setup();
  assert.equal(ksr('htable.sht_get', 't', 'a'), null);
  assert.equal(ksr('htable.sht_gete', 't', 'a'), '');
  assert.equal(ksr('htable.sht_getw', 't', 'a'), '<null>');
  assert.equal(ksr('htable.sht_is_null', 't', 'a'), 1);
  assert.equal(ksr('htable.sht_sets', 't', 'a', 'x'), 1);
  assert.equal(ksr('htable.sht_seti', 't', 'b', -4), 1);
  assert.equal(ksr('htable.sht_get', 't', 'a'), 'x');
  assert.equal(ksr('htable.sht_get', 't', 'b'), -4);
  assert.equal(ksr('htable.sht_is_null', 't', 'a'), -1);
  assert.equal(ksr('htable.sht_rm', 't', 'a'), 1);
  assert.equal(ksr('htable.sht_rm', 't', 'a'), 1, 'absent: still 1');
  assert.equal(ksr('htable.sht_get', 'cnt', 'zz'), 0, 'initval reads for a missing item');
  assert.equal(ksr('htable.sht_lock', 't', 'b'), 1);
  assert.equal(ksr('htable.sht_unlock', 't', 'b'), 1);
});

test('inc / dec: the new value; 0 when nothing could be added', () => {
  const { ksr } = setup();
  assert.equal(ksr('htable.sht_inc', 'cnt', 'x'), 1);
  assert.equal(ksr('htable.sht_inc', 'cnt', 'x'), 2);
  assert.equal(ksr('htable.sht_dec', 'cnt', 'x'), 1);
  assert.equal(ksr('htable.sht_inc', 't', 'missing'), 0, 'no initval: nothing created');
  assert.equal(ksr('htable.sht_get', 't', 'missing'), null);
});

test('setex / setxs / setxi with a fake clock; expired items are invisible before the sweep', () => {
  const { ksr, st } = setup();
  let now = 1_700_000_000_000;
  st.setClock(() => now);
  assert.equal(ksr('htable.sht_setxs', 'ipban', 'a', 'v', 10), 1);
  assert.equal(ksr('htable.sht_setxi', 'ipban', 'b', 5, 100), 1);
  assert.equal(ksr('htable.sht_seti', 'ipban', 'c', 1), 1);
  assert.equal(ksr('htable.sht_setex', 'ipban', 'c', 20), 1);
  now += 15_000;
  assert.equal(ksr('htable.sht_get', 'ipban', 'a'), null);
  assert.equal(ksr('htable.sht_get', 'ipban', 'b'), 5);
  assert.equal(ksr('htable.sht_get', 'ipban', 'c'), 1);
  now += 10_000;
  assert.equal(ksr('htable.sht_get', 'ipban', 'c'), null);
  assert.equal(st.sweep(), 2);
});

test('rm_name_re / rm_value_re / rm_name / rm_value / match_str_value / cn / reset', () => {
  const { ksr, core } = setup();
  for (const [k, v] of [['u:alice', 'one'], ['u:bob', 'two'], ['x:1', 'one']]) ksr('htable.sht_sets', 't', k!, v!);
  ksr('htable.sht_seti', 't', 'n', 1);
  assert.equal(ksr('htable.sht_cn', 't', 'sw', 'u:'), 2);
  assert.equal(ksr('htable.sht_cn', 't', 'eq', 'none'), 0);
  assert.equal(ksr('htable.sht_cn', 't', 'xx', 'u:'), -1);
  assert.match(core.logs.at(-1)!.text, /KSR\.htable\.sht_cn: expected a match operator among eq, ne, re, sw, ew, got "xx"/);
  assert.equal(ksr('htable.sht_match_str_value', 't', 'eq', 'two'), 1);
  assert.equal(ksr('htable.sht_match_str_value', 't', 'eq', '1'), -1, 'int values are not string values');
  assert.equal(ksr('htable.sht_rm_name', 't', 'eq', 'x:1'), -1, 'rm ops are re and sw');
  assert.equal(ksr('htable.sht_rm_value', 't', 're', '^ONE$'), 1);
  assert.equal(ksr('htable.sht_cn', 't', 're', '.'), 2);
  assert.equal(ksr('htable.sht_rm_name', 't', 'sw', 'u:'), 1);
  assert.equal(ksr('htable.sht_cn', 't', 're', '.'), 1);
  ksr('htable.sht_sets', 't', 'a1', 'v1');
  assert.equal(ksr('htable.sht_rm_name_re', 't', '^a[0-9]$'), 1);
  ksr('htable.sht_sets', 't', 'a2', 'drop-me');
  assert.equal(ksr('htable.sht_rm_value_re', 't', 'drop'), 1);
  assert.equal(ksr('htable.sht_rm_value_re', 't', '(a'), -1, 'a bad regexp');
  assert.equal(ksr('htable.sht_cn', 't', 're', '.'), 1);
  assert.equal(ksr('htable.sht_reset', 't'), 1);
  assert.equal(ksr('htable.sht_cn', 't', 're', '.'), 0);
});

test('iterators: walk, set, remove, at most 4, unknown names', () => {
  const { ksr, ctx } = setup();
  for (const k of ['a', 'b', 'c']) ksr('htable.sht_seti', 't', k, 1);
  assert.equal(ksr('htable.sht_iterator_start', 'i1', 't'), 1);
  const seen: string[] = [];
  while (ksr('htable.sht_iterator_next', 'i1') === 1) {
    seen.push(String(readPv(ctx, '$shtitkey(i1)').ok && (readPv(ctx, '$shtitkey(i1)') as { value: string }).value));
    assert.equal(ksr('htable.sht_iterator_seti', 'i1', 7), 1);
  }
  assert.deepEqual(seen.sort(), ['a', 'b', 'c']);
  assert.equal(ksr('htable.sht_get', 't', 'b'), 7);
  assert.equal(ksr('htable.sht_iterator_sets', 'i1', 'x'), -1, 'past the end: no item');
  assert.equal(ksr('htable.sht_iterator_start', 'i1', 't'), 1, 'restart under the same name');
  assert.equal(ksr('htable.sht_iterator_next', 'i1'), 1);
  assert.equal(ksr('htable.sht_iterator_sets', 'i1', 's'), 1);
  assert.equal(readPv(ctx, '$shtitval(i1)').ok && (readPv(ctx, '$shtitval(i1)') as { value: string }).value, 's');
  assert.equal(ksr('htable.sht_iterator_rm', 'i1'), 1);
  assert.equal(ksr('htable.sht_iterator_rm', 'i1'), 1);
  assert.equal(ksr('htable.sht_iterator_rm', 'i1'), -2, 'the last one: removed, nothing next');
  assert.equal(ksr('htable.sht_cn', 't', 're', '.'), 0);
  assert.equal(ksr('htable.sht_iterator_end', 'i1'), 1);
  assert.equal(ksr('htable.sht_iterator_end', 'i1'), -1);
  assert.equal(ksr('htable.sht_iterator_next', 'i9'), -1);
  for (const i of ['a', 'b', 'c', 'd']) assert.equal(ksr('htable.sht_iterator_start', i, 't'), 1);
  assert.equal(ksr('htable.sht_iterator_start', 'e', 't'), -1);
  ksr('htable.sht_seti', 'ipban', 'k', 1);
  ksr('htable.sht_iterator_start', 'a', 'ipban');
  ksr('htable.sht_iterator_next', 'a');
  assert.equal(ksr('htable.sht_iterator_setex', 'a', 60), 1);
});

test('PVs: $sht with inner PVs, $null removes, $shtex, $shtcn/$shtcv, $shtinc/$shtdec', () => {
  const { ctx, ksr } = setup();
  assert.equal(writePv(ctx, '$sht(ipban=>$si)', 1), true);
  assert.equal(ksr('htable.sht_get', 'ipban', '192.0.2.10'), 1);
  assert.deepEqual(readPv(ctx, '$sht(ipban=>$si)'), { ok: true, value: 1 });
  assert.equal((readPv(ctx, '$shtex(ipban=>$si)') as { value: number }).value, 300);
  assert.equal(writePv(ctx, '$shtex(ipban=>$si)', 10), true);
  assert.equal((readPv(ctx, '$shtex(ipban=>$si)') as { value: number }).value, 10);
  writePv(ctx, '$sht(t=>a::x)', 'va');
  writePv(ctx, '$sht(t=>b::x)', 'vb');
  assert.deepEqual(readPv(ctx, '$shtcn(t=>~%::x)'), { ok: true, value: 2 });
  assert.deepEqual(readPv(ctx, '$shtcn(t=>%~a)'), { ok: true, value: 1 });
  assert.deepEqual(readPv(ctx, '$shtcn(t=>==b::x)'), { ok: true, value: 1 });
  assert.deepEqual(readPv(ctx, '$shtcv(t=>~~^v)'), { ok: true, value: 2 });
  assert.deepEqual(readPv(ctx, '$shtinc(cnt=>$ci)'), { ok: true, value: 1 });
  assert.deepEqual(readPv(ctx, '$shtdec(cnt=>$ci)'), { ok: true, value: 0 });
  assert.equal(writePv(ctx, '$sht(ipban=>$si)', null), true);
  assert.deepEqual(readPv(ctx, '$sht(ipban=>$si)'), { ok: true, value: null });
  assert.deepEqual(readPv(ctx, '$sht(nokey)'), { ok: true, value: null });
});

test('control methods: sets, seti, get, dump, delete, listTables, stats, faults', () => {
  const { core, st } = setup();
  const rpc = (m: string, p?: unknown) => core.modules.callRpc(m, p);
  assert.equal(rpc('htable.sets', ['t', 'k', 'v']), null);
  assert.equal(rpc('htable.seti', { table: 't', key: 'n', value: '42' }), null);
  assert.deepEqual(rpc('htable.get', ['t', 'n']), { item: { name: 'n', value: 42, flags: 0, expire: 'NEVER' } });
  assert.throws(() => rpc('htable.get', ['t', 'none']), /Key name doesn't exist in htable/);
  assert.throws(() => rpc('htable.get', ['zz', 'none']), /No such htable/);
  assert.throws(() => rpc('htable.seti', ['t', 'n', 'x']), /expected an integer/);
  assert.throws(() => rpc('htable.sets', ['t']), /Not enough parameters/);
  const dump = rpc('htable.dump', ['t']) as Array<{ slot: Array<{ item: { name: string } }> }>;
  assert.deepEqual(dump.flatMap((s) => s.slot.map((i) => i.item.name)).sort(), ['k', 'n']);
  assert.equal(rpc('htable.delete', ['t', 'k']), null);
  assert.equal(st.tables.get('t')!.get('k'), null);
  const list = rpc('htable.listTables') as Array<{ name: string; size: number; expire: number }>;
  assert.deepEqual(list.map((l) => [l.name, l.size, l.expire]), [['t', 16, 0], ['ipban', 256, 300], ['cnt', 16, 0]]);
  const stats = rpc('htable.stats') as Array<{ name: string; all: number; slots: number }>;
  assert.deepEqual(stats[0], { ...stats[0], name: 't', all: 1, slots: 16 });
  assert.throws(() => rpc('htable.reload', ['t']), /no dbtable/);
});

test('dbtable: loaded at first use (arrays, int values), reload, saved back at stop with dbmode=1', async () => {
  const store = await openStore('sqlite::memory:');
  const layout = layoutNamed(HTABLE_TABLE, 'ht_a', 'test');
  store.insertRow(layout, { key_name: 'k1', key_type: 0, value_type: 0, key_value: 'v1', expires: 0 });
  store.insertRow(layout, { key_name: 'n1', key_type: 0, value_type: 1, key_value: '12', expires: 0 });
  store.insertRow(layout, { key_name: 'arr', key_type: 1, value_type: 0, key_value: 'x', expires: 0 });
  store.insertRow(layout, { key_name: 'arr', key_type: 1, value_type: 0, key_value: 'y', expires: 0 });
  const { ksr, core } = setup({ tables: [{ name: 'a', size: 4, dbtable: 'ht_a', dbmode: 1 }] }, store);
  assert.equal(ksr('htable.sht_get', 'a', 'k1'), 'v1');
  assert.equal(ksr('htable.sht_get', 'a', 'n1'), 12);
  assert.equal(ksr('htable.sht_get', 'a', 'arr[1]'), 'y');
  assert.equal(ksr('htable.sht_get', 'a', 'arr::size'), 2);
  ksr('htable.sht_sets', 'a', 'new', 'n');
  store.insertRow(layout, { key_name: 'k2', key_type: 0, value_type: 0, key_value: 'v2', expires: 0 });
  assert.equal(core.modules.callRpc('htable.reload', ['a']), null);
  assert.equal(ksr('htable.sht_get', 'a', 'new'), null, 'reload replaces the content');
  assert.equal(ksr('htable.sht_get', 'a', 'k2'), 'v2');
  ksr('htable.sht_seti', 'a', 'saved', 5);
  await core.modules.stop();
  const rows = store.tableRows(layout).map((r) => `${r.key_name}=${r.key_value}/${r.value_type}`).sort();
  assert.deepEqual(rows, ['arr::size=2/1', 'arr[0]=x/0', 'arr[1]=y/0', 'k1=v1/0', 'k2=v2/0', 'n1=12/1', 'saved=5/1']);
  await store.close();
});

test('config: Kamailio string form, clamps, and errors naming the key', () => {
  const s = parseHtableSettings({ tables: ['ipban=>size=1;autoexpire=300;initval=0;updateexpire=0', 'name=b;size=20;dbtable=htable;dbmode=1'], timer_interval: 0 });
  assert.deepEqual(s.tables.map((t) => [t.name, t.size, t.autoexpire, t.initval, t.updateexpire, t.dbtable, t.dbmode]), [
    ['ipban', 3, 300, 0, false, null, 0], ['b', 14, 0, null, true, 'htable', 1],
  ]);
  assert.equal(s.timerInterval, 20);
  assert.throws(() => parseHtableSettings({ tables: [{ name: 'a', size: 'big' }] }), /modules\.htable\.tables\[0\]\.size: expected an integer from 0 to 31, got "big"/);
  assert.throws(() => parseHtableSettings({ tables: [{ name: 'a', cols: 'x' }] }), /modules\.htable\.tables\[0\]\.cols: expected one of/);
  assert.throws(() => parseHtableSettings({ tables: ['a=>size=4', 'a=>size=5'] }), /tables\[1\]\.name: expected a name not used/);
  assert.throws(() => parseHtableSettings({ tablez: [] }), /modules\.htable\.tablez/);
  assert.throws(() => new RecordingCore(undefined, 2, { moduleConfig: { htable: { tables: [{ size: 4 }] } } }), /tables\[0\]\.name/);
});

test('the sweep timer runs between start and stop', async () => {
  const { core, st, ksr } = setup({ tables: ['e=>size=4;autoexpire=1'], timer_interval: 1 });
  let now = 1_700_000_000_000;
  st.setClock(() => now);
  ksr('htable.sht_seti', 'e', 'k', 1);
  await core.modules.start();
  now += 5000;
  const t0 = Date.now();
  while (st.tables.get('e')!.cells.size() > 0 && Date.now() - t0 < 3000) await new Promise((r) => setTimeout(r, 50));
  await core.modules.stop();
  assert.equal(st.tables.get('e')!.cells.size(), 0);
});

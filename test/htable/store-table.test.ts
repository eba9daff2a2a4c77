// htable tables with `backend: store`: the table suite on the store's keyed values (SQLite,
// PostgreSQL, Redis), two cores ("nodes") on one store seeing the same items, KSR calls through
// the Dispatcher, a store that is down (-1 / $null and a log, never a throw), the config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../host/store/open-store.js';
import type { Store, SyncStore } from '../../host/store/store.js';
import { parseHtableSettings } from '../../host/htable/table-settings.js';
import { StoreCellStore, StoreHashTable } from '../../host/htable/store-cell-store.js';
import type { HtableState } from '../../host/htable/htable-state.js';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { readPv as readPvResult } from '../../host/core/pv.js';

const readPv = (ctx: Parameters<typeof readPvResult>[0], text: string) => {
  const r = readPvResult(ctx, text);
  assert.ok(r.ok, text);
  return r.value;
};
import { MemoryStore } from '../auth/requests.js';
import { postgresUrl, redisUrl, stopSharedServices } from '../support/services.js';
import { tableSuite } from './table-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'ksr-htstore-'));
// database 13 of the test Redis is this file's
const stores: Array<[string, Store]> = [
  ['sqlite', await openStore(`sqlite:${join(dir, 'ht.db')}`)],
  ['postgres', await openStore(await postgresUrl())],
  ['redis', await openStore(await redisUrl(13))],
];
test.after(async () => {
  for (const [, s] of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
  await stopSharedServices();
});

let fresh = 0;
/** A StoreHashTable on `store`, in a space no other table of this file uses. */
function storeTableOf(store: SyncStore, spec: string, clock = { ms: 1_000_000_000 }, logs: string[] = []): StoreHashTable {
  const s = parseHtableSettings({ tables: [spec] }).tables[0]!;
  const cells = new StoreCellStore(() => store, `htable:t${fresh++}-${s.name}`, s.autoexpire > 0, () => Math.floor(clock.ms / 1000), s.maxitems);
  return new StoreHashTable(s, cells, () => clock.ms, (fn, text) => logs.push(`${fn}: ${text}`));
}

for (const [kind, store] of stores) tableSuite(`store ${kind}`, (spec, clock) => storeTableOf(store, spec, clock));

const CONFIG = {
  tables: [
    { name: 'shared', size: 4, backend: 'store' },
    'cnt=>size=4;initval=0;backend=store',
    'ban=>size=4;autoexpire=60;backend=store',
    { name: 'local', size: 4 },
  ],
};

function node(store: SyncStore | null, config: unknown = CONFIG) {
  const core = new RecordingCore(undefined, 2, { moduleConfig: { htable: config }, store });
  const ctx = makeContext('invite', { core });
  return { core, ctx, ksr: ksrOn(ctx), st: core.modules.get<HtableState>('htable') };
}

for (const [kind, store] of stores) {
  test(`${kind}: two nodes on one store see the same items; a memory table stays per node`, () => {
    for (const t of ['shared', 'cnt', 'ban']) store.kvClear(`htable:${t}`);
    const a = node(store);
    const b = node(store);
    assert.equal(a.ksr('htable.sht_sets', 'shared', 'k', 'from-a'), 1);
    assert.equal(b.ksr('htable.sht_get', 'shared', 'k'), 'from-a');
    assert.equal(b.ksr('htable.sht_seti', 'shared', 'n', 5), 1);
    assert.equal(a.ksr('htable.sht_get', 'shared', 'n'), 5, 'an int stays an int');
    for (let i = 0; i < 10; i++) {
      a.ksr('htable.sht_inc', 'cnt', 'calls');
      b.ksr('htable.sht_inc', 'cnt', 'calls');
    }
    assert.equal(a.ksr('htable.sht_dec', 'cnt', 'calls'), 19);
    assert.equal(readPv(b.ctx, '$sht(cnt=>calls)'), 19);
    assert.equal(readPv(b.ctx, '$shtinc(cnt=>calls)'), 20);
    assert.equal(a.ksr('htable.sht_setxi', 'ban', '192.0.2.1', 1, 30), 1);
    assert.equal(b.ksr('htable.sht_match_name', 'ban', 'eq', '192.0.2.1'), 1);
    assert.equal(b.ksr('htable.sht_cn', 'ban', 'sw', '192.0.2.'), 1);
    const left = readPv(b.ctx, '$shtex(ban=>192.0.2.1)') as number;
    assert.ok(left > 25 && left <= 30, `seconds left ${left}`);
    assert.equal(b.ksr('htable.sht_rm', 'ban', '192.0.2.1'), 1);
    assert.equal(a.ksr('htable.sht_match_name', 'ban', 'eq', '192.0.2.1'), -1);
    assert.equal(a.ksr('htable.sht_sets', 'local', 'k', 'a only'), 1);
    assert.equal(b.ksr('htable.sht_get', 'local', 'k'), null, 'a memory table is the node\'s own');
    assert.equal(b.ksr('htable.sht_reset', 'shared'), 1);
    assert.equal(a.ksr('htable.sht_get', 'shared', 'k'), null);
  });
}

test('a store that is down: -1, $null or 0 and a log line; nothing thrown into the script', () => {
  const store = new MemoryStore();
  const { ksr, core, ctx } = node(store);
  assert.equal(ksr('htable.sht_sets', 'shared', 'k', 'v'), 1);
  store.down = true;
  assert.equal(ksr('htable.sht_sets', 'shared', 'k', 'w'), -1);
  assert.equal(ksr('htable.sht_get', 'shared', 'k'), null);
  assert.equal(ksr('htable.sht_inc', 'cnt', 'x'), 0);
  assert.equal(ksr('htable.sht_match_name', 'shared', 'eq', 'k'), -1);
  assert.equal(ksr('htable.sht_cn', 'shared', 'sw', 'k'), 0);
  assert.equal(readPv(ctx, '$sht(shared=>k)'), null);
  assert.ok(core.logs.some((l) => l.level === 'error' && /KSR\.htable\.sht_set: table shared \(backend store\): memory: connection refused/.test(l.text)), JSON.stringify(core.logs.slice(-3)));
  assert.ok(core.logs.some((l) => /KSR\.htable\.sht_inc: table cnt/.test(l.text)));
  store.down = false;
  assert.equal(ksr('htable.sht_get', 'shared', 'k'), 'v', 'the item written before is there again');
});

test('a server without a store: a backend store table answers -1 with a log saying why', () => {
  const { ksr, core } = node(null);
  assert.equal(ksr('htable.sht_seti', 'shared', 'k', 1), -1);
  assert.ok(core.logs.some((l) => /runs without a store \(set store: in the config\)/.test(l.text)));
  assert.equal(ksr('htable.sht_seti', 'local', 'k', 1), 1, 'memory tables are unaffected');
});

test('maxitems bounds a store table; sht_inc creates no item past it', () => {
  const store = new MemoryStore();
  const { ksr } = node(store, { tables: ['m=>size=2;maxitems=2;initval=0;backend=store'] });
  assert.equal(ksr('htable.sht_seti', 'm', 'a', 1), 1);
  assert.equal(ksr('htable.sht_inc', 'm', 'b'), 1);
  assert.equal(ksr('htable.sht_seti', 'm', 'c', 1), -1);
  assert.equal(ksr('htable.sht_inc', 'm', 'c'), 0);
  assert.equal(ksr('htable.sht_inc', 'm', 'a'), 2, 'an existing item still counts');
});

test('config: backend is memory or store, and a store table has no dbtable', () => {
  assert.equal(parseHtableSettings({ tables: ['a=>size=4'] }).tables[0]!.backend, 'memory');
  assert.equal(parseHtableSettings({ tables: [{ name: 'a', backend: 'store' }] }).tables[0]!.backend, 'store');
  assert.throws(() => parseHtableSettings({ tables: [{ name: 'a', backend: 'redis' }] }), /modules\.htable\.tables\[0\]\.backend: expected "memory" or "store", got "redis"/);
  assert.throws(() => parseHtableSettings({ tables: ['a=>backend=store;dbtable=htable'] }), /tables\[0\]\.backend: expected no dbtable with backend store/);
});

// The behaviour of one htable, run against the Map (table.test.ts), the workers' shared
// rows (shared-table.test.ts) and the store's keyed values (store-table.test.ts): the same
// assertions for all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HashTable } from '../../host/htable/table.js';
import { MapCellStore, type CellStore } from '../../host/htable/cell-store.js';
import { SharedCellStore } from '../../host/htable/shared-cell-store.js';
import { parseHtableSettings } from '../../host/htable/table-settings.js';
import { matcherOf, counterMatcher, COUNT_OPS } from '../../host/htable/match-ops.js';
import { sharedState } from '../support/shared-variant.js';

function cellsFor(name: string): CellStore {
  const shared = sharedState();
  return shared ? new SharedCellStore(shared, name) : new MapCellStore();
}

export function defaultTableOf(spec: string, clock: { ms: number } = { ms: 1_000_000_000 }): HashTable {
  const s = parseHtableSettings({ tables: [spec] }).tables[0]!;
  return new HashTable(s, cellsFor(s.name), () => clock.ms);
}

const m = (op: string, v: string) => {
  const r = matcherOf(op, v, COUNT_OPS);
  if ('error' in r) throw new Error(r.error);
  return r;
};

/** Makes one table from its Kamailio spec string on a clock (the store variant gives its own). */
export type TableMaker = (spec: string, clock?: { ms: number }) => HashTable;

export function tableSuite(variant: string, make?: TableMaker): void {
  const tableOf: TableMaker = make ?? defaultTableOf;
  test(`${variant}: set, get, types, remove`, () => {
    const t = tableOf('a=>size=4');
    assert.equal(t.set('k', 'v'), null);
    assert.equal(t.set('n', 7), null);
    assert.equal(t.value('k'), 'v');
    assert.equal(t.value('n'), 7);
    assert.equal(t.value('none'), null);
    assert.equal(t.remove('k'), true);
    assert.equal(t.value('k'), null);
    assert.equal(t.set('k', 2 ** 31), null, 'ints are 32-bit, as Kamailio');
    assert.equal(t.value('k'), -(2 ** 31));
  });

  test(`${variant}: initval reads for a missing item, inc/dec create from it`, () => {
    const t = tableOf('c=>size=4;initval=5');
    assert.equal(t.value('x'), 5);
    assert.equal(t.add('x', 1), 6);
    assert.equal(t.add('x', -2), 4);
    const u = tableOf('u=>size=4');
    assert.equal(u.add('x', 1), null, 'without initval a missing item is not created');
    u.set('s', 'str');
    assert.equal(u.add('s', 1), null, 'a string item is not incremented');
    u.set('i', 9);
    assert.equal(u.add('i', 1), 10);
  });

  test(`${variant}: autoexpire hides expired items before the sweep; updateexpire`, () => {
    const clock = { ms: 1_000_000_000 };
    const t = tableOf('e=>size=4;autoexpire=10', clock);
    t.set('k', 1);
    clock.ms += 5000;
    t.set('k', 2); // updateexpire=1: restarts
    clock.ms += 8000;
    assert.equal(t.value('k'), 2);
    clock.ms += 5000;
    assert.equal(t.value('k'), null, 'expired, not yet swept');
    assert.equal(t.entries().length, 0);
    assert.equal(t.sweep(), 1);
    assert.equal(t.cells.size(), 0);

    const n = tableOf('f=>size=4;autoexpire=10;updateexpire=0', clock);
    n.set('k', 1);
    clock.ms += 6000;
    n.set('k', 2);
    clock.ms += 6000;
    assert.equal(n.value('k'), null, 'updateexpire=0: the first expiry holds');
  });

  test(`${variant}: per-item expiry (setxs, setex) counts in an autoexpire table only`, () => {
    const clock = { ms: 1_000_000_000 };
    const t = tableOf('x=>size=4;autoexpire=100', clock);
    t.set('a', 'v', 2);
    assert.equal(t.expiresIn('a'), 2);
    clock.ms += 3500;
    assert.equal(t.value('a'), null);
    t.set('b', 1);
    t.setExpire('b', 0);
    assert.equal(t.expiresIn('b'), 0);
    clock.ms += 1_000_000;
    assert.equal(t.value('b'), 1, 'expire 0: never');
    const p = tableOf('p=>size=4', clock);
    p.set('a', 'v', 1);
    clock.ms += 5000;
    assert.equal(p.value('a'), 'v', 'a table without autoexpire keeps every item');
  });

  test(`${variant}: maxitems and value bounds refuse, expired items make room`, () => {
    const clock = { ms: 1_000_000_000 };
    const t = tableOf('m=>size=2;maxitems=2;autoexpire=5', clock);
    assert.equal(t.set('a', 1), null);
    assert.equal(t.set('b', 1), null);
    assert.match(t.set('c', 1) ?? '', /maxitems 2/);
    assert.equal(t.set('a', 2), null, 'an update needs no room');
    clock.ms += 10_000;
    assert.equal(t.set('c', 1), null, 'the expired ones were swept to make room');
    assert.match(t.set('big', 'x'.repeat(70_000)) ?? '', /at most 65536 bytes/);
    assert.match(t.set('', 1) ?? '', /item name of 1/);
  });

  test(`${variant}: counting, matching and removing by name and by string value`, () => {
    const t = tableOf('r=>size=4');
    t.set('sip:alice', 'x-1');
    t.set('sip:bob', 'y-2');
    t.set('tel:1', 3);
    assert.equal(t.count(m('sw', 'sip:'), 'name'), 2);
    assert.equal(t.count(m('re', '^SIP'), 'name'), 2, 'regexps ignore case (REG_ICASE)');
    assert.equal(t.count(m('ew', ':1'), 'name'), 1);
    assert.equal(t.count(m('ne', 'tel:1'), 'name'), 2);
    assert.equal(t.count(m('re', '.'), 'value'), 2, 'int values are not matched by value');
    const c = counterMatcher('%~sip');
    assert.ok(!('error' in c));
    assert.equal(t.count(c as (s: string) => boolean, 'name'), 2);
    assert.equal(t.has(m('eq', 'sip:bob'), 'name'), true);
    assert.equal(t.removeMatching(m('re', '^x-'), 'value'), 1);
    assert.equal(t.removeMatching(m('sw', 'tel'), 'name'), 1);
    assert.deepEqual(t.entries().map(([n]) => n), ['sip:bob']);
    t.reset();
    assert.equal(t.entries().length, 0);
  });
}

// The shared-memory table (host/shared/shared-fifo-table.ts) against a Map in insert order: the
// same entries, the same oldest, whatever the collisions (keys chosen to share a home slot and
// to wrap around the end), and the memory the bytes function promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateSharedFifoTable, keyOf, SharedFifoTable, sharedFifoTableBytes } from '../../host/shared/shared-fifo-table.js';

/** A small deterministic generator, so a failure replays. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

test('inserts, finds and removes the oldest as a Map in insert order does, with colliding keys', () => {
  const limit = 8;
  const table = new SharedFifoTable(allocateSharedFifoTable({ limit, fields: 2 }), 0);
  // capacity 16: keys k and k + 16n share a home slot; 14, 15, 30, 31 wrap past the end
  const keys = [1, 17, 33, 49, 14, 15, 30, 31, 46, 62, 2, 18, 3, 5, 21, 37];
  const model = new Map<number, [number, number]>();
  const next = random(7);
  for (let step = 0; step < 5000; step++) {
    table.locked(() => {
      const key = keys[Math.floor(next() * keys.length)]!;
      const r = next();
      if (r < 0.55 && !model.has(key)) {
        if (model.size >= limit) {
          table.removeOldest();
          model.delete(model.keys().next().value as number);
        }
        table.insert(key, [step, key * 2]);
        model.set(key, [step, key * 2]);
      } else if (r < 0.75) {
        table.removeOldest();
        const first = model.keys().next();
        if (!first.done) model.delete(first.value);
      } else if (r < 0.85 && model.has(key)) {
        const slot = table.find(key);
        table.setField(slot, 1, step);
        model.get(key)![1] = step;
      }
      assert.equal(table.size, model.size, `step ${step}: size`);
      for (const k of keys) {
        const slot = table.find(k);
        const want = model.get(k);
        if (!want) {
          assert.equal(slot, -1, `step ${step}: key ${k} should be absent`);
          continue;
        }
        assert.ok(slot >= 0, `step ${step}: key ${k} should be found`);
        assert.deepEqual([table.field(slot, 0), table.field(slot, 1)], want, `step ${step}: key ${k}'s fields`);
      }
      const oldest = table.oldest();
      const first = model.keys().next();
      assert.equal(oldest >= 0 ? table.field(oldest, 0) : -1, first.done ? -1 : model.get(first.value)![0], `step ${step}: the oldest`);
    });
  }
});

test('a second view of the same memory (another thread\'s) sees the same entries; a full table refuses an insert', () => {
  const memory = allocateSharedFifoTable({ limit: 3, fields: 1, aux: [-1, 5] });
  const a = new SharedFifoTable(memory, 0);
  const b = new SharedFifoTable(memory, 1);
  a.locked(() => {
    assert.deepEqual([a.aux(0), a.aux(1), a.aux(2)], [-1, 5, 0]);
    for (const k of [10, 20, 30]) a.insert(keyOf(`n${k}`), [k]);
  });
  b.locked(() => {
    assert.equal(b.size, 3);
    assert.equal(b.field(b.find(keyOf('n20')), 0), 20);
    assert.throws(() => b.insert(keyOf('n40'), [40]), /insert into a full table \(3 of 3\)/);
    b.removeOldest();
    assert.equal(b.find(keyOf('n10')), -1);
    b.insert(keyOf('n40'), [40]);
  });
  a.locked(() => assert.equal(a.field(a.oldest(), 0), 20));
  assert.throws(() => new SharedFifoTable(new SharedArrayBuffer(64), 0), /is not one allocateSharedFifoTable made/);
  assert.equal(memory.byteLength, sharedFifoTableBytes({ limit: 3, fields: 1 }));
});

test('keyOf: a 53-bit integer, never 0, that tells apart strings differing in one place or in length', () => {
  const seen = new Set<number>();
  for (let i = 0; i < 20000; i++) {
    const k = keyOf(`nonce-${i.toString(36)}`);
    assert.ok(Number.isSafeInteger(k) && k > 0);
    seen.add(k);
  }
  assert.equal(seen.size, 20000);
  assert.notEqual(keyOf('a'), keyOf('a\0'));
  assert.notEqual(keyOf(''), 0);
});

// The shared string map (host/shared/shared-string-map.ts) in one thread: entries, blocks reused,
// a full heap refused without a change, steps undone whole, scans by prefix and meta, long
// chains. Its use by several threads is in shared-state.test.ts (the location table).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateSharedStringMap, MIN_SHARED_MAP_BYTES, SharedMapFullError, SharedStringMap } from '../../host/shared/shared-string-map.js';
import { LOCK_BYTES } from '../../host/shared/write-lock.js';

function map(bytes = MIN_SHARED_MAP_BYTES): SharedStringMap {
  return new SharedStringMap(allocateSharedStringMap(bytes), 0);
}

/** Every entry of the map, as a sorted list of [key, value]. */
function entries(m: SharedStringMap): Array<[string, string]> {
  return m.keysWhere('', () => true).map((k) => [k, m.get(k)!] as [string, string]).sort();
}

test('set, get, meta and delete, with keys and values of any text', () => {
  const m = map();
  const key = 'T8:location\u00e9l\u00e8ve\n\u0000\ud83d\ude00';
  const value = '3600\t"r1"\t{"contact":"sip:\u00e9l\u00e8ve@h","ua":"\ud83d\ude00 phone"}';
  m.set(key, value, 1234.5);
  m.set('empty', '', -1);
  assert.equal(m.get(key), value);
  assert.equal(m.meta(key), 1234.5);
  assert.equal(m.get('empty'), '');
  assert.equal(m.get('absent'), undefined);
  assert.equal(m.meta('absent'), undefined);
  m.set(key, 'replaced', 7);
  assert.equal(m.get(key), 'replaced');
  assert.equal(m.meta(key), 7);
  assert.equal(m.usage().entries, 2);
  assert.equal(m.delete(key), true);
  assert.equal(m.delete(key), false);
  assert.equal(m.get(key), undefined);
  assert.equal(m.usage().entries, 1);
  assert.deepEqual(m.integrity().problems, []);
});

test('a replaced or deleted entry\'s block is reused: a key rewritten 20 000 times does not fill a 64 KiB map', () => {
  const m = map();
  m.set('k', 'x'.repeat(300));
  const used = m.usage().usedBytes;
  for (let i = 0; i < 20_000; i++) m.set('k', `${i}`.padEnd(300, 'y'));
  assert.equal(m.usage().usedBytes, used);
  for (let i = 0; i < 20_000; i++) {
    m.set(`k${i % 50}`, 'z'.repeat(200));
    m.delete(`k${i % 50}`);
  }
  assert.equal(m.usage().usedBytes, used);
  assert.equal(m.usage().entries, 1);
  assert.deepEqual(m.integrity().problems, []);
});

test('a full heap refuses the change with SharedMapFullError and leaves the map as it was; a delete makes room', () => {
  const m = map();
  let n = 0;
  let full: unknown;
  try {
    for (; n < 10_000; n++) m.set(`key${n}`, 'v'.repeat(400));
  } catch (e) {
    full = e;
  }
  assert.ok(full instanceof SharedMapFullError, `the map filled: ${String(full)}`);
  assert.ok(n > 50 && n < 10_000, `${n} entries fitted`);
  assert.match((full as Error).message, /does not fit \(\d+ of \d+ bytes in use\)/);
  assert.equal(m.usage().entries, n);
  assert.throws(() => m.set('key0', 'w'.repeat(900)), SharedMapFullError, 'a larger replacement that does not fit');
  assert.equal(m.get('key0'), 'v'.repeat(400), 'the old value stays');
  assert.throws(() => m.set('huge', 'h'.repeat(2 * MIN_SHARED_MAP_BYTES)), SharedMapFullError);
  m.delete('key1');
  m.set(`key${n}`, 'v'.repeat(400));
  assert.equal(m.usage().entries, n);
  assert.deepEqual(m.integrity().problems, []);
});

test('atomically: one step; a throw undoes its sets, replacements and deletes, in any order, and frees what it took', () => {
  const m = map();
  m.set('a', 'a0', 1);
  m.set('b', 'b0', 2);
  m.set('c', 'c0', 3);
  const before = entries(m);
  const usage = m.usage();
  assert.throws(() =>
    m.atomically(() => {
      m.set('a', 'a1');
      m.set('a', 'a2');
      m.delete('b');
      m.set('d', 'd1');
      m.atomically(() => m.set('c', 'c1')); // joins the outer step
      m.delete('d');
      m.set('b', 'b1');
      assert.equal(m.get('a'), 'a2', 'a step reads its own changes');
      throw new Error('undo');
    }),
  /undo/);
  assert.deepEqual(entries(m), before);
  assert.equal(m.meta('b'), 2);
  assert.deepEqual(m.usage(), usage);
  assert.equal(m.lockHolder(), null, 'released after the throw');
  m.atomically(() => {
    m.set('a', 'a9');
    m.delete('c');
  });
  assert.deepEqual(entries(m), [['a', 'a9'], ['b', 'b0']]);
  assert.deepEqual(m.integrity().problems, []);
});

test('atomically: a step that runs out of room is undone whole', () => {
  const m = map();
  m.set('keep', 'k0');
  const usage = m.usage();
  assert.throws(() =>
    m.atomically(() => {
      m.set('keep', 'k1');
      for (let i = 0; i < 10_000; i++) m.set(`fill${i}`, 'f'.repeat(400));
    }),
  SharedMapFullError);
  assert.deepEqual(entries(m), [['keep', 'k0']]);
  assert.deepEqual(m.usage(), usage);
  assert.deepEqual(m.integrity().problems, []);
});

test('scans by prefix and meta find every entry, whatever the slice of buckets each lock hold covers', () => {
  const m = map(1024 * 1024);
  for (let i = 0; i < 3000; i++) m.set(`${i % 3 === 0 ? 'A' : 'B'}${i}`, `v${i}`, i);
  const expected = Array.from({ length: 3000 }, (_, i) => i).filter((i) => i % 3 === 0 && i < 1500).map((i) => `A${i}`).sort();
  for (const slice of [1, 7, 1024, 1 << 20]) {
    assert.deepEqual(m.keysWhere('A', (meta) => meta < 1500, slice).sort(), expected, `slice ${slice}`);
    assert.equal(m.valuesWhere('B', slice).length, 2000, `slice ${slice}`);
  }
});

test('long chains: 5000 keys in a map of 16 buckets are all found, and stay found as half are deleted', () => {
  const m = new SharedStringMap(allocateSharedStringMap(2 * 1024 * 1024, { buckets: 16 }), 0);
  for (let i = 0; i < 5000; i++) m.set(`key-${i}`, `value-${i}`);
  for (let i = 0; i < 5000; i += 2) assert.equal(m.delete(`key-${i}`), true);
  for (let i = 0; i < 5000; i++) assert.equal(m.get(`key-${i}`), i % 2 ? `value-${i}` : undefined, `key-${i}`);
  assert.equal(m.usage().entries, 2500);
  assert.deepEqual(m.integrity().problems, []);
});

test('flags: set once, seen by another view of the same buffer', () => {
  const buffer = allocateSharedStringMap(MIN_SHARED_MAP_BYTES);
  const a = new SharedStringMap(buffer, 0);
  const b = new SharedStringMap(buffer, 1);
  assert.equal(b.flag(0), false);
  a.setFlag(0);
  assert.equal(b.flag(0), true);
  assert.equal(b.flag(1), false);
  a.set('x', 'from a');
  assert.equal(b.get('x'), 'from a');
});

test('sizes and buffers it does not own are refused with what was expected', () => {
  assert.throws(() => allocateSharedStringMap(1000), /size must be an integer of 65536\.\.\d+ bytes, got 1000/);
  assert.throws(() => allocateSharedStringMap(2 ** 32), /got 4294967296/);
  assert.throws(() => allocateSharedStringMap(MIN_SHARED_MAP_BYTES, { buckets: 48 }), /buckets must be a power of two .* got 48/);
  assert.throws(() => new SharedStringMap(new SharedArrayBuffer(MIN_SHARED_MAP_BYTES), 0), /not one allocateSharedStringMap made/);
  assert.throws(() => new SharedStringMap(new SharedArrayBuffer(16), 0), /not one allocateSharedStringMap made/);
});

test('integrity() finds a block linked twice, a wrong count and a lost block', () => {
  const buffer = allocateSharedStringMap(MIN_SHARED_MAP_BYTES, { buckets: 16 });
  const m = new SharedStringMap(buffer, 0);
  for (let i = 0; i < 40; i++) m.set(`k${i}`, `v${i}`);
  assert.deepEqual(m.integrity().problems, []);
  // what a bug would leave: the header's count off by one, and a chain that loops
  const header = new Int32Array(buffer, Math.ceil(LOCK_BYTES / 8) * 8, 8);
  header[5]! += 1;
  assert.match(m.integrity().problems.join('; '), /40 entries linked, the header says 41/);
  header[5]! -= 1;
  header[4]! += 64; // a block handed out of the heap that is neither linked nor free
  assert.match(m.integrity().problems.join('; '), /free bytes, \d+ handed out of the heap/);
  header[4]! -= 64;
  assert.deepEqual(m.integrity().problems, []);
  const buckets = new Int32Array(buffer, Math.ceil(LOCK_BYTES / 8) * 8 + (8 + 24) * 4, 16);
  const head = buckets.find((b) => b !== 0)!;
  const words = new Int32Array(buffer);
  words[(head >> 2) + 1] = head; // its next is itself
  assert.match(m.integrity().problems.join('; '), /linked twice/);
});

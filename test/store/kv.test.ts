// Keyed value spaces (host/store/kv.ts) on every store: one behaviour suite on the in-memory
// reference, SQLite, PostgreSQL and Redis; then concurrent kvAdd from two connections.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../host/store/open-store.js';
import { MemoryKv } from '../../host/store/kv.js';
import type { SyncStore } from '../../host/store/store.js';
import { postgresUrl, redisUrl, stopSharedServices } from '../support/services.js';

const dir = mkdtempSync(join(tmpdir(), 'ksr-kv-'));
test.after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopSharedServices();
});
let n = 0;

type Kv = Pick<SyncStore, 'kvGet' | 'kvSet' | 'kvAdd' | 'kvDelete' | 'kvScan' | 'kvCount' | 'kvClear' | 'kvPurge'>;

// database 12 of the test Redis is this file's
const stores: Array<[string, () => Promise<{ kv: Kv; close(): Promise<void> }>]> = [
  ['memory', async () => ({ kv: new MemoryKv(), close: async () => {} })],
  ['sqlite', async () => { const s = await openStore(`sqlite:${join(dir, `k${n++}.db`)}`); return { kv: s, close: () => s.close() }; }],
  ['postgres', async () => { const s = await openStore(await postgresUrl()); return { kv: s, close: () => s.close() }; }],
  ['redis', async () => { const s = await openStore(await redisUrl(12)); return { kv: s, close: () => s.close() }; }],
];

const NOW = 1_000_000;

for (const [kind, open] of stores) {
  test(`${kind}: kv set/get/delete, types kept, spaces apart, clear`, async () => {
    const { kv, close } = await open();
    try {
      assert.equal(kv.kvGet('t:a', 'k', NOW), null);
      kv.kvSet('t:a', 'k', 'text', 0, NOW);
      kv.kvSet('t:a', 'n', 42, 0, NOW);
      kv.kvSet('t:a', 'neg', -7, 0, NOW);
      kv.kvSet('t:a', 'num-str', '42', 0, NOW);
      kv.kvSet('t:b', 'k', 'other', 0, NOW);
      assert.deepEqual(kv.kvGet('t:a', 'k', NOW), { key: 'k', value: 'text', expires: 0 });
      assert.deepEqual(kv.kvGet('t:a', 'n', NOW), { key: 'n', value: 42, expires: 0 });
      assert.equal(kv.kvGet('t:a', 'neg', NOW)!.value, -7);
      assert.equal(kv.kvGet('t:a', 'num-str', NOW)!.value, '42', 'a string of digits stays a string');
      assert.equal(kv.kvGet('t:b', 'k', NOW)!.value, 'other');
      kv.kvSet('t:a', 'k', 5, 0, NOW);
      assert.equal(kv.kvGet('t:a', 'k', NOW)!.value, 5, 'a set replaces the type too');
      kv.kvSet('t:a', 'odd key: {x}/é', 'ü'.repeat(100), 0, NOW);
      assert.equal(kv.kvGet('t:a', 'odd key: {x}/é', NOW)!.value, 'ü'.repeat(100));
      assert.equal(kv.kvDelete('t:a', 'n'), true);
      assert.equal(kv.kvDelete('t:a', 'n'), false);
      assert.equal(kv.kvGet('t:a', 'n', NOW), null);
      assert.deepEqual(kv.kvScan('t:a', 10, NOW).map((e) => e.key), ['k', 'neg', 'num-str', 'odd key: {x}/é']);
      assert.equal(kv.kvScan('t:a', 2, NOW).length, 2, 'limit');
      assert.equal(kv.kvCount('t:a', NOW), 4);
      assert.equal(kv.kvClear('t:a'), 4);
      assert.equal(kv.kvCount('t:a', NOW), 0);
      assert.equal(kv.kvGet('t:b', 'k', NOW)!.value, 'other', 'another space untouched');
    } finally {
      await close();
    }
  });

  test(`${kind}: kvAdd: initial, int wrap, strings refused, keepExpires, maxEntries`, async () => {
    const { kv, close } = await open();
    try {
      assert.equal(kv.kvAdd('c', 'x', 1, null, 0, {}, NOW), null, 'absent without initial: nothing');
      assert.equal(kv.kvGet('c', 'x', NOW), null);
      assert.equal(kv.kvAdd('c', 'x', 1, 10, 0, {}, NOW), 11);
      assert.equal(kv.kvAdd('c', 'x', -3, null, 0, {}, NOW), 8, 'a live int needs no initial');
      kv.kvSet('c', 'max', 2147483647, 0, NOW);
      assert.equal(kv.kvAdd('c', 'max', 1, null, 0, {}, NOW), -2147483648, '32-bit wrap, as C int');
      assert.equal(kv.kvAdd('c', 'max', -1, null, 0, {}, NOW), 2147483647);
      kv.kvSet('c', 's', 'str', 0, NOW);
      assert.equal(kv.kvAdd('c', 's', 1, 0, 0, {}, NOW), null, 'a string is not added to');
      assert.equal(kv.kvGet('c', 's', NOW)!.value, 'str');
      assert.equal(kv.kvAdd('c', 'e', 1, 0, NOW + 10, {}, NOW), 1);
      assert.equal(kv.kvAdd('c', 'e', 1, 0, NOW + 50, { keepExpires: true }, NOW), 2);
      assert.equal(kv.kvGet('c', 'e', NOW)!.expires, NOW + 10, 'keepExpires');
      assert.equal(kv.kvAdd('c', 'e', 1, 0, NOW + 50, {}, NOW), 3);
      assert.equal(kv.kvGet('c', 'e', NOW)!.expires, NOW + 50, 'a new expiry');
      // full: 4 live entries (x, max, s, e)
      assert.equal(kv.kvAdd('c', 'new', 1, 0, 0, { maxEntries: 4 }, NOW), null, 'no room for a new entry');
      assert.equal(kv.kvAdd('c', 'x', 1, 0, 0, { maxEntries: 4 }, NOW), 9, 'an existing one still counts');
      assert.equal(kv.kvAdd('c', 'new', 1, 0, 0, { maxEntries: 5 }, NOW), 1);
    } finally {
      await close();
    }
  });

  test(`${kind}: expiry by the caller's now; purge; expired entries replaced by add`, async () => {
    const { kv, close } = await open();
    try {
      kv.kvSet('x', 'a', 'v', NOW + 5, NOW);
      kv.kvSet('x', 'b', 1, NOW + 5, NOW);
      kv.kvSet('x', 'c', 'forever', 0, NOW);
      assert.equal(kv.kvGet('x', 'a', NOW + 5)!.value, 'v', 'live while expires >= now');
      assert.equal(kv.kvGet('x', 'a', NOW + 6), null, 'gone once expires < now');
      assert.deepEqual(kv.kvScan('x', 10, NOW + 6).map((e) => e.key), ['c']);
      assert.deepEqual(kv.kvScan('x', 10, 0).map((e) => e.key), ['a', 'b', 'c'], 'a scan at time 0 sees what the store holds');
      assert.equal(kv.kvAdd('x', 'b', 1, null, 0, {}, NOW + 6), null, 'an expired int is absent');
      assert.equal(kv.kvAdd('x', 'b', 1, 100, NOW + 20, {}, NOW + 6), 101, 'restarts from initial');
      assert.equal(kv.kvGet('x', 'b', NOW + 6)!.expires, NOW + 20);
      assert.equal(kv.kvPurge('x', NOW + 6), 1, 'a went');
      assert.deepEqual(kv.kvScan('x', 10, 0).map((e) => e.key), ['b', 'c']);
      kv.kvSet('x', 'past', 'v', NOW - 1, NOW);
      assert.equal(kv.kvGet('x', 'past', NOW), null, 'written already expired');
    } finally {
      await close();
    }
  });

  test(`${kind}: bad arguments are the caller's error, not a store failure`, async () => {
    const { kv, close } = await open();
    try {
      assert.throws(() => kv.kvSet('bad space', 'k', 1, 0), /kvSet: expected a space name/);
      assert.throws(() => kv.kvSet('s', 'k', 1.5, 0), /32-bit integer/);
      assert.throws(() => kv.kvSet('s', 'k', 2 ** 31, 0), /32-bit integer/);
      assert.throws(() => kv.kvSet('s', 'k', 'x'.repeat(70_000), 0), /at most 65536 bytes/);
      assert.throws(() => kv.kvGet('s', 'k'.repeat(2000)), /a key of at most 1024 bytes/);
      assert.throws(() => kv.kvAdd('s', 'k', 0.5, 0, 0), /integer delta/);
      assert.throws(() => kv.kvSet('s', 'k', 1, -1), /expires as epoch seconds/);
      assert.throws(() => kv.kvSet('s{x}', 'k', 1, 0), /space name/);
      kv.kvSet('s', 'k', 1, 0);
      assert.equal(kv.kvGet('s', 'k')!.value, 1, 'the store still answers');
    } finally {
      await close();
    }
  });
}

for (const kind of ['sqlite', 'postgres', 'redis'] as const) {
  test(`${kind}: kvAdd is atomic across two connections (200 each, interleaved)`, async () => {
    const url = kind === 'sqlite' ? `sqlite:${join(dir, 'shared.db')}` : kind === 'postgres' ? await postgresUrl() : await redisUrl(12);
    const a = await openStore(url);
    const b = await openStore(url);
    try {
      for (let i = 0; i < 200; i++) {
        a.kvAdd('race', 'n', 1, 0, 0);
        b.kvAdd('race', 'n', 1, 0, 0);
      }
      assert.equal(a.kvGet('race', 'n')!.value, 400);
    } finally {
      await a.close();
      await b.close();
    }
  });
}

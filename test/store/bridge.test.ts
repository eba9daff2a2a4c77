// The worker-thread bridge when the database misbehaves: a frozen server makes a call give up
// after timeoutMs, a failure opens the breaker (calls fail fast), and service comes back by
// itself once the server does. Each test has its own server, since it stops it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../host/store/open-store.js';
import { StoreUnavailable, type Store } from '../../host/store/store.js';
import { RemoteStore } from '../../host/store/remote-store.js';
import { postgresUrl, redisUrl, startPostgres, startRedis, stopSharedServices } from '../support/services.js';
import { record } from './contract-suite.js';

const alice = { username: 'alice', domain: '' };

test.after(() => stopSharedServices());

/** Retries f until it stops throwing StoreUnavailable (the breaker lets a call through now and then). */
async function eventually<T>(f: () => T, what: string, limitMs = 15_000): Promise<T> {
  const until = Date.now() + limitMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof StoreUnavailable)) throw e;
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: still failing after ${limitMs} ms: ${(last as Error)?.message}`);
}

/** A call that failed on its own (not refused by the open breaker): the operation and why, nothing else. */
const FAILED_ITSELF = /: locations: (?!unavailable \()(?!the store is closed).+$/;

function expectUnavailable(s: Store, pattern: RegExp): void {
  assert.throws(() => s.locations(alice), (e: unknown) => e instanceof StoreUnavailable && pattern.test(e.message));
}

test('redis frozen: the call gives up after timeoutMs, the breaker fails the next ones fast, then it recovers', async () => {
  const server = await startRedis();
  const s = await openStore(server.url, { timeoutMs: 200 });
  try {
    s.putLocation(record({ ruid: 'r1' }));
    server.pause!();
    expectUnavailable(s, /locations: no answer in 200 ms/);
    // the breaker is open: this one is not even sent
    expectUnavailable(s, /unavailable \(no answer in 200 ms\); next try in \d+ ms/);
    server.resume!();
    const got = await eventually(() => s.locations(alice), 'after SIGCONT');
    assert.deepEqual(got.map((r) => r.ruid), ['r1']);
    // the late answers of the calls that timed out were dropped, not taken for later calls
    s.putLocation(record({ ruid: 'r2' }));
    assert.deepEqual(s.locations(alice).map((r) => r.ruid).sort(), ['r1', 'r2']);
    assert.equal(s.deleteAor(alice), 2);
  } finally {
    await s.close();
    await server.destroy();
  }
});

test('redis killed and restarted: StoreUnavailable while down, reconnects by itself', async () => {
  const server = await startRedis();
  const s = await openStore(server.url, { timeoutMs: 300 });
  try {
    s.putLocation(record({ ruid: 'r1' }));
    await server.stop();
    // the first call fails on its own and names the operation; the breaker then refuses the next
    expectUnavailable(s, FAILED_ITSELF);
    expectUnavailable(s, /: locations: unavailable \(.+\); next try in \d+ ms$/);
    await server.start();
    // a Redis without persistence comes back empty; what matters is that calls work again
    await eventually(() => s.putLocation(record({ ruid: 'r3' })), 'after restart');
    assert.deepEqual(s.locations(alice).map((r) => r.ruid), ['r3']);
  } finally {
    await s.close();
    await server.destroy();
  }
});

test('postgresql stopped and restarted: StoreUnavailable while down, the pool reconnects, data kept', async () => {
  const server = await startPostgres();
  try {
    const s = await openStore(await postgresUrl(server), { timeoutMs: 500 });
    try {
      s.putLocation(record({ ruid: 'p1' }));
      await server.stop();
      expectUnavailable(s, FAILED_ITSELF);
      expectUnavailable(s, /: locations: unavailable \(.+\); next try in \d+ ms$/);
      await server.start();
      const got = await eventually(() => s.locations(alice), 'after restart');
      assert.deepEqual(got.map((r) => r.ruid), ['p1']);
    } finally {
      await s.close();
    }
  } finally {
    await server.destroy();
  }
});

test('a database that is not there at start: openStore says so', async () => {
  const server = await startRedis();
  await server.destroy();
  await assert.rejects(openStore(server.url, { timeoutMs: 200 }), (e: unknown) => e instanceof StoreUnavailable && /cannot connect/.test((e as Error).message));
});

test('results through the port, and through the shared buffer with a result too big for it', async () => {
  const url = await redisUrl(4);
  const viaPort = await RemoteStore.open('redis', url, { resultVia: 'port' });
  const tiny = await RemoteStore.open('redis', url, { resultVia: 'shared', sharedBytes: 512 });
  try {
    for (let i = 0; i < 20; i++) viaPort.putLocation(record({ ruid: `r${i}` }));
    assert.equal(viaPort.locations(alice).length, 20);
    // 20 records do not fit in 512 bytes: the worker sends them on the port instead
    assert.equal(tiny.locations(alice).length, 20);
    assert.equal(tiny.allLocations(1).length, 1);
    assert.equal(viaPort.deleteAor(alice), 20);
  } finally {
    await Promise.all([viaPort.close(), tiny.close()]);
  }
});

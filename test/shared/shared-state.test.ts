// The workers' shared state (host/shared): the database in shared memory, the writers' lock in a
// SharedArrayBuffer, the location table in a SharedArrayBuffer of its own, and real worker
// threads that save and look up each other's bindings, write concurrently without losing a row
// or a binding, refuse each other's replayed nonce counts, survive a thread that dies holding a
// lock, and take each expired binding once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSharedState, removeSharedState, SharedState, type SharedStateHandle } from '../../host/shared/shared-state.js';
import { WAIT_BEFORE_CHECK_MS } from '../../host/shared/write-lock.js';
import { TestThread } from './threads.js';
import { Usrloc } from '../../host/registrar/usrloc.js';
import { SharedLocationTable } from '../../host/registrar/shared-location-table.js';
import { binding } from './bindings.js';

/** Every binding of the `location` table in the shared state, as the main thread reads it. */
function bindingsIn(main: SharedState): number {
  return new SharedLocationTable(main.locations).all('location').length;
}

function fresh(): { h: SharedStateHandle; main: SharedState; done: () => void } {
  const h = createSharedState();
  const main = SharedState.open(h, { owner: 0 });
  return {
    h, main,
    done: () => {
      main.close();
      removeSharedState(h);
    },
  };
}

async function withThreads(h: SharedStateHandle, n: number, body: (threads: TestThread[]) => Promise<void>): Promise<void> {
  const threads = await Promise.all(Array.from({ length: n }, (_, i) => TestThread.start(h, i + 1)));
  try {
    await body(threads);
  } finally {
    await Promise.all(threads.map((t) => t.stop()));
  }
}

function goFlag(): { buf: SharedArrayBuffer; go: () => void } {
  const buf = new SharedArrayBuffer(4);
  return { buf, go: () => (Atomics.store(new Int32Array(buf), 0, 1), Atomics.notify(new Int32Array(buf), 0)) };
}

test('the database lives in /dev/shm (else the temp directory), in WAL, and is removed with its -wal and -shm files', () => {
  const { h, main, done } = fresh();
  assert.ok(h.path.startsWith(existsSync('/dev/shm') ? '/dev/shm/' : tmpdir()), h.path);
  assert.equal(main.db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(main.db.pragma('synchronous', { simple: true }), 0);
  assert.ok(structuredClone(h).lock instanceof SharedArrayBuffer, 'the handle crosses to a worker');
  const before = main.fileBytes();
  main.write(() => main.db.prepare('INSERT INTO shared_flags VALUES (?)').run('x'));
  assert.ok(before.database > 0 && main.fileBytes().wal > before.wal, `the write went to the WAL: ${JSON.stringify([before, main.fileBytes()])}`);
  done();
  for (const s of ['', '-wal', '-shm']) assert.equal(existsSync(h.path + s), false, `${h.path}${s} removed`);
  assert.throws(() => SharedState.open(h, { owner: 0 }), /no database at/);
});

test('files a ksr-host that is no longer running left behind are removed at create; a running one\'s are kept', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-shared-'));
  try {
    // a pid that cannot be running (above pid_max), and this process's parent, which is
    const gone = ['ksr-host-shared-99999999-0-0.sqlite', 'ksr-host-shared-99999999-0-0.sqlite-wal'];
    const running = `ksr-host-shared-${process.ppid}-0-0.sqlite`;
    for (const name of [...gone, running, 'other-file']) writeFileSync(join(dir, name), '');
    const h = createSharedState({ dir });
    assert.deepEqual(readdirSync(dir).filter((n) => !h.path.endsWith(n)).sort(), [running, 'other-file'].sort());
    removeSharedState(h);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('write: one transaction inside the lock; a throw rolls all of it back; a write inside a write joins it', () => {
  const { main, done } = fresh();
  try {
    const add = main.db.prepare('INSERT INTO shared_flags VALUES (?)');
    const count = main.db.prepare('SELECT COUNT(*) FROM shared_flags').pluck();
    assert.equal(main.write(() => (add.run('a'), main.lockHolder())), 0, 'the lock holds the owner');
    assert.equal(main.lockHolder(), null, 'released after');
    assert.throws(() => main.write(() => { add.run('b'); main.write(() => add.run('c')); throw new Error('no'); }), /no/);
    assert.equal(count.get(), 1, 'b and c rolled back with the outer write');
    assert.equal(main.lockHolder(), null, 'released after a throw');
    const h = createSharedState();
    assert.throws(() => SharedState.open(h, { owner: -1 }), /owner must be an integer/);
    removeSharedState(h);
  } finally {
    done();
  }
});

test('two threads save and look up each other\'s bindings', async () => {
  const { h, done } = fresh();
  try {
    await withThreads(h, 2, async ([a, b]) => {
      await a!.call('save', 'alice', 'sip:alice@a', 3600);
      await b!.call('save', 'bob', 'sip:bob@b', 3600);
      await b!.call('save', 'alice', 'sip:alice@b', 3600);
      assert.deepEqual((await b!.call<string[]>('lookup', 'alice')).sort(), ['sip:alice@a', 'sip:alice@b']);
      assert.deepEqual(await a!.call('lookup', 'bob'), ['sip:bob@b']);
    });
  } finally {
    done();
  }
});

test('three threads writing at once lose no binding, no row and no update, serialised by our locks, not SQLite\'s busy handler (bounded loops)', async () => {
  const { h, main, done } = fresh();
  try {
    main.db.exec('CREATE TABLE test_counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL); INSERT INTO test_counter VALUES (1, 0)');
    await withThreads(h, 3, async (threads) => {
      for (const t of threads) await t.call('noBusyWait');
      const rows = goFlag();
      const saving = threads.map((t, i) => t.call('saveMany', rows.buf, `u${i}-`, 300, 3600));
      rows.go();
      await Promise.all(saving);
      assert.equal(bindingsIn(main), 900);
      const counts = goFlag();
      const adding = threads.map((t) => t.call('increment', counts.buf, 500));
      counts.go();
      await Promise.all(adding);
      assert.equal(main.db.prepare('SELECT n FROM test_counter').pluck().get(), 1500, 'each read-modify-write under the lock');
    });
  } finally {
    done();
  }
});

test('threads writing in a loop take turns: none is kept out (the lock is handed to a waiter, not taken back by its releaser), none waits out a lost hand-over', async () => {
  const { h, done } = fresh();
  try {
    await withThreads(h, 2, async (threads) => {
      const go = goFlag();
      const running = threads.map((t) => t.call<{ n: number; longestMs: number }>('contend', go.buf, 800));
      go.go();
      const [a, b] = await Promise.all(running);
      const why = `counts ${a!.n} and ${b!.n}, longest ${a!.longestMs.toFixed(1)} and ${b!.longestMs.toFixed(1)} ms`;
      // before the hand-over, one thread got the lock back every time: thousands against a few
      assert.ok(Math.min(a!.n, b!.n) * 4 >= Math.max(a!.n, b!.n), `both threads wrote about as often: ${why}`);
      // a hand-over nobody takes ends only at the waiter's check (WAIT_BEFORE_CHECK_MS)
      assert.ok(Math.max(a!.longestMs, b!.longestMs) < WAIT_BEFORE_CHECK_MS * 0.75, `no write waited for a lost hand-over: ${why}`);
    });
  } finally {
    done();
  }
});

test('two threads saving in a loop take turns: the releaser does not take the lock back ahead of a waiter', async () => {
  const { h, main, done } = fresh();
  try {
    const ul = new Usrloc({ shared: main, now: () => 1_700_000_000_000 });
    await withThreads(h, 1, async ([busy]) => {
      const stop = new SharedArrayBuffer(4);
      const busySaves = busy!.call<number>('saveUntil', stop);
      await new Promise((r) => setTimeout(r, 50));
      let mine = 0;
      for (const end = performance.now() + 800; performance.now() < end; mine++) {
        ul.put('location', binding(`m${mine % 100}`, 'sip:m@h', { ruid: `m-${mine % 100}`, expires: 1_700_000_000 + 3600 }));
      }
      Atomics.store(new Int32Array(stop), 0, 1);
      const theirs = await busySaves;
      // before, whichever thread released took the lock back ahead of the waiter most times
      // (measured: 17 950 saves against 2 661 here; the bench's main thread was kept out); now ~1:1
      assert.ok(Math.min(mine, theirs) * 4 >= Math.max(mine, theirs), `this thread saved ${mine} times while the busy one saved ${theirs}`);
    });
  } finally {
    done();
  }
});

test('a nonce count used in one thread is refused as a replay in another; its retransmission is accepted', async () => {
  const { h, done } = fresh();
  try {
    await withThreads(h, 2, async ([a, b]) => {
      assert.equal(await a!.call('nonce', 'n1', 100, 1, 100, 'z9hG4bK-1'), 'ok');
      assert.equal(await b!.call('nonce', 'n1', 100, 1, 101, 'z9hG4bK-2'), 'reused', 'the same nc, another request');
      assert.equal(await b!.call('nonce', 'n1', 100, 1, 101, 'z9hG4bK-1'), 'ok', 'a retransmission reaching the other worker');
      assert.equal(await b!.call('nonce', 'n1', 100, 2, 102, 'z9hG4bK-3'), 'ok');
      assert.equal(await a!.call('nonce', 'n1', 100, 2, 102, 'z9hG4bK-4'), 'reused');
    });
  } finally {
    done();
  }
});

for (const how of ['exit', 'stuck'] as const) {
  test(`a thread that dies holding the database's lock (${how}) leaves no row and blocks nobody after releaseLocksOf`, async () => {
    const { h, main, done } = fresh();
    try {
      await withThreads(h, 2, async ([dying, other]) => {
        dying!.post('dieInWrite', how, 'ghost', 'database');
        await dying!.inWrite;
        assert.equal(main.lockHolder(), 1, 'the dying thread holds the lock');
        if (how === 'stuck') await dying!.stop();
        assert.equal(await dying!.exited, how === 'exit' ? 3 : 1);
        // what the main thread does on a worker's exit
        assert.equal(main.releaseLocksOf(1), true);
        const t0 = performance.now();
        await other!.call('flag', 'carol');
        assert.ok(performance.now() - t0 < 2000, `the other thread wrote at once (${(performance.now() - t0).toFixed(0)} ms)`);
        const flags = main.db.prepare('SELECT name FROM shared_flags').pluck().all();
        assert.deepEqual(flags, ['carol'], 'the dead thread\'s write was rolled back');
      });
    } finally {
      done();
    }
  });

  test(`a thread that dies inside a step of the location table (${how}) leaves the table whole and blocks nobody after releaseLocksOf`, async () => {
    const { h, main, done } = fresh();
    try {
      await withThreads(h, 2, async ([dying, other]) => {
        dying!.post('dieInWrite', how, 'ghost', 'locations');
        await dying!.inWrite;
        assert.equal(main.locations.lockHolder(), 1, 'the dying thread holds the table\'s lock');
        if (how === 'stuck') await dying!.stop();
        assert.equal(await dying!.exited, how === 'exit' ? 3 : 1);
        assert.equal(main.releaseLocksOf(1), true);
        const t0 = performance.now();
        await other!.call('save', 'carol', 'sip:carol@c', 3600);
        assert.ok(performance.now() - t0 < 2000, `the other thread wrote at once (${(performance.now() - t0).toFixed(0)} ms)`);
        // shared memory has no transaction to roll back: what the dead thread linked in stays, whole
        assert.deepEqual(await other!.call('lookup', 'ghost'), ['sip:ghost@dead']);
        assert.deepEqual(await other!.call('lookup', 'carol'), ['sip:carol@c']);
        assert.equal(bindingsIn(main), 2);
      });
    } finally {
      done();
    }
  });
}

test('a waiter takes over the lock of a worker that exited in a step of the location table, without the main thread', async () => {
  const { h, main, done } = fresh();
  try {
    await withThreads(h, 2, async ([dying, other]) => {
      dying!.post('dieInWrite', 'exit', 'ghost', 'locations');
      await dying!.inWrite;
      await dying!.exited;
      assert.equal(main.locations.lockHolder(), 1, 'the lock word still names the dead thread');
      const t0 = performance.now();
      await other!.call('save', 'dave', 'sip:dave@d', 3600);
      const waited = performance.now() - t0;
      assert.ok(waited >= WAIT_BEFORE_CHECK_MS * 0.9 && waited < 5000, `taken over after the check wait (${waited.toFixed(0)} ms)`);
      assert.deepEqual(await other!.call('lookup', 'dave'), ['sip:dave@d']);
    });
  } finally {
    done();
  }
});

test('a worker restarted as the same owner frees the locks its dead predecessor held', async () => {
  const { h, main, done } = fresh();
  try {
    for (const where of ['database', 'locations'] as const) {
      await withThreads(h, 1, async ([dying]) => {
        dying!.post('dieInWrite', 'stuck', 'ghost', where);
        await dying!.inWrite;
        await dying!.stop();
        const holder = () => (where === 'database' ? main.lockHolder() : main.locations.lockHolder());
        assert.equal(holder(), 1, where);
        const restarted = SharedState.open(h, { owner: 1 });
        assert.equal(holder(), null, where);
        restarted.write(() => restarted.db.prepare('INSERT OR IGNORE INTO shared_flags VALUES (?)').run('after'));
        new Usrloc({ shared: restarted }).put('location', binding('after', 'sip:after@h'));
        restarted.close();
      });
    }
  } finally {
    done();
  }
});

test('Usrloc.atomically: a read-then-add in two threads at once never goes past the limit', async () => {
  const { h, main, done } = fresh();
  try {
    await withThreads(h, 2, async (threads) => {
      // rounds until a racing pair shows up: with the read and the add as one step, there are never more than max
      for (let round = 0; round < 20; round++) {
        new Usrloc({ shared: main }).removeAor('location', { username: 'alice', domain: '' });
        const go = goFlag();
        const adding = threads.map((t) => t.call<number>('addIfFewer', go.buf, 5, 200, true));
        go.go();
        const added = (await Promise.all(adding)).reduce((a, b) => a + b, 0);
        assert.equal(added, 5, `round ${round}`);
        assert.equal(bindingsIn(main), 5);
      }
    });
  } finally {
    done();
  }
});

test('the shared location map holds together under three threads changing the same keys at once (sets, deletes, undone steps)', async () => {
  const { h, main, done } = fresh();
  try {
    await withThreads(h, 3, async (threads) => {
      const go = goFlag();
      const churning = threads.map((t, i) => t.call<{ sets: number; deletes: number; undone: number }>('mapChurn', go.buf, 4000, 7 + i));
      go.go();
      const counts = await Promise.all(churning);
      assert.ok(counts.every((c) => c.sets > 1500 && c.deletes > 900 && c.undone > 500), JSON.stringify(counts));
      const check = main.locations.integrity();
      assert.deepEqual(check.problems, []);
      assert.ok(check.entries > 0 && check.entries <= 200, JSON.stringify(check));
      const keys = main.locations.keysWhere('churn-', () => true);
      assert.equal(keys.length, check.entries);
      // no step that threw left its 'w' value behind
      for (const k of keys) assert.match(main.locations.get(k)!, /^v*$/, k);
    });
  } finally {
    done();
  }
});

test('expiry: threads taking expired bindings at once take each one once', async () => {
  const { h, main, done } = fresh();
  try {
    await withThreads(h, 3, async (threads) => {
      const rows = goFlag();
      const saving = threads.map((t, i) => t.call('saveMany', rows.buf, `e${i}-`, 200, 60));
      rows.go();
      await Promise.all(saving);
      for (const t of threads) await t.call('setNow', 1_700_000_000_000 + 61_000);
      const taking = goFlag();
      const takes = threads.map((t) => t.call<string[]>('takeExpired', taking.buf));
      taking.go();
      const taken = (await Promise.all(takes)).flat();
      assert.equal(taken.length, 600, 'every expired binding taken');
      assert.equal(new Set(taken).size, 600, 'and none twice');
      assert.equal(bindingsIn(main), 0);
    });
  } finally {
    done();
  }
});

test('expiry: a binding refreshed by another worker between the scan and the taking step stays', () => {
  const { h, main, done } = fresh();
  const other = SharedState.open(h, { owner: 1 });
  try {
    const now = 1_700_000_000_000;
    const taker = new Usrloc({ shared: main, now: () => now + 61_000 });
    const refresher = new Usrloc({ shared: other, now: () => now + 61_000 });
    for (const user of ['stale', 'refreshed']) taker.put('location', binding(user, `sip:${user}@192.0.2.1`, { expires: now / 1000 + 60 }));
    // the scan holds the lock for slices of the table only; the other worker's refresh lands
    // before the step that takes the AoR's expired bindings
    const step = main.locations.atomically.bind(main.locations);
    let refreshed = false;
    main.locations.atomically = <T>(fn: () => T): T => {
      if (!refreshed) refresher.put('location', binding('refreshed', 'sip:refreshed@192.0.2.1', { expires: now / 1000 + 3600 }));
      refreshed = true;
      return step(fn);
    };
    const taken = taker.takeExpired().map((e) => e.rec.username);
    assert.deepEqual(taken, ['stale'], 'only the binding still expired at the step is taken');
    assert.equal(refresher.contacts('location', { username: 'refreshed', domain: '' }).length, 1, 'the refreshed binding is still there');
  } finally {
    other.close();
    done();
  }
});

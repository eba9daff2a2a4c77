// The subscriber reads of a SQLite store share one read transaction per turn of the event loop
// (host/store/turn-snapshot.ts): what they see, when they see another process's writes, that
// the store's own writes are seen at once, and that a snapshot never outlives its turn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../host/store/open-store.js';
import type { Store } from '../../host/store/store.js';

const dir = mkdtempSync(join(tmpdir(), 'ksr-turn-snapshot-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A store on a fresh file and a connection of "another process" to the same file. */
async function storeAndOther(): Promise<{ store: Store; other: Database.Database; done: () => Promise<void> }> {
  const file = join(dir, `t${n++}.db`);
  const store = await openStore(`sqlite:${file}`);
  // no busy wait: a checkpoint that a reader holds back answers at once
  const other = new Database(file, { timeout: 0 });
  return { store, other, done: async () => (other.close(), await store.close()) };
}

const passwordOf = (store: Store, user: string) => store.subscriber(user, 'example.com')?.password;

test("another connection's write is seen from the next turn on, not in the middle of one", async () => {
  const { store, other, done } = await storeAndOther();
  try {
    await store.addSubscriber('ann', 'example.com', 'one');
    other.prepare("UPDATE subscriber SET password = 'two' WHERE username = 'ann'").run();
    assert.equal(passwordOf(store, 'ann'), 'two', 'committed before the turn read anything: seen');
    other.prepare("UPDATE subscriber SET password = 'three' WHERE username = 'ann'").run();
    assert.equal(passwordOf(store, 'ann'), 'two', 'committed after this turn began reading: not yet');
    assert.equal(store.subscriberPassword?.('ann', 'example.com'), 'two', 'the password read shares the snapshot');
    await nextTurn();
    assert.equal(passwordOf(store, 'ann'), 'three');
    other.prepare("INSERT INTO subscriber (username, domain, password) VALUES ('cy', 'example.com', 'c')").run();
    other.prepare("DELETE FROM subscriber WHERE username = 'ann'").run();
    await nextTurn();
    assert.equal(passwordOf(store, 'ann'), undefined, 'a deleted subscriber is gone next turn');
    assert.equal(passwordOf(store, 'cy'), 'c', 'an added one is there');
  } finally {
    await done();
  }
});

test("the store's own writes are seen by the next read, in the same turn", async () => {
  const { store, done } = await storeAndOther();
  try {
    assert.equal(passwordOf(store, 'bo'), undefined, 'a read opens the snapshot');
    await store.addSubscriber('bo', 'example.com', 'one');
    assert.equal(passwordOf(store, 'bo'), 'one', 'addSubscriber');
    await store.setPassword('bo', 'example.com', 'two');
    assert.equal(store.subscriberPassword?.('bo', 'example.com'), 'two', 'setPassword');
    await store.importSubscribers([{ username: 'bo', domain: 'example.com', password: 'three' }]);
    assert.equal(passwordOf(store, 'bo'), 'three', 'importSubscribers');
    assert.equal(await store.removeSubscriber('bo', 'example.com'), true);
    assert.equal(passwordOf(store, 'bo'), undefined, 'removeSubscriber');
  } finally {
    await done();
  }
});

test('a read holds its snapshot for the turn only: a WAL checkpoint is held back in the turn and not after it', async () => {
  const { store, other, done } = await storeAndOther();
  try {
    await store.addSubscriber('di', 'example.com', 'one');
    assert.equal(passwordOf(store, 'di'), 'one');
    other.prepare("UPDATE subscriber SET password = 'two' WHERE username = 'di'").run();
    const during = other.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    assert.equal(during[0]!.busy, 1, "the turn's read transaction is open (one lock for all its reads)");
    await nextTurn();
    const after = other.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number }>;
    assert.deepEqual([after[0]!.busy, after[0]!.log], [0, 0], 'the turn ended its transaction: the WAL is emptied');
    assert.equal(passwordOf(store, 'di'), 'two');
  } finally {
    await done();
  }
});

test('a store closed with a snapshot open ends it; the turn then ends without an error', async () => {
  const { store, other } = await storeAndOther();
  await store.addSubscriber('ed', 'example.com', 'one');
  assert.equal(passwordOf(store, 'ed'), 'one');
  await store.close();
  other.close();
  await nextTurn(); // an exception thrown from the turn's end would fail this test (uncaught)
  await nextTurn();
});

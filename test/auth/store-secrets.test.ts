// The subscriber table as the password side (store-secrets.ts) over SQLite: the password
// column alone when the row has a password, the HA1 columns when it has none, and every change
// to the table seen by the next authentication: at once when made through the store, from the
// next turn of the event loop on when another process makes it (host/store/turn-snapshot.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../host/store/open-store.js';
import { storeSecrets } from '../../host/auth/store-secrets.js';

/** The end of this turn of the event loop: the subscriber reads' snapshot ends there. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const dir = mkdtempSync(join(tmpdir(), 'ksr-store-secrets-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('password rows give the password, HA1-only rows their HA1 or HA1b, unknown users null', async () => {
  const file = join(dir, 'a.sqlite');
  const store = await openStore(`sqlite:${file}`);
  try {
    await store.addSubscriber('alice', 'example.com', 'alice-pw');
    const other = new Database(file);
    other.prepare("INSERT INTO subscriber (username, domain, password, ha1, ha1b) VALUES ('kam', 'example.com', '', 'aaaa', 'bbbb')").run();
    other.close();
    assert.equal(store.subscriberPassword?.('alice', 'example.com'), 'alice-pw');
    assert.equal(store.subscriberPassword?.('kam', 'example.com'), null, 'an empty password: null, read the HA1 columns');
    assert.equal(store.subscriberPassword?.('nobody', 'example.com'), undefined);

    const lookup = storeSecrets(store);
    assert.deepEqual(lookup('alice', 'example.com', false), { kind: 'password', password: 'alice-pw' });
    assert.deepEqual(lookup('kam', 'example.com', false), { kind: 'ha1', ha1: 'aaaa', alg: 'MD5' });
    assert.deepEqual(lookup('kam', 'example.com', true), { kind: 'ha1', ha1: 'bbbb', alg: 'MD5' });
    assert.equal(lookup('nobody', 'example.com', false), null);
    assert.equal(lookup('alice', 'example.org', false), null, 'the domain is part of the key');
  } finally {
    await store.close();
  }
});

test('a password changed in the table applies at the next lookup through the store, from the next turn by another process', async () => {
  const file = join(dir, 'b.sqlite');
  const store = await openStore(`sqlite:${file}`);
  try {
    await store.addSubscriber('bob', 'example.com', 'first');
    const lookup = storeSecrets(store);
    assert.deepEqual(lookup('bob', 'example.com', false), { kind: 'password', password: 'first' });
    await store.setPassword('bob', 'example.com', 'second');
    assert.deepEqual(lookup('bob', 'example.com', false), { kind: 'password', password: 'second' });
    const other = new Database(file); // what `ksr-host user passwd` in another process does
    other.prepare("UPDATE subscriber SET password = 'third' WHERE username = 'bob'").run();
    assert.deepEqual(lookup('bob', 'example.com', false), { kind: 'password', password: 'second' }, 'this turn reads its snapshot');
    await nextTurn();
    assert.deepEqual(lookup('bob', 'example.com', false), { kind: 'password', password: 'third' });
    other.prepare("UPDATE subscriber SET password = '', ha1 = 'cccc' WHERE username = 'bob'").run();
    await nextTurn();
    assert.deepEqual(lookup('bob', 'example.com', false), { kind: 'ha1', ha1: 'cccc', alg: 'MD5' });
    other.prepare("DELETE FROM subscriber WHERE username = 'bob'").run();
    other.close();
    await nextTurn();
    assert.equal(lookup('bob', 'example.com', false), null);
  } finally {
    await store.close();
  }
});

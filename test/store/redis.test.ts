// The Redis driver through the bridge: the contract, and the key layout the driver documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { openStore } from '../../host/store/open-store.js';
import { contractSuite, record } from './contract-suite.js';
import { redisUrl, stopSharedServices } from '../support/services.js';

test.after(() => stopSharedServices());

// database 1 of the test Redis is this file's; each test starts from it emptied
contractSuite(async () => openStore(await redisUrl(1)));

const cli = (url: string, ...args: string[]) => spawnSync('redis-cli', ['-u', url, ...args], { encoding: 'utf8' }).stdout.trim();

test('key layout: a hash per record, a set per AoR, a sorted set by expiry, subscriber hashes', async () => {
  const url = await redisUrl(1);
  const s = await openStore(url);
  try {
    s.putLocation(record({ ruid: 'r1', domain: 'example.com', expires: 2_000_000_000 }));
    await s.addSubscriber('alice', 'example.com', 'secret');
    assert.equal(cli(url, 'hget', 'ksr:loc:r1', 'contact'), record().contact);
    assert.equal(cli(url, 'hexists', 'ksr:loc:r1', 'received'), '0', 'NULL columns are absent fields');
    assert.equal(cli(url, 'smembers', 'ksr:aor:alice@example.com'), 'r1');
    assert.equal(cli(url, 'zscore', 'ksr:exp', 'r1'), '2000000000');
    assert.equal(cli(url, 'hget', 'ksr:sub:alice@example.com', 'ha1'), 'b1726872c344b6dc8365b774f8fd6412');
    s.deleteLocation('r1');
    assert.equal(cli(url, 'exists', 'ksr:loc:r1', 'ksr:aor:alice@example.com'), '0');
    assert.equal(cli(url, 'zcard', 'ksr:exp'), '0');
  } finally {
    await s.close();
  }
});

test('an AoR set naming a record that is gone is cleaned on lookup', async () => {
  const url = await redisUrl(1);
  const s = await openStore(url);
  try {
    s.putLocation(record({ ruid: 'r1' }));
    s.putLocation(record({ ruid: 'r2' }));
    cli(url, 'del', 'ksr:loc:r2');
    assert.deepEqual(s.locations({ username: 'alice', domain: '' }).map((r) => r.ruid), ['r1']);
    assert.equal(cli(url, 'smembers', 'ksr:aor:alice@'), 'r1');
  } finally {
    await s.close();
  }
});

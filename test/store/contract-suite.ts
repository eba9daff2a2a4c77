// The storage contract (host/store/store.ts), one suite run against every driver.
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoreUnavailable, type LocationRecord, type Store } from '../../host/store/store.js';

const NOW = Math.floor(Date.now() / 1000);

export function record(over: Partial<LocationRecord> = {}): LocationRecord {
  return {
    ruid: 'ulcx-1', username: 'alice', domain: '', contact: 'sip:alice@192.0.2.10:5062;transport=udp', received: '', path: '',
    expires: NOW + 3600, q: -1, callid: 'call-1@192.0.2.10', cseq: 7, lastModified: NOW, flags: 0, cflags: 0, userAgent: 'sipp',
    socket: 'udp:127.0.0.1:5060', methods: -1, instance: '', regId: 0, serverId: 0, connectionId: -1, keepalive: 0, partition: 0,
    ...over,
  };
}

const byRuid = (a: LocationRecord, b: LocationRecord) => a.ruid.localeCompare(b.ruid);

/** Registers the contract tests; `open` gives a store on an empty database each time. */
export function contractSuite(open: () => Promise<Store>): void {
  test('subscribers: add, read with Kamailio ha1/ha1b, duplicate refused, passwd, rm, list', async () => {
    const s = await open();
    try {
      assert.equal(s.subscriber('alice', 'example.com'), null);
      await s.addSubscriber('alice', 'example.com', 'secret');
      // ha1 = MD5(alice:example.com:secret), ha1b = MD5(alice@example.com:example.com:secret)
      assert.deepEqual(s.subscriber('alice', 'example.com'), {
        username: 'alice', domain: 'example.com', password: 'secret',
        ha1: 'b1726872c344b6dc8365b774f8fd6412',
        ha1b: 'c79656e4f06dbae9fdf6727654273c65',
      });
      await assert.rejects(s.addSubscriber('alice', 'example.com', 'other'), /already exists/);
      assert.equal(s.subscriber('alice', 'example.org'), null, 'the domain is part of the key');
      assert.equal(await s.setPassword('alice', 'example.com', 'new'), true);
      assert.equal(s.subscriber('alice', 'example.com')!.ha1, md5('alice:example.com:new'));
      assert.equal(await s.setPassword('nobody', 'example.com', 'x'), false);
      await s.addSubscriber('bob', 'example.com', 'b');
      await s.addSubscriber('carol', 'a.example', 'c');
      assert.deepEqual(await s.listSubscribers(), [
        { username: 'carol', domain: 'a.example' },
        { username: 'alice', domain: 'example.com' },
        { username: 'bob', domain: 'example.com' },
      ]);
      assert.equal(await s.removeSubscriber('bob', 'example.com'), true);
      assert.equal(await s.removeSubscriber('bob', 'example.com'), false);
      assert.equal(s.subscriber('bob', 'example.com'), null);
      await assert.rejects(s.addSubscriber('bad user', 'example.com', 'x'), /user name/);
    } finally {
      await s.close();
    }
  });

  test('subscribers: import adds many and replaces the password of existing ones', async () => {
    const s = await open();
    try {
      await s.addSubscriber('u0', 'example.com', 'old');
      const rows = Array.from({ length: 300 }, (_, i) => ({ username: `u${i}`, domain: 'example.com', password: `p${i}` }));
      assert.equal(await s.importSubscribers(rows), 300);
      assert.equal((await s.listSubscribers()).length, 300);
      assert.equal(s.subscriber('u0', 'example.com')!.password, 'p0');
      assert.equal(s.subscriber('u299', 'example.com')!.ha1b, md5('u299@example.com:example.com:p299'));
    } finally {
      await s.close();
    }
  });

  test('locations: a record comes back as it was put, every field', async () => {
    const s = await open();
    try {
      const full = record({
        ruid: 'ulcx-full', domain: 'example.com', received: 'sip:198.51.100.7:40000;transport=udp', path: '<sip:edge.example.com;lr>',
        q: 0.5, flags: 2, cflags: 64, methods: 8191, instance: '<urn:uuid:00000000-0000-1000-8000-000A95A0E128>', regId: 1,
        serverId: 3, connectionId: 12, keepalive: 1, partition: 0, userAgent: 'UA "quoted", with comma',
      });
      const plain = record();
      s.putLocation(full);
      s.putLocation(plain);
      assert.deepEqual(s.locations({ username: 'alice', domain: 'example.com' }), [full]);
      assert.deepEqual(s.locations({ username: 'alice', domain: '' }), [plain]);
      assert.deepEqual(s.locations({ username: 'bob', domain: '' }), []);
    } finally {
      await s.close();
    }
  });

  test('locations: put replaces the record with the same ruid; several contacts per AoR', async () => {
    const s = await open();
    try {
      s.putLocation(record({ ruid: 'a' }));
      s.putLocation(record({ ruid: 'b', contact: 'sip:alice@192.0.2.11' }));
      s.putLocation(record({ ruid: 'a', cseq: 8, expires: NOW + 60, path: '<sip:p.example;lr>' }));
      const got = s.locations({ username: 'alice', domain: '' }).sort(byRuid);
      assert.equal(got.length, 2);
      assert.deepEqual(got[0], record({ ruid: 'a', cseq: 8, expires: NOW + 60, path: '<sip:p.example;lr>' }));
      // a field that becomes empty again is empty, not left over
      s.putLocation(record({ ruid: 'a', cseq: 9 }));
      assert.equal(s.locations({ username: 'alice', domain: '' }).find((r) => r.ruid === 'a')!.path, '');
    } finally {
      await s.close();
    }
  });

  test('locations: deleteLocation and deleteAor', async () => {
    const s = await open();
    try {
      for (const ruid of ['a', 'b', 'c']) s.putLocation(record({ ruid }));
      s.putLocation(record({ ruid: 'd', username: 'bob' }));
      s.deleteLocation('b');
      s.deleteLocation('no-such-ruid');
      assert.deepEqual(s.locations({ username: 'alice', domain: '' }).map((r) => r.ruid).sort(), ['a', 'c']);
      assert.equal(s.deleteAor({ username: 'alice', domain: '' }), 2);
      assert.equal(s.deleteAor({ username: 'alice', domain: '' }), 0);
      assert.deepEqual(s.locations({ username: 'alice', domain: '' }), []);
      assert.deepEqual(s.locations({ username: 'bob', domain: '' }).map((r) => r.ruid), ['d']);
    } finally {
      await s.close();
    }
  });

  test('locations: takeExpired removes and returns what expired, keeps the rest and permanent ones', async () => {
    const s = await open();
    try {
      s.putLocation(record({ ruid: 'past', expires: NOW - 10 }));
      s.putLocation(record({ ruid: 'now', expires: NOW, username: 'bob' }));
      s.putLocation(record({ ruid: 'later', expires: NOW + 10 }));
      s.putLocation(record({ ruid: 'forever', expires: 0 }));
      const taken = s.takeExpired(NOW).sort(byRuid);
      assert.deepEqual(taken.map((r) => r.ruid), ['now', 'past']);
      assert.deepEqual(taken[1], record({ ruid: 'past', expires: NOW - 10 }));
      assert.deepEqual(s.takeExpired(NOW), []);
      assert.deepEqual(s.locations({ username: 'alice', domain: '' }).map((r) => r.ruid).sort(), ['forever', 'later']);
      assert.deepEqual(s.locations({ username: 'bob', domain: '' }), []);
      // a refreshed record leaves the expiry index at its old time
      s.putLocation(record({ ruid: 'later', expires: NOW + 1000 }));
      assert.deepEqual(s.takeExpired(NOW + 500), []);
      assert.deepEqual(s.takeExpired(NOW + 1000).map((r) => r.ruid), ['later']);
    } finally {
      await s.close();
    }
  });

  test('locations: allLocations gives every record, at most limit', async () => {
    const s = await open();
    try {
      for (let i = 0; i < 25; i++) s.putLocation(record({ ruid: `r${i}`, username: `user${i % 5}` }));
      const all = s.allLocations();
      assert.equal(all.length, 25);
      assert.deepEqual(new Set(all.map((r) => r.ruid)).size, 25);
      assert.equal(s.allLocations(10).length, 10);
      s.ping();
    } finally {
      await s.close();
    }
  });

  test('a closed store refuses calls', async () => {
    const s = await open();
    await s.close();
    assert.throws(() => s.locations({ username: 'alice', domain: '' }), (e: unknown) => e instanceof StoreUnavailable && /: locations: the store is closed$|locations failed: .*(closed|not open)/i.test(e.message));
  });
}

function md5(s: string): string {
  return createHash('md5').update(s).digest('hex');
}

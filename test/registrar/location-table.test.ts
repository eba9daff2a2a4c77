// The one-thread location table's expiry scan (host/registrar/location-table.ts takeExpired):
// it is skipped until the earliest expiry it knows of, so a binding put after a scan, or one
// refreshed, must still be taken exactly when it expires.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MapLocationTable } from '../../host/registrar/location-table.js';
import type { LocationRecord } from '../../host/store/store.js';

function binding(ruid: string, username: string, expires: number): LocationRecord {
  return {
    ruid, username, domain: '', contact: `sip:${username}@192.0.2.1`, received: '', path: '', expires, q: -1, callid: ruid, cseq: 1,
    lastModified: 0, flags: 0, cflags: 0, userAgent: '', socket: '', methods: -1, instance: '', regId: 0, serverId: 0, connectionId: -1, keepalive: 0, partition: 0,
  };
}

const taken = (t: MapLocationTable, nowS: number) => t.takeExpired(nowS).map((e) => `${e.table}:${e.rec.ruid}`).sort();

test('a binding put after a scan and expiring before every kept one is taken at its time', () => {
  const t = new MapLocationTable();
  t.put('location', 'alice', binding('a1', 'alice', 1000));
  t.put('location', 'alice', binding('a2', 'alice', 5000));
  t.put('location', 'bob', binding('b1', 'bob', 3000));
  assert.deepEqual(taken(t, 999), []);
  assert.deepEqual(taken(t, 1000), ['location:a1']);
  // the scan kept 3000 as the earliest; a later put expiring at 2000 must lower it
  t.put('other', 'carol', binding('c1', 'carol', 2000));
  assert.deepEqual(taken(t, 1999), []);
  assert.deepEqual(taken(t, 2000), ['other:c1']);
  assert.deepEqual(t.list('other', 'carol'), [], 'an AoR left without bindings is gone');
  assert.deepEqual(taken(t, 3000), ['location:b1']);
  assert.deepEqual(t.list('location', 'alice').map((r) => r.ruid), ['a2']);
});

test('a refreshed binding is not taken at its old expiry; a removed one never', () => {
  const t = new MapLocationTable();
  t.put('location', 'alice', binding('a1', 'alice', 1000));
  t.put('location', 'bob', binding('b1', 'bob', 1000));
  assert.deepEqual(taken(t, 500), []);
  t.put('location', 'alice', binding('a1', 'alice', 4000)); // re-registered
  t.remove('location', 'bob', 'b1');
  assert.deepEqual(taken(t, 1000), []);
  assert.deepEqual(taken(t, 4000), ['location:a1']);
});

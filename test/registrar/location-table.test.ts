// The one-thread location table's expiry scan (host/registrar/location-table.ts takeExpired):
// it is skipped until the earliest expiry it knows of, so a binding put after a scan, refreshed
// to a later or an earlier time, or removed, must still be taken exactly when it expires, and
// never twice; checked against a plain model under random operations too.
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

test('a binding refreshed to an earlier expiry is taken at the earlier one', () => {
  const t = new MapLocationTable();
  t.put('location', 'alice', binding('a1', 'alice', 5000));
  t.put('location', 'bob', binding('b1', 'bob', 3000));
  t.put('location', 'alice', binding('a1', 'alice', 2000));
  assert.deepEqual(taken(t, 1999), []);
  assert.deepEqual(taken(t, 2000), ['location:a1']);
  assert.deepEqual(taken(t, 4999), ['location:b1']);
});

test('under random puts, removals and expiry runs, what is taken and kept is what a plain scan gives', () => {
  let seed = 12345;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const t = new MapLocationTable();
  // the model: table -> aor -> ruid -> expires
  const model = new Map<string, Map<string, Map<string, number>>>();
  const at = (table: string, aor: string) => {
    let m = model.get(table);
    if (!m) model.set(table, (m = new Map()));
    let a = m.get(aor);
    if (!a) m.set(aor, (a = new Map()));
    return a;
  };
  let now = 0;
  for (let step = 0; step < 20_000; step++) {
    const table = rand(3) === 0 ? 'other' : 'location';
    const aor = `u${rand(200)}`;
    const ruid = `${aor}-${rand(3)}`;
    const op = rand(20);
    if (op < 14) {
      const expires = now + 1 + rand(300);
      t.put(table, aor, binding(ruid, aor, expires));
      at(table, aor).set(ruid, expires);
    } else if (op < 16) {
      t.remove(table, aor, ruid);
      at(table, aor).delete(ruid);
    } else if (op < 17) {
      t.removeAor(table, aor);
      model.get(table)?.delete(aor);
    } else {
      now += rand(40);
      const want: string[] = [];
      for (const [tb, aors] of model) for (const [, recs] of aors) for (const [r, e] of recs) if (e <= now) (want.push(`${tb}:${r}`), recs.delete(r));
      assert.deepEqual(taken(t, now), want.sort(), `step ${step}, now ${now}`);
    }
  }
  for (const [tb, aors] of model) {
    for (const [aor, recs] of aors) assert.deepEqual(t.list(tb, aor).map((r) => r.ruid).sort(), [...recs.keys()].sort(), `${tb} ${aor}`);
  }
});

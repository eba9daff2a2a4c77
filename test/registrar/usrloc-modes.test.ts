// usrloc's three modes against a real SQLite store (sqlite::memory:), the expiry and its
// `usrloc:contact-expired` event, and a store that is gone (500, nothing changes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../host/store/open-store.js';
import { StoreUnavailable, type SyncStore } from '../../host/store/store.js';
import { Usrloc } from '../../host/registrar/usrloc.js';
import { expireNow, startExpiry, CONTACT_EXPIRED } from '../../host/registrar/expired-event.js';
import { readPv } from '../../host/core/pv.js';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { FakeClock, invite, register, registrar } from './support.js';
import { sharedState } from '../support/shared-variant.js';

const ALICE = { username: 'alice', domain: '' };

test('memory mode without a store; the store modes refuse to start without one', () => {
  assert.doesNotThrow(() => new Usrloc());
  assert.throws(() => new Usrloc({ usrloc: { mode: 'db-only' } }), /db_mode 'db-only' needs a store/);
});

test('write-through: every change reaches the store; memory is loaded from it at start', async () => {
  const store = await openStore('sqlite::memory:');
  try {
    const r = registrar({ store, usrloc: { mode: 'write-through' } });
    r.on(register({ contacts: ['<sip:alice@h1>', '<sip:alice@h2>'] })).ksr('registrar.save', 'location', 0);
    assert.deepEqual(store.locations(ALICE).map((x) => x.contact).sort(), ['sip:alice@h1', 'sip:alice@h2']);
    r.on(register({ cseq: 2, contacts: ['<sip:alice@h1>;expires=0'] })).ksr('registrar.save', 'location', 0);
    assert.deepEqual(store.locations(ALICE).map((x) => x.contact), ['sip:alice@h2']);
    // flag 0x01: memory only
    r.on(register({ user: 'bob' })).ksr('registrar.save', 'location', 0x01);
    assert.equal(store.locations({ username: 'bob', domain: '' }).length, 0);
    assert.equal(r.ul.contacts('location', { username: 'bob', domain: '' }).length, 1);
    // a restart: a new Usrloc over the same store sees alice
    const again = new Usrloc({ store, usrloc: { mode: 'write-through' }, now: r.clock.now, shared: sharedState() });
    assert.equal(again.load(), 1);
    assert.equal(again.load(), 0, 'loaded once (with shared state: by the first worker that asks)');
    assert.deepEqual(again.contacts('location', ALICE).map((x) => x.contact), ['sip:alice@h2']);
    // memory is authoritative: a row written behind its back is not seen until the next load
    store.putLocation({ ...store.locations(ALICE)[0]!, ruid: 'behind', contact: 'sip:alice@h9' });
    assert.equal(again.contacts('location', ALICE).length, 1);
  } finally {
    await store.close();
  }
});

test('db-only: every read goes to the store, so two nodes on one database see each other', async () => {
  const store = await openStore('sqlite::memory:');
  try {
    const nodeA = registrar({ store, usrloc: { mode: 'db-only' }, serverId: 1 });
    const nodeB = registrar({ store, usrloc: { mode: 'db-only' }, serverId: 2 });
    nodeB.clock.ms = nodeA.clock.ms;
    nodeA.on(register()).ksr('registrar.save', 'location', 0);
    const call = nodeB.on(invite());
    assert.equal(call.ksr('registrar.lookup', 'location'), 1);
    assert.equal(call.ctx.ruri, 'sip:alice@192.0.2.10:5062');
    assert.equal(store.locations(ALICE)[0]!.serverId, 1);
    nodeB.on(register({ cseq: 2, contacts: ['*'], expires: 0 })).ksr('registrar.save', 'location', 0);
    assert.equal(nodeA.on(invite()).ksr('registrar.lookup', 'location'), -1);
  } finally {
    await store.close();
  }
});

test('expiry: bindings past their time are removed and the callback runs once each with the event name and $ulc(exp=>...)', async () => {
  for (const mode of ['memory', 'write-through', 'db-only'] as const) {
    const store = mode === 'memory' ? null : await openStore('sqlite::memory:');
    try {
      const r = registrar({ store, usrloc: { mode, eventCallback: 'ksr_usrloc_event' } });
      const seen: Array<{ arg?: string; addr: unknown; aor: unknown; routeType: string }> = [];
      r.core.routes.set('ksr_usrloc_event', (ctx, arg) => {
        seen.push({ arg, addr: readPv(ctx, '$ulc(exp=>addr)').ok && readPv(ctx, '$ulc(exp=>addr)'), aor: readPv(ctx, '$ulc(exp=>aor)'), routeType: ctx.routeType });
      });
      r.on(register({ contacts: ['<sip:alice@short>;expires=60', '<sip:alice@long>;expires=600'] })).ksr('registrar.save', 'location', 0);
      assert.equal(expireNow(r.core, r.ul), 0, `${mode}: nothing yet`);
      r.clock.advance(60);
      assert.equal(expireNow(r.core, r.ul), 1, `${mode}: one expired`);
      assert.equal(expireNow(r.core, r.ul), 0, `${mode}: and only once`);
      assert.deepEqual(seen, [{ arg: CONTACT_EXPIRED, addr: { ok: true, value: 'sip:alice@short' }, aor: { ok: true, value: 'alice' }, routeType: 'event' }], mode);
      assert.deepEqual(r.ul.contacts('location', ALICE).map((b) => b.contact), ['sip:alice@long']);
      if (store) assert.deepEqual(store.allLocations().map((b) => b.contact), ['sip:alice@long'], `${mode}: gone from the store too`);
    } finally {
      await store?.close();
    }
  }
});

test('expiry without a callback configured just removes', () => {
  const r = registrar();
  r.on(register({ contacts: ['<sip:alice@h>;expires=60'] })).ksr('registrar.save', 'location', 0);
  r.clock.advance(61);
  assert.equal(expireNow(r.core, r.ul), 1);
  assert.equal(r.core.logs.filter((l) => l.level === 'error').length, 0);
});

test('the expiry timer runs on its interval, is unref\'d, and stops', async () => {
  const clock = new FakeClock(Date.now());
  const ul = new Usrloc({ now: clock.now, usrloc: { timerIntervalS: 0.02, eventCallback: 'cb' }, shared: sharedState() });
  const core = new RecordingCore(undefined, undefined, { usrloc: ul });
  ksrOn(makeContext(register({ contacts: ['<sip:alice@h>;expires=60'] }), { core }))('registrar.save', 'location', 0);
  clock.advance(61);
  // the timer is unref'd: this test keeps the loop alive itself, and gives up after 10 s
  let guard: NodeJS.Timeout | undefined;
  const expired = new Promise<string | undefined>((resolve, reject) => {
    core.routes.set('cb', (_ctx, arg) => resolve(arg));
    guard = setTimeout(() => reject(new Error('the expiry timer never ran')), 10_000);
  });
  startExpiry(core, ul);
  assert.equal(ul.running, true);
  try {
    assert.equal(await expired, CONTACT_EXPIRED);
  } finally {
    clearTimeout(guard);
    ul.stop();
  }
  assert.equal(ul.running, false);
  assert.equal(ul.contacts('location', ALICE).length, 0);
});

/** A store whose database is gone: every call throws StoreUnavailable. */
function goneStore(): SyncStore {
  const gone = (): never => {
    throw new StoreUnavailable('sqlite', 'database is gone');
  };
  return {
    kind: 'sqlite', description: 'gone', subscriber: gone, locations: gone, putLocation: gone, deleteLocation: gone,
    deleteAor: gone, takeExpired: gone, allLocations: gone, tableRows: gone, insertRow: gone, deleteRows: gone, ping: gone, close: async () => {},
    kvGet: gone, kvSet: gone, kvAdd: gone, kvDelete: gone, kvScan: gone, kvCount: gone, kvClear: gone, kvPurge: gone,
  };
}

test('a store that is gone: save answers 500 and returns -1, lookup returns -3, the timer logs', () => {
  for (const mode of ['write-through', 'db-only'] as const) {
    const r = registrar({ store: goneStore(), usrloc: { mode } });
    assert.equal(r.on(register()).ksr('registrar.save', 'location', 0), -1, mode);
    assert.equal(r.lastReply().status, 500, mode);
    if (mode === 'db-only') assert.equal(r.on(invite()).ksr('registrar.lookup', 'location'), -3);
    else assert.equal(r.on(invite()).ksr('registrar.lookup', 'location'), -1, 'write-through: memory unchanged by the failed save');
    assert.equal(expireNow(r.core, r.ul), 0);
    assert.ok(r.core.logs.some((l) => l.level === 'error' && /database is gone/.test(l.text)), mode);
  }
});


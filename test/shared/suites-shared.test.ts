// The behaviour suites of usrloc (save, lookup, modes, expiry) and of nonce counts (the table's
// verdicts, and digest authentication end to end) run again here with their tables in the
// workers' shared state: the same assertions hold for the Map and for the shared tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSharedState } from '../support/shared-variant.js';
import { registrar, register } from '../registrar/support.js';
import { createSharedState, removeSharedState, SharedState } from '../../host/shared/shared-state.js';
import { MIN_SHARED_MAP_BYTES } from '../../host/shared/shared-string-map.js';
import { Usrloc } from '../../host/registrar/usrloc.js';
import { binding } from './bindings.js';

useSharedState();
await import('../registrar/save.test.js');
await import('../registrar/lookup.test.js');
await import('../registrar/usrloc-modes.test.js');
await import('../auth/nonce.test.js');
await import('../auth/digest-auth.test.js');

test('the suites above ran on the shared tables (a ruid names its worker)', () => {
  const r = registrar();
  r.on(register()).ksr('registrar.save', 'location', 0);
  assert.match(r.ul.contacts('location', { username: 'alice', domain: '' })[0]!.ruid, /-w0$/);
  assert.equal(r.core.auth.counts.constructor.name, 'NonceCounts', 'a RecordingCore without shared state keeps the Map');
});

test('a full shared location table: the REGISTER gets 500 and the log names the setting; bindings already saved stay', () => {
  const h = createSharedState({ locationBytes: MIN_SHARED_MAP_BYTES });
  const shared = SharedState.open(h, { owner: 0 });
  try {
    const r = registrar({ shared });
    let saved = 0;
    for (; saved < 1000; saved++) {
      r.on(register({ user: `u${saved}` })).ksr('registrar.save', 'location', 0);
      if (r.lastReply().status !== 200) break;
    }
    assert.ok(saved > 10 && saved < 1000, `${saved} AoRs fitted in ${MIN_SHARED_MAP_BYTES} bytes`);
    const reply = r.lastReply();
    assert.equal(`${reply.status} ${reply.reason}`, '500 Server Internal Error');
    assert.equal(reply.header('P-Registrar-Error')?.value, 'No memory left for the location table');
    const log = r.core.logs.find((l) => l.level === 'error')?.text ?? '';
    assert.match(log, /shared location table is full \(\d+ of \d+ bytes in use, a \d+-byte AoR entry to write\): raise usrloc\.shared_memory_mb/);
    assert.equal(r.ul.contacts('location', { username: `u${saved}`, domain: '' }).length, 0, 'the refused binding is not there');
    assert.equal(r.ul.contacts('location', { username: 'u0', domain: '' }).length, 1, 'the first one still is');
  } finally {
    shared.close();
    removeSharedState(h);
  }
});

test('expiry in a full shared table: an AoR whose rest cannot be rewritten keeps its bindings, and none is reported taken until it is', () => {
  const h = createSharedState({ locationBytes: MIN_SHARED_MAP_BYTES });
  const shared = SharedState.open(h, { owner: 0 });
  try {
    let now = 1_700_000_000_000;
    const ul = new Usrloc({ shared, now: () => now });
    const nowS = () => Math.floor(now / 1000);
    // one AoR with a short and a long binding (a block of the larger size), then the table filled with one-binding AoRs
    ul.put('location', binding('x', 'sip:x@192.0.2.1', { ruid: 'short', expires: nowS() + 10 }));
    ul.put('location', binding('x', 'sip:x@192.0.2.2', { ruid: 'long', expires: nowS() + 3600 }));
    let filled = 0;
    for (; filled < 10_000; filled++) {
      try {
        ul.put('location', binding(`f${filled}`, 'sip:f@192.0.2.9', { ruid: `f${filled}`, expires: nowS() + 3600 }));
      } catch {
        break;
      }
    }
    assert.ok(filled > 10 && filled < 10_000, `${filled} AoRs filled the table`);
    now += 20_000;
    // x's remaining binding needs a block of the smaller size, and none is left
    assert.throws(() => ul.takeExpired(), /shared location table is full/);
    ul.removeAor('location', { username: 'f0', domain: '' });
    assert.deepEqual(ul.takeExpired().map((e) => e.rec.ruid), ['short'], 'taken once, when it could be');
    assert.deepEqual(ul.contacts('location', { username: 'x', domain: '' }).map((r) => r.ruid), ['long']);
  } finally {
    shared.close();
    removeSharedState(h);
  }
});

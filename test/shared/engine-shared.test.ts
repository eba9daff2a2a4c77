// Two engines on one shared state (as two workers' are): EngineOptions.shared gives DigestAuth
// the shared nonce-count table and Usrloc the shared location table, so a count one engine
// accepted is a replay in the other and a binding one saved the other finds; without it the Maps stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { DEFAULT_SETTINGS } from '../../host/config/settings.js';
import { Engine } from '../../host/engine/engine.js';
import { Usrloc } from '../../host/registrar/usrloc.js';
import { NonceCounts } from '../../host/auth/nonce-counts.js';
import { SharedNonceCounts } from '../../host/auth/shared-nonce-counts.js';
import { createSharedState, removeSharedState, SharedState } from '../../host/shared/shared-state.js';
import { createRegistry } from '../../bindings/modules/index.js';
import { binding } from './bindings.js';

const settings = { ...DEFAULT_SETTINGS, auth: { ...DEFAULT_SETTINGS.auth, secret: 'a-long-enough-secret' } };

function engine(shared: SharedState | null): Engine {
  return new Engine(settings, pino({ level: 'silent' }), { store: null, usrloc: new Usrloc({ shared }), pvs: createRegistry().pvs, shared });
}

test('EngineOptions.shared: both engines see one nonce-count table and one location table; none: each its own Map', () => {
  const h = createSharedState();
  const [s1, s2] = [SharedState.open(h, { owner: 1 }), SharedState.open(h, { owner: 2 })];
  try {
    const [a, b] = [engine(s1), engine(s2)];
    assert.ok(a.auth.counts instanceof SharedNonceCounts);
    assert.equal(a.auth.counts.limit, settings.auth.ncTableSize);
    assert.equal(a.auth.counts.use('n', 100, 1, 100, 'z9hG4bK-a'), 'ok');
    assert.equal(b.auth.counts.use('n', 100, 1, 100, 'z9hG4bK-b'), 'reused');
    a.usrloc.put('location', binding('alice', 'sip:alice@a', { ruid: a.usrloc.newRuid(), expires: a.usrloc.nowS() + 60 }));
    assert.deepEqual(b.usrloc.contacts('location', { username: 'alice', domain: '' }).map((r) => r.contact), ['sip:alice@a']);
    assert.match(a.usrloc.newRuid(), /-w1$/);
    assert.match(b.usrloc.newRuid(), /-w2$/);
    const alone = engine(null);
    assert.ok(alone.auth.counts instanceof NonceCounts);
    assert.equal(alone.auth.counts.use('n', 100, 1, 100, 'z9hG4bK-c'), 'ok', 'its own table');
  } finally {
    s1.close();
    s2.close();
    removeSharedState(h);
  }
});

// The behaviour suites of usrloc (save, lookup, modes, expiry) and of nonce counts (the table's
// verdicts, and digest authentication end to end) run again here with their tables in the
// workers' shared state: the same assertions hold for the Map and for the shared tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSharedState } from '../support/shared-variant.js';
import { registrar, register } from '../registrar/support.js';

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

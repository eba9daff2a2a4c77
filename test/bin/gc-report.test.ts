// core.gc's report (bin/server.ts gcReport): after a full collection, where the thread's memory
// is, so that RSS growing with a flat heap can be told apart (old space keeping freed pages).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gcReport } from '../../bin/server.js';

test('core.gc reports the heap after a full collection and each heap space mapped and used', () => {
  let garbage: unknown[] | null = Array.from({ length: 50_000 }, (_, i) => ({ i, s: `x${i}` }));
  assert.equal((garbage as unknown[]).length, 50_000);
  garbage = null;
  const r = gcReport();
  assert.ok(r.heapUsedAfter < r.heapUsedBefore, `the collection freed the garbage: ${r.heapUsedBefore} → ${r.heapUsedAfter}`);
  assert.ok(r.heapUsedAfter <= r.heapTotalAfter);
  const old = r.spaces.old_space;
  assert.ok(old, `an old space among ${Object.keys(r.spaces).join(', ')}`);
  assert.ok(old.usedBytes > 0 && old.physicalBytes >= old.usedBytes, `old space mapped ${old.physicalBytes} ≥ used ${old.usedBytes}`);
  assert.ok(r.externalAfter >= r.arrayBuffersAfter);
});

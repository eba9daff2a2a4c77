import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setTimeout as sleep } from 'node:timers/promises';
import { GcStats } from '../../host/core/gc-stats.js';

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

test('GcStats counts the collections it observed, their time, and that time per 10 000 messages', async () => {
  const stats = new GcStats();
  assert.deepEqual(stats.snapshot(0), {
    count: 0, totalMs: 0, msPer10kMessages: null, minor: { count: 0, ms: 0 }, major: { count: 0, ms: 0 }, other: { count: 0, ms: 0 }, longestMs: 0,
  });
  stats.start();
  gc();
  gc();
  for (let i = 0; i < 200 && stats.snapshot(1).count < 2; i++) await sleep(10); // entries arrive asynchronously
  const s = stats.snapshot(20_000);
  stats.stop();
  assert.ok(s.major.count >= 2, `two forced full collections seen as major: ${JSON.stringify(s)}`);
  assert.equal(s.count, s.minor.count + s.major.count + s.other.count);
  assert.ok(s.totalMs > 0 && s.longestMs > 0 && s.longestMs <= s.totalMs);
  // from the unrounded total, so within a rounding step of the rounded one's
  assert.ok(Math.abs(s.msPer10kMessages! - (s.totalMs * 10_000) / 20_000) <= 0.002, `msPer10kMessages ${s.msPer10kMessages} for totalMs ${s.totalMs} over 20 000`);
  gc();
  await sleep(50);
  assert.equal(stats.snapshot(1).count, s.count, 'nothing counted after stop()');
});

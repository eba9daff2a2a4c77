// A message budget's start reading (runtimes/cpu-time.ts processCpuUsAtLeast): a getrusage
// reading reused for a few ms, never less than the process's CPU time, at most the allowed
// error more; past its window a fresh reading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { processCpuUs, processCpuUsAtLeast } from '../../runtimes/cpu-time.js';

/** How far getrusage may lag for threads running on another core (accounted at their ticks). */
const KERNEL_LAG_US = 500;

function spinMs(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

test('the reading is never less than the CPU time, and at most the allowed error more', () => {
  const maxErrorMs = 5;
  for (let i = 0; i < 2000; i++) {
    const before = processCpuUs();
    const reading = processCpuUsAtLeast(maxErrorMs);
    const after = processCpuUs();
    // what the process had used when the reading was taken lies between before and after; the
    // kernel adds another thread's running time at its ticks, so a reading may lag a little
    assert.ok(reading >= before - KERNEL_LAG_US, `reading ${reading} µs < ${before} µs used before it`);
    assert.ok(reading <= after + maxErrorMs * 1000, `reading ${reading} µs is more than ${maxErrorMs} ms past ${after} µs`);
    if (i % 100 === 0) spinMs(0.5);
  }
});

test('a reading older than its window is taken again', () => {
  const maxErrorMs = 0.5 * availableParallelism();
  processCpuUsAtLeast(maxErrorMs);
  spinMs(3);
  const before = processCpuUs();
  const reading = processCpuUsAtLeast(maxErrorMs);
  assert.ok(reading >= before - KERNEL_LAG_US && reading <= processCpuUs() + KERNEL_LAG_US, 'a fresh reading');
});

test('a zero error allowance reads every time', () => {
  for (let i = 0; i < 50; i++) {
    const before = processCpuUs();
    const reading = processCpuUsAtLeast(0);
    assert.ok(reading >= before - KERNEL_LAG_US && reading <= processCpuUs() + KERNEL_LAG_US);
  }
});

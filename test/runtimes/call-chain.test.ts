// A callback's timeout (runtimes/call-chain.ts): never shorter than what is left of the
// message's budget, and ending on the grid of 10 % of cpu_ms, so that isolated-vm's timer
// thread clears the timers of many callbacks in one wake-up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry } from '../../bindings/modules/index.js';
import { Dispatcher } from '../../bindings/registry.js';
import { CallChain } from '../../runtimes/call-chain.js';
import { noteBlockedWait } from '../../host/core/blocked-wait.js';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { register } from '../auth/requests.js';

const CPU_MS = 100;
const GRID_MS = 10;

function spinMs(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

test('a callback timeout covers the budget left and ends on a 10 % grid (isolated-vm counts whole ms)', () => {
  const dispatcher = new Dispatcher(createRegistry());
  const chain = new CallChain(dispatcher, CPU_MS, () => {});
  const core = new RecordingCore();
  const ends: number[] = [];
  const start = performance.now();
  for (let i = 0; i < 40; i++) {
    const ctx = makeContext(register(null, 'u0'), { core });
    const before = performance.now();
    const call = chain.enter(ctx);
    const after = performance.now();
    const left = chain.remainingMs();
    chain.leave(call, { outcome: 'ok' });
    assert.ok(call.timeoutMs >= left, `timeout ${call.timeoutMs} ms is shorter than the ${left} ms left`);
    assert.ok(call.timeoutMs <= left + GRID_MS + 1, `timeout ${call.timeoutMs} ms is more than a grid step past the ${left} ms left`);
    // enter() read the clock at some `now` between before and after and gave whole ms, so
    // now + timeout is in [P, P + 1) for a grid point P: P is in (before + timeout - 1, after + timeout]
    const point = Math.floor((after + call.timeoutMs) / GRID_MS) * GRID_MS;
    assert.ok(point > before + call.timeoutMs - 1, `no grid point within 1 ms before the timeout's end (${(before + call.timeoutMs - point).toFixed(2)} ms past the last)`);
    ends.push(point);
    spinMs(0.3);
  }
  // 40 callbacks 0.3 ms apart share the grid points of the time they took (12 ms on an idle machine)
  const spanMs = performance.now() - start;
  const most = Math.floor(spanMs / GRID_MS) + 2;
  assert.ok(new Set(ends).size <= most, `40 timeouts over ${spanMs.toFixed(1)} ms end on ${new Set(ends).size} grid points, more than ${most}`);
});

test('a spent budget still gives a timeout of 0 (the callback does not start)', () => {
  const dispatcher = new Dispatcher(createRegistry());
  const chain = new CallChain(dispatcher, CPU_MS, () => {});
  const ctx = makeContext(register(null, 'u0'), { core: new RecordingCore() });
  const call = chain.enter(ctx);
  chain.leave(call, { outcome: 'timeout' });
  const again = chain.enter(ctx);
  assert.equal(again.timeoutMs, 0);
  chain.leave(again, { outcome: 'ok' });
});

test('time the thread spent blocked in a KSR call is not spent CPU: the budget moves on by it, bounded', () => {
  const dispatcher = new Dispatcher(createRegistry());
  const chain = new CallChain(dispatcher, CPU_MS, () => {});
  const ctx = makeContext(register(null, 'u0'), { core: new RecordingCore() });
  const sleep = new Int32Array(new SharedArrayBuffer(4));
  // a wait noted before the message (a timer's store call) is no message's
  noteBlockedWait(5000);
  const call = chain.enter(ctx);
  // a synchronous store or HTTP call waited 3 × the CPU limit, and said so
  const t0 = performance.now();
  Atomics.wait(sleep, 0, 0, 3 * CPU_MS);
  noteBlockedWait(performance.now() - t0);
  assert.equal(chain.expired(), false, 'the wait used no CPU: the message may go on');
  // blocked waits past the per-message bound (10 s) do not extend it further
  noteBlockedWait(60_000);
  chain.expired();
  const left = chain.remainingMs();
  assert.ok(left <= 10_000 + 2 * CPU_MS, `the deadline moved on by at most 10 s in all, ${left} ms left`);
  assert.ok(left > 9_000, `the credit was taken, ${left} ms left`);
  chain.leave(call, { outcome: 'ok' });
});

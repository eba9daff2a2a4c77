// The pieces of Python's cheap timeout on their own, without pyodide: isolated-vm shares a
// SharedArrayBuffer with an isolate (the interrupt buffer must be the same memory, not a
// copy), and the watchdog thread raises the flag at a call's deadline, and only then. The
// waits leave the thread well over 100 ms to be scheduled: the machine is shared and busy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ivm from 'isolated-vm';
import { FLAG_LAYOUT, Watchdog } from '../../runtimes/python/watchdog.js';

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // the host thread is blocked, as it is inside applySync while Python runs
  }
}

test('a SharedArrayBuffer passed into an isolate is shared both ways, not copied', () => {
  const isolate = new ivm.Isolate({ memoryLimit: 16 });
  try {
    const context = isolate.createContextSync();
    const sab = new SharedArrayBuffer(8);
    context.global.setSync('shared', new ivm.ExternalCopy(sab).copyInto({ release: true }));
    new Int32Array(sab)[0] = 7;
    const seen = context.evalSync('const a = new Int32Array(shared); a[1] = 42; a[0]');
    assert.equal(seen, 7, 'the isolate sees what the host wrote');
    assert.equal(new Int32Array(sab)[1], 42, 'the host sees what the isolate wrote');
  } finally {
    isolate.dispose();
  }
});

test('the watchdog thread raises SIGINT once a call passes its deadline, and clears it when the call ends', async () => {
  const w = await Watchdog.start();
  try {
    const flag = new Int32Array(w.flag, 0, 1);
    const call = w.enter(30);
    busyWait(200);
    assert.equal(Atomics.load(flag, FLAG_LAYOUT.SIGNAL), 2, 'raised while the call was still running');
    assert.equal(w.overdue(), true);
    assert.equal(w.leave(call), true, 'the call timed out');
    assert.equal(Atomics.load(flag, FLAG_LAYOUT.SIGNAL), 0, 'a flag left over must not hit the next call');
  } finally {
    w.dispose();
  }
});

test('a call that ends in time is not interrupted, also after the watchdog went idle', async () => {
  const w = await Watchdog.start();
  try {
    const flag = new Int32Array(w.flag, 0, 1);
    for (let i = 0; i < 50; i++) {
      const call = w.enter(50);
      busyWait(1);
      assert.equal(w.leave(call), false);
    }
    await new Promise((r) => setTimeout(r, 1200)); // the worker sleeps until woken now
    const call = w.enter(30);
    busyWait(200);
    assert.equal(w.leave(call), true, 'woken for the call after idling');
    busyWait(20);
    assert.equal(Atomics.load(flag, FLAG_LAYOUT.SIGNAL), 0, 'nothing raised once no call runs');
  } finally {
    w.dispose();
  }
});

test('a nested call ends no later than its outer one; the outer resumes with its own deadline', async () => {
  const w = await Watchdog.start();
  try {
    const outer = w.enter(60);
    const inner = w.enter(1000);
    busyWait(250);
    assert.equal(w.leave(inner), true, 'the inner call is bounded by the outer deadline');
    assert.equal(w.overdue(), true, 'the outer call is past its deadline as well');
    assert.equal(w.leave(outer), true);
  } finally {
    w.dispose();
  }
});

// Limits in Python. A callback past its CPU budget is interrupted (KeyboardInterrupt, raised
// by the watchdog thread through pyodide's interrupt flag) and the instance is kept: these
// cases share one instance, each followed by a normal call on it. What leaves an instance
// untrusted (the isolate's own timeout as the backstop, an isolate out of memory, a top-level
// loop) needs an instance of its own (booted together, since each takes seconds).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { create } from '../../runtimes/python/index.js';
import { backstopMs } from '../../runtimes/python/python-runtime.js';
import { MAX_STRETCH } from '../../runtimes/cpu-time.js';
import { ScriptError, type ScriptRuntime } from '../../runtimes/runtime.js';
import { blankContext, testRuntimeOptions, type Recorder } from './support.js';

interface Instance {
  rt: ScriptRuntime;
  rec: Recorder;
}

const CPU_MS = 100;
/** What a busy machine may add to a wall-clock bound (seen: 53 ms over the backstop in a CI-like run). */
const LOAD_MARGIN_MS = 150;

async function instance(cpuMs: number): Promise<Instance> {
  const { opts, rec } = testRuntimeOptions({ cpuMs, memoryMb: 128 });
  return { rt: await create(opts), rec };
}

let kept: Instance;
let catcher: Instance;
let topLevel: Instance;
let jsHeap: Instance;

const KEPT = `import KSR, sys, time

def ok():
    KSR.t.record("ok")

def spin():
    KSR.t.record("start")
    while True:
        pass

def catch_and_go_on():
    try:
        while True:
            pass
    except KeyboardInterrupt:
        KSR.t.record("caught")   # stops the script: every KSR call after the interrupt does
    KSR.t.record("after")

def catch_and_return():
    try:
        while True:
            pass
    except BaseException:
        return

def descend(n):
    if n == 0:
        while True:
            pass
    return descend(n - 1)

def deep():
    descend(600)

def depth_check():
    def d(n):
        return 0 if n == 0 else d(n - 1) + 1
    KSR.t.record(str(d(600)))
    KSR.t.record(str(sys.getrecursionlimit()))

def sleeper():
    time.sleep(5)

def in_finally():
    try:
        pass
    finally:
        while True:
            pass

def in_ksr_calls():
    while True:
        KSR.t.num()

def catch_in_loop():
    while True:
        try:
            try:
                KSR.t.record("x")
                1 / 0
            finally:
                pass
        except BaseException:
            pass
`;

before(async () => {
  [kept, catcher, topLevel, jsHeap] = await Promise.all([instance(CPU_MS), instance(CPU_MS), instance(CPU_MS), instance(5000)]);
  await kept.rt.load(KEPT, 'kept.py');
});

after(() => {
  for (const i of [kept, catcher, topLevel, jsHeap]) i?.rt.dispose();
});

function assertBrokenAfterwards(rt: ScriptRuntime): void {
  assert.equal(rt.broken, true);
  const next = rt.invoke('ksr_request_route', blankContext());
  assert.equal(next.outcome, 'error');
  assert.match(next.error!.message, /broken and must be rebuilt/);
}

/**
 * Runs `name` on the shared instance: a timeout within the budget (plus scheduling), instance
 * kept, next call fine. Once per case, a call the backstop ended (the instance broken, past
 * its time) is run again on a fresh instance: with the other test files on both cores the
 * thread can be left unscheduled across the deadline, and then the isolate's wall-clock
 * backstop (backstopMs: 25 ms after an unstretched deadline, 15 after a stretched one) can win
 * the race with the interrupt (seen twice in full `npm test` runs: 'deep' ended at 189 ms, and
 * 'spin' at an unstretched backstop the retry did not then look for; the cases after each met
 * a broken instance). Twice in a row is a fault, not the machine.
 */
async function interruptedAndKept(name: string): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    kept.rec.calls.length = 0;
    const t0 = performance.now();
    const r = kept.rt.invoke(name, blankContext());
    const ms = performance.now() - t0;
    // the earliest the backstop ends a call is an unstretched budget's (a stretched one's is later)
    if (attempt === 1 && kept.rt.broken && ms >= backstopMs(CPU_MS) - 5) {
      console.log(`# ${name}: ended by the backstop in ${ms.toFixed(1)} ms on a busy machine; again on a fresh instance`);
      kept.rt.dispose();
      kept = await instance(CPU_MS);
      await kept.rt.load(KEPT, 'kept.py');
      continue;
    }
    assert.equal(r.outcome, 'timeout', `${name}: ${r.error?.message}`);
    // the interrupt says "CPU limit of 100 ms exceeded"; a KSR call that finds the message's budget
    // spent first (in_ksr_calls) says "... per message was exceeded": both are the same limit
    assert.match(r.error!.message, /CPU limit of 100 ms (per message was )?exceeded/);
    assert.equal(r.error!.file, 'kept.py');
    // the deadline is the budget stretched on a busy core (at most MAX_STRETCH): still before the backstop
    assert.ok(ms < backstopMs(CPU_MS * MAX_STRETCH), `${name}: ended by the interrupt, in ${ms.toFixed(1)} ms (attempt ${attempt})`);
    assert.equal(kept.rt.broken, false, `${name}: the instance is kept`);
    const calls = [...kept.rec.calls];
    kept.rec.calls.length = 0;
    assert.equal(kept.rt.invoke('ok', blankContext()).outcome, 'ok');
    assert.deepEqual(kept.rec.calls, ['ok']);
    return calls;
  }
}

test('while True: pass is interrupted at the CPU limit and the instance is kept', async () => {
  assert.deepEqual(await interruptedAndKept('spin'), ['start']);
  for (let i = 0; i < 5; i++) await interruptedAndKept('spin');
});

test('a script that catches the KeyboardInterrupt cannot act any more: its next KSR call stops it', async () => {
  assert.deepEqual(await interruptedAndKept('catch_and_go_on'), []);
});

test('a script that catches it and returns normally still timed out', async () => {
  assert.deepEqual(await interruptedAndKept('catch_and_return'), []);
});

test('interrupted deep in recursion: afterwards the same depth works, the recursion limit unchanged', async () => {
  await interruptedAndKept('deep');
  assert.equal(kept.rt.invoke('depth_check', blankContext()).outcome, 'ok');
  assert.deepEqual(kept.rec.calls.slice(-2), ['600', '1000']);
});

test('interrupted in time.sleep, inside a finally, between KSR calls', async () => {
  await interruptedAndKept('sleeper');
  await interruptedAndKept('in_finally');
  await interruptedAndKept('in_ksr_calls');
});

test('a loop that catches each interrupt and goes on calling KSR is stopped: by the interrupt raised again, or by the backstop', () => {
  kept.rec.calls.length = 0;
  const t0 = performance.now();
  const r = kept.rt.invoke('catch_in_loop', blankContext());
  const ms = performance.now() - t0;
  assert.equal(r.outcome, 'timeout');
  assert.ok(kept.rec.calls.length > 0, 'the loop ran before it was stopped');
  // wall time: a loaded core (the other test files run beside this one) adds to it; the claim
  // is a bound near the backstop, not a loop that goes on
  assert.ok(ms < backstopMs(CPU_MS) + LOAD_MARGIN_MS, `stopped in ${ms.toFixed(1)} ms, expected under the backstop ${backstopMs(CPU_MS)} ms + ${LOAD_MARGIN_MS} ms`);
  // Whether a raise lands outside the script's try (then the interpreter unwinds and is kept)
  // or every one is swallowed until the backstop (then it is broken) is a matter of timing.
  if (!kept.rt.broken) assert.equal(kept.rt.invoke('ok', blankContext()).outcome, 'ok');
});

test('a script that ignores SIGINT meets the backstop (1.25 × the limit); the instance is then broken', async () => {
  await catcher.rt.load(
    `import KSR, signal
def ksr_request_route():
    KSR.t.record("x")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        pass
`,
    'catcher.py',
  );
  const t0 = performance.now();
  const r = catcher.rt.invoke('ksr_request_route', blankContext());
  const ms = performance.now() - t0;
  assert.equal(r.outcome, 'timeout');
  assert.deepEqual(catcher.rec.calls, ['x']);
  assert.ok(ms >= backstopMs(CPU_MS) - 5, `stopped by the backstop, at ${ms.toFixed(1)} ms`);
  assertBrokenAfterwards(catcher.rt);
});

test('a top-level loop is stopped while loading', async () => {
  await assert.rejects(topLevel.rt.load('x = 0\nwhile True:\n    x += 1\n', 'forever.py'), (e: unknown) => {
    assert.ok(e instanceof ScriptError);
    assert.equal(e.file, 'forever.py');
    assert.match(e.message, /the top level ran past its load budget of 2000 ms \(10 × limits\.cpu_ms, at least 2000 ms\)/);
    return true;
  });
  assert.equal(topLevel.rt.broken, true);
});

test('exhausting the isolate heap from Python gives memory and a broken instance', async () => {
  await jsHeap.rt.load(
    `import KSR
from pyodide.code import run_js
def ksr_request_route():
    KSR.t.record("filling")
    run_js("const keep = []; for (;;) keep.push(new Array(100000).fill(1.5));")
`,
    'heap.py',
  );
  const r = jsHeap.rt.invoke('ksr_request_route', blankContext());
  assert.equal(r.outcome, 'memory');
  assert.deepEqual(jsHeap.rec.calls, ['filling']);
  assertBrokenAfterwards(jsHeap.rt);
  assert.equal(jsHeap.rt.memoryUsage(), 0);
});

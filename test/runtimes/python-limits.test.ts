// Limits that leave a Python instance untrusted: each case needs an instance of its own
// (booted together, since each takes seconds). After a timeout or an isolate out of memory
// the runtime reports broken and refuses further work; the manager above rebuilds it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { create } from '../../runtimes/python/index.js';
import { ScriptError, type ScriptRuntime } from '../../runtimes/runtime.js';
import { blankContext, testRuntimeOptions, type Recorder } from './support.js';

interface Instance {
  rt: ScriptRuntime;
  rec: Recorder;
}

async function instance(cpuMs: number): Promise<Instance> {
  const { opts, rec } = testRuntimeOptions({ cpuMs, memoryMb: 128 });
  return { rt: await create(opts), rec };
}

let spin: Instance;
let catcher: Instance;
let topLevel: Instance;
let jsHeap: Instance;

before(async () => {
  [spin, catcher, topLevel, jsHeap] = await Promise.all([instance(100), instance(100), instance(100), instance(5000)]);
});

after(() => {
  for (const i of [spin, catcher, topLevel, jsHeap]) i?.rt.dispose();
});

function assertBrokenAfterwards(rt: ScriptRuntime): void {
  assert.equal(rt.broken, true);
  const next = rt.invoke('ksr_request_route', blankContext());
  assert.equal(next.outcome, 'error');
  assert.match(next.error!.message, /broken and must be rebuilt/);
}

test('while True: pass is stopped at the CPU limit; the instance is then broken', async () => {
  await spin.rt.load('import KSR\ndef ksr_request_route():\n    KSR.t.record("start")\n    while True:\n        pass\n', 'spin.py');
  const r = spin.rt.invoke('ksr_request_route', blankContext());
  assert.equal(r.outcome, 'timeout');
  assert.match(r.error!.message, /CPU limit of 100 ms exceeded/);
  assert.equal(r.error!.file, 'spin.py');
  assert.deepEqual(spin.rec.calls, ['start']);
  assertBrokenAfterwards(spin.rt);
});

test('a loop around try/except BaseException/finally is stopped as well', async () => {
  await catcher.rt.load(
    `import KSR
def ksr_request_route():
    while True:
        try:
            try:
                KSR.t.record("x")
                1 / 0
            finally:
                pass
        except BaseException:
            pass
`,
    'catcher.py',
  );
  const r = catcher.rt.invoke('ksr_request_route', blankContext());
  assert.equal(r.outcome, 'timeout');
  assert.ok(catcher.rec.calls.length > 0, 'the loop ran before it was stopped');
  assertBrokenAfterwards(catcher.rt);
});

test('a top-level loop is stopped while loading', async () => {
  await assert.rejects(topLevel.rt.load('x = 0\nwhile True:\n    x += 1\n', 'forever.py'), (e: unknown) => {
    assert.ok(e instanceof ScriptError);
    assert.equal(e.file, 'forever.py');
    assert.match(e.message, /CPU limit of \d+ ms exceeded/);
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

// The quickjs runtime: shared JS behaviour plus what a QuickJS context must not offer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { create } from '../../runtimes/quickjs/index.js';
import { blankContext, testRuntimeOptions } from './support.js';
import { jsRuntimeSuite, loaded, probe } from './js-suite.js';

jsRuntimeSuite('quickjs', create);

test('quickjs: no std, os, require, process, WebAssembly or timers, through any path', async () => {
  const names = ['std', 'os', 'require', 'process', 'WebAssembly', 'setTimeout', 'scriptArgs', '__ksr_call', '__ksr_invoke'];
  const seen = await probe(create, `
    const names = ${JSON.stringify(names)};
    KSR.t.record(names.map((n) => typeof globalThis[n]).join(','));
    const g = Function('return this')();
    KSR.t.record(names.map((n) => typeof g[n]).join(','));
    for (const f of [() => KSR.t.str.constructor.constructor('return process')(), () => this.constructor.constructor('return std')()]) {
      try { KSR.t.record(String(f())); } catch (e) { KSR.t.record('threw ' + e.name); }
    }`);
  const none = names.map(() => 'undefined').join(',');
  assert.deepEqual(seen, [none, none, 'threw ReferenceError', 'threw ReferenceError']);
});

test('quickjs: import() loads nothing', async () => {
  const { rt, rec } = await loaded(create, `
    var outcome = 'pending';
    for (const m of ['os', 'std', 'qjs:os', 'node:fs']) {
      import(m).then(() => { outcome = 'loaded ' + m; }, (e) => { if (outcome === 'pending') outcome = 'rejected'; });
    }
    function report() { KSR.t.record(outcome); }`);
  assert.equal(rt.invoke('report', blankContext()).outcome, 'ok');
  assert.deepEqual(rec.calls, ['rejected']);
  rt.dispose();
});

test('quickjs: a refused large allocation is \'memory\' and leaves the runtime usable', async () => {
  const { rt, rec } = await loaded(create, `
    function huge() { return new Uint8Array(200 * 1024 * 1024).length; }
    function ksr_request_route() { KSR.t.record('alive'); }`, { memoryMb: 32 });
  const r = rt.invoke('huge', blankContext());
  assert.equal(r.outcome, 'memory');
  assert.equal(rt.broken, false);
  assert.equal(rt.invoke('ksr_request_route', blankContext()).outcome, 'ok');
  assert.deepEqual(rec.calls, ['alive']);
  assert.ok(rt.memoryUsage() <= 32 * 1024 * 1024, `wasm memory ${rt.memoryUsage()} stays within the limit`);
  rt.dispose();
});

// Item 6 of issue 7: the memory limit is the wasm memory's own cap, and the CPU limit holds
// between two interrupt-handler calls however slow each tick is.
const MB = 1024 * 1024;

test('quickjs: an array bomb stops at the cap: the wasm memory never passes the limit, the runtime is then replaced', async () => {
  const { rt } = await loaded(create, `
    var kept = [];
    function bomb() { for (;;) kept.push(new Array(100000).fill(kept.length)); }`, { memoryMb: 48, cpuMs: 5000 });
  const t0 = performance.now();
  const r = rt.invoke('bomb', blankContext());
  const ms = performance.now() - t0;
  assert.equal(r.outcome, 'memory');
  assert.ok(rt.memoryUsage() <= 48 * MB, `wasm memory ${rt.memoryUsage() / MB} MB stays within the 48 MB limit`);
  assert.equal(rt.broken, true, 'a runtime at its cap is replaced (its memory never shrinks)');
  assert.ok(ms < 2000, `stopped at the cap in ${ms.toFixed(0)} ms, long before the 5 s CPU limit`);
  rt.dispose();
});

test('quickjs: catching "out of memory" at the cap does not keep the script running', async () => {
  const { rt } = await loaded(create, `
    function bomb() { var kept = []; for (;;) { try { kept.push(new Array(200000).fill(1)); } catch (e) {} } }`, { memoryMb: 32, cpuMs: 5000 });
  const t0 = performance.now();
  const r = rt.invoke('bomb', blankContext());
  const ms = performance.now() - t0;
  assert.equal(r.outcome, 'memory');
  assert.ok(ms < 2000, `stopped at the first failed allocation's next tick: ${ms.toFixed(0)} ms (was 35 s)`);
  assert.equal(rt.broken, true);
  rt.dispose();
});

test('quickjs: a loop of slow built-in calls is stopped near its deadline (the watchdog, not every 10 000 ticks)', async () => {
  const { rt, rec } = await loaded(create, `
    var s = 'x'.repeat(1000000);
    function scan() { var n = 0; for (;;) n += s.indexOf('y'); }
    function ksr_request_route() { KSR.t.record('alive'); }`, { cpuMs: 100 });
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = rt.invoke('scan', blankContext());
    const ms = performance.now() - t0;
    assert.equal(r.outcome, 'timeout');
    assert.ok(ms < 300, `stopped after ${ms.toFixed(0)} ms for a 100 ms limit (before: minutes)`);
  }
  assert.equal(rt.broken, false);
  assert.equal(rt.invoke('ksr_request_route', blankContext()).outcome, 'ok');
  assert.deepEqual(rec.calls, ['alive']);
  rt.dispose();
});

test('quickjs: the interrupt counter is found, so the watchdog runs', async () => {
  const { opts } = testRuntimeOptions();
  const rt = await create(opts);
  assert.notEqual((rt as unknown as { watchdog: unknown }).watchdog, null);
  rt.dispose();
});

test('quickjs: replaced runtimes give their wasm memory back (no thread or view keeps it)', async () => {
  const v8 = await import('node:v8');
  const vm = await import('node:vm');
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const { opts } = testRuntimeOptions({ memoryMb: 64 });
  const fill = async () => {
    const rt = await create(opts);
    await rt.load('function f() { globalThis.k = []; for (var i = 0; i < 3; i++) k.push(new Uint8Array(12 * 1048576).fill(1)); }', 'f.js');
    rt.invoke('f', blankContext());
    rt.dispose();
  };
  await fill();
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 50));
    }
    return process.memoryUsage().rss / MB;
  };
  const base = await settle();
  for (let i = 0; i < 6; i++) await fill();
  const after = await settle();
  assert.ok(after - base < 80, `RSS grew ${(after - base).toFixed(0)} MB over 6 runtimes of ~40 MB each`);
});

test('quickjs: a new runtime is ready in tens of ms, blocking the serving thread only briefly (the manager keeps a spare anyway)', async () => {
  const { opts } = testRuntimeOptions();
  (await create(opts)).dispose();
  const ready: number[] = [];
  const blocked: number[] = [];
  for (let i = 0; i < 5; i++) {
    let last = performance.now();
    let longest = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 1);
    const t0 = performance.now();
    const rt = await create(opts);
    await rt.load('function ksr_request_route() {}', 'r.js');
    ready.push(performance.now() - t0);
    clearInterval(tick);
    blocked.push(Math.max(longest, performance.now() - last));
    rt.dispose();
  }
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[2]!;
  console.log(`# quickjs runtime ready (watchdog thread started, script loaded): median ${median(ready).toFixed(1)} ms; longest block of the event loop: median ${median(blocked).toFixed(1)} ms (${blocked.map((t) => t.toFixed(1)).join(', ')})`);
  assert.ok(median(ready) < 500, `median build ${median(ready)} ms`);
  assert.ok(median(blocked) < 100, `median block ${median(blocked)} ms`);
});

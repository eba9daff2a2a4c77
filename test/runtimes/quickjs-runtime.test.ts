// The quickjs runtime: shared JS behaviour plus what a QuickJS context must not offer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { create } from '../../runtimes/quickjs/index.js';
import { blankContext } from './support.js';
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
    function huge() { return 'x'.repeat(200 * 1024 * 1024).length; }
    function ksr_request_route() { KSR.t.record('alive'); }`, { memoryMb: 32 });
  const r = rt.invoke('huge', blankContext());
  assert.equal(r.outcome, 'memory');
  assert.equal(rt.broken, false);
  assert.equal(rt.invoke('ksr_request_route', blankContext()).outcome, 'ok');
  assert.deepEqual(rec.calls, ['alive']);
  assert.ok(rt.memoryUsage() <= 32 * 1024 * 1024, `wasm memory ${rt.memoryUsage()} stays within the limit`);
  rt.dispose();
});

// The behaviour every JavaScript runtime must show (v8 and quickjs run the same scripts):
// KSR construction, values, exit/drop, errors with file:line, CPU and memory limits.
// Each engine's test file calls jsRuntimeSuite and adds its own sandbox-escape tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RuntimeOptions, ScriptRuntime } from '../../runtimes/runtime.js';
import { ScriptError } from '../../runtimes/runtime.js';
import { blankContext, testRuntimeOptions, type Recorder } from './support.js';

export type Factory = (opts: RuntimeOptions) => Promise<ScriptRuntime>;

/** A runtime with `source` loaded as routing.js, and what its KSR calls recorded. */
export async function loaded(create: Factory, source: string, limits: Partial<RuntimeOptions['limits']> = {}): Promise<{ rt: ScriptRuntime; rec: Recorder }> {
  const { opts, rec } = testRuntimeOptions(limits);
  const rt = await create(opts);
  await rt.load(source, 'routing.js');
  return { rt, rec };
}

export function jsRuntimeSuite(engine: string, create: Factory): void {
  test(`${engine}: KSR is built from the registry, core functions on KSR, modules below it`, async () => {
    const { rt, rec } = await loaded(create, `
      function ksr_request_route() {
        KSR.t.record([typeof KSR.info, typeof KSR.t.record, typeof KSR.x.exit, typeof KSR.info.t].join(','));
        KSR.t.record(Object.keys(KSR).sort().join(','));
        KSR.t.record(Object.keys(KSR.x).sort().join(','));
        KSR.info('hello from the script');
      }`);
    assert.equal(rt.has('ksr_request_route'), true);
    assert.deepEqual(rt.invoke('ksr_request_route', blankContext()), { outcome: 'ok' });
    assert.deepEqual(rec.calls, ['function,function,function,undefined', 'info,t,x', 'drop,exit']);
    assert.deepEqual(rec.logs, [{ level: 'info', text: 'hello from the script' }]);
    rt.dispose();
  });

  test(`${engine}: values cross both ways with their types`, async () => {
    const { rt, rec } = await loaded(create, `
      function show(v) { return typeof v + ':' + String(v); }
      function ksr_request_route() {
        KSR.t.record([show(KSR.t.str()), show(KSR.t.num()), show(KSR.t.yes()), show(KSR.t.nothing()),
          show(KSR.t.add(40, 2)), show(KSR.info('x'))].join(' '));
        KSR.t.record(12.5);
        KSR.t.record('ünïcödé ☎');
      }
      const ksr_lexical = (a) => KSR.t.record('lexical ' + a);`);
    assert.deepEqual(rt.invoke('ksr_request_route', blankContext()), { outcome: 'ok' });
    assert.deepEqual(rec.calls, ['string:hello number:42 boolean:true object:null number:42 object:null', '12.5', 'ünïcödé ☎']);
    assert.deepEqual(rt.invoke('ksr_lexical', blankContext(), 'event-name'), { outcome: 'ok' });
    assert.equal(rec.calls.at(-1), 'lexical event-name');
    rt.dispose();
  });

  test(`${engine}: values KSR cannot take are refused with their type named`, async () => {
    const { rt, rec } = await loaded(create, `
      function attempt(f) { try { return String(f()); } catch (e) { return e.message; } }
      function ksr_request_route() {
        KSR.t.record([
          attempt(() => KSR.t.add(true, 2)),
          attempt(() => KSR.t.record({})),
          attempt(() => KSR.t.record(null)),
          attempt(() => KSR.t.record(undefined)),
          attempt(() => KSR.t.record(() => 1)),
          attempt(() => KSR.t.record(Symbol('s'))),
          attempt(() => KSR.t.add(1.5, 1)),
        ].join(' | '));
      }`);
    assert.deepEqual(rt.invoke('ksr_request_route', blankContext()), { outcome: 'ok' });
    const seen = rec.calls[0]!.split(' | ');
    const expected = [/^3$/, /str, got object$/, /str, got null$/, /str, got null$/, /(str, got object|could not be cloned\.)$/,
      /(str, got object|could not be cloned\.)$/, /int, got number$/];
    assert.equal(seen.length, expected.length);
    // V8 refuses functions and symbols before the bridge (isolated-vm cannot copy them).
    expected.forEach((re, i) => assert.match(seen[i]!, re));
    rt.dispose();
  });

  test(`${engine}: a callback that is not defined is 'missing'`, async () => {
    const { rt } = await loaded(create, 'var not_a_function = 3;');
    assert.equal(rt.has('ksr_request_route'), false);
    assert.equal(rt.has('not_a_function'), false);
    assert.deepEqual(rt.invoke('ksr_request_route', blankContext()), { outcome: 'missing' });
    assert.deepEqual(rt.invoke('not_a_function', blankContext()), { outcome: 'missing' });
    rt.dispose();
  });

  test(`${engine}: exit and drop stop the callback, also inside try/catch`, async () => {
    const { rt, rec } = await loaded(create, `
      function plain() { KSR.t.record('before'); KSR.x.exit(); KSR.t.record('after'); }
      function dropped() { KSR.x.drop(); KSR.t.record('after drop'); }
      function guarded() {
        try { KSR.x.exit(); } catch (e) { KSR.t.record('caught ' + e); }
        KSR.t.record('after try');
      }
      function on_purpose() {
        for (let i = 0; i < 100; i++) {
          try { KSR.x.exit(); } catch (e) {}
          try { KSR.t.record('again ' + i); } catch (e) {}
        }
        return 'done';
      }`);
    assert.deepEqual(rt.invoke('plain', blankContext()), { outcome: 'stopped' });
    assert.deepEqual(rec.calls, ['before']);
    const ctx = blankContext();
    assert.deepEqual(rt.invoke('dropped', ctx), { outcome: 'stopped' });
    assert.equal(ctx.dropped, true);
    assert.deepEqual(rt.invoke('guarded', blankContext()), { outcome: 'stopped' });
    assert.deepEqual(rt.invoke('on_purpose', blankContext()), { outcome: 'stopped' });
    assert.deepEqual(rec.calls, ['before'], 'no KSR call has any effect after a stop');
    rt.dispose();
  });

  test(`${engine}: a refused KSR call is a script error naming the function and the script line`, async () => {
    const { rt } = await loaded(create, [
      'function ksr_request_route() {',
      '  var x = 1;',
      '  KSR.t.fail_usage();',
      '}',
      'function bad_args() {',
      '  KSR.t.add("a", 2);',
      '}',
    ].join('\n'));
    const r = rt.invoke('ksr_request_route', blankContext());
    assert.equal(r.outcome, 'error');
    assert.equal(r.error?.ksrFunction, 'KSR.t.fail_usage');
    assert.equal(r.error?.file, 'routing.js');
    assert.equal(r.error?.line, 3);
    assert.match(r.error?.message ?? '', /KSR\.t\.fail_usage: refused on purpose/);
    const a = rt.invoke('bad_args', blankContext());
    assert.equal(a.outcome, 'error');
    assert.equal(a.error?.ksrFunction, 'KSR.t.add');
    assert.equal(a.error?.line, 6);
    assert.match(a.error?.message ?? '', /argument 1 must be int, got string/);
    rt.dispose();
  });

  test(`${engine}: host error text does not reach the script`, async () => {
    const { rt, rec } = await loaded(create, `
      function ksr_request_route() {
        try { KSR.t.fail_host(); } catch (e) { KSR.t.record(String(e && e.message) + '|' + String(e && e.stack)); }
      }
      function uncaught() { KSR.t.fail_host(); }`);
    assert.deepEqual(rt.invoke('ksr_request_route', blankContext()), { outcome: 'ok' });
    assert.equal(rec.calls.length, 1);
    assert.match(rec.calls[0]!, /KSR\.t\.fail_host: internal error/);
    assert.doesNotMatch(rec.calls[0]!, /secret|passwd|node_modules|\/work\//);
    const r = rt.invoke('uncaught', blankContext());
    assert.equal(r.outcome, 'error');
    assert.doesNotMatch(r.error?.message ?? '', /secret|passwd/);
    rt.dispose();
  });

  test(`${engine}: a script error names the script file and line`, async () => {
    const { rt } = await loaded(create, [
      'function helper(o) {',
      '  return o.missing.deeper;',
      '}',
      'function ksr_request_route() { helper({}); }',
      'function throws_value() {',
      '  throw "just a string";',
      '}',
    ].join('\n'));
    const r = rt.invoke('ksr_request_route', blankContext());
    assert.equal(r.outcome, 'error');
    assert.equal(r.error?.file, 'routing.js');
    assert.equal(r.error?.line, 2);
    assert.equal(r.error?.ksrFunction, undefined);
    assert.match(r.error?.message ?? '', /^TypeError: /);
    const v = rt.invoke('throws_value', blankContext());
    assert.equal(v.outcome, 'error');
    assert.match(v.error?.message ?? '', /just a string/);
    rt.dispose();
  });

  test(`${engine}: a load error names the script file and line`, async () => {
    const { opts } = testRuntimeOptions();
    const syntax = await create(opts);
    await assert.rejects(syntax.load('var a = 1;\nvar b = ;\n', 'routing.js'), (e: unknown) => {
      assert.ok(e instanceof ScriptError);
      assert.equal(e.file, 'routing.js');
      assert.equal(e.line, 2);
      return true;
    });
    syntax.dispose();
    const top = await create(testRuntimeOptions().opts);
    await assert.rejects(top.load('var a = 1;\n\nundefined_function();\n', 'routing.js'), (e: unknown) => {
      assert.ok(e instanceof ScriptError);
      assert.equal(e.line, 3);
      assert.match(e.message, /undefined_function/);
      return true;
    });
    top.dispose();
    const loop = await create(testRuntimeOptions({ cpuMs: 50 }).opts);
    await assert.rejects(loop.load('while (true) {}', 'routing.js'), /CPU limit/);
    loop.dispose();
  });

  test(`${engine}: the CPU limit stops loops, caught or not, and the next invoke works`, async () => {
    const { rt, rec } = await loaded(create, `
      function spin() { while (true) {} }
      function stubborn() { for (;;) { try { for (;;) {} } catch (e) {} finally { continue; } } }
      function backtrack() { return /(a+)+$/.test('a'.repeat(40) + '!'); }
      function ksr_request_route() { KSR.t.record('still works'); }`, { cpuMs: 50 });
    for (const cb of ['spin', 'stubborn', 'backtrack']) {
      const r = rt.invoke(cb, blankContext());
      assert.equal(r.outcome, 'timeout', cb);
      assert.equal(rt.invoke('ksr_request_route', blankContext()).outcome, 'ok', `after ${cb}`);
    }
    assert.equal(rt.broken, false);
    assert.deepEqual(rec.calls, ['still works', 'still works', 'still works']);
    rt.dispose();
  });

  test(`${engine}: running out of memory is 'memory', then the runtime works or says it is broken`, async () => {
    const { rt, rec } = await loaded(create, `
      var hoard = [];
      function greedy() { for (;;) hoard.push(new Array(4096).fill(hoard.length)); }
      function ksr_request_route() { KSR.t.record('alive'); }`, { memoryMb: 32, cpuMs: 3000 });
    const r = rt.invoke('greedy', blankContext());
    assert.equal(r.outcome, 'memory');
    if (!rt.broken) {
      assert.equal(rt.invoke('ksr_request_route', blankContext()).outcome, 'ok');
      assert.deepEqual(rec.calls, ['alive']);
    }
    rt.dispose();
  });

  test(`${engine}: built-ins that would run natively on huge lengths refuse them (issue 7 items 4, 6)`, async () => {
    // Each of these aborted the process, ran for seconds past the CPU limit, or went far past
    // the memory limit in one native call; each must now fail at once with a RangeError or
    // TypeError the script can see, and ordinary use must work as before.
    const refused = [
      'new Array(1e8).fill(0)', 'Array.prototype.fill.call({ length: 1e8 }, 0)', 'new Array(2 ** 32 - 1).indexOf(1)',
      '(() => { const a = []; a.length = 1e8; return a.unshift(1); })()', 'new Array(2 ** 32 - 1).forEach(() => {})',
      '[].concat(new Array(1e8))', '[new Array(1e8)].flat()', '[1].flatMap(() => new Array(1e8))',
      "'x'.repeat(2 ** 26)", "'x'.padStart(2 ** 29 - 24)", "'ab'.repeat(2 ** 19).split('')",
      "JSON.parse('[' + '1,'.repeat(2 ** 19) + '1]')", 'new Float64Array(2 ** 20).sort()',
      'Array.prototype.indexOf.call({ get length() { return 1e8; } }, 1)',
      "(() => { let s = 'x'; for (let i = 0; i < 21; i++) s += s; return s.indexOf('y'); })()",
    ];
    const body = refused.map((e) => `try { KSR.t.record('ran: ' + String(${e}).slice(0, 20)); } catch (e) { KSR.t.record(e.name); }`).join('\n')
      + `\nKSR.t.record(typeof Proxy);
      KSR.t.record([[3, 1, 2].sort().join('-'), [1, [2, [3]]].flat(2).join(), 'a,b,c'.split(',').length, JSON.stringify(JSON.parse('{"a":[1,2]}')),
        [1, 2].flatMap((x) => [x, x]).join(), [1].concat([2], 3).join(), 'a-b-c'.split('-', 2).join(), '-'.repeat(3), '7'.padStart(3, '0'),
        new Array(1000).fill(1).reduce((a, b) => a + b), 'Hello'.toUpperCase().indexOf('L'), Array.prototype.map.name + Array.prototype.map.length,
        // a count that answers 1 to the check and 2^28 to a second reading is read once
        (() => { let n = 0; return 'x'.repeat({ valueOf() { return n++ ? 2 ** 28 : 1; } }).length; })()].join(' '));`;
    const { rt, rec } = await loaded(create, `function probe() {\n${body}\n}`, { cpuMs: 5000 });
    const r = rt.invoke('probe', blankContext());
    rt.dispose();
    assert.equal(r.outcome, 'ok', `probe failed: ${r.error?.message}`);
    const seen = rec.calls;
    assert.equal(seen.length, refused.length + 2);
    refused.forEach((e, i) => assert.match(seen[i]!, /^(RangeError|TypeError)$/, e));
    assert.equal(seen[refused.length], 'undefined', 'Proxy is gone');
    assert.equal(seen[refused.length + 1], '1-2-3 1,2,3 3 {"a":[1,2]} 1,1,2,2 1,2,3 a,b --- 007 1000 2 map1 1');
  });

  test(`${engine}: deep recursion is an ordinary script error`, async () => {
    const { rt } = await loaded(create, `
      function down(n) { return down(n + 1) + 1; }
      function ksr_request_route() { KSR.t.record('fine'); }`);
    const r = rt.invoke('down', blankContext());
    assert.equal(r.outcome, 'error');
    assert.match(r.error?.message ?? '', /stack/i);
    assert.equal(rt.invoke('ksr_request_route', blankContext()).outcome, 'ok');
    rt.dispose();
  });
}

/**
 * Runs `body` in a callback and returns what it passed to KSR.t.record, for escape tests. A
 * probe tests what the script can reach, not the time limit: it gets 2 s of CPU, since its
 * evals compile in a cold isolate and the budget counts the whole process (on a CI runner with
 * three test files on two cores a probe was stopped at the default 100 ms).
 */
export async function probe(create: Factory, body: string): Promise<string[]> {
  const { rt, rec } = await loaded(create, `function probe() {\n${body}\n}`, { cpuMs: 2000 });
  const r = rt.invoke('probe', blankContext());
  rt.dispose();
  assert.equal(r.outcome, 'ok', `probe failed: ${r.error?.message}`);
  return rec.calls;
}

// The v8 runtime: shared JS behaviour plus the ways out of an isolate that must stay shut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { create } from '../../runtimes/v8/index.js';
import { blankContext } from './support.js';
import { jsRuntimeSuite, loaded, probe } from './js-suite.js';

jsRuntimeSuite('v8', create);

const ESCAPES = [
  'typeof process',
  'typeof require',
  'typeof module + typeof exports + typeof global',
  "Function('return this')().process",
  "Function('return this')().require",
  "this.constructor.constructor('return process')()",
  "KSR.t.str.constructor.constructor('return process')()",
  "KSR.t.str().constructor.constructor('return require')()",
  "KSR.constructor.constructor('return process')()",
  "(() => {}).constructor('return process.mainModule')()",
];

test('v8: host globals are out of reach, through any constructor chain', async () => {
  const body = ESCAPES.map((expr) => `try { KSR.t.record(String(${expr})); } catch (e) { KSR.t.record('threw ' + e.name); }`).join('\n');
  const seen = await probe(create, body);
  assert.equal(seen.length, ESCAPES.length);
  for (const [i, s] of seen.entries()) assert.match(s, /^(undefined(undefined)*|threw ReferenceError)$/, ESCAPES[i]);
});

test('v8: the global that Function("return this") gives is the isolate\'s own, with no bridge globals left', async () => {
  const seen = await probe(create, `
    const g = Function('return this')();
    KSR.t.record(['process', 'require', '__ksr_call', '__ksr_entries', '__ksr_invoke', '__ksr_has'].map((k) => typeof g[k]).join(','));
    KSR.t.record(String(g === globalThis));`);
  assert.deepEqual(seen, ['undefined,undefined,undefined,undefined,undefined,undefined', 'true']);
});

test('v8: import() does not load host modules', async () => {
  const { rt, rec } = await loaded(create, `
    var outcome = 'pending';
    try { import('node:fs').then(() => { outcome = 'loaded'; }, (e) => { outcome = 'rejected'; }); }
    catch (e) { outcome = 'threw'; }
    function report() { KSR.t.record(outcome); }`);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(rt.invoke('report', blankContext()).outcome, 'ok');
  assert.notEqual(rec.calls[0], 'loaded');
  assert.match(rec.calls[0]!, /^(threw|rejected)$/);
  rt.dispose();
});

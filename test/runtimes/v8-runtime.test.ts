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

// Item 4 of issue 7: what the isolate's memoryLimit does not count is taken away before the
// script runs, and every way back to it tried here stays shut.
const LOCKDOWN_TRIES: [string, RegExp][] = [
  ['typeof WebAssembly + typeof Intl + typeof SharedArrayBuffer + typeof Atomics', /^undefinedundefinedundefinedundefined$/],
  ["typeof Function('return this')().WebAssembly", /^undefined$/],
  ["typeof (0, eval)('this').WebAssembly", /^undefined$/],
  ["typeof globalThis.constructor.constructor('return WebAssembly')()", /^threw ReferenceError/],
  ['Object.getOwnPropertyNames(globalThis).filter((k) => /wasm|webassembly|intl|atomics|shared/i.test(k)).join()', /^$/],
  ['new ArrayBuffer(8, { maxByteLength: 16 }).resizable', /^threw TypeError: ArrayBuffer: resizable buffers/],
  ['Reflect.construct(ArrayBuffer, [8, { maxByteLength: 16 }]).resizable', /^threw TypeError: ArrayBuffer: resizable/],
  ['new (class extends ArrayBuffer {})(8, { maxByteLength: 16 }).resizable', /^threw TypeError: ArrayBuffer: resizable/],
  ['new (new Uint8Array(8).buffer.constructor)(8, { maxByteLength: 16 }).resizable', /^threw TypeError: ArrayBuffer: resizable/],
  ['new (Object.getPrototypeOf(new Uint8Array(8).buffer).constructor)(8, { maxByteLength: 16 }).resizable', /^threw TypeError: ArrayBuffer: resizable/],
  // A getter that answers undefined to the check and a size to the native code: never asked twice.
  ['(() => { let n = 0; return new ArrayBuffer(8, { get maxByteLength() { return n++ ? 1 << 30 : undefined; } }).resizable; })()', /^false$/],
  ['typeof ArrayBuffer.prototype.resize + typeof ArrayBuffer.prototype.transfer', /^undefinedundefined$/],
  ['(() => { ArrayBuffer.prototype.constructor = Object; return ArrayBuffer.prototype.constructor === ArrayBuffer; })()', /^(true|threw TypeError)/],
  ['(() => { delete globalThis.ArrayBuffer; globalThis.ArrayBuffer = Object; return ArrayBuffer === Object; })()', /^(false|threw TypeError)/],
  ['(() => { Object.getPrototypeOf(new Uint8Array(8).buffer).resize = function () {}; return typeof ArrayBuffer.prototype.resize; })()', /^(undefined|threw TypeError)/],
  // Stack frames hand out functions only for sloppy frames: never the native constructor's.
  ['(() => { let fs = []; Error.prepareStackTrace = (e, cs) => { fs = cs.map((c) => c.getFunction()); return ""; }; try { new ArrayBuffer({ valueOf() { new Error().stack; throw 1; } }); } catch (e) {} Error.prepareStackTrace = undefined; return fs.filter((f) => f !== undefined && String(f).includes("native code")).length; })()', /^0$/],
  // What stays works: plain and typed buffers (counted), locale methods (no object kept).
  ['new ArrayBuffer(16).byteLength + new Float64Array(4).buffer.byteLength + " " + (new ArrayBuffer(1) instanceof ArrayBuffer) + " " + ArrayBuffer.isView(new Uint8Array(1))', /^48 true true$/],
  ["new Date(0).toLocaleString('de-DE', { timeZone: 'UTC' }) + ' ' + (1234.5).toLocaleString('de-DE') + ' ' + 'a'.localeCompare('b')", /^1\.1\.1970, 00:00:00 1\.234,5 -1$/],
];

test('v8: WebAssembly, Intl, SharedArrayBuffer, Atomics and resizable buffers are gone, through every way tried', async () => {
  const body = LOCKDOWN_TRIES.map(([expr]) => `try { KSR.t.record(String(${expr})); } catch (e) { KSR.t.record('threw ' + e.name + ': ' + e.message); }`).join('\n');
  const seen = await probe(create, body);
  assert.equal(seen.length, LOCKDOWN_TRIES.length);
  for (const [i, s] of seen.entries()) assert.match(s, LOCKDOWN_TRIES[i]![1], LOCKDOWN_TRIES[i]![0]);
});

test('v8: buffers count against the memory limit, and the runtime memory figure includes them', async () => {
  const { rt, rec } = await loaded(create, `
    var kept = [];
    function buffers() {
      try { for (;;) kept.push(new Uint8Array(8 * 1048576)); } catch (e) { KSR.t.record(e.name + ' after ' + kept.length); }
    }
    function ksr_request_route() { KSR.t.record('alive'); }`, { memoryMb: 64, cpuMs: 5000 });
  // 5 s of CPU: zeroing 64 MB of buffers must meet the memory limit, not the time limit, even
  // on a loaded CI core (with the default 100 ms it timed out there first)
  const before = rt.memoryUsage();
  const r = rt.invoke('buffers', blankContext());
  if (r.outcome === 'ok') {
    // a RangeError at the limit, caught: the buffers held are in the figure, and within the limit
    assert.match(rec.calls[0]!, /^RangeError after [4-8]$/);
    const after = rt.memoryUsage();
    assert.ok(after - before >= 32 * 1048576, `runtime memory grew by ${after - before} bytes`);
    assert.ok(after <= 80 * 1048576, `runtime memory ${after} stays near the 64 MB limit`);
    assert.equal(rt.invoke('ksr_request_route', blankContext()).outcome, 'ok');
  } else {
    assert.equal(r.outcome, 'memory');
  }
  rt.dispose();
});

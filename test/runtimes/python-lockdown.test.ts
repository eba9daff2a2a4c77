// Issue 7 item 4 in the Python runtime: pyodide keeps WebAssembly (locked after boot) and
// shared buffers, but what the isolate's memoryLimit does not count is not reachable through
// `js`: resizable or growable buffers, Intl objects, new WebAssembly memories.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { create } from '../../runtimes/python/index.js';
import { blankContext, testRuntimeOptions } from './support.js';

test('python: js.ArrayBuffer/SharedArrayBuffer refuse maxByteLength, js.Intl and new WebAssembly memories are gone', async () => {
  const { opts, rec } = testRuntimeOptions({ memoryMb: 384, cpuMs: 3000 });
  const rt = await create(opts);
  await rt.load(`
import js


def attempt(f):
    try:
        return str(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e).splitlines()[0][:160]


def probe():
    options = js.JSON.parse('{"maxByteLength": 67108864}')
    KSR.t.record(attempt(lambda: js.ArrayBuffer.new(0, options).resizable))
    KSR.t.record(attempt(lambda: js.SharedArrayBuffer.new(0, options).growable))
    KSR.t.record(attempt(lambda: js.Intl.DateTimeFormat.new("en")))
    KSR.t.record(attempt(lambda: js.WebAssembly.Memory.new(js.JSON.parse('{"initial": 16}'))))
    KSR.t.record(attempt(lambda: js.ArrayBuffer.new(16).byteLength + js.SharedArrayBuffer.new(16).byteLength))
`, 'lockdown.py');
  assert.equal(rt.invoke('probe', blankContext()).outcome, 'ok');
  rt.dispose();
  const [rab, gsab, intl, wasm, plain] = rec.calls;
  assert.match(rab!, /resizable buffers \(maxByteLength\) are not available/);
  assert.match(gsab!, /resizable buffers \(maxByteLength\) are not available/);
  assert.match(intl!, /^AttributeError/);
  assert.match(wasm!, /not allowed in this sandbox/);
  assert.equal(plain, '32');
});

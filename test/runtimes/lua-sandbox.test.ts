// Escapes from the Lua runtime: every way out of fengari that its default libraries offer
// must fail, with the host untouched. The CPU and memory escapes are in lua-limits.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from '../../runtimes/lua/index.js';
import { blankContext, testRuntimeOptions } from './support.js';

const MARK = join(tmpdir(), `ksr-lua-escape-${process.pid}`);

const SOURCE = `
  function os_execute() os.execute('touch ${MARK}') end
  function os_exit() os.exit(3) end
  function os_getenv() KSR.t.record(tostring(os.getenv('PATH'))) end
  function io_open() local f = io.open('/etc/passwd') KSR.t.record(f:read('a')) end
  function call_require() local fs = require('fs') end
  function package_loadlib() package.loadlib('fs', 'readFileSync') end
  function call_dofile() dofile('/etc/passwd') end
  function call_loadfile() loadfile('/etc/passwd') end
  function debug_sethook() debug.sethook(function() end, '', 0) end
  function host_interop() KSR.t.record(tostring(js) .. tostring(fengari) .. tostring(rawget(_G, 'require'))) end
  function load_dump()
    local f, e = load(string.dump(function() return 1 end))
    KSR.t.record(tostring(f) .. ' ' .. tostring(e))
  end
  function load_binary_string()
    local f, e = load('\\27Lua\\83\\0', 'x', 'b')
    KSR.t.record(tostring(f) .. ' ' .. tostring(e))
  end
  function load_binary_reader()
    local parts = { string.dump(function() return 1 end) }
    local f, e = load(function() return table.remove(parts) end, 'reader', 'bt')
    KSR.t.record(tostring(f) .. ' ' .. tostring(e))
  end
  function load_text() KSR.t.record(tostring(load('return 6 * 7')())) end`;

test('os, io, require, package, dofile/loadfile and debug are not there', async () => {
  const { opts, rec } = testRuntimeOptions();
  const rt = await create(opts);
  await rt.load(SOURCE, 'escape.lua');
  const cases: [string, RegExp][] = [
    ['os_execute', /global 'os'/],
    ['os_exit', /global 'os'/],
    ['os_getenv', /global 'os'/],
    ['io_open', /global 'io'/],
    ['call_require', /global 'require'/],
    ['package_loadlib', /global 'package'/],
    ['call_dofile', /global 'dofile'/],
    ['call_loadfile', /global 'loadfile'/],
    ['debug_sethook', /global 'debug'/],
  ];
  for (const [cb, message] of cases) {
    const r = rt.invoke(cb, blankContext());
    assert.equal(r.outcome, 'error', cb);
    assert.match(r.error?.message ?? '', message, cb);
  }
  assert.equal(existsSync(MARK), false);
  rmSync(MARK, { force: true });
  assert.deepEqual(rt.invoke('host_interop', blankContext()), { outcome: 'ok' });
  assert.deepEqual(rec.calls, ['nilnilnil']);
  rt.dispose();
});

test('load takes text only: bytecode from string.dump or a "\\27Lua" string is refused', async () => {
  const { opts, rec } = testRuntimeOptions();
  const rt = await create(opts);
  await rt.load(SOURCE, 'escape.lua');
  for (const cb of ['load_dump', 'load_binary_string', 'load_binary_reader', 'load_text']) {
    assert.deepEqual(rt.invoke(cb, blankContext()), { outcome: 'ok' }, cb);
  }
  assert.equal(rec.calls.length, 4);
  for (const refused of rec.calls.slice(0, 3)) assert.match(refused, /^nil .*binary chunk/);
  assert.equal(rec.calls[3], '42');
  rt.dispose();
});

test('the script sees only the safe libraries and KSR, not the bridge globals', async () => {
  const { opts, rec } = testRuntimeOptions();
  const rt = await create(opts);
  await rt.load(`
    function probe()
      local names = {}
      for k in pairs(_G) do names[#names + 1] = k end
      table.sort(names)
      KSR.t.record(table.concat(names, ' '))
    end`, 'probe.lua');
  assert.deepEqual(rt.invoke('probe', blankContext()), { outcome: 'ok' });
  const globals = rec.calls[0]!.split(' ');
  for (const forbidden of ['__ksr_call', '__ksr_entries', '__lua', 'os', 'io', 'debug', 'package', 'require', 'dofile', 'loadfile', 'js', 'fengari']) {
    assert.ok(!globals.includes(forbidden), `global ${forbidden} is visible: ${globals.join(' ')}`);
  }
  for (const expected of ['KSR', 'coroutine', 'math', 'string', 'table', 'utf8', 'pcall', 'load']) {
    assert.ok(globals.includes(expected), `global ${expected} is missing`);
  }
  rt.dispose();
});

test("fengari's isolate has no WebAssembly, Intl, SharedArrayBuffer, Atomics or resizable buffers (issue 7 item 4)", async () => {
  // Lua reaches no JS global; this checks the isolate itself, in case a way were ever found.
  const { opts } = testRuntimeOptions();
  const rt = await create(opts);
  const sandbox = (rt as unknown as { guest: { sandbox: { evalSync(code: string, file: string, ms: number): { outcome: string; value?: unknown } } } }).guest.sandbox;
  const r = sandbox.evalSync(`[typeof WebAssembly, typeof Intl, typeof SharedArrayBuffer, typeof Atomics,
    (() => { try { return new ArrayBuffer(8, { maxByteLength: 16 }).resizable; } catch (e) { return e.name; } })()].join()`, 'probe.js', 1000);
  assert.deepEqual(r, { outcome: 'ok', value: 'undefined,undefined,undefined,undefined,TypeError' });
  rt.dispose();
});

// The Lua runtime's limits: CPU (the isolate's TerminateExecution, which no pcall catches)
// and memory (the isolate's memoryLimit), each followed by a working next invoke.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { create } from '../../runtimes/lua/index.js';
import { ScriptError } from '../../runtimes/runtime.js';
import { blankContext, testRuntimeOptions } from './support.js';

const FILE = 'limits.lua';
const SOURCE = `
  loaded_at = (loaded_at or 0) + 1
  counter = 0
  function spin()
    while true do end -- spin
  end
  function spin_in_pcall()
    while true do pcall(function() while true do end end) end
  end
  function spin_in_coroutine()
    local co = coroutine.wrap(function() while true do coroutine.yield() end end)
    while true do pcall(co) end
  end
  function grow()
    local t = {}
    while true do t[#t + 1] = { 1, 2, 3, 4, 5, 6, 7, 8 } end
  end
  function count()
    counter = counter + 1
    KSR.t.record('counter ' .. counter .. ', loaded ' .. loaded_at)
  end`;

test('an endless loop, also one around pcall or a coroutine, ends in timeout and the next invoke works', async () => {
  const { opts, rec } = testRuntimeOptions({ cpuMs: 50 });
  const rt = await create(opts);
  await rt.load(SOURCE, FILE);
  assert.deepEqual(rt.invoke('count', blankContext()), { outcome: 'ok' });
  const spin = rt.invoke('spin', blankContext());
  assert.equal(spin.outcome, 'timeout');
  assert.equal(spin.error?.file, FILE);
  assert.equal(spin.error?.line, 5);
  for (const cb of ['spin_in_pcall', 'spin_in_coroutine']) {
    assert.equal(rt.invoke(cb, blankContext()).outcome, 'timeout', cb);
    assert.equal(rt.broken, false);
  }
  // A fresh Lua state ran the top level again: the script's globals start over.
  assert.deepEqual(rt.invoke('count', blankContext()), { outcome: 'ok' });
  assert.deepEqual(rec.calls, ['counter 1, loaded 1', 'counter 1, loaded 1']);
  assert.equal(rt.has('spin'), true);
  rt.dispose();
});

test('a top-level endless loop fails the load at its line', async () => {
  const { opts } = testRuntimeOptions({ cpuMs: 50 });
  const rt = await create(opts);
  await assert.rejects(rt.load('x = 0\nwhile true do\n  x = x + 1\nend\n', FILE), (e: unknown) => {
    assert.ok(e instanceof ScriptError);
    assert.equal(e.file, FILE);
    assert.ok(e.line >= 2 && e.line <= 4, `line ${e.line} is not in the loop`);
    assert.match(e.message, /CPU limit/);
    return true;
  });
  // The runtime can still load a good script afterwards, on a clean state.
  await rt.load('function ok() if x then error("x survived") end end', FILE);
  assert.deepEqual(rt.invoke('ok', blankContext()), { outcome: 'ok' });
  rt.dispose();
});

test('a table-growing loop ends in memory and the next invoke works', async () => {
  // A long CPU limit so that memory, not time, is what stops the loop.
  const { opts, rec } = testRuntimeOptions({ cpuMs: 20_000, memoryMb: 24 });
  const rt = await create(opts);
  await rt.load(SOURCE, FILE);
  const r = rt.invoke('grow', blankContext());
  assert.equal(r.outcome, 'memory');
  assert.match(r.error?.message ?? '', /memory limit of 24 MB/);
  assert.equal(rt.broken, false);
  assert.deepEqual(rt.invoke('count', blankContext()), { outcome: 'ok' });
  assert.deepEqual(rec.calls, ['counter 1, loaded 1']);
  assert.ok(rt.memoryUsage() < 24 * 1024 * 1024);
  rt.dispose();
});

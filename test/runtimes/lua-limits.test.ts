// The Lua runtime's limits: CPU (the isolate's TerminateExecution, which no pcall catches)
// and memory (the isolate's memoryLimit). After either the runtime is broken (a Lua state
// stopped from outside is unsound; an isolate out of memory is gone): the Lua runtime never
// rebuilds itself; the manager renews it after a timeout or replaces it
// (test/runtimes/manager.test.ts). renew() itself is tested here.
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

test('an endless loop, also one around pcall or a coroutine, ends in timeout at its line; the runtime is then broken', async () => {
  for (const cb of ['spin', 'spin_in_pcall', 'spin_in_coroutine']) {
    const { opts, rec } = testRuntimeOptions({ cpuMs: 50 });
    const rt = await create(opts);
    await rt.load(SOURCE, FILE);
    assert.deepEqual(rt.invoke('count', blankContext()), { outcome: 'ok' });
    assert.equal(rt.broken, false);
    const spin = rt.invoke(cb, blankContext());
    assert.equal(spin.outcome, 'timeout', cb);
    assert.equal(spin.error?.file, FILE);
    if (cb === 'spin') assert.equal(spin.error?.line, 5);
    assert.equal(rt.broken, true, `${cb}: a Lua state stopped from outside is not used again`);
    assert.equal(rt.invoke('count', blankContext()).outcome, 'error', 'a broken runtime runs nothing');
    assert.equal(rt.renew?.(), true, 'a fresh Lua state in the same isolate');
    assert.equal(rt.broken, false);
    assert.deepEqual(rt.invoke('count', blankContext()), { outcome: 'ok' });
    assert.deepEqual(rec.calls, ['counter 1, loaded 1', 'counter 1, loaded 1'], 'the top level ran again: globals start over');
    rt.dispose();
  }
});

test('a top-level endless loop fails the load at its line', async () => {
  const { opts } = testRuntimeOptions({ cpuMs: 50 });
  const rt = await create(opts);
  await assert.rejects(rt.load('x = 0\nwhile true do\n  x = x + 1\nend\n', FILE), (e: unknown) => {
    assert.ok(e instanceof ScriptError);
    assert.equal(e.file, FILE);
    assert.ok(e.line >= 2 && e.line <= 4, `line ${e.line} is not in the loop`);
    assert.match(e.message, /the top level ran past its load budget of 2000 ms/);
    return true;
  });
  assert.equal(rt.broken, true);
  rt.dispose();
});

test('the top level runs off the serving thread with the load budget, longer than one message\'s limit; its KSR calls are answered', async () => {
  // a top level that takes several times the 20 ms per-message limit (the sample routing.lua's
  // compile alone takes 25-60 ms): loaded, while the event loop turns
  const limitMs = 20;
  const { opts, rec } = testRuntimeOptions({ cpuMs: limitMs });
  const rt = await create(opts);
  let turns = 0;
  const ticker = setInterval(() => turns++, 1);
  const t0 = performance.now();
  try {
    await rt.load('local ok, err = pcall(KSR.t.record, "top")\nlocal n = 0\nwhile n < 3000000 do n = n + 1 end\nfunction count() KSR.t.record("n " .. n .. " " .. tostring(err)) end\n', FILE);
  } finally {
    clearInterval(ticker);
  }
  const took = performance.now() - t0;
  assert.ok(took > 2 * limitMs, `the top level took ${took.toFixed(0)} ms, not well past the ${limitMs} ms limit: the test proves nothing`);
  assert.ok(turns > 0, 'the event loop turned while the top level ran');
  assert.deepEqual(rt.invoke('count', blankContext()), { outcome: 'ok' });
  // the top level's KSR call reached the host, which answered it (outside a route: an error)
  assert.deepEqual(rec.calls, ['n 3000000 limits.lua:1: KSR.t.record: needs a SIP message: called outside a route callback (only the log functions may be)']);
  rt.dispose();
});

test('a table-growing loop ends in memory; the runtime is then broken', async () => {
  // A long CPU limit so that memory, not time, is what stops the loop.
  const { opts, rec } = testRuntimeOptions({ cpuMs: 20_000, memoryMb: 24 });
  const rt = await create(opts);
  await rt.load(SOURCE, FILE);
  const r = rt.invoke('grow', blankContext());
  assert.equal(r.outcome, 'memory');
  assert.match(r.error?.message ?? '', /memory limit of 24 MB/);
  assert.equal(rt.broken, true);
  assert.equal(rt.renew?.(), false, 'the isolate is gone: only a replacement helps');
  assert.deepEqual(rec.calls, []);
  rt.dispose();
});

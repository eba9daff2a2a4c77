// The Lua runtime (fengari in an isolate): KSR built from the registry, values both ways,
// exit/drop through pcall, errors with the script's file:line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { create } from '../../runtimes/lua/index.js';
import { ScriptError, type ScriptRuntime } from '../../runtimes/runtime.js';
import { blankContext, testRuntimeOptions, type Recorder } from './support.js';

const FILE = 'routes/main.lua';

async function loaded(source: string): Promise<{ rt: ScriptRuntime; rec: Recorder }> {
  const { opts, rec } = testRuntimeOptions();
  const rt = await create(opts);
  await rt.load(source, FILE);
  return { rt, rec };
}

/** Line (1-based) of the first line of source containing marker. */
function lineOf(source: string, marker: string): number {
  const i = source.split('\n').findIndex((l) => l.includes(marker));
  assert.ok(i >= 0, `marker ${marker} not in source`);
  return i + 1;
}

test('KSR is built from the registry: core functions on KSR, modules as sub-tables', async () => {
  const { rt, rec } = await loaded(`
    function ksr_request_route()
      KSR.info(type(KSR.info) .. ' ' .. type(KSR.t) .. ' ' .. type(KSR.t.record) .. ' ' .. type(KSR.x.exit))
      KSR.t.record('called')
    end
    function list()
      local names = {}
      for k, v in pairs(KSR) do
        if type(v) == 'table' then
          for f in pairs(v) do names[#names + 1] = k .. '.' .. f end
        else
          names[#names + 1] = k
        end
      end
      table.sort(names)
      KSR.t.record(table.concat(names, ' '))
    end`);
  assert.equal(rt.language, 'lua');
  assert.equal(rt.engine, 'fengari');
  assert.deepEqual(rt.invoke('ksr_request_route', blankContext()), { outcome: 'ok' });
  assert.deepEqual(rec.logs.map((l) => l.text), ['function table function function']);
  assert.deepEqual(rec.calls, ['called']);
  // pairs(KSR) lists every registry row, in its module.
  assert.deepEqual(rt.invoke('list', blankContext()), { outcome: 'ok' });
  const rows = testRuntimeOptions().opts.dispatcher.entries.map((e) => (e.module ? `${e.module}.${e.name}` : e.name));
  assert.equal(rec.calls[1], rows.sort().join(' '));
  rt.dispose();
});

test('values cross both ways with their Lua types', async () => {
  const { rt, rec } = await loaded(`
    function ksr_request_route(arg)
      local n, s, y, z, sum = KSR.t.num(), KSR.t.str(), KSR.t.yes(), KSR.t.nothing(), KSR.t.add(40, 2)
      KSR.info(math.type(n) .. ':' .. n .. ' ' .. type(s) .. ':' .. s .. ' ' .. tostring(y) .. ' ' .. tostring(z))
      KSR.info(math.type(sum) .. ':' .. sum .. ' ' .. math.type(KSR.t.add(2.0, 3)))
      KSR.t.record(7)
      KSR.t.record(1.5)
      KSR.t.record('héllo €')
      KSR.t.record(arg)
      KSR.t.record(tostring(KSR.t.add(true, false)))
      KSR.t.record('\\255\\254 latin1')
    end`);
  assert.deepEqual(rt.invoke('ksr_request_route', blankContext(), 'event:x'), { outcome: 'ok' });
  assert.deepEqual(rec.logs.map((l) => l.text), ['integer:42 string:hello true nil', 'integer:42 integer']);
  // Bytes that are not UTF-8 (a latin1 body) arrive one char per byte, none replaced.
  assert.deepEqual(rec.calls, ['7', '1.5', 'héllo €', 'event:x', '1', '\u00ff\u00fe latin1']);
  rt.dispose();
});

test('a callback gets no argument unless one is given', async () => {
  const { rt, rec } = await loaded(`function cb(...) KSR.t.record(select('#', ...) .. ':' .. tostring((...))) end`);
  rt.invoke('cb', blankContext());
  rt.invoke('cb', blankContext(), 'tm:branch-failure');
  assert.deepEqual(rec.calls, ['0:nil', '1:tm:branch-failure']);
  rt.dispose();
});

test('has() sees callable globals only; a missing callback is reported as missing', async () => {
  const { rt } = await loaded(`
    function ksr_request_route() end
    callable = setmetatable({}, { __call = function() KSR.t.record('via __call') end })
    not_a_function = 42`);
  assert.equal(rt.has('ksr_request_route'), true);
  assert.equal(rt.has('callable'), true);
  assert.equal(rt.has('not_a_function'), false);
  assert.equal(rt.has('ksr_reply_route'), false);
  assert.deepEqual(rt.invoke('ksr_reply_route', blankContext()), { outcome: 'missing' });
  assert.deepEqual(rt.invoke('callable', blankContext()), { outcome: 'ok' });
  rt.dispose();
});


test('a callback is looked up by name at each call: a script that replaces it is followed, any name may be asked', async () => {
  const { rt, rec } = await loaded(`
    function cb() KSR.t.record('first'); cb = function() KSR.t.record('second') end end
    function gone() gone = nil end`);
  for (let i = 0; i < 3; i++) rt.invoke('cb', blankContext());
  assert.deepEqual(rec.calls, ['first', 'second', 'second']);
  assert.deepEqual(rt.invoke('gone', blankContext()), { outcome: 'ok' });
  assert.deepEqual(rt.invoke('gone', blankContext()), { outcome: 'missing' });
  // more names than the guest keeps as Lua strings (KSR.route takes any): each still answered
  for (let i = 0; i < 100; i++) assert.deepEqual(rt.invoke(`route_${i}`, blankContext()), { outcome: 'missing' });
  rt.invoke('cb', blankContext());
  assert.deepEqual(rec.calls, ['first', 'second', 'second', 'second']);
  rt.dispose();
});
test('exit and drop stop the callback', async () => {
  const { rt, rec } = await loaded(`
    function by_exit() KSR.t.record('before'); KSR.x.exit(); KSR.t.record('after exit') end
    function by_drop() KSR.x.drop(); KSR.t.record('after drop') end`);
  assert.deepEqual(rt.invoke('by_exit', blankContext()), { outcome: 'stopped' });
  const ctx = blankContext();
  assert.deepEqual(rt.invoke('by_drop', ctx), { outcome: 'stopped' });
  assert.equal(ctx.dropped, true);
  assert.deepEqual(rec.calls, ['before']);
  rt.dispose();
});

test('the stop passes through pcall, xpcall, coroutines and error handlers', async () => {
  // `reached` is plain Lua state: it shows the script went on after the stop, which the
  // sticky dispatcher alone would hide (every later KSR call stops again).
  const { rt, rec } = await loaded(`
    reached = {}
    function in_pcall()
      local ok, e = pcall(function() KSR.x.exit() end)
      reached[#reached + 1] = 'pcall'
    end
    function in_xpcall()
      xpcall(KSR.x.exit, function(e) reached[#reached + 1] = 'handler'; return 'swallowed' end)
      reached[#reached + 1] = 'xpcall'
    end
    function in_coroutine()
      local co = coroutine.create(function() KSR.x.drop() end)
      coroutine.resume(co)
      reached[#reached + 1] = 'resume'
    end
    function in_wrap()
      pcall(coroutine.wrap(function() KSR.x.exit() end))
      reached[#reached + 1] = 'wrap'
    end
    function on_purpose()
      for i = 1, 3 do
        pcall(KSR.x.exit)
        reached[#reached + 1] = 'loop ' .. i
        pcall(KSR.t.record, 'after catching ' .. i)
      end
    end
    function report() KSR.t.record('reached: ' .. table.concat(reached, ',')) end`);
  for (const cb of ['in_pcall', 'in_xpcall', 'in_coroutine', 'in_wrap', 'on_purpose']) {
    assert.deepEqual(rt.invoke(cb, blankContext()), { outcome: 'stopped' }, cb);
  }
  assert.deepEqual(rt.invoke('report', blankContext()), { outcome: 'ok' });
  assert.deepEqual(rec.calls, ['reached: ']);
  rt.dispose();
});

test('a usage error names the KSR function and the script line', async () => {
  const source = `
    function ksr_request_route()
      local x = 1
      KSR.t.fail_usage() -- here
    end
    function bad_argument()
      KSR.t.record({}) -- table
    end
    function caught()
      local ok, e = pcall(KSR.t.add, 'a', 1) -- pcall
      KSR.t.record(e)
    end`;
  const { rt, rec } = await loaded(source);
  const r = rt.invoke('ksr_request_route', blankContext());
  assert.equal(r.outcome, 'error');
  assert.equal(r.error?.file, FILE);
  assert.equal(r.error?.line, lineOf(source, '-- here'));
  assert.equal(r.error?.ksrFunction, 'KSR.t.fail_usage');
  assert.match(r.error?.message ?? '', /^KSR\.t\.fail_usage: refused on purpose$/);

  const b = rt.invoke('bad_argument', blankContext());
  assert.equal(b.outcome, 'error');
  assert.equal(b.error?.line, lineOf(source, '-- table'));
  assert.equal(b.error?.ksrFunction, 'KSR.t.record');
  assert.match(b.error?.message ?? '', /argument 1 .* got table/);

  assert.deepEqual(rt.invoke('caught', blankContext()), { outcome: 'ok' });
  assert.equal(rec.calls.length, 1);
  assert.match(rec.calls[0]!, new RegExp(`^${FILE}:${lineOf(source, '-- pcall')}: KSR\\.t\\.add\\(int, int\\): int: argument 1 must be int, got string$`));
  rt.dispose();
});

test('host error text does not reach the script', async () => {
  const { rt, rec } = await loaded(`
    function ksr_request_route() KSR.t.fail_host() end
    function caught() local ok, e = pcall(KSR.t.fail_host) KSR.t.record(tostring(e)) end`);
  const r = rt.invoke('ksr_request_route', blankContext());
  assert.equal(r.outcome, 'error');
  assert.equal(r.error?.ksrFunction, 'KSR.t.fail_host');
  assert.match(r.error?.message ?? '', /KSR\.t\.fail_host: internal error/);
  rt.invoke('caught', blankContext());
  for (const text of [r.error?.message ?? '', ...rec.calls]) {
    assert.doesNotMatch(text, /secret|\/etc\/passwd|ksr-lua-guest|\.js:/);
  }
  rt.dispose();
});

test('script errors carry the script file:line', async () => {
  const source = `
    function index_nil()
      local t = nil
      return t.field -- index
    end
    function raised() error('boom') end -- raised
    function raised_level2() local function check() error('bad input', 2) end
      check() -- caller
    end
    function raised_table() error({ code = 1 }) end -- table`;
  const { rt } = await loaded(source);
  const cases: [string, string, RegExp][] = [
    ['index_nil', '-- index', /attempt to index a nil value \(local 't'\)/],
    ['raised', '-- raised', /^boom$/],
    ['raised_level2', '-- caller', /^bad input$/],
    ['raised_table', '-- table', /error object is a table value/],
  ];
  for (const [cb, marker, message] of cases) {
    const r = rt.invoke(cb, blankContext());
    assert.equal(r.outcome, 'error', cb);
    assert.equal(r.error?.file, FILE, cb);
    assert.equal(r.error?.line, lineOf(source, marker), cb);
    assert.match(r.error?.message ?? '', message, cb);
    assert.equal(r.error?.ksrFunction, undefined, cb);
  }
  rt.dispose();
});

test('load rejects with ScriptError at file:line, for syntax and top-level errors', async () => {
  const { opts } = testRuntimeOptions();
  const rt = await create(opts);
  await assert.rejects(rt.load('local a = 1\nlocal b = = 2\n', FILE), (e: unknown) => {
    assert.ok(e instanceof ScriptError);
    assert.equal(e.file, FILE);
    assert.equal(e.line, 2);
    assert.match(e.message, /unexpected symbol/);
    return true;
  });
  await assert.rejects(rt.load('local a = 1\n\nlocal b = a + {}\n', 'other.lua'), (e: unknown) => {
    assert.ok(e instanceof ScriptError);
    assert.equal(e.file, 'other.lua');
    assert.equal(e.line, 3);
    assert.match(e.message, /arithmetic on a table value/);
    return true;
  });
  rt.dispose();
});

test('memoryUsage reports the isolate heap', async () => {
  const { rt } = await loaded('x = 1');
  const used = rt.memoryUsage();
  assert.ok(used > 100_000, `expected the heap of a fengari isolate, got ${used} bytes`);
  rt.dispose();
});

// Issue 7, items 3, 5 and 7, in every runtime: one CPU budget per message shared by the
// callbacks nested in it (KSR.route), KSR calls answering STOP once it is spent, a fresh budget
// for the next top-level callback, the nesting limit with its error, and strings over
// limits.max_value_bytes refused by the guest's stub before they cross into the host.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry } from '../../bindings/modules/index.js';
import { Dispatcher } from '../../bindings/registry.js';
import { createRuntime, LANGUAGE_OF } from '../../runtimes/index.js';
import { DEFAULT_LIMITS, type EngineName, type ScriptRuntime } from '../../runtimes/runtime.js';
import type { MsgContext } from '../../host/core/context.js';
import { makeContext } from '../support/sip-fixtures.js';
import { copyContext } from '../../host/core/context-copy.js';
import { describeHeld, measureHeld } from '../support/thread-time.js';

const CPU_MS = 100;
const MAX_DEPTH = 10;
const MAX_VALUE = 65536;
/**
 * How long a stopped script may hold the thread: 2× the CPU limit plus the stop itself (an
 * isolate disposed, ~12 ms idle; Lua rebuilds its own). Wall-clock time less the waits for a
 * CPU (test/support/thread-time.ts): a loaded runner's run queue is not the server's doing.
 */
const HELD_BOUND_MS = 2 * CPU_MS + 200;

const JS = `var depth = 0;
function spin_level() {
  depth++;
  if (depth < 100) { try { KSR.route('spin_level'); } catch (e) {} }
  for (;;) { try { while (true) {} } catch (e) {} }
}
function spin_nested() { depth = 0; spin_level(); }
function spend() { for (;;) {} }
function after_spent() {
  try { KSR.route('spend'); } catch (e) {}
  try { KSR.setflag(1); } catch (e) {}
  for (;;) { try { KSR.pv.sets('$var(after)', 'ran'); } catch (e) {} }
}
function quick() { KSR.setflag(2); }
function call_loop() { for (;;) { try { KSR.pv.sets('$var(loop)', 'x'); } catch (e) {} } }
function recurse() {
  try { KSR.route('recurse'); } catch (e) { KSR.pv.sets('$var(err)', String(e.message)); }
}
function sizes() {
  var at = 'x'.repeat(${MAX_VALUE});
  KSR.pv.sets('$var(at)', at);
  try { KSR.pv.sets('$var(over)', at + 'x'); } catch (e) { KSR.pv.sets('$var(err)', String(e.message)); }
}
`;

const LUA = `depth = 0
function spin_level()
  depth = depth + 1
  if depth < 100 then pcall(KSR.route, 'spin_level') end
  while true do pcall(function() while true do end end) end
end
function spin_nested() depth = 0; spin_level() end
function spend() while true do end end
function after_spent()
  pcall(KSR.route, 'spend')
  pcall(KSR.setflag, 1)
  while true do pcall(KSR.pv.sets, '$var(after)', 'ran') end
end
function quick() KSR.setflag(2) end
function call_loop() while true do pcall(KSR.pv.sets, '$var(loop)', 'x') end end
function recurse()
  local ok, e = pcall(KSR.route, 'recurse')
  if not ok then KSR.pv.sets('$var(err)', tostring(e)) end
end
function sizes()
  local at = string.rep('x', ${MAX_VALUE})
  KSR.pv.sets('$var(at)', at)
  local ok, e = pcall(KSR.pv.sets, '$var(over)', at .. 'x')
  if not ok then KSR.pv.sets('$var(err)', tostring(e)) end
end
`;

const PY = `depth = [0]
def spin_level():
    depth[0] += 1
    if depth[0] < 100:
        try:
            KSR.route('spin_level')
        except BaseException:
            pass
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
def spin_nested():
    depth[0] = 0
    spin_level()
def spend():
    while True:
        pass
def after_spent():
    try:
        KSR.route('spend')
    except BaseException:
        pass
    try:
        KSR.setflag(1)
    except BaseException:
        pass
    while True:
        try:
            KSR.pv.sets('$var(after)', 'ran')
        except BaseException:
            pass
def quick():
    KSR.setflag(2)
def call_loop():
    while True:
        try:
            KSR.pv.sets('$var(loop)', 'x')
        except BaseException:
            pass
def recurse():
    try:
        KSR.route('recurse')
    except Exception as e:
        KSR.pv.sets('$var(err)', str(e))
def sizes():
    at = 'x' * ${MAX_VALUE}
    KSR.pv.sets('$var(at)', at)
    try:
        KSR.pv.sets('$var(over)', at + 'x')
    except Exception as e:
        KSR.pv.sets('$var(err)', str(e))
`;

const SCRIPTS: Record<EngineName, [string, string]> = {
  v8: ['limits.js', JS],
  quickjs: ['limits.js', JS],
  fengari: ['limits.lua', LUA],
  pyodide: ['limits.py', PY],
};

for (const engine of ['v8', 'quickjs', 'fengari', 'pyodide'] as EngineName[]) {
  describe(`script limits (${engine})`, () => {
    let rt: ScriptRuntime;
    let dispatcher: Dispatcher;
    /** Longest string argument that reached the host. */
    let longestArgument = 0;
    const [file, source] = SCRIPTS[engine];

    const build = async (): Promise<ScriptRuntime> => {
      dispatcher = new Dispatcher(createRegistry(), { maxRouteDepth: MAX_DEPTH, maxValueBytes: MAX_VALUE });
      const call = dispatcher.call.bind(dispatcher);
      dispatcher.call = (index, args) => {
        for (const a of args) if (typeof a === 'string') longestArgument = Math.max(longestArgument, a.length);
        return call(index, args);
      };
      const r = await createRuntime(engine, { dispatcher, limits: { cpuMs: CPU_MS, memoryMb: DEFAULT_LIMITS[LANGUAGE_OF[engine]].memoryMb } });
      await r.load(source, file);
      return r;
    };
    /** A context whose KSR.route runs the script's functions, as the engine would. */
    const context = (): MsgContext => {
      const ctx = makeContext('invite');
      ctx.core.runRoute = (name, c, arg) => rt.invoke(name, c, arg);
      ctx.core.hasRoute = (name) => rt.has(name);
      return ctx;
    };
    /** After a limit an isolate may be gone (as the manager would, build a new one). */
    const fresh = async () => {
      if (rt.broken) {
        rt.dispose();
        rt = await build();
      }
    };

    before(async () => {
      rt = await build();
    });
    after(() => rt?.dispose());

    test('100 nested spinning routes share one budget: the message times out within 2× the CPU limit', async () => {
      const held = measureHeld(() => rt.invoke('spin_nested', context()));
      const r = held.value;
      assert.equal(r.outcome, 'timeout', JSON.stringify(r));
      assert.match(r.error?.message ?? '', /CPU limit of 100 ms/);
      // the stretched deadline is capped at 1.3× the limit; Lua's own rebuild of its isolate comes on top
      assert.ok(held.heldMs < HELD_BOUND_MS, `nested spins: ${describeHeld(held)}`);
      await fresh();
    });

    test('the next top-level callback has a fresh budget', async () => {
      await fresh();
      const ctx = context();
      assert.equal(rt.invoke('quick', ctx).outcome, 'ok');
      assert.equal(ctx.flags, 1 << 2);
    });

    test('once the budget is spent every KSR call stops the script, and the message times out', async () => {
      await fresh();
      const ctx = context();
      const held = measureHeld(() => rt.invoke('after_spent', ctx));
      const r = held.value;
      assert.equal(r.outcome, 'timeout', JSON.stringify(r));
      assert.equal(ctx.flags & (1 << 1), 0, 'KSR.setflag after the budget was spent had no effect');
      assert.equal(ctx.vars.get('after'), undefined, 'KSR.pv.sets after the budget was spent had no effect');
      assert.ok(held.heldMs < HELD_BOUND_MS, `the caller: ${describeHeld(held)}`);
      await fresh();
    });

    test('a callback that only calls KSR functions (time its isolate timer does not count) is stopped too', async () => {
      await fresh();
      const held = measureHeld(() => rt.invoke('call_loop', context()));
      assert.equal(held.value.outcome, 'timeout', JSON.stringify(held.value));
      assert.ok(held.heldMs < HELD_BOUND_MS, `the KSR-call loop: ${describeHeld(held)}`);
      await fresh();
    });

    test("the copies tm makes of a message (branch, onsend routes) spend its budget in the same turn, not a new one", async () => {
      await fresh();
      // the budget travels with the context: a second runtime (the first may be broken by the
      // timeout, and rebuilding it would take more than a turn) honours it the same way
      const other = await build();
      try {
        const ctx = context();
        assert.equal(rt.invoke('spend', ctx).outcome, 'timeout');
        const branch = copyContext(ctx, 'branch');
        const t0 = performance.now();
        assert.equal(other.invoke('quick', branch).outcome, 'timeout', 'a branch route in the same turn finds the budget spent');
        assert.ok(performance.now() - t0 < 20);
        assert.equal(branch.flags & (1 << 2), 0, 'and does not run');
        await new Promise((r) => setImmediate(r));
        const later = copyContext(ctx, 'failure');
        assert.equal(other.invoke('quick', later).outcome, 'ok', 'a route in a later turn (a failure route fired by a timer) gets a fresh budget');
        assert.equal(later.flags & (1 << 2), 1 << 2);
      } finally {
        other.dispose();
      }
    });

    test(`KSR.route past limits.max_route_depth (${MAX_DEPTH}) raises an error naming the limit`, async () => {
      await fresh();
      const ctx = context();
      assert.equal(rt.invoke('recurse', ctx).outcome, 'ok');
      assert.match(String(ctx.vars.get('err')), new RegExp(`KSR\\.route: callbacks nested deeper than ${MAX_DEPTH} \\(limits\\.max_route_depth\\)`));
      assert.equal(rt.broken, false);
    });

    test('a string over limits.max_value_bytes is refused by the guest before it crosses', async () => {
      await fresh();
      const ctx = context();
      longestArgument = 0;
      assert.equal(rt.invoke('sizes', ctx).outcome, 'ok');
      assert.equal(String(ctx.vars.get('at')).length, MAX_VALUE, 'a value of exactly the limit is taken');
      assert.equal(ctx.vars.get('over'), undefined);
      assert.match(String(ctx.vars.get('err')), new RegExp(`KSR\\.pv\\.sets: argument 2 is longer than ${MAX_VALUE} bytes \\(limits\\.max_value_bytes\\)`));
      assert.equal(longestArgument, MAX_VALUE, 'the longer string never reached the host');
    });
  });
}

describe('the Dispatcher checks value sizes again, in UTF-8 bytes (the backstop behind the guests)', () => {
  const registry = createRegistry();
  const sets = registry.find('KSR.pv.sets')!;
  const get = registry.find('KSR.pv.get')!;

  test('a string argument over the limit is refused, by its UTF-8 size', () => {
    const d = new Dispatcher(registry, { maxValueBytes: MAX_VALUE });
    d.context = makeContext('invite');
    assert.equal(d.call(sets.index, ['$var(a)', 'x'.repeat(MAX_VALUE)]), true);
    // 40 000 two-byte characters: under the limit in characters, over it in bytes
    const r = d.call(sets.index, ['$var(b)', 'é'.repeat(40_000)]);
    assert.deepEqual(r, { ksrSignal: 'error', message: `KSR.pv.sets: argument 2 is longer than ${MAX_VALUE} bytes (limits.max_value_bytes)` });
    assert.equal(d.context.vars.get('b'), undefined);
  });

  test('a value a KSR function returns over the limit is refused', () => {
    const d = new Dispatcher(registry, { maxValueBytes: MAX_VALUE });
    const ctx = makeContext('invite');
    d.context = ctx;
    ctx.vars.set('big', 'y'.repeat(MAX_VALUE + 1)); // as only the host could have put it there
    assert.deepEqual(d.call(get.index, ['$var(big)']), {
      ksrSignal: 'error',
      message: `KSR.pv.get: the value it returns is longer than ${MAX_VALUE} bytes (limits.max_value_bytes)`,
    });
  });

  test('the limits reach the guests as data', () => {
    assert.deepEqual(JSON.parse(new Dispatcher(registry, { maxValueBytes: 70_000, maxRouteDepth: 7 }).guestLimits()), { maxValueBytes: 70_000, maxRouteDepth: 7 });
  });
});

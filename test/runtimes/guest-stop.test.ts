// KSR.x.exit is declared `stops` (bindings/registry.ts): every guest (the JS bootstrap for v8
// and QuickJS, Lua's ksr-table.js, Python's bridge.js) stops the callback itself, without a
// host call, and the runtime sets ctx.stopped from the callback's result (the flag is optional
// for a guest: one that ignores it crosses and the host stops it). Every rule of the stop
// holds, in every runtime, with the real registry:
// - a script that catches the stop and calls KSR again gets the stop again, from every later
//   call of that message, KSR.route included;
// - an exit in a sub-route run by KSR.route stops the calling route too, caught or not;
// - a nested callback on another message (a branch route) stops only itself;
// - the next message runs normally (its facts answered in the guest again);
// - exit with an argument, or outside a route callback, is refused by the host as before;
// - KSR.x.drop still crosses (ctx.dropped means something to tm and the reply route).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry } from '../../bindings/modules/index.js';
import { defineModule, Dispatcher, ksrPath, Registry } from '../../bindings/registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { createRuntime, LANGUAGE_OF } from '../../runtimes/index.js';
import { DEFAULT_LIMITS, ScriptError, type EngineName, type ScriptRuntime } from '../../runtimes/runtime.js';
import { makeContext } from '../support/sip-fixtures.js';
import { observedHost } from './support.js';

const registry = createRegistry();
const EXIT = registry.find('x.exit')!.index;

// flags: 1 caught-then-called, 2 sub-route ran on, 3 outer ran on after KSR.route, 4 next message, 5 drop ran on
const JS = `
function caught() {
  try { KSR.x.exit(); } catch (e) { KSR.info('caught ' + e); }
  try { KSR.setflag(1); } catch (e) {}
  try { KSR.x.exit(); } catch (e) {}
  try { KSR.route('sub'); } catch (e) {}
  try { KSR.info('is_INVITE ' + KSR.is_INVITE()); } catch (e) {}
  KSR.setflag(1);
}
function caught_then_throws() {
  try { KSR.x.exit(); } catch (e) {}
  throw new Error('after the stop');
}
function sub() { KSR.setflag(2); }
function sub_exit() { KSR.x.exit(); KSR.setflag(2); }
function sub_exit_caught() { try { KSR.x.exit(); } catch (e) {} try { KSR.setflag(2); } catch (e) {} }
function outer() { KSR.route('sub_exit'); KSR.setflag(3); }
function outer_catches() { try { KSR.route('sub_exit_caught'); } catch (e) {} try { KSR.setflag(3); } catch (e) {} KSR.info('outer ran on'); }
function next() { KSR.setflag(4); KSR.info('next ' + KSR.is_INVITE()); }
function exit_with_argument() { KSR.x.exit(1); }
function dropped() { try { KSR.x.drop(); } catch (e) {} KSR.setflag(5); }
`;

const LUA = `
function caught()
  local ok, e = pcall(KSR.x.exit)
  pcall(KSR.setflag, 1)
  pcall(KSR.x.exit)
  pcall(KSR.route, 'sub')
  pcall(function() KSR.info('is_INVITE ' .. tostring(KSR.is_INVITE())) end)
  KSR.setflag(1)
end
function caught_then_throws()
  pcall(KSR.x.exit)
  error('after the stop')
end
function sub() KSR.setflag(2) end
function sub_exit() KSR.x.exit(); KSR.setflag(2) end
function sub_exit_caught() pcall(KSR.x.exit); pcall(KSR.setflag, 2) end
function outer() KSR.route('sub_exit'); KSR.setflag(3) end
function outer_catches() pcall(KSR.route, 'sub_exit_caught'); pcall(KSR.setflag, 3); KSR.info('outer ran on') end
function next() KSR.setflag(4); KSR.info('next ' .. tostring(KSR.is_INVITE())) end
function exit_with_argument() KSR.x.exit(1) end
function dropped() pcall(KSR.x.drop); KSR.setflag(5) end
`;

const PY = `
def caught():
    try:
        KSR.x.exit()
    except BaseException as e:
        KSR.info('caught')
    for f in (lambda: KSR.setflag(1), KSR.x.exit, lambda: KSR.route('sub'), lambda: KSR.info('is_INVITE ' + str(KSR.is_INVITE()))):
        try:
            f()
        except BaseException:
            pass
    KSR.setflag(1)

def caught_then_throws():
    try:
        KSR.x.exit()
    except BaseException:
        pass
    raise ValueError('after the stop')

def sub():
    KSR.setflag(2)

def sub_exit():
    KSR.x.exit()
    KSR.setflag(2)

def sub_exit_caught():
    for f in (KSR.x.exit, lambda: KSR.setflag(2)):
        try:
            f()
        except BaseException:
            pass

def outer():
    KSR.route('sub_exit')
    KSR.setflag(3)

def outer_catches():
    for f in (lambda: KSR.route('sub_exit_caught'), lambda: KSR.setflag(3)):
        try:
            f()
        except BaseException:
            pass
    KSR.info('outer ran on')

def next():
    KSR.setflag(4)
    KSR.info('next ' + str(KSR.is_INVITE()).lower())

def exit_with_argument():
    KSR.x.exit(1)

def dropped():
    try:
        KSR.x.drop()
    except BaseException:
        pass
    KSR.setflag(5)
`;

const SCRIPTS: Record<EngineName, [file: string, source: string, topLevelExit: string]> = {
  v8: ['stop.js', JS, 'KSR.x.exit();\n'],
  quickjs: ['stop.js', JS, 'KSR.x.exit();\n'],
  fengari: ['stop.lua', LUA, 'KSR.x.exit()\n'],
  pyodide: ['stop.py', PY, 'import KSR\nKSR.x.exit()\n'],
};

for (const engine of ['v8', 'quickjs', 'fengari', 'pyodide'] as EngineName[]) {
  describe(`the stop of KSR.x.exit (${engine})`, () => {
    const [file, source, topLevelExit] = SCRIPTS[engine];
    const { core, dispatcher, logs, hostCalls: callIndices } = observedHost(registry);
    /** The KSR calls that reached the host, by name. */
    const hostCalls = () => callIndices.map((i) => ksrPath(registry.entries[i]!));
    let runtime: ScriptRuntime | null = null;
    /** Callbacks KSR.route runs on another message (as tm runs a branch route on a copy). */
    const onOtherMessage = new Set<string>();
    const otherResults: string[] = [];

    async function rt(): Promise<ScriptRuntime> {
      if (runtime) return runtime;
      runtime = await createRuntime(engine, { dispatcher, limits: { cpuMs: 2000, memoryMb: DEFAULT_LIMITS[LANGUAGE_OF[engine]].memoryMb } });
      await runtime.load(source, file);
      const r = runtime;
      core.hasRoute = (name) => r.has(name);
      core.runRoute = (name, ctx, arg) => {
        if (!onOtherMessage.has(name)) return r.invoke(name, ctx, arg);
        // as tm runs a branch route: on a copy of its own, its result not passed on
        const other = makeContext('register', { core });
        otherResults.push(`${r.invoke(name, other, arg).outcome} ${other.stopped}`);
        return { outcome: 'ok' };
      };
      return runtime;
    }

    function run(r: ScriptRuntime, callback: string): { outcome: string; ctx: MsgContext; error?: string } {
      logs.length = 0;
      callIndices.length = 0;
      const ctx = makeContext('invite', { core });
      const result = r.invoke(callback, ctx);
      return { outcome: result.outcome, ctx, error: result.error?.message };
    }

    test('an exit the script caught answers STOP again from every later KSR call of the message', async () => {
      const r = await rt();
      const { outcome, ctx } = run(r, 'caught');
      assert.equal(outcome, 'stopped');
      assert.equal(ctx.stopped, true, 'the host sees the message stopped (KSR.route and tm read it)');
      assert.equal(ctx.flags, 0, 'no setflag took effect, not even the last, uncaught one');
      assert.deepEqual(logs.filter((l) => !l.startsWith('caught')), [], 'KSR.info and the method test stopped too');
      assert.deepEqual(hostCalls(), [], 'answered in the guest: no crossing at all');
      assert.ok(!hostCalls().includes('KSR.route'), 'KSR.route after the stop never reached the host');
    });

    test('a script error after a caught exit still reports the callback stopped', async () => {
      const r = await rt();
      const { outcome, ctx } = run(r, 'caught_then_throws');
      assert.equal(outcome, 'stopped');
      assert.equal(ctx.stopped, true);
    });

    test('an exit inside a KSR.route sub-route stops the outer route, caught or not', async () => {
      const r = await rt();
      const plain = run(r, 'outer');
      assert.equal(plain.outcome, 'stopped');
      assert.equal(plain.ctx.flags, 0, 'neither the sub-route nor the outer one ran on');
      const caught = run(r, 'outer_catches');
      assert.equal(caught.outcome, 'stopped');
      assert.equal(caught.ctx.stopped, true);
      assert.equal(caught.ctx.flags, 0, 'catching in the sub-route or around KSR.route does not let either run on');
      assert.deepEqual(logs, []);
      // the guest stops every later call itself
      assert.deepEqual(hostCalls(), ['KSR.route'], 'after the stop, no KSR call reached the host');
    });

    test('a nested callback on another message (a branch route) stops only itself', async () => {
      const r = await rt();
      onOtherMessage.add('sub_exit_caught');
      try {
        const { outcome, ctx } = run(r, 'outer_catches');
        assert.deepEqual(otherResults, ['stopped true'], 'the nested callback stopped its own message');
        assert.equal(outcome, 'ok', 'the outer callback was not stopped');
        assert.equal(ctx.stopped, false);
        assert.equal(ctx.flags, 1 << 3, 'the outer callback ran on after KSR.route');
        assert.deepEqual(logs, ['outer ran on']);
      } finally {
        onOtherMessage.delete('sub_exit_caught');
      }
    });

    test('the next message runs normally after a stopped one, its facts answered in the guest', async () => {
      const r = await rt();
      run(r, 'caught');
      const { outcome, ctx } = run(r, 'next');
      assert.equal(outcome, 'ok');
      assert.equal(ctx.stopped, false);
      assert.equal(ctx.flags, 1 << 4);
      assert.deepEqual(logs, ['next true']);
      assert.deepEqual(hostCalls(), ['KSR.setflag', 'KSR.info'], 'is_INVITE answered in the guest again');
    });

    test('exit with an argument is refused by the host, as before', async () => {
      const r = await rt();
      const { outcome, ctx, error } = run(r, 'exit_with_argument');
      assert.equal(outcome, 'error');
      assert.match(error ?? '', /KSR\.x\.exit\(\): none: expected 0 argument\(s\), got 1/);
      assert.equal(ctx.stopped, false);
    });

    test('KSR.x.drop still crosses and stops the message', async () => {
      const r = await rt();
      const { outcome, ctx } = run(r, 'dropped');
      assert.equal(outcome, 'stopped');
      assert.equal(ctx.dropped, true);
      assert.equal(ctx.flags, 0);
      assert.deepEqual(hostCalls().slice(0, 1), ['KSR.x.drop']);
    });

    test('exit outside a route callback (the top level) fails the load, saying it needs a message', async () => {
      const d = new Dispatcher(registry);
      const top = await createRuntime(engine, { dispatcher: d, limits: { cpuMs: 2000, memoryMb: DEFAULT_LIMITS[LANGUAGE_OF[engine]].memoryMb } });
      try {
        await assert.rejects(top.load(topLevelExit, file), (e: unknown) => {
          assert.ok(e instanceof ScriptError);
          assert.match(e.message, /KSR\.x\.exit: needs a SIP message: called outside a route callback/);
          return true;
        });
      } finally {
        top.dispose();
      }
    });

    test('dispose', () => runtime?.dispose());
  });
}

test('the registry declares exit `stops` and refuses `stops` where a stop cannot be the answer', () => {
  assert.equal(registry.entries[EXIT]!.stops, true);
  assert.equal(registry.find('x.drop')!.stops, undefined, 'drop has reply-route meaning: it crosses');
  assert.ok(JSON.parse(registry.guestEntries()).find((e: { index: number }) => e.index === EXIT).stops, 'guests get the flag');
  const stop = (c: MsgContext) => { c.stopped = true; return null; };
  assert.throws(() => new Registry([defineModule('y', { quit: { params: ['int'], returns: 'none', fn: stop, stops: true } })]), /KSR\.y\.quit is declared 'stops': expected no params, returns none/);
  assert.throws(() => new Registry([defineModule('y', { quit: { params: [], returns: 'int', fn: stop, stops: true } })]), /declared 'stops'/);
});

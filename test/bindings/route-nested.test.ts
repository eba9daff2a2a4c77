// KSR.route(name) re-enters the running interpreter: the named function runs on the same
// message, inside the callback that called KSR.route, in every runtime.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry } from '../../bindings/modules/index.js';
import { Dispatcher } from '../../bindings/registry.js';
import { createRuntime, LANGUAGE_OF } from '../../runtimes/index.js';
import { DEFAULT_LIMITS, type EngineName } from '../../runtimes/runtime.js';
import { makeContext } from '../support/sip-fixtures.js';

const SCRIPTS: Record<EngineName, [string, string]> = {
  v8: ['r.js', `function sub() { KSR.setflag(2); }
function stop() { KSR.x.exit(); }
function main() { KSR.route('sub'); }
function main_then() { KSR.route('sub'); KSR.setflag(3); }
function main_stop() { KSR.route('stop'); KSR.setflag(4); }`],
  quickjs: ['r.js', ''],
  fengari: ['r.lua', `function sub() KSR.setflag(2) end
function stop() KSR.x.exit() end
function main() KSR.route('sub') end
function main_then() KSR.route('sub'); KSR.setflag(3) end
function main_stop() KSR.route('stop'); KSR.setflag(4) end`],
  pyodide: ['r.py', `def sub():
    KSR.setflag(2)
def stop():
    KSR.x.exit()
def main():
    KSR.route('sub')
def main_then():
    KSR.route('sub')
    KSR.setflag(3)
def main_stop():
    KSR.route('stop')
    KSR.setflag(4)
`],
};
SCRIPTS.quickjs = ['r.js', SCRIPTS.v8[1]];

for (const engine of ['v8', 'quickjs', 'fengari', 'pyodide'] as EngineName[]) {
  test(`KSR.route runs the named function on the same message (${engine})`, async (t) => {
    const dispatcher = new Dispatcher(createRegistry());
    const rt = await createRuntime(engine, { dispatcher, limits: { cpuMs: 2000, memoryMb: DEFAULT_LIMITS[LANGUAGE_OF[engine]].memoryMb } });
    try {
      await rt.load(SCRIPTS[engine][1], SCRIPTS[engine][0]);
      const fresh = () => {
        const ctx = makeContext('invite');
        ctx.core.runRoute = (name, c, arg) => rt.invoke(name, c, arg);
        ctx.core.hasRoute = (name) => rt.has(name);
        return ctx;
      };
      const ctx = fresh();
      assert.equal(rt.invoke('main', ctx).outcome, 'ok');
      assert.equal(ctx.flags, 1 << 2);
      const stopped = fresh();
      assert.equal(rt.invoke('main_stop', stopped).outcome, 'stopped', 'exit in the sub-route ends the caller');
      assert.equal(stopped.flags, 0);
      await t.test('KSR calls after KSR.route', () => {
        const then = fresh();
        assert.equal(rt.invoke('main_then', then).outcome, 'ok');
        assert.equal(then.flags, (1 << 2) | (1 << 3));
      });
    } finally {
      rt.dispose();
    }
  });
}

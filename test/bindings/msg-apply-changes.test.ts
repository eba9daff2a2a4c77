// The lump semantics of issue 10 §2 through a real runtime in every engine: a removed header
// still reads until KSR.textopsx.msg_apply_changes(), then it is gone; after msg_set_buffer
// replaced the received INVITE by an OPTIONS, KSR.is_INVITE()/is_OPTIONS() answer from the new
// message (the guest's facts refresh), also when the change happened in a KSR.route() sub-route.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry } from '../../bindings/modules/index.js';
import { Dispatcher } from '../../bindings/registry.js';
import { createRuntime, LANGUAGE_OF } from '../../runtimes/index.js';
import { DEFAULT_LIMITS, type EngineName } from '../../runtimes/runtime.js';
import { FIXTURES, makeContext } from '../support/sip-fixtures.js';

// JSON string escapes (\r \n \") are valid in JavaScript, Lua and Python literals
const OPTIONS = JSON.stringify(FIXTURES.options);

const JS = `function lumps() {
  KSR.hdr.remove('Supported');
  var before = KSR.hdr.get('Supported');
  KSR.pv.sets('$var(before)', before === null ? 'null' : before);
  KSR.pv.seti('$var(apply)', KSR.textopsx.msg_apply_changes());
  var after = KSR.hdr.get('Supported');
  KSR.pv.sets('$var(after)', after === null ? 'null' : after);
}
function facts() {
  KSR.pv.seti('$var(inv0)', KSR.is_INVITE() ? 1 : 0);
  KSR.pv.seti('$var(set)', KSR.textopsx.msg_set_buffer(${OPTIONS}));
  KSR.pv.seti('$var(inv)', KSR.is_INVITE() ? 1 : 0);
  KSR.pv.seti('$var(opt)', KSR.is_OPTIONS() ? 1 : 0);
}
function SUB() { KSR.pv.seti('$var(set)', KSR.textopsx.msg_set_buffer(${OPTIONS})); }
function facts_sub() {
  KSR.pv.seti('$var(inv0)', KSR.is_INVITE() ? 1 : 0);
  KSR.route('SUB');
  KSR.pv.seti('$var(inv)', KSR.is_INVITE() ? 1 : 0);
  KSR.pv.seti('$var(opt)', KSR.is_OPTIONS() ? 1 : 0);
}
`;

const LUA = `function lumps()
  KSR.hdr.remove('Supported')
  KSR.pv.sets('$var(before)', KSR.hdr.get('Supported') or 'null')
  KSR.pv.seti('$var(apply)', KSR.textopsx.msg_apply_changes())
  KSR.pv.sets('$var(after)', KSR.hdr.get('Supported') or 'null')
end
local function b(v) if v then return 1 else return 0 end end
function facts()
  KSR.pv.seti('$var(inv0)', b(KSR.is_INVITE()))
  KSR.pv.seti('$var(set)', KSR.textopsx.msg_set_buffer(${OPTIONS}))
  KSR.pv.seti('$var(inv)', b(KSR.is_INVITE()))
  KSR.pv.seti('$var(opt)', b(KSR.is_OPTIONS()))
end
function SUB() KSR.pv.seti('$var(set)', KSR.textopsx.msg_set_buffer(${OPTIONS})) end
function facts_sub()
  KSR.pv.seti('$var(inv0)', b(KSR.is_INVITE()))
  KSR.route('SUB')
  KSR.pv.seti('$var(inv)', b(KSR.is_INVITE()))
  KSR.pv.seti('$var(opt)', b(KSR.is_OPTIONS()))
end
`;

const PY = `def lumps():
    KSR.hdr.remove('Supported')
    v = KSR.hdr.get('Supported')
    KSR.pv.sets('$var(before)', 'null' if v is None else v)
    KSR.pv.seti('$var(apply)', KSR.textopsx.msg_apply_changes())
    v = KSR.hdr.get('Supported')
    KSR.pv.sets('$var(after)', 'null' if v is None else v)

def facts():
    KSR.pv.seti('$var(inv0)', 1 if KSR.is_INVITE() else 0)
    KSR.pv.seti('$var(set)', KSR.textopsx.msg_set_buffer(${OPTIONS}))
    KSR.pv.seti('$var(inv)', 1 if KSR.is_INVITE() else 0)
    KSR.pv.seti('$var(opt)', 1 if KSR.is_OPTIONS() else 0)

def SUB():
    KSR.pv.seti('$var(set)', KSR.textopsx.msg_set_buffer(${OPTIONS}))

def facts_sub():
    KSR.pv.seti('$var(inv0)', 1 if KSR.is_INVITE() else 0)
    KSR.route('SUB')
    KSR.pv.seti('$var(inv)', 1 if KSR.is_INVITE() else 0)
    KSR.pv.seti('$var(opt)', 1 if KSR.is_OPTIONS() else 0)
`;

const SCRIPTS: Record<EngineName, [string, string]> = {
  v8: ['m.js', JS],
  quickjs: ['m.js', JS],
  fengari: ['m.lua', LUA],
  pyodide: ['m.py', PY],
};

for (const engine of ['v8', 'quickjs', 'fengari', 'pyodide'] as EngineName[]) {
  test(`msg_apply_changes / msg_set_buffer through ${engine}`, async (t) => {
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
      await t.test('a removed header reads until msg_apply_changes, then is gone', () => {
        const ctx = fresh();
        const r = rt.invoke('lumps', ctx);
        assert.equal(r.outcome, 'ok', r.error?.message);
        assert.equal(ctx.vars.get('before'), 'timer, 100rel');
        assert.equal(ctx.vars.get('apply'), 1);
        assert.equal(ctx.vars.get('after'), 'null');
        assert.equal(ctx.msg.hasHeader('supported'), false);
        assert.equal(ctx.lumps.size, 0);
      });
      for (const fn of ['facts', 'facts_sub']) {
        await t.test(`${fn}: is_INVITE/is_OPTIONS answer from the new message`, () => {
          const ctx = fresh();
          const r = rt.invoke(fn, ctx);
          assert.equal(r.outcome, 'ok', r.error?.message);
          assert.deepEqual(
            ['inv0', 'set', 'inv', 'opt'].map((k) => ctx.vars.get(k)),
            [1, 1, 0, 1],
          );
          assert.equal(ctx.msg.method, 'OPTIONS');
          assert.equal(ctx.msg.buf.toString(), FIXTURES.options);
        });
      }
    } finally {
      rt.dispose();
    }
  });
}

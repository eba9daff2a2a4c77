// Dicts and arrays from KSR functions (an xval row returning a KsrStructured: pvx.xavp_getd...)
// in every runtime: a native value of the script's language (a JS object/array of the
// script's own realm, a Lua table with arrays from 1, a Python dict/list), refused with an
// error naming the function when too deep, too large or not plain data, and never a way to a
// host object (it crosses as JSON text, bindings/registry.ts structuredWire).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defineModule, Dispatcher, KsrStructured, Registry } from '../../bindings/registry.js';
import { createRuntime, LANGUAGE_OF } from '../../runtimes/index.js';
import { DEFAULT_LIMITS, type EngineName, type ScriptRuntime } from '../../runtimes/runtime.js';
import { blankContext } from './support.js';

const MAX_VALUE = 65536;

function nested(levels: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

function dict(): object {
  const d: Record<string, unknown> = { a: ['x', 1], n: { deep: [true, null] }, constructor: ['c'] };
  // a field named __proto__ is an own key of the dict, never its prototype
  Object.defineProperty(d, '__proto__', { value: ['p'], enumerable: true, writable: true, configurable: true });
  return d;
}

function registry(notes: string[]): Registry {
  const s = defineModule('s', {
    dict: { params: [], returns: 'xval', structured: true, fn: () => new KsrStructured(dict()) },
    arr: { params: [], returns: 'xval', structured: true, fn: () => new KsrStructured(['a', 2, { k: 'v' }]) },
    empty: { params: [], returns: 'xval', structured: true, fn: () => new KsrStructured([]) },
    eight: { params: [], returns: 'xval', structured: true, fn: () => new KsrStructured(nested(8)) },
    deep: { params: [], returns: 'xval', structured: true, fn: () => new KsrStructured(nested(9)) },
    // each string is under the limit, the whole is over it
    big: { params: [], returns: 'xval', structured: true, fn: () => new KsrStructured(['x'.repeat(40000), 'y'.repeat(40000)]) },
    notxval: { params: [], returns: 'int', fn: () => new KsrStructured([1]) as never },
    hostobj: { params: [], returns: 'xval', structured: true, fn: () => new KsrStructured({ m: new Map([['k', 'v']]) }) },
    hostfn: { params: [], returns: 'xval', structured: true, fn: () => new KsrStructured([() => 'host']) },
    rawobj: { params: [], returns: 'xval', fn: () => ({ a: 1 }) as never },
  });
  const r = defineModule('r', { note: { params: ['str'], returns: 'int', fn: (_c, t: string) => (notes.push(t), 1) } });
  return new Registry([s, r]);
}

const REFUSED = ['deep', 'big', 'notxval', 'hostobj', 'hostfn', 'rawobj'];

const JS = `
function native() {
  const d = KSR.s.dict();
  KSR.r.note([Array.isArray(d), Object.getPrototypeOf(d) === Object.prototype, Array.isArray(d.a), typeof d.a[1], JSON.stringify(d.n)].join(' '));
  const a = KSR.s.arr();
  KSR.r.note([Array.isArray(a), a.length, a[0], a[2].k, JSON.stringify(KSR.s.empty()), JSON.stringify(KSR.s.eight())].join(' '));
}
function refused() {
  for (const f of ${JSON.stringify(REFUSED)}) {
    try { KSR.s[f](); KSR.r.note(f + ': no error'); } catch (e) { KSR.r.note(f + ': ' + e.message); }
  }
}
function escape() {
  const d = KSR.s.dict();
  const own = Object.prototype.hasOwnProperty;
  // the value is of the script's realm: its constructor's constructor compiles in the guest
  KSR.r.note([own.call(d, '__proto__'), JSON.stringify(d.__proto__), Object.getPrototypeOf(d) === Object.prototype,
    d.constructor[0], ({}).constructor.constructor('return typeof process + typeof require')()].join(' '));
  d.a.push('changed');
  KSR.r.note(JSON.stringify(KSR.s.dict().a));
}
`;

const LUA = `
function native()
  local d = KSR.s.dict()
  KSR.r.note(type(d) .. ' ' .. type(d.a) .. ' ' .. d.a[1] .. ' ' .. math.type(d.a[2]) .. ' ' .. tostring(d.n.deep[1]) .. ' ' .. #d.n.deep .. ' ' .. tostring(getmetatable(d)))
  local a = KSR.s.arr()
  local e = KSR.s.empty()
  local t = KSR.s.eight()
  for _ = 1, 7 do t = t[1] end
  KSR.r.note(type(a) .. ' ' .. #a .. ' ' .. a[1] .. ' ' .. a[3].k .. ' ' .. type(e) .. ' ' .. tostring(next(e)) .. ' ' .. t[1])
end
function refused()
  for _, f in ipairs({'${REFUSED.join("', '")}'}) do
    local ok, e = pcall(KSR.s[f])
    KSR.r.note(f .. ': ' .. (ok and 'no error' or tostring(e)))
  end
end
function escape()
  local d = KSR.s.dict()
  KSR.r.note(d.__proto__[1] .. ' ' .. d.constructor[1] .. ' ' .. type(d.n))
  d.a[3] = 'changed'
  KSR.r.note(tostring(#KSR.s.dict().a))
end
`;

const PY = `
def native():
    d = KSR.s.dict()
    KSR.r.note("%s %s %s %s %s" % (type(d) is dict, type(d["a"]) is list, d["a"], d["n"], type(d["a"][1]).__name__))
    a = KSR.s.arr()
    KSR.r.note("%s %d %s %s %s %s" % (type(a) is list, len(a), a[0], a[2]["k"], KSR.s.empty(), KSR.s.eight()))

def refused():
    for f in ${JSON.stringify(REFUSED)}:
        try:
            getattr(KSR.s, f)()
            KSR.r.note(f + ": no error")
        except Exception as e:
            KSR.r.note(f + ": " + str(e))

def escape():
    d = KSR.s.dict()
    KSR.r.note("%s %s %s" % (d["__proto__"], d["constructor"], type(d).__module__))
    d["a"].append("changed")
    KSR.r.note(str(KSR.s.dict()["a"]))
`;

const SCRIPTS: Record<EngineName, [string, string]> = {
  v8: ['s.js', JS],
  quickjs: ['s.js', JS],
  fengari: ['s.lua', LUA],
  pyodide: ['s.py', PY],
};

/** What each engine's `native` and `escape` report. */
const NATIVE: Record<EngineName, string[]> = {
  v8: ['false true true number {"deep":[true,null]}', 'true 3 a v [] [[[[[[[["bottom"]]]]]]]]'],
  quickjs: ['false true true number {"deep":[true,null]}', 'true 3 a v [] [[[[[[[["bottom"]]]]]]]]'],
  fengari: ['table table x integer true 1 nil', 'table 3 a v table nil bottom'],
  pyodide: ["True True ['x', 1] {'deep': [True, None]} int", "True 3 a v [] [[[[[[[['bottom']]]]]]]]"],
};
const ESCAPE: Record<EngineName, string[]> = {
  v8: ['true ["p"] true c undefinedundefined', '["x",1]'],
  quickjs: ['true ["p"] true c undefinedundefined', '["x",1]'],
  fengari: ['p c table', '2'],
  pyodide: ["['p'] ['c'] builtins", "['x', 1]"],
};

const REFUSALS: RegExp[] = [
  /^deep: (.*: )?KSR\.s\.deep: the dict\/array it returns cannot cross: the value\[0\]\[0\]\[0\]\[0\]\[0\]\[0\]\[0\]\[0\] is nested 9 levels deep, expected at most 8$/,
  /^big: (.*: )?KSR\.s\.big: the dict\/array it returns is longer than 65536 bytes \(limits\.max_value_bytes\)$/,
  /^notxval: (.*: )?KSR\.s\.notxval: internal error: returned an object, expected a str, a number or \(rows declared structured only\) a KsrStructured dict\/array$/,
  /^hostobj: (.*: )?KSR\.s\.hostobj: the dict\/array it returns cannot cross: the value\.m is a Map, expected a plain object or an array$/,
  /^hostfn: (.*: )?KSR\.s\.hostfn: the dict\/array it returns cannot cross: the value\[0\] is a function, expected a str, a number, a boolean, null, a dict or an array$/,
  /^rawobj: (.*: )?KSR\.s\.rawobj: internal error: returned an object, expected a str, a number or \(rows declared structured only\) a KsrStructured dict\/array$/,
];

for (const engine of ['v8', 'quickjs', 'fengari', 'pyodide'] as EngineName[]) {
  describe(`dicts and arrays from KSR (${engine})`, () => {
    let rt: ScriptRuntime;
    const notes: string[] = [];

    before(async () => {
      const dispatcher = new Dispatcher(registry(notes), { maxValueBytes: MAX_VALUE });
      rt = await createRuntime(engine, { dispatcher, limits: { cpuMs: 1000, memoryMb: DEFAULT_LIMITS[LANGUAGE_OF[engine]].memoryMb } });
      const [file, source] = SCRIPTS[engine];
      await rt.load(source, file);
    });
    after(() => rt?.dispose());

    const run = (callback: string): string[] => {
      notes.length = 0;
      const r = rt.invoke(callback, blankContext());
      assert.equal(r.outcome, 'ok', JSON.stringify(r));
      return [...notes];
    };

    test('a dict and an array are native values of the language', () => {
      assert.deepEqual(run('native'), NATIVE[engine]);
    });

    test('too deep, too large, not plain data, or from a row that is not xval: an error naming the function', () => {
      const got = run('refused');
      assert.equal(got.length, REFUSALS.length, JSON.stringify(got));
      got.forEach((line, i) => assert.match(line, REFUSALS[i]!));
    });

    test('the value is a copy of plain data: no host object, no shared state, __proto__ only a key', () => {
      assert.deepEqual(run('escape'), ESCAPE[engine]);
    });
  });
}

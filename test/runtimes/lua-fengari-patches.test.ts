// The changes bundle.ts makes to fengari's sources (runtimes/lua/fengari-patches.ts): each
// still finds its place in the installed fengari (a fengari upgrade that moved it is noticed
// here, not as a slower server), none is left undone in the bundle, and Lua code computes
// the same in the patched guest as in fengari as published.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create } from '../../runtimes/lua/index.js';
import { buildGuest, guestBundle } from '../../runtimes/lua/bundle.js';
import { FENGARI_PATCHES, patchFengari } from '../../runtimes/lua/fengari-patches.js';
import { blankContext, testRuntimeOptions } from './support.js';

const require = createRequire(import.meta.url);
const FENGARI_SRC = join(dirname(require.resolve('fengari/package.json')), 'src');

test('every patch applies to the installed fengari, and the bundle holds none of what they replace', async () => {
  const sources = readdirSync(FENGARI_SRC).filter((f) => f.endsWith('.js'));
  for (const patch of FENGARI_PATCHES) {
    let found = 0;
    for (const f of sources) found += (readFileSync(join(FENGARI_SRC, f), 'utf8').match(patch.find) ?? []).length;
    assert.ok(found > 0, `patch "${patch.why}" finds nothing in ${FENGARI_SRC}`);
  }
  const ldo = patchFengari(readFileSync(join(FENGARI_SRC, 'ldo.js'), 'utf8'));
  assert.ok(ldo.applied > 0);
  // the guest as bundled, with fengari's names (the minified one has others)
  const readable = await buildGuest(false);
  for (const patch of FENGARI_PATCHES) assert.doesNotMatch(readable, patch.find, `left undone: ${patch.why}`);
  assert.doesNotMatch((await guestBundle()).code, /\bdelete \w+\.stack\[/);
});

/**
 * Lua that works its stack hard: varargs and results adjusted every way, deep recursion,
 * closures over frames that returned, errors of every kind through pcall, coroutines,
 * metamethods, the string and table libraries. Returns one line of what it saw.
 */
const PROGRAM = String.raw`
local function run()
  local out = {}
  local function add(...) for i = 1, select('#', ...) do out[#out + 1] = tostring((select(i, ...))) end end
  local function many(n, ...) if n == 0 then return ... end return many(n - 1, n, ...) end
  add(many(12))
  add(select(-2, many(5)))
  local a, b, c, d = many(2)
  add(a, b, c, d)
  add(table.unpack({1, nil, 3}, 1, 3))
  add(select('#', table.unpack({}, 1, 40)))
  local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
  add(depth(3000))
  local fs = {}
  for i = 1, 5 do local j = i * i; fs[i] = function() j = j + 1; return j end end
  for i = 1, 5 do add(fs[i](), fs[i]()) end
  for _, v in ipairs({'s', 42, true, {}, false}) do
    local ok, e = pcall(error, v)
    add(ok, type(e))
  end
  add((pcall(function() local t = nil; return t.x end)))
  add(select('#', pcall(error)))
  add(pcall(pcall, error, 'nested'))
  local ok, e = pcall(function() local function r() return r() + 1 end return r() end)
  add(ok, type(e))
  local co = coroutine.wrap(function(...)
    local s = 0
    for _, v in ipairs({...}) do s = s + coroutine.yield(v) end
    return 'sum', s
  end)
  add(co(1, 2, 3)); add(co(10)); add(co(20)); add(co(30))
  local mt = {
    __index = function(_, k) return k .. '!' end,
    __call = function(_, x, y) return x + y, x * y end,
    __concat = function() return 'cat' end,
  }
  local obj = setmetatable({}, mt)
  add(obj.foo, obj(6, 7), obj .. 'x')
  add(string.format('%5.2f|%d|%s|%q', 3.14159, 42, 'x', 'a\nb'))
  add((('hello world'):gsub('o', function(ch) return ch:upper() end)))
  add(table.concat({('a,b,,c'):match('(%w*),(%w*),(%w*),(%w*)')}, ';'))
  local t = {}
  for i = 1, 200 do t[i] = (i * 7919) % 1000 end
  table.sort(t, function(x, y) return x > y end)
  add(t[1], t[100], t[200], #t)
  local n = 0
  for x = 1, 2, 0.25 do n = n + x end
  add(n, 7 // 2, 7.0 // 2, 2^10, 10 % -3, math.maxinteger, 'a' < 'b')
  return table.concat(out, ' ')
end
`;

/** The little of fengari's API (untyped CommonJS) the comparison uses. */
interface Fengari {
  lua: { LUA_OK: number; lua_tojsstring(L: unknown, i: number): string };
  lauxlib: { luaL_newstate(): unknown; luaL_dostring(L: unknown, s: Uint8Array): number };
  lualib: { luaL_openlibs(L: unknown): void };
  to_luastring(s: string): Uint8Array;
}

/** PROGRAM's line in fengari as published, in this process (no isolate, no prelude). */
function stockFengari(): string {
  const { lua, lauxlib, lualib, to_luastring } = require('fengari') as Fengari;
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  const status = lauxlib.luaL_dostring(L, to_luastring(`${PROGRAM}\nreturn run()`));
  assert.equal(status, lua.LUA_OK, `stock fengari: ${lua.lua_tojsstring(L, -1)}`);
  return lua.lua_tojsstring(L, -1);
}

test('Lua code computes the same in the patched guest as in fengari as published', async () => {
  const expected = stockFengari();
  assert.match(expected, /^1 2 3 4 5 6 7 8 9 10 11 12 4 5 1 2 nil nil 1 nil 3 40 3000 /, expected);
  const { opts, rec } = testRuntimeOptions({ cpuMs: 2000 });
  const rt = await create(opts);
  await rt.load(`${PROGRAM}\nfunction ksr_request_route() KSR.t.record(run()) end`, 'routes/patched.lua');
  // twice: the second run starts from the stack the first one left (its error handling shrank it)
  for (let i = 0; i < 2; i++) assert.deepEqual(rt.invoke('ksr_request_route', blankContext()), { outcome: 'ok' });
  assert.deepEqual(rec.calls, [expected, expected]);
  rt.dispose();
});

// The typings (bindings/typings, generated from the registry and bindings/docs/functions) hold the
// project's own sample scripts as an editor would: routing.js through TypeScript's checkJs
// (sample-scripts/jsconfig.json), routing.py through mypy (Debian's package, installed by .ci/run;
// skipped here without it unless KSR_REQUIRE_TOOLS=1, as CI sets), ksr.lua loaded by a Lua
// interpreter (fengari) with each function's parameters named. Each check is also shown to fail
// on a script that misuses a KSR function.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../bindings/generate.js';
import { createRegistry } from '../../bindings/modules/index.js';
import { docKey, loadFunctionDocs } from '../../bindings/docs/function-docs.js';

const require = createRequire(import.meta.url);

/** The part of fengari's API this test uses (it ships no typings). */
interface Fengari {
  lua: { LUA_OK: number; lua_tojsstring(L: unknown, i: number): string };
  lauxlib: { luaL_newstate(): unknown; luaL_dostring(L: unknown, s: Uint8Array): number };
  lualib: { luaL_openlibs(L: unknown): void };
  to_luastring(s: string): Uint8Array;
}
const TSC = require.resolve('typescript/bin/tsc');

interface Run {
  code: number;
  out: string;
}

function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 }, (e, out, err) => {
      resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, out: out + err });
    });
  });
}

/** A copy of sample-scripts/ and the typings in a temporary tree, the script changed by edit. */
function brokenCopy(file: string, edit: (text: string) => string): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-typecheck-'));
  cpSync(join(ROOT, 'sample-scripts'), join(dir, 'sample-scripts'), { recursive: true });
  cpSync(join(ROOT, 'bindings/typings'), join(dir, 'bindings/typings'), { recursive: true });
  const path = join(dir, 'sample-scripts', file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('routing.js type-checks against ksr.d.ts (tsc --checkJs), and a misused KSR function does not', { timeout: 180_000 }, async () => {
  const ok = await run(process.execPath, [TSC, '-p', 'sample-scripts/jsconfig.json']);
  assert.equal(ok.code, 0, ok.out);
  const bad = brokenCopy('routing.js', (t) => `${t}\nfunction ksr_misuse() { KSR.sl.sl_send_reply('404', 'Not Here'); KSR.sanity.sanity_check(); }\n`);
  try {
    const r = await run(process.execPath, [TSC, '-p', join(bad.dir, 'sample-scripts/jsconfig.json')]);
    assert.notEqual(r.code, 0);
    assert.match(r.out, /routing\.js\(\d+,\d+\): error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'/);
    assert.match(r.out, /error TS2554: Expected 2 arguments, but got 0/);
  } finally {
    bad.done();
  }
});

async function mypyOrSkip(t: { skip: (why: string) => void }): Promise<boolean> {
  const probe = await run('mypy', ['--version']);
  if (probe.code === 0) return true;
  const why = 'mypy is not installed (Debian package mypy; .ci/run installs it)';
  if (process.env.KSR_REQUIRE_TOOLS === '1') throw new Error(why);
  t.skip(why);
  return false;
}

test('routing.py type-checks against KSR.pyi (mypy), and a misused KSR function does not', { timeout: 180_000 }, async (t) => {
  if (!(await mypyOrSkip(t))) return;
  const env = { MYPYPATH: join(ROOT, 'bindings/typings'), MYPY_CACHE_DIR: join(tmpdir(), 'ksr-mypy-cache') };
  const ok = await run('mypy', ['--check-untyped-defs', '--no-error-summary', 'sample-scripts/routing.py'], env);
  assert.equal(ok.code, 0, ok.out);
  const bad = brokenCopy('routing.py', (t) => `${t}\n\ndef ksr_misuse():\n    KSR.sl.sl_send_reply("404", "Not Here")\n    KSR.sanity.sanity_check()\n`);
  try {
    const r = await run('mypy', ['--check-untyped-defs', join(bad.dir, 'sample-scripts/routing.py')], { ...env, MYPYPATH: join(bad.dir, 'bindings/typings') });
    assert.notEqual(r.code, 0);
    assert.match(r.out, /Argument 1 to "sl_send_reply" of "_sl" has incompatible type "str"; expected "int"/);
    assert.match(r.out, /Missing positional arguments "msg_checks", "uri_checks" in call to "sanity_check" of "_sanity"/);
  } finally {
    bad.done();
  }
});

test('ksr.lua is Lua that defines every KSR function with its documented parameter names', async () => {
  const { lua, lauxlib, lualib, to_luastring } = require('fengari') as Fengari;
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  const source = readFileSync(join(ROOT, 'bindings/typings/ksr.lua'), 'utf8');
  // each function's parameter names, read back by the Lua debug library from what ksr.lua defines
  const probe = `${source.replace(/\nreturn KSR\n*$/, '\n')}
local out = {}
for mod, t in pairs(KSR) do
  local fns = type(t) == 'table' and t or { [mod] = t }
  for name, f in pairs(fns) do
    if type(f) == 'function' then
      local names, i = {}, 1
      while true do local n = debug.getlocal(f, i); if not n then break end; names[#names + 1] = n; i = i + 1 end
      out[#out + 1] = (type(t) == 'table' and (mod .. '.') or '') .. name .. '=' .. table.concat(names, ',')
    end
  end
end
return table.concat(out, '\\n')`;
  assert.equal(lauxlib.luaL_dostring(L, to_luastring(probe)), lua.LUA_OK, `ksr.lua does not load: ${lua.lua_tojsstring(L, -1)}`);
  const defined = new Map(lua.lua_tojsstring(L, -1).split('\n').map((l: string) => l.split('=') as [string, string]));
  const docs = loadFunctionDocs();
  for (const e of createRegistry().entries) {
    const key = docKey(e.module, e.name);
    assert.ok(defined.has(key), `ksr.lua lacks KSR.${key}`);
    const expected = (docs.get(key)?.params ?? []).join(',');
    assert.equal(defined.get(key), expected, `KSR.${key}: parameter names`);
  }
});

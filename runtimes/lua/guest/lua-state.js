// A fresh Lua state with only the safe libraries, the stop-aware prelude and KSR.
import { bytesToJs } from './values.js';
import { PRELUDE_SOURCE } from './errors.js';
import PRELUDE from './prelude.lua';
// fengari is CommonJS: taken apart once with require so calls are direct (an ESM import
// of it goes through esbuild's export getters on every call).
const {
  lua_atnativeerror, lua_pcall, lua_tolstring, lua_pop, lua_pushlightuserdata, lua_pushstring, LUA_OK,
} = require('fengari/src/lua.js');
const { luaL_loadbufferx, luaL_newstate, luaL_requiref } = require('fengari/src/lauxlib.js');
const { luaopen_base } = require('fengari/src/lbaselib.js');
const { luaopen_coroutine } = require('fengari/src/lcorolib.js');
const { luaopen_math } = require('fengari/src/lmathlib.js');
const { luaopen_string } = require('fengari/src/lstrlib.js');
const { luaopen_table } = require('fengari/src/ltablib.js');
const { luaopen_utf8 } = require('fengari/src/lutf8lib.js');
const { to_luastring } = require('fengari/src/fengaricore.js');

/** No io, os, package/require, debug or fengari's js interop: the script reaches only KSR. */
const LIBRARIES = [
  ['_G', luaopen_base],
  ['table', luaopen_table],
  ['string', luaopen_string],
  ['math', luaopen_math],
  ['utf8', luaopen_utf8],
  ['coroutine', luaopen_coroutine],
].map(([name, open]) => [to_luastring(name), open]);

const PRELUDE_BYTES = to_luastring(PRELUDE);
const PRELUDE_NAME = to_luastring(PRELUDE_SOURCE);

/**
 * A JS exception inside fengari (e.g. a failed ArrayBuffer allocation, JS stack overflow)
 * becomes an ordinary Lua error instead of an undefined stack slot. Isolate termination
 * (timeout, out-of-memory) is not a JS exception and never reaches this.
 */
function nativeError(L) {
  lua_pushstring(L, to_luastring('internal interpreter error (out of memory or too deep recursion)'));
  return 1;
}

export function newLuaState(installKsr, stop) {
  const L = luaL_newstate();
  if (!L) throw new Error('fengari: cannot create a Lua state');
  for (const [name, open] of LIBRARIES) {
    luaL_requiref(L, name, open, 1);
    lua_pop(L, 1);
  }
  lua_atnativeerror(L, nativeError);
  if (luaL_loadbufferx(L, PRELUDE_BYTES, null, PRELUDE_NAME, to_luastring('t')) !== LUA_OK) {
    throw new Error(`fengari: prelude did not compile: ${bytesToJs(lua_tolstring(L, -1))}`);
  }
  lua_pushlightuserdata(L, stop);
  if (lua_pcall(L, 1, 0, 0) !== LUA_OK) throw new Error('fengari: prelude failed');
  installKsr(L);
  return L;
}

// A fresh Lua state with only the safe libraries, the stop-aware prelude and KSR.
import {
  lua_atnativeerror, lua_pcall, lua_tolstring, lua_pop, lua_pushlightuserdata, lua_pushstring, LUA_OK,
} from 'fengari/src/lua.js';
import { luaL_loadbufferx, luaL_newstate, luaL_requiref } from 'fengari/src/lauxlib.js';
import { luaopen_base } from 'fengari/src/lbaselib.js';
import { luaopen_coroutine } from 'fengari/src/lcorolib.js';
import { luaopen_math } from 'fengari/src/lmathlib.js';
import { luaopen_string } from 'fengari/src/lstrlib.js';
import { luaopen_table } from 'fengari/src/ltablib.js';
import { luaopen_utf8 } from 'fengari/src/lutf8lib.js';
import { to_luastring } from 'fengari/src/fengaricore.js';
import { bytesToJs } from './values.js';
import { PRELUDE_SOURCE } from './errors.js';
import PRELUDE from './prelude.lua';

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

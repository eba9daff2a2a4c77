// The Lua runtime's side inside its isolate (bundled with fengari by ../bundle.ts). It takes
// the KSR bridge out of the two temporary globals and exposes one object, `__lua`, to the
// host. Results are primitives so nothing but copies cross: 0 = ok, 1 = stopped, 2 = missing,
// or a JSON string { message, file, line, ksrFunction? } for an error.
import { catchCompileError, describeError, forgetErrors, makeMessageHandler, stoppedPosition } from './errors.js';
import { ksrBuilder } from './ksr-table.js';
import { newLuaState } from './lua-state.js';
import { bytesToJs } from './values.js';
// fengari is CommonJS: taken apart once with require so calls are direct (an ESM import
// of it goes through esbuild's export getters on every call).
const {
  lua_pcall, lua_pushcfunction, lua_pushstring, lua_rawget, lua_rawgeti, lua_remove, lua_settop,
  lua_tolstring, lua_touserdata, lua_type, LUA_OK, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS,
  LUA_TFUNCTION, LUA_TLIGHTUSERDATA, LUA_TNIL,
} = require('fengari/src/lua.js');
const { luaL_getmetafield, luaL_loadbufferx } = require('fengari/src/lauxlib.js');
const { luaO_chunkid } = require('fengari/src/lobject.js');
const { LUA_IDSIZE } = require('fengari/src/luaconf.js');
const { to_luastring } = require('fengari/src/fengaricore.js');

const OK = 0;
const STOPPED = 1;
const MISSING = 2;

const call = globalThis.__ksr_call;
const entries = JSON.parse(globalThis.__ksr_entries);
const limits = JSON.parse(globalThis.__ksr_limits);
delete globalThis.__ksr_call;
delete globalThis.__ksr_entries;
delete globalThis.__ksr_limits;

/** The stop signal: a JS object pushed as light userdata, which no Lua code can create. */
const STOP = Object.freeze({ ksrStop: true });
const installKsr = ksrBuilder(call, entries, STOP, limits);
const messageHandler = makeMessageHandler(STOP);
const T_MODE = to_luastring('t');

let L = newLuaState(installKsr, STOP);
/** The script as last loaded: re-run on a fresh state after a timeout. */
let loaded = null;
const names = new Map();

function luaName(name) {
  let s = names.get(name);
  if (!s) names.set(name, (s = to_luastring(name)));
  return s;
}

function errorResult() {
  return JSON.stringify(describeError(loaded ? loaded.chunkSrc : '', loaded ? loaded.file : ''));
}

function runTopLevel() {
  forgetErrors();
  lua_settop(L, 0);
  lua_pushcfunction(L, messageHandler);
  if (luaL_loadbufferx(L, loaded.bytes, null, loaded.chunkname, T_MODE) !== LUA_OK) {
    catchCompileError(bytesToJs(lua_tolstring(L, -1)));
    lua_settop(L, 0);
    return errorResult();
  }
  return finishCall(lua_pcall(L, 0, 0, 1));
}

function finishCall(status) {
  if (status === LUA_OK) {
    lua_settop(L, 0);
    return OK;
  }
  const stopped = lua_type(L, -1) === LUA_TLIGHTUSERDATA && lua_touserdata(L, -1) === STOP;
  lua_settop(L, 0);
  return stopped ? STOPPED : errorResult();
}

/** Pushes global `name` without running any metamethod of _G; returns whether it is callable. */
function pushGlobal(name) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  lua_pushstring(L, luaName(name));
  lua_rawget(L, -2);
  lua_remove(L, -2);
  const t = lua_type(L, -1);
  if (t === LUA_TFUNCTION) return true;
  if (t === LUA_TNIL) return false;
  const callable = luaL_getmetafield(L, -1, to_luastring('__call')) !== LUA_TNIL;
  if (callable) lua_settop(L, -2);
  return callable;
}

globalThis.__lua = {
  load(source, file) {
    // A second load starts from a clean state: nothing of an earlier script survives.
    if (loaded) L = newLuaState(installKsr, STOP);
    const chunkname = to_luastring('@' + file);
    loaded = { bytes: to_luastring(source), chunkname, file, chunkSrc: bytesToJs(luaO_chunkid(chunkname, LUA_IDSIZE)) };
    return runTopLevel();
  },

  has(name) {
    lua_settop(L, 0);
    const found = pushGlobal(name);
    lua_settop(L, 0);
    return found;
  },

  invoke(name, arg) {
    forgetErrors();
    lua_settop(L, 0);
    lua_pushcfunction(L, messageHandler);
    if (!pushGlobal(name)) {
      lua_settop(L, 0);
      return MISSING;
    }
    let nargs = 0;
    if (typeof arg === 'string') {
      lua_pushstring(L, to_luastring(arg));
      nargs = 1;
    }
    return finishCall(lua_pcall(L, nargs, 0, 1));
  },

  /** Where the Lua code was when the isolate stopped it (a timeout): JSON { file, line } or 0. */
  where() {
    try {
      const p = stoppedPosition(L);
      if (!p || !loaded) return OK;
      return JSON.stringify({ file: p.src === loaded.chunkSrc ? loaded.file : p.src, line: p.line });
    } catch {
      return OK;
    }
  },

  /** A fresh Lua state (the old one may be corrupt after a timeout), the script's top level re-run. */
  reset(rerun) {
    L = newLuaState(installKsr, STOP);
    return rerun && loaded ? runTopLevel() : OK;
  },
};

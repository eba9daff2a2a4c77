// The Lua runtime's side inside its isolate (bundled with fengari by ../bundle.ts). It takes
// the KSR bridge out of the two temporary globals and exposes one object, `__lua`, to the
// host. Results are primitives so nothing but copies cross: the result codes of the guest
// protocol (runtimes/guest-protocol.ts, given as the bridge global __ksr_protocol), or a JSON
// error report { message, file, line, ksr? }.
import { catchCompileError, describeError, forgetErrors, makeMessageHandler, stoppedPosition } from './errors.js';
import { ksrBuilder } from './ksr-table.js';
import { newLuaState } from './lua-state.js';
import { bytesToJs } from './values.js';
import { FACT_SEPARATOR, makeFacts } from 'ksr:facts';
// fengari is CommonJS: taken apart once with require so calls are direct (an ESM import
// of it goes through esbuild's export getters on every call).
const {
  lua_next, lua_pcall, lua_pushcfunction, lua_pushnil, lua_pushstring, lua_pushvalue, lua_rawget, lua_rawgeti, lua_remove, lua_settop,
  lua_tolstring, lua_touserdata, lua_type, LUA_OK, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS,
  LUA_TFUNCTION, LUA_TLIGHTUSERDATA, LUA_TNIL, LUA_TSTRING,
} = require('fengari/src/lua.js');
const { luaL_getmetafield, luaL_loadbufferx, luaL_ref } = require('fengari/src/lauxlib.js');
const { luaO_chunkid } = require('fengari/src/lobject.js');
const { LUA_IDSIZE } = require('fengari/src/luaconf.js');
const { to_luastring } = require('fengari/src/fengaricore.js');

const call = globalThis.__ksr_call;
const entries = JSON.parse(globalThis.__ksr_entries);
const limits = JSON.parse(globalThis.__ksr_limits);
const protocol = JSON.parse(globalThis.__ksr_protocol);
delete globalThis.__ksr_call;
delete globalThis.__ksr_entries;
delete globalThis.__ksr_limits;
delete globalThis.__ksr_protocol;
const { ok: OK, stopped: STOPPED, missing: MISSING } = protocol.result;

/** The stop signal: a JS object pushed as light userdata, which no Lua code can create. */
const STOP = Object.freeze({ ksrStop: true });
/** The message's facts, sent with each callback: rows declared with `answer` are answered from them. */
const facts = makeFacts(FACT_SEPARATOR, limits.maxValueBytes);
/**
 * Callbacks running now (nested through KSR.route), whether the innermost one is stopped, and
 * its budget's cap (Date.now() ms; Infinity: none): read and set by the KSR stubs
 * (ksr-table.js), saved and restored around a nested callback.
 */
const callbacks = { running: 0, stopped: false, capAt: Infinity };
const installKsr = ksrBuilder(call, entries, STOP, limits, facts, callbacks);
const messageHandler = makeMessageHandler(STOP);
const T_MODE = to_luastring('t');

/**
 * The callback names as Lua strings kept in the state's registry (name -> reference): the
 * same string each time, whose hash fengari made once. A name pushed afresh cost a copy of
 * its bytes and a new hash per callback. Bounded: callback names come from the script too
 * (KSR.route), the first ones seen are kept.
 */
const NAMES_KEPT = 64;
let nameRefs = new Map();

function freshState() {
  nameRefs = new Map();
  return newLuaState(installKsr, STOP);
}

let L = freshState();
/** The script as loaded (at most once per isolate: a new script gets a new runtime). */
let loaded = null;
/** The globals of a fresh state: only what the script adds can be its callback. */
const builtins = globalNames(L);

/** Pushes the callback name as a Lua string. */
function pushName(name) {
  const ref = nameRefs.get(name);
  if (ref !== undefined) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    return;
  }
  lua_pushstring(L, to_luastring(name));
  if (nameRefs.size >= NAMES_KEPT) return;
  lua_pushvalue(L, -1);
  nameRefs.set(name, luaL_ref(L, LUA_REGISTRYINDEX));
}

function errorResult() {
  return JSON.stringify(describeError(loaded ? loaded.chunkSrc : '', loaded ? loaded.file : ''));
}

function runTopLevel() {
  forgetErrors();
  // a top level is no callback: its KSR calls go to the host (a stop left over would stop them)
  callbacks.running = 0;
  callbacks.stopped = false;
  callbacks.capAt = Infinity;
  lua_settop(L, 0);
  lua_pushcfunction(L, messageHandler);
  if (luaL_loadbufferx(L, loaded.bytes, null, loaded.chunkname, T_MODE) !== LUA_OK) {
    catchCompileError(bytesToJs(lua_tolstring(L, -1)));
    lua_settop(L, 0);
    return errorResult();
  }
  return finishCall(lua_pcall(L, 0, 0, 1));
}

/** The result of a finished pcall: stopped, also when the script caught the stop and then failed (the stop came first). */
function finishCall(status) {
  if (status === LUA_OK) {
    lua_settop(L, 0);
    return callbacks.stopped ? STOPPED : OK;
  }
  const stopped = callbacks.stopped || (lua_type(L, -1) === LUA_TLIGHTUSERDATA && lua_touserdata(L, -1) === STOP);
  lua_settop(L, 0);
  return stopped ? STOPPED : errorResult();
}

/** Pushes global `name` without running any metamethod of _G; returns whether it is callable. */
function pushGlobal(name) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  pushName(name);
  lua_rawget(L, -2);
  lua_remove(L, -2);
  const t = lua_type(L, -1);
  if (t === LUA_TFUNCTION) return true;
  if (t === LUA_TNIL) return false;
  const callable = luaL_getmetafield(L, -1, to_luastring('__call')) !== LUA_TNIL;
  if (callable) lua_settop(L, -2);
  return callable;
}

/** The names of the globals that are functions or callable, as JS strings. */
function globalNames(L) {
  const out = [];
  lua_settop(L, 0);
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    if (lua_type(L, -2) === LUA_TSTRING) {
      const t = lua_type(L, -1);
      const callable = t === LUA_TFUNCTION || (t !== LUA_TNIL && luaL_getmetafield(L, -1, to_luastring('__call')) !== LUA_TNIL && (lua_settop(L, -2), true));
      if (callable) out.push(bytesToJs(lua_tolstring(L, -2)));
    }
    lua_settop(L, -2);
  }
  lua_settop(L, 0);
  return out;
}

globalThis.__lua = {
  load(source, file) {
    // A second load starts from a clean state: nothing of an earlier script survives.
    if (loaded) L = freshState();
    const chunkname = to_luastring('@' + file);
    loaded = { bytes: to_luastring(source), chunkname, file, chunkSrc: bytesToJs(luaO_chunkid(chunkname, LUA_IDSIZE)) };
    return runTopLevel();
  },

  /** The script's callbacks, read once after its top level ran: JSON list of names. */
  names() {
    const known = new Set(builtins);
    return JSON.stringify(globalNames(L).filter((n) => !known.has(n)));
  },

  /**
   * Runs callback `name` (with arg when a string) on a message with the given facts (or null);
   * `nested`: inside another callback (KSR.route). The host says so because a callback cut off
   * by a limit never ran its `finally`: an outermost one starts from zero. `capMs`: ms from now
   * to its budget's cap (undefined: none), past which a stopped callback's calls cross again.
   */
  invoke(name, arg, factText, nested, capMs) {
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
    const outer = facts.facts.enter(factText);
    const outerStopped = callbacks.stopped;
    const outerRunning = nested === true ? callbacks.running : 0;
    const outerCap = callbacks.capAt;
    callbacks.stopped = false;
    callbacks.running = outerRunning + 1;
    callbacks.capAt = typeof capMs === 'number' ? Date.now() + capMs : Infinity;
    try {
      return finishCall(lua_pcall(L, nargs, 0, 1));
    } finally {
      facts.facts.leave(outer);
      callbacks.running = outerRunning;
      callbacks.capAt = outerCap;
      // a nested callback gives the outer one its state back
      callbacks.stopped = nested === true && outerStopped;
    }
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

  /** A fresh Lua state with the script's top level run again (asked by the manager after a timeout). */
  renew() {
    L = freshState();
    return loaded ? runTopLevel() : OK;
  },
};

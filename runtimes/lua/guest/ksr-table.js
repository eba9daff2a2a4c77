// KSR for Lua, built from the registry rows (the runtime never names a KSR function): one
// stub per row, made once per isolate and reused by every Lua state. A stub passes its
// index and arguments through the one bridge call and turns a signal into STOP or an error
// raised at the call site (so the message starts with the script's file:line). A row with
// `answer` is answered from the message's facts without the bridge when it can be. A row
// declared `stops` (KSR.x.exit) stops the running callback here, without crossing, and so
// does every later call of that callback (`callbacks.stopped`, as in the JS guest,
// runtimes/js-bootstrap.ts); the invoke then answers `stopped` and the host sets ctx.stopped.
import { lastKsrError, luaPosition } from './errors.js';
import { bytesToJs, pushJs, pushStructured, toJs, TOO_LARGE, UNCONVERTIBLE } from './values.js';
// fengari is CommonJS: taken apart once with require so calls are direct (an ESM import
// of it goes through esbuild's export getters on every call).
const {
  lua_createtable, lua_error, lua_gettop, lua_next, lua_pushcfunction, lua_pushlightuserdata,
  lua_pushnil, lua_pushstring, lua_pushvalue, lua_rawget, lua_rawset, lua_setfield, lua_setglobal,
  lua_setmetatable, lua_settop, lua_tolstring, lua_type, lua_typename, LUA_TNIL, LUA_TSTRING,
} = require('fengari/src/lua.js');
const { to_luastring } = require('fengari/src/fengaricore.js');

function pathOf(e) {
  return e.module === '' ? `KSR.${e.name}` : `KSR.${e.module}.${e.name}`;
}

function raise(L, path, message) {
  lastKsrError.path = path;
  lastKsrError.message = message;
  const at = luaPosition(L, 1);
  lua_pushstring(L, to_luastring(at ? `${at.src}:${at.line}: ${message}` : message));
  return lua_error(L);
}

/**
 * The arguments at 1..n as KSR values; a string message when one has no KSR counterpart or is
 * longer than the limit on values (refused before it is converted, let alone copied out).
 */
function readArgs(L, n, path, maxBytes) {
  const args = new Array(n);
  for (let i = 1; i <= n; i++) {
    const v = toJs(L, i, maxBytes);
    if (v === UNCONVERTIBLE) {
      const seen = bytesToJs(lua_typename(L, lua_type(L, i)));
      return `${path}: argument ${i} must be a string, number or boolean, got ${seen}`;
    }
    if (v === TOO_LARGE) return `${path}: argument ${i} is longer than ${maxBytes} bytes (limits.max_value_bytes)`;
    args[i - 1] = v;
  }
  return args;
}

/** The bridge call without building an argument array for the usual small arities. */
function bridge(call, index, L, path, maxBytes) {
  const n = lua_gettop(L);
  if (n === 0) return call(index);
  if (n <= 2) {
    const a = toJs(L, 1, maxBytes);
    const b = n === 2 ? toJs(L, 2, maxBytes) : undefined;
    if (typeof a !== 'symbol' && typeof b !== 'symbol') return n === 1 ? call(index, a) : call(index, a, b);
  }
  const args = readArgs(L, n, path, maxBytes);
  if (typeof args === 'string') return { ksrSignal: 'error', message: args };
  return call(index, ...args);
}

/** Raises the stop signal: the callback is stopped, and every later KSR call of it stops too. */
function raiseStop(L, stop, callbacks, facts) {
  callbacks.stopped = true;
  facts.facts.drop();
  lua_pushlightuserdata(L, stop);
  return lua_error(L);
}

function makeStub(call, entry, stop, maxBytes, facts, callbacks) {
  const index = entry.index;
  const path = pathOf(entry);
  const forgets = entry.changesMessage === true;
  const viaHost = function ksrStub(L) {
    // past the budget's cap a stopped callback's call crosses all the same: the host then ends
    // a script that catches its stops and calls on (the isolate's timeout would not count the
    // host's time), as the JS and Python guests do
    if (callbacks.stopped && Date.now() < callbacks.capAt) return raiseStop(L, stop, callbacks, facts);
    const r = bridge(call, index, L, path, maxBytes);
    if (r !== null && typeof r === 'object') {
      // a dict/array (an xval row: pvx.xavp_getd...) as its JSON text: a Lua table, built here
      if (typeof r.ksrJson === 'string') {
        if (forgets) facts.facts.forget();
        const refused = pushStructured(L, r.ksrJson);
        return refused === null ? 1 : raise(L, path, `${path}: ${refused}`);
      }
      // the host stopped the message (KSR.x.drop, an exit in a sub-route, a spent budget)
      if (r.ksrSignal === 'stop') return raiseStop(L, stop, callbacks, facts);
      return raise(L, path, String(r.message));
    }
    // a row that may replace the message: the facts are stale after it (guest-facts.ts forget)
    if (forgets) facts.facts.forget();
    pushJs(L, r);
    return 1;
  };
  if (entry.stops === true) {
    // with arguments, or outside a callback (a top level), the host answers as before
    return function ksrStopStub(L) {
      return callbacks.running === 0 || lua_gettop(L) !== 0 ? viaHost(L) : raiseStop(L, stop, callbacks, facts);
    };
  }
  if (entry.answer === undefined) return viaHost;
  // answered from the message's facts when it can be (../../guest-facts.ts), else by the host
  const answer = facts.answerOf(entry);
  return function ksrFactStub(L) {
    const n = lua_gettop(L);
    const v = n === 0 ? answer(undefined, 0) : n === 1 && lua_type(L, 1) === LUA_TSTRING ? answer(toJs(L, 1, maxBytes), 1) : undefined;
    if (v === undefined) return viaHost(L);
    pushJs(L, v);
    return 1;
  };
}

/**
 * Makes KSR for a Lua state: an empty table whose __index builds a module's table (or a core
 * function) on first use and keeps it, so a fresh state (at load) costs the same with 12 or
 * 800 registry rows; stubs are made once per isolate, when first needed.
 * __pairs builds everything first, so iterating KSR still lists every function.
 * A name KSR or a module lacks is nil, as in Kamailio (`if not KSR.nathelper then` works); the
 * error a script then meets is explained on the host from its line (guest-protocol.ts MissingNames).
 */
export function ksrBuilder(call, entries, stop, limits, facts, callbacks) {
  const core = new Map();
  const modules = new Map();
  for (const e of entries) {
    if (e.module === '') core.set(e.name, e);
    else if (modules.has(e.module)) modules.get(e.module).push(e);
    else modules.set(e.module, [e]);
  }
  const stubs = new Map();
  const stubOf = (e) => {
    let f = stubs.get(e.index);
    if (!f) stubs.set(e.index, (f = makeStub(call, e, stop, limits.maxValueBytes, facts, callbacks)));
    return f;
  };

  /** Pushes the value of KSR[key] (a module table or a core stub); false when there is none. */
  function pushMember(L, key) {
    const list = modules.get(key);
    if (list) {
      lua_createtable(L, 0, list.length);
      for (const e of list) {
        lua_pushcfunction(L, stubOf(e));
        lua_setfield(L, -2, to_luastring(e.name));
      }
      return true;
    }
    const e = core.get(key);
    if (!e) return false;
    lua_pushcfunction(L, stubOf(e));
    return true;
  }

  /** Sets KSR[key] (KSR at stack index 1) and leaves the value on the stack. */
  function materialize(L, key) {
    if (!pushMember(L, key)) return false;
    lua_pushstring(L, to_luastring(key));
    lua_pushvalue(L, -2);
    lua_rawset(L, 1);
    return true;
  }

  function ksrIndex(L) {
    if (lua_type(L, 2) !== LUA_TSTRING) return 0;
    const key = bytesToJs(lua_tolstring(L, 2));
    if (!materialize(L, key)) lua_pushnil(L);
    return 1;
  }

  function ksrNext(L) {
    lua_settop(L, 2);
    if (lua_next(L, 1)) return 2;
    lua_pushnil(L);
    return 1;
  }

  function ksrPairs(L) {
    for (const key of [...modules.keys(), ...core.keys()]) {
      lua_pushstring(L, to_luastring(key));
      if (lua_rawget(L, 1) === LUA_TNIL) materialize(L, key);
      lua_settop(L, 1);
    }
    lua_pushcfunction(L, ksrNext);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
  }

  return function install(L) {
    lua_createtable(L, 0, 0);
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, ksrIndex);
    lua_setfield(L, -2, to_luastring('__index'));
    lua_pushcfunction(L, ksrPairs);
    lua_setfield(L, -2, to_luastring('__pairs'));
    lua_setmetatable(L, -2);
    lua_setglobal(L, to_luastring('KSR'));
  };
}

// KSR for Lua, built from the registry rows (the runtime never names a KSR function): one
// stub per row, made once per isolate and reused by every Lua state. A stub passes its
// index and arguments through the one bridge call and turns a signal into STOP or an error
// raised at the call site (so the message starts with the script's file:line).
import {
  lua_createtable, lua_error, lua_getfield, lua_gettop, lua_pop, lua_pushcfunction,
  lua_pushlightuserdata, lua_pushstring, lua_setfield, lua_setglobal, lua_type, lua_typename,
  LUA_TTABLE,
} from 'fengari/src/lua.js';
import { lastKsrError, luaPosition } from './errors.js';
import { to_luastring } from 'fengari/src/fengaricore.js';
import { bytesToJs, pushJs, toJs, UNCONVERTIBLE } from './values.js';

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

/** The arguments at 1..n as KSR values; a string message when one has no KSR counterpart. */
function readArgs(L, n, path) {
  const args = new Array(n);
  for (let i = 1; i <= n; i++) {
    const v = toJs(L, i);
    if (v === UNCONVERTIBLE) {
      const seen = bytesToJs(lua_typename(L, lua_type(L, i)));
      return `${path}: argument ${i} must be a string, number or boolean, got ${seen}`;
    }
    args[i - 1] = v;
  }
  return args;
}

/** The bridge call without building an argument array for the usual small arities. */
function bridge(call, index, L, path) {
  const n = lua_gettop(L);
  if (n === 0) return call(index);
  if (n <= 2) {
    const a = toJs(L, 1);
    const b = n === 2 ? toJs(L, 2) : undefined;
    if (a !== UNCONVERTIBLE && b !== UNCONVERTIBLE) return n === 1 ? call(index, a) : call(index, a, b);
  }
  const args = readArgs(L, n, path);
  if (typeof args === 'string') return { ksrSignal: 'error', message: args };
  return call(index, ...args);
}

function makeStub(call, entry, stop) {
  const index = entry.index;
  const path = pathOf(entry);
  return function ksrStub(L) {
    const r = bridge(call, index, L, path);
    if (r !== null && typeof r === 'object') {
      if (r.ksrSignal === 'stop') {
        lua_pushlightuserdata(L, stop);
        return lua_error(L);
      }
      return raise(L, path, String(r.message));
    }
    pushJs(L, r);
    return 1;
  };
}

/** Makes the stubs once; install() puts them into a Lua state as the global KSR. */
export function ksrBuilder(call, entries, stop) {
  const rows = entries.map((e) => ({
    module: e.module === '' ? null : to_luastring(e.module),
    name: to_luastring(e.name),
    fn: makeStub(call, e, stop),
  }));
  return function install(L) {
    lua_createtable(L, 0, 0);
    for (const row of rows) {
      if (row.module === null) {
        lua_pushcfunction(L, row.fn);
        lua_setfield(L, -2, row.name);
        continue;
      }
      if (lua_getfield(L, -1, row.module) !== LUA_TTABLE) {
        lua_pop(L, 1);
        lua_createtable(L, 0, 0);
        lua_pushcfunction(L, row.fn);
        lua_setfield(L, -2, row.name);
        lua_setfield(L, -2, row.module);
        continue;
      }
      lua_pushcfunction(L, row.fn);
      lua_setfield(L, -2, row.name);
      lua_pop(L, 1);
    }
    lua_setglobal(L, to_luastring('KSR'));
  };
}

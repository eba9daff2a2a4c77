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

function makeStub(call, entry, stop) {
  const index = entry.index;
  const path = pathOf(entry);
  return function ksrStub(L) {
    const n = lua_gettop(L);
    const args = new Array(n + 1);
    args[0] = index;
    for (let i = 1; i <= n; i++) {
      const v = toJs(L, i);
      if (v === UNCONVERTIBLE) {
        const seen = bytesToJs(lua_typename(L, lua_type(L, i)));
        return raise(L, path, `${path}: argument ${i} must be a string, number or boolean, got ${seen}`);
      }
      args[i] = v;
    }
    const r = call.apply(undefined, args);
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

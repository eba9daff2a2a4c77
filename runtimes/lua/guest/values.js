// Values crossing between Lua and the KSR bridge: Lua strings are byte arrays (Uint8Array)
// in fengari, JS strings are UTF-16. Text goes as UTF-8; bytes that are not valid UTF-8
// (a latin1 body) come out as latin1 so no byte is lost or replaced on the way out.
// fengari is CommonJS: taken apart once with require so calls are direct (an ESM import
// of it goes through esbuild's export getters on every call).
const {
  lua_checkstack, lua_createtable, lua_isinteger, lua_pushboolean, lua_pushinteger, lua_pushnil, lua_pushnumber, lua_pushstring,
  lua_rawset, lua_rawseti, lua_toboolean, lua_tointeger, lua_tolstring, lua_tonumber, lua_type,
  LUA_TBOOLEAN, LUA_TNIL, LUA_TNUMBER, LUA_TSTRING,
} = require('fengari/src/lua.js');
const { to_jsstring, to_luastring } = require('fengari/src/fengaricore.js');

/** fengari's lua_Integer is 32 bits: larger JS integers stay floats so no value wraps. */
const MIN_INT = -2147483648;
const MAX_INT = 2147483647;

/** Marks a Lua value that has no KSR counterpart (table, function, ...). */
export const UNCONVERTIBLE = Symbol('unconvertible');

export function bytesToJs(bytes) {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0x80) { ascii = false; break; }
  }
  if (!ascii) {
    try {
      return to_jsstring(bytes);
    } catch {
      return latin1(bytes);
    }
  }
  return latin1(bytes);
}

function latin1(bytes) {
  let s = '';
  if (bytes.length <= 256) {
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return s;
  }
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
  }
  return s;
}

/** A JS string as UTF-8 bytes; KSR results are mostly ASCII, which skips fengari's array. */
export function jsToBytes(s) {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return to_luastring(s);
    bytes[i] = c;
  }
  return bytes;
}

/** Marks a Lua string longer than the limit on values: never converted (that would copy it). */
export const TOO_LARGE = Symbol('too large');

/** The Lua value at idx as a KSR argument, UNCONVERTIBLE, or TOO_LARGE (a string over maxBytes). */
export function toJs(L, idx, maxBytes) {
  switch (lua_type(L, idx)) {
    case LUA_TNIL: return null;
    case LUA_TBOOLEAN: return lua_toboolean(L, idx);
    case LUA_TNUMBER: return lua_isinteger(L, idx) ? lua_tointeger(L, idx) : lua_tonumber(L, idx);
    case LUA_TSTRING: {
      // fengari hands out the string's own byte array: its length costs nothing, a conversion does
      const bytes = lua_tolstring(L, idx);
      return bytes.length > maxBytes ? TOO_LARGE : bytesToJs(bytes);
    }
    default: return UNCONVERTIBLE;
  }
}

/** Pushes a KSR result (string, number, boolean, null) as its Lua counterpart. */
export function pushJs(L, v) {
  switch (typeof v) {
    case 'string': lua_pushstring(L, jsToBytes(v)); return;
    case 'number':
      if (Number.isInteger(v) && v >= MIN_INT && v <= MAX_INT) lua_pushinteger(L, v);
      else lua_pushnumber(L, v);
      return;
    case 'boolean': lua_pushboolean(L, v); return;
    default: lua_pushnil(L);
  }
}

/** How deep a dict/array may nest (the host's MAX_STRUCTURED_DEPTH, bindings/registry.ts). */
const MAX_DEPTH = 8;

/**
 * Pushes a dict/array from the host (its JSON text, bounded there: depth, size) as a Lua
 * table: an array as a sequence from 1 (a null in it leaves a hole, as Kamailio's Lua
 * binding does), a dict with its keys as strings. Returns an error text instead when the text
 * is not JSON or nests deeper than the host allows (then nothing is left pushed).
 */
export function pushStructured(L, text) {
  let v;
  try {
    v = JSON.parse(text);
  } catch {
    return 'the dict/array it returns is not valid JSON';
  }
  if (!fitsDepth(v, 1)) return `the dict/array it returns is nested deeper than ${MAX_DEPTH} levels`;
  pushTree(L, v);
  return null;
}

function fitsDepth(v, depth) {
  if (v === null || typeof v !== 'object') return true;
  if (depth > MAX_DEPTH) return false;
  for (const x of Array.isArray(v) ? v : Object.values(v)) if (!fitsDepth(x, depth + 1)) return false;
  return true;
}

function pushTree(L, v) {
  if (v === null || typeof v !== 'object') return pushJs(L, v);
  // a table, a key and a value per level: Lua guarantees a C function only LUA_MINSTACK slots
  lua_checkstack(L, 3);
  if (Array.isArray(v)) {
    lua_createtable(L, v.length, 0);
    for (let i = 0; i < v.length; i++) {
      pushTree(L, v[i]);
      lua_rawseti(L, -2, i + 1);
    }
    return;
  }
  const keys = Object.keys(v);
  lua_createtable(L, 0, keys.length);
  for (const k of keys) {
    lua_pushstring(L, jsToBytes(k));
    pushTree(L, v[k]);
    lua_rawset(L, -3);
  }
}

// Where a Lua error happened, as the script's file:line. A message handler runs at the
// point of the error (before the stack unwinds): it lets the stop signal through untouched
// and, for anything else, records the message and the position.
import { bytesToJs } from './values.js';
// fengari is CommonJS: taken apart once with require so calls are direct (an ESM import
// of it goes through esbuild's export getters on every call).
const {
  lua_Debug, lua_getinfo, lua_getstack, lua_tolstring, lua_touserdata, lua_type, lua_typename,
  LUA_TLIGHTUSERDATA, LUA_TNUMBER, LUA_TSTRING,
} = require('fengari/src/lua.js');
const { to_luastring } = require('fengari/src/fengaricore.js');

/** Records the KSR call whose error is being raised, so a script error can name it. */
export const lastKsrError = { path: '', message: '' };

/** The chunk name of the prelude (lua-state.js): its frames are never the script's. */
export const PRELUDE_SOURCE = '=prelude';

const SL = to_luastring('Sl');

/**
 * The innermost Lua function of the script on the stack, from `fromLevel` outwards:
 * { src, line } (src as Lua shows it), or null. C functions and the prelude are skipped.
 */
export function luaPosition(L, fromLevel) {
  const ar = new lua_Debug();
  for (let level = fromLevel; lua_getstack(L, level, ar); level++) {
    lua_getinfo(L, SL, ar);
    if (ar.currentline > 0 && bytesToJs(ar.source) !== PRELUDE_SOURCE) {
      return { src: bytesToJs(ar.short_src), line: ar.currentline };
    }
  }
  return null;
}

/** fengari's opcodes that jump back: a loop's last instruction (lopcodes.js numbering). */
const OP_JMP = 30;
const OP_FORLOOP = 39;
const OP_TFORLOOP = 42;

function jumpsBack(instruction) {
  if (!instruction) return false;
  const op = instruction.opcode;
  return (op === OP_JMP || op === OP_FORLOOP || op === OP_TFORLOOP) && instruction.sBx < 0;
}

/**
 * Where a running loop was stopped (after a timeout). fengari keeps the running function's
 * pc in ci.l_savedpc, moved past the instruction it fetched: the stop came either inside
 * that instruction or between two. A fetched backward jump is the loop's last instruction;
 * otherwise the next instruction to run is the best guess (the fetched one may be the line
 * before a loop that was just jumped back into).
 */
export function stoppedPosition(L) {
  const ar = new lua_Debug();
  if (!lua_getstack(L, 0, ar)) return null;
  lua_getinfo(L, SL, ar);
  const ci = ar.i_ci;
  const lineinfo = ci.func.value.p?.lineinfo;
  // stopped in C, or in the prelude (its pcall wrapper runs inside the script's loops): the
  // innermost script frame is where the script was
  if (ar.currentline === -1 || !lineinfo || lineinfo.length === 0 || bytesToJs(ar.source) === PRELUDE_SOURCE) return luaPosition(L, 1);
  const pc = jumpsBack(ci.l_code[ci.l_savedpc - 1]) ? ci.l_savedpc - 1 : ci.l_savedpc;
  return { src: bytesToJs(ar.short_src), line: lineinfo[Math.max(0, Math.min(pc, lineinfo.length - 1))] };
}

/** What the message handler saw last; read by describeError. */
let caught = { message: '', position: null };

export function makeMessageHandler(stop) {
  return function messageHandler(L) {
    if (lua_type(L, 1) === LUA_TLIGHTUSERDATA && lua_touserdata(L, 1) === stop) return 1;
    const t = lua_type(L, 1);
    const message = t === LUA_TSTRING || t === LUA_TNUMBER
      ? bytesToJs(lua_tolstring(L, 1))
      : `(error object is a ${bytesToJs(lua_typename(L, t))} value)`;
    caught = { message, position: luaPosition(L, 1) };
    return 1;
  };
}

/**
 * The last caught error as the guest protocol's report { message, file, line, ksr? }. A message that starts with
 * a position ("src:line: ") is trusted over the stack (error(msg, 2) points at the caller);
 * the chunk's own name is mapped back to the file the host gave.
 */
export function describeError(chunkSrc, file) {
  const { position } = caught;
  // fengari's handling of a JS exception (e.g. a string too long for a Uint8Array) can fail
  // itself and skip the message handler, leaving an odd value instead of a message.
  const message = caught.message || 'internal interpreter error (out of memory or recursion too deep)';
  const m = /^(.+?):(\d+): ([\s\S]*)$/.exec(message);
  const info = m
    ? { message: m[3], file: m[1] === chunkSrc ? file : m[1], line: Number(m[2]) }
    : { message, file: position && position.src !== chunkSrc ? position.src : file, line: position ? position.line : 0 };
  if (lastKsrError.path && info.message === lastKsrError.message) info.ksr = lastKsrError.path;
  return info;
}

/** A compile error (no stack to look at): its message carries the position. */
export function catchCompileError(message) {
  caught = { message, position: null };
}

export function forgetErrors() {
  caught = { message: '', position: null };
  lastKsrError.path = '';
  lastKsrError.message = '';
}

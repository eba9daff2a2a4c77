// The JavaScript that builds `KSR` inside a JS engine (V8 isolate or QuickJS), shared by both
// engines. It runs once, before the script, and leaves behind two entry points the host keeps
// a handle to (and then deletes from the global object): `invoke(name, arg)` and `has(name)`.
//
// The bridge `__ksr_call(index, ...args)` returns a plain value or a signal object
// ({ksrSignal:'stop'} | {ksrSignal:'error', message}); the stub turns a signal into a throw at
// the call site, so the script's own line is on the stack.
//
// Before a value crosses, the stub refuses a string longer than limits.max_value_bytes (its
// length in UTF-16 units is a lower bound of its UTF-8 bytes; the Dispatcher checks the bytes)
// and replaces an object, function or symbol by an empty object, which the Dispatcher refuses
// by type: the bridge would otherwise copy a 256-million-character string or a huge array
// out of the interpreter first, outside any CPU limit.

/** The bridge globals the bootstrap reads and deletes (the names IsolateSandbox.installBridge uses). */
export const BRIDGE_CALL = '__ksr_call';
export const BRIDGE_ENTRIES = '__ksr_entries';
/** The Dispatcher's CallLimits as JSON (the largest value a KSR call takes, ...). */
export const BRIDGE_LIMITS = '__ksr_limits';
/** File name the bootstrap is compiled under: frames in it are never the script's location. */
export const BOOTSTRAP_FILE = 'ksr:bootstrap';
/** Temporary globals holding the entry points until the host has taken them. */
export const INVOKE_GLOBAL = '__ksr_invoke';
export const HAS_GLOBAL = '__ksr_has';

/** What `invoke` returns: a code, or a JSON report (see GuestErrorReport) when the callback threw. */
export const INVOKE_OK = 0;
export const INVOKE_MISSING = 1;
export const INVOKE_STOPPED = 2;

/** The JSON object `invoke` returns as a string when the callback threw. */
export interface GuestErrorReport {
  /** `Name: message` (just the message for plain Errors and KSR errors). */
  m: string;
  /** The error's stack, '' when it had none. */
  s: string;
  /** Registry index of the KSR call that raised it, -1 when it was not a KSR error. */
  k: number;
}

// Everything the entry points use at call time is captured here, so a script that replaces
// JSON, Reflect or Function only hurts its own error reports, never the host's protocol.
export const BOOTSTRAP_SOURCE = String.raw`(function (g) {
  'use strict';
  const call = g.${BRIDGE_CALL};
  const entries = JSON.parse(g.${BRIDGE_ENTRIES});
  const maxValue = JSON.parse(g.${BRIDGE_LIMITS}).maxValueBytes;
  delete g.${BRIDGE_CALL};
  delete g.${BRIDGE_ENTRIES};
  delete g.${BRIDGE_LIMITS};
  const apply = Reflect.apply;
  const stringify = JSON.stringify;
  const makeFunction = Function;
  const freeze = Object.freeze;
  const defineProperty = Object.defineProperty;
  const KSR_INDEX = Symbol('ksr');
  const IDENT = /^[A-Za-z_$][\w$]*$/;
  const test = RegExp.prototype.test;

  // The stop signal: a unique object, not an Error, so 'catch (e) { if (e instanceof Error) ... }'
  // lets it through; the dispatcher answers every later KSR call with stop again anyway.
  const STOP = freeze({ toString() { return 'KSR: script stopped (exit/drop)'; } });

  function settle(r, index) {
    if (typeof r !== 'object' || r === null) return r;
    if (r.ksrSignal === 'stop') throw STOP;
    const e = new Error(String(r.message));
    e[KSR_INDEX] = index;
    throw e;
  }

  const OPAQUE = freeze({});

  function tooLarge(entry, i) {
    const path = entry.module === '' ? 'KSR.' + entry.name : 'KSR.' + entry.module + '.' + entry.name;
    const e = new Error(path + ': argument ' + (i + 1) + ' is longer than ' + maxValue + ' bytes (limits.max_value_bytes)');
    e[KSR_INDEX] = entry.index;
    return e;
  }

  /** The value that crosses for argument i: checked before any copy is made. */
  function arg(v, entry, i) {
    const t = typeof v;
    if (t === 'string') {
      if (v.length > maxValue) throw tooLarge(entry, i);
      return v;
    }
    if ((t === 'object' && v !== null) || t === 'function' || t === 'symbol') return OPAQUE;
    return v;
  }

  function stub(entry) {
    const index = entry.index;
    return function () {
      switch (arguments.length) {
        case 0: return settle(call(index), index);
        case 1: return settle(call(index, arg(arguments[0], entry, 0)), index);
        case 2: return settle(call(index, arg(arguments[0], entry, 0), arg(arguments[1], entry, 1)), index);
        case 3: return settle(call(index, arg(arguments[0], entry, 0), arg(arguments[1], entry, 1), arg(arguments[2], entry, 2)), index);
        default: {
          const a = [index];
          for (let i = 0; i < arguments.length; i++) a[i + 1] = arg(arguments[i], entry, i);
          return settle(apply(call, undefined, a), index);
        }
      }
    };
  }

  const KSR = {};
  for (const e of entries) {
    let target = KSR;
    if (e.module !== '') target = KSR[e.module] || (KSR[e.module] = {});
    target[e.name] = stub(e);
  }
  for (const k of Object.keys(KSR)) if (typeof KSR[k] === 'object') freeze(KSR[k]);
  defineProperty(g, 'KSR', { value: freeze(KSR), writable: false, enumerable: false, configurable: false });

  // Callbacks are globals; 'let'/'const' ones are not on the global object, so they are looked
  // up through a small function compiled once per name.
  const lexical = new Map();
  function lookup(name) {
    const f = g[name];
    if (typeof f === 'function') return f;
    if (!apply(test, IDENT, [name])) return undefined;
    let get = lexical.get(name);
    if (get === undefined) {
      get = makeFunction('try { return ' + name + '; } catch (e) { return undefined; }');
      lexical.set(name, get);
    }
    const v = get();
    return typeof v === 'function' ? v : undefined;
  }

  function report(e) {
    let m = 'script threw a value that cannot be shown', s = '', k = -1;
    try {
      if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
        const name = typeof e.name === 'string' ? e.name : '';
        const message = typeof e.message === 'string' ? e.message : String(e);
        m = name && name !== 'Error' ? name + ': ' + message : message;
        if (typeof e.stack === 'string') s = e.stack;
        if (typeof e[KSR_INDEX] === 'number') k = e[KSR_INDEX];
      } else {
        m = 'script threw ' + String(e);
      }
    } catch (_) { /* keep the defaults */ }
    return stringify({ m: m.length > 2000 ? m.slice(0, 2000) : m, s: s.length > 8000 ? s.slice(0, 8000) : s, k });
  }

  g.${INVOKE_GLOBAL} = function (name, arg) {
    const f = lookup(name);
    if (f === undefined) return ${INVOKE_MISSING};
    try {
      if (arg === undefined) f(); else f(arg);
      return ${INVOKE_OK};
    } catch (e) {
      if (e === STOP) return ${INVOKE_STOPPED};
      return report(e);
    }
  };
  g.${HAS_GLOBAL} = function (name) { return lookup(name) !== undefined; };
})(globalThis);
`;

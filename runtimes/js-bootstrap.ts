// The JavaScript that builds `KSR` inside a JS engine (V8 isolate or QuickJS), shared by both
// engines. It runs once, before the script, and leaves behind two entry points the host keeps
// a handle to (and then deletes from the global object): `invoke(name, arg, facts)`, answering with
// guest-protocol.ts's result codes or error report, and `names(candidates)`, the script's
// callbacks, read once after its top level ran (has() never enters the isolate).
//
// KSR and each of its modules have a prototype that answers a name they lack with the one
// error of guest-protocol.ts (KSR.nathelper.nat_uac_test: module nathelper is not available).
//
// The bridge `__ksr_call(index, ...args)` returns a plain value or a signal object
// ({ksrSignal:'stop'} | {ksrSignal:'error', message}); the stub turns a signal into a throw at
// the call site, so the script's own line is on the stack. A dict or an array (an xval row:
// pvx.xavp_getd...) comes as {ksrJson: text}: parsed here with the JSON.parse captured at boot,
// so the script gets plain objects and arrays of its own realm, never a host object.
//
// A row declared `stops` (KSR.x.exit) is answered here while a callback runs: the callback's
// "stopped" state is set and the stop signal thrown, with no host call; from then on every KSR
// call of that callback throws the stop signal again without crossing (a script that catches
// it can do nothing more to the message) until its budget's cap, after which the calls cross
// and the host ends the callback (v8: the isolate's timeout does not count the host's share of
// the time before), and the invoke answers RESULT.stopped however the
// callback ended, from which the runtime sets ctx.stopped (KSR.route and tm read it). Each
// callback has its own state: a nested one (KSR.route, a branch route run by t_relay) starts
// unstopped and the outer one's is back after it; a stop inside KSR.route reaches the outer
// callback through the host (ctx.stopped, then STOP for the KSR.route call). Outside a
// callback (a top level, a promise job run after it) the call goes to the host as before.
// A stop the host answers (KSR.x.drop, an exit in a sub-route, a spent CPU budget) sets the
// same state: later calls of the callback stop again in the guest, as the host would answer.
//
// Before a value crosses, the stub refuses a string longer than limits.max_value_bytes (its
// length in UTF-16 units is a lower bound of its UTF-8 bytes; the Dispatcher checks the bytes)
// and replaces an object, function or symbol by an empty object, which the Dispatcher refuses
// by type: the bridge would otherwise copy a 256-million-character string or a huge array
// out of the interpreter first, outside any CPU limit.

import { BRIDGE_PROTOCOL } from './guest-protocol.js';
import { FACTS_SOURCE } from './guest-facts.js';
import { FACT_SEPARATOR } from '../bindings/registry.js';

/** The bridge globals the bootstrap reads and deletes (the names IsolateSandbox.installBridge uses). */
export const BRIDGE_CALL = '__ksr_call';
export const BRIDGE_ENTRIES = '__ksr_entries';
/** The Dispatcher's CallLimits as JSON (the largest value a KSR call takes, ...). */
export const BRIDGE_LIMITS = '__ksr_limits';
/** File name the bootstrap is compiled under: frames in it are never the script's location. */
export const BOOTSTRAP_FILE = 'ksr:bootstrap';
/** Temporary globals holding the entry points until the host has taken them. */
export const INVOKE_GLOBAL = '__ksr_invoke';
export const NAMES_GLOBAL = '__ksr_names';

/** Words that cannot be looked up as a binding (the lexical-callback check skips them). */
const RESERVED = [
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in', 'instanceof', 'interface',
  'let', 'new', 'null', 'package', 'private', 'protected', 'public', 'return', 'static', 'super', 'switch', 'this', 'throw',
  'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'arguments', 'eval',
];

/**
 * The names a script's callbacks may have: every identifier in its text (a callback declared
 * with let/const is on no object the guest can list, so each candidate is checked once, at load).
 */
export function candidateNames(source: string): string[] {
  const found = new Set<string>(source.match(/[A-Za-z_$][\w$]*/g) ?? []);
  for (const w of RESERVED) found.delete(w);
  return [...found];
}

// Everything the entry points use at call time is captured here, so a script that replaces
// JSON, Reflect or Function only hurts its own error reports, never the host's protocol.
export const BOOTSTRAP_SOURCE = String.raw`(function (g) {
  'use strict';
  const call = g.${BRIDGE_CALL};
  const entries = JSON.parse(g.${BRIDGE_ENTRIES});
  const maxValue = JSON.parse(g.${BRIDGE_LIMITS}).maxValueBytes;
  const protocol = JSON.parse(g.${BRIDGE_PROTOCOL});
  delete g.${BRIDGE_CALL};
  delete g.${BRIDGE_ENTRIES};
  delete g.${BRIDGE_LIMITS};
  delete g.${BRIDGE_PROTOCOL};
  const RESULT = protocol.result;
  const apply = Reflect.apply;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const makeFunction = Function;
  const freeze = Object.freeze;
  const create = Object.create;
  const defineProperty = Object.defineProperty;
  const ownNames = Object.getOwnPropertyNames;
  const ObjectProto = Object.prototype;
  const Err = Error;
  const KSR_PATH = Symbol('ksr');
  const IDENT = /^[A-Za-z_$][\w$]*$/;
  const test = RegExp.prototype.test;
  const now = Date.now;
  // the message's facts, sent with each callback: rows declared with 'answer' are answered from them
  const { facts, stubOf } = ${FACTS_SOURCE}(${JSON.stringify(FACT_SEPARATOR)}, maxValue);

  // The stop signal: a unique object, not an Error, so 'catch (e) { if (e instanceof Error) ... }'
  // lets it through; every later KSR call answers stop again anyway (the guest or the host).
  const STOP = freeze({ toString() { return 'KSR: script stopped (exit/drop)'; } });
  // callbacks running now (nested through KSR.route), and whether the innermost one is stopped
  // (a 'stops' row, or STOP from the host): then every KSR call of it throws STOP without crossing
  let running = 0;
  let stopped = false;
  // When the message's CPU budget reaches its cap (Date.now ms; Infinity: the host gave none).
  // Past it a stopped callback's calls cross again: the isolate's timeout counts only the time
  // spent in here, so a script that catches its stops and calls on is ended by the host.
  let capAt = Infinity;

  const pathOf = (module, name) => module === '' ? 'KSR.' + name : 'KSR.' + module + '.' + name;

  function settle(r, path) {
    if (typeof r !== 'object' || r === null) return r;
    if (typeof r.ksrJson === 'string') return structured(r.ksrJson, path);
    if (r.ksrSignal === 'stop') {
      // the host stopped the message (KSR.x.drop, an exit in a KSR.route sub-route, a spent
      // CPU budget): every later call of the callback throws STOP again, here
      stopped = true;
      facts.drop();
      throw STOP;
    }
    const e = new Err(String(r.message));
    e[KSR_PATH] = path;
    throw e;
  }

  /** A dict/array from the host (bounded there: depth, limits.max_value_bytes) as this engine's own objects. */
  function structured(text, path) {
    if (text.length > maxValue * 3) throw ksrError(path, path + ': the dict/array it returns is longer than ' + maxValue + ' bytes (limits.max_value_bytes)');
    try {
      return parse(text);
    } catch (_) {
      throw ksrError(path, path + ': the dict/array it returns is not valid JSON');
    }
  }

  function ksrError(path, message) {
    const e = new Err(message);
    e[KSR_PATH] = path;
    return e;
  }

  const OPAQUE = freeze({});

  function tooLarge(path, i) {
    const e = new Err(path + ': argument ' + (i + 1) + ' is longer than ' + maxValue + ' bytes (limits.max_value_bytes)');
    e[KSR_PATH] = path;
    return e;
  }

  /** The value that crosses for argument i: checked before any copy is made. */
  function arg(v, path, i) {
    const t = typeof v;
    if (t === 'string') {
      if (v.length > maxValue) throw tooLarge(path, i);
      return v;
    }
    if ((t === 'object' && v !== null) || t === 'function' || t === 'symbol') return OPAQUE;
    return v;
  }

  function stub(entry) {
    const index = entry.index;
    const path = pathOf(entry.module, entry.name);
    const viaHost = hostStub(index, path);
    if (entry.stops === true) return stopStub(viaHost);
    if (entry.changesMessage === true) return forgettingStub(viaHost);
    return entry.answer === undefined ? viaHost : stubOf(entry, viaHost);
  }

  /** A row that may replace the message: the facts are stale after it (guest-facts.ts forget). */
  function forgettingStub(viaHost) {
    return function () {
      try {
        return apply(viaHost, undefined, arguments);
      } finally {
        facts.forget();
      }
    };
  }

  /** A 'stops' row: the callback stops itself (with arguments, or outside one: the host answers). */
  function stopStub(viaHost) {
    return function () {
      if (running === 0 || arguments.length !== 0) return apply(viaHost, undefined, arguments);
      stopped = true;
      // the fact stubs then fall through to hostStub, which throws STOP
      facts.drop();
      throw STOP;
    };
  }

  function hostStub(index, path) {
    return function () {
      if (stopped && now() < capAt) throw STOP;
      switch (arguments.length) {
        case 0: return settle(call(index), path);
        case 1: return settle(call(index, arg(arguments[0], path, 0)), path);
        case 2: return settle(call(index, arg(arguments[0], path, 0), arg(arguments[1], path, 1)), path);
        case 3: return settle(call(index, arg(arguments[0], path, 0), arg(arguments[1], path, 1), arg(arguments[2], path, 2)), path);
        default: {
          const a = [index];
          for (let i = 0; i < arguments.length; i++) a[i + 1] = arg(arguments[i], path, i);
          return settle(apply(call, undefined, a), path);
        }
      }
    };
  }

  // A name KSR lacks is undefined, as in Kamailio ("if (!KSR.nathelper)" works); the error a
  // script then meets is explained on the host from its line (guest-protocol.ts MissingNames).
  const KSR = create(ObjectProto);
  for (const e of entries) {
    let target = KSR;
    if (e.module !== '') {
      if (!apply(ObjectProto.hasOwnProperty, KSR, [e.module])) KSR[e.module] = create(ObjectProto);
      target = KSR[e.module];
    }
    target[e.name] = stub(e);
  }
  for (const k of ownNames(KSR)) if (typeof KSR[k] === 'object') freeze(KSR[k]);
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
    let m = 'script threw a value that cannot be shown', s = '', k = '';
    try {
      if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
        const name = typeof e.name === 'string' ? e.name : '';
        const message = typeof e.message === 'string' ? e.message : String(e);
        m = name && name !== 'Error' ? name + ': ' + message : message;
        if (typeof e.stack === 'string') s = e.stack;
        if (typeof e[KSR_PATH] === 'string') k = e[KSR_PATH];
      } else {
        m = 'script threw ' + String(e);
      }
    } catch (_) { /* keep the defaults */ }
    const r = { message: m.length > 2000 ? m.slice(0, 2000) : m, stack: s.length > 8000 ? s.slice(0, 8000) : s };
    if (k !== '') r.ksr = k;
    // QuickJS's refused allocation; V8 never names an error InternalError
    if (m === 'InternalError: out of memory') r.memory = true;
    return stringify(r);
  }

  /**
   * Runs callback 'name' (with arg unless undefined) on a message with the given facts (or
   * null); 'nested': it runs inside another callback (KSR.route). The host says so because a
   * callback cut off by a limit never ran its 'finally': an outermost one starts from zero.
   * 'capMs': ms from now to its budget's cap (undefined: none).
   */
  g.${INVOKE_GLOBAL} = function (name, arg, factText, nested, capMs) {
    const f = lookup(name);
    if (f === undefined) return RESULT.missing;
    const outer = facts.enter(factText);
    const outerStopped = stopped;
    const outerRunning = nested === true ? running : 0;
    const outerCap = capAt;
    stopped = false;
    running = outerRunning + 1;
    capAt = capMs === undefined ? Infinity : now() + capMs;
    try {
      if (arg === undefined) f(); else f(arg);
      return stopped ? RESULT.stopped : RESULT.ok;
    } catch (e) {
      // stopped, also when the script caught the stop and then failed: the stop came first
      if (e === STOP || stopped) return RESULT.stopped;
      return report(e);
    } finally {
      facts.leave(outer);
      running = outerRunning;
      capAt = outerCap;
      // a nested callback gives the outer one its state back; the outermost keeps its own
      // until the next message starts, so a promise job run right after it stops too
      if (nested === true) stopped = outerStopped;
    }
  };

  // The globals there before the script: only what the script adds can be its callback.
  const before = new Set(ownNames(g));
  /** The script's callbacks, once, after its top level ran: JSON list of names. */
  g.${NAMES_GLOBAL} = function (candidatesJson) {
    const found = new Set();
    for (const n of ownNames(g)) {
      if (before.has(n)) continue;
      try { if (typeof g[n] === 'function') found.add(n); } catch (_) { /* a throwing getter is no callback */ }
    }
    const lexicals = [];
    for (const n of parse(candidatesJson)) {
      if (!found.has(n) && !(n in g) && n !== '__ksr_found' && apply(test, IDENT, [n])) lexicals.push(n);
    }
    // one function checks them all (one compile; one by one, 3000 names took ~200 ms in
    // QuickJS). The top level ran to its end, so no binding is uninitialised; should one throw
    // anyway, each name is checked on its own.
    let body = '';
    for (const n of lexicals) body += 'if (typeof ' + n + " === 'function') __ksr_found.push('" + n + "');\n";
    let lexical = [];
    try {
      makeFunction('__ksr_found', body)(lexical);
    } catch (_) {
      lexical = [];
      for (const n of lexicals) if (lookup(n) !== undefined) lexical.push(n);
    }
    for (const n of lexical) found.add(n);
    return stringify([...found]);
  };
})(globalThis);
`;

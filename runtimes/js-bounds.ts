// Bounds on the built-ins whose single call runs in native code, beyond the reach of the CPU
// limit and past the memory limit, when given a huge length: run in both JS engines before the
// bootstrap. Measured in a V8 isolate with memoryLimit 128 and a 100 ms timeout:
// `new Array(1e8).fill(0)` aborted the whole process (V8 fatal out-of-memory), `'x'.repeat(2**28)
// .split('')` crashed it too, `Array.prototype.fill.call({ length: 1e8 }, 0)` and
// `indexOf`/`reverse`/`forEach`... on `new Array(2**32 - 1)` ran for more than 15 s without a
// timeout, `a.unshift(1)` on a length of 1e8 for 15 s, and `JSON.parse` of a 128 MB text for
// 4.5 s up to 1.1 GB. In QuickJS each such call is one "tick" of its interrupt counter: up to a
// second at the 128 MB cap. A routing script has no use for arrays of a million elements, so
// the array methods refuse receivers (and arguments) longer than MAX_ELEMENTS, and the string
// methods that scan or build strings, and `JSON.parse`, refuse texts longer than MAX_TEXT_CHARS
// (`split` also more than MAX_ELEMENTS pieces, `repeat`/`padStart`/`padEnd` longer results).
// Strings built by `+` stay possible up to the engine's maximum (V8: 2^29 characters; a 256 MB
// one, flattened, took 0.4-0.6 s and went 175-300 MB past the limit without harm to the
// process; QuickJS: within its cap); no string method will then work on them.
//
// `Proxy` goes too: it is the one way to make `length` answer one thing to the check and
// another to the native method. An accessor `length` on a plain object is refused for the same
// reason. The originals are captured here and reachable from nowhere else.
export const BOUNDS_FILE = 'ksr:bounds';
/** Longest array (or array-like) an array method accepts: 2^18; QuickJS's default sort of 2^20 took 350 ms. */
export const MAX_ELEMENTS = 1 << 18;
/** Longest string a string method (or JSON.parse) takes or makes: 1 Mi characters, tens of ms in QuickJS. */
export const MAX_TEXT_CHARS = 1 << 20;

export const BOUNDS_SOURCE = String.raw`(function (g) {
  'use strict';
  const MAX = ${MAX_ELEMENTS};
  const MAX_TEXT = ${MAX_TEXT_CHARS};
  const apply = Reflect.apply;
  const isArray = Array.isArray;
  const getPrototypeOf = Object.getPrototypeOf;
  const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const defineProperty = Object.defineProperty;
  const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype);
  const typedLength = getOwnPropertyDescriptor(TypedArrayPrototype, 'length').get;
  const isTypedArray = (o) => { try { apply(typedLength, o, []); return true; } catch (e) { return false; } };

  if (!delete g.Proxy) throw new Error('bounds: could not remove Proxy');

  function tooLong(what, n, max) {
    return new RangeError(what + ': ' + n + ' is more than this sandbox allows (' + max + ')');
  }

  /** The length an array method would read, read once, refused past MAX. */
  function checkLength(o, what) {
    if (o === null || o === undefined) return; // the method itself throws its TypeError
    if (typeof o !== 'object' && typeof o !== 'function') {
      if (typeof o === 'string' && o.length > MAX) throw tooLong(what, o.length, MAX);
      return;
    }
    if (!isArray(o) && !isTypedArray(o)) {
      // A getter could answer the check and the native method differently.
      for (let p = o; p !== null; p = getPrototypeOf(p)) {
        const d = getOwnPropertyDescriptor(p, 'length');
        if (d === undefined) continue;
        if (!('value' in d)) throw new TypeError(what + ': an array-like with a length getter is not allowed in this sandbox');
        break;
      }
    }
    const n = isTypedArray(o) ? apply(typedLength, o, []) : Number(o.length);
    if (n > MAX) throw tooLong(what, n, MAX);
  }

  function guard(proto, protoName, name, extra) {
    const original = proto[name];
    if (typeof original !== 'function') return;
    const what = protoName + '.' + name;
    const wrapped = {
      [name](...args) {
        checkLength(this, what);
        if (extra) extra(args, what);
        return apply(original, this, args);
      },
    }[name];
    defineProperty(wrapped, 'length', { value: original.length });
    defineProperty(proto, name, { value: wrapped, writable: true, enumerable: false, configurable: true });
  }

  const checkArgs = (args, what) => { for (const a of args) if (isArray(a)) checkLength(a, what); };
  // flat/flatMap walk nested arrays natively: each one reached is checked first, in JS.
  const checkNested = (o, depth, what) => {
    if (depth < 1) return;
    const n = Number(o.length);
    for (let i = 0; i < n; i++) {
      const e = o[i];
      if (isArray(e)) {
        checkLength(e, what);
        checkNested(e, depth - 1, what);
      }
    }
  };
  const wrapMapper = (args, what) => {
    const f = args[0];
    if (typeof f !== 'function') return;
    args[0] = function (...a) {
      const r = apply(f, this, a);
      if (isArray(r)) checkLength(r, what);
      return r;
    };
  };

  for (const name of ['copyWithin', 'every', 'fill', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex',
    'forEach', 'includes', 'indexOf', 'join', 'lastIndexOf', 'map', 'reduce', 'reduceRight', 'reverse', 'shift',
    'slice', 'some', 'sort', 'splice', 'toLocaleString', 'toReversed', 'toSorted', 'toSpliced', 'unshift', 'with']) {
    guard(Array.prototype, 'Array.prototype', name);
  }
  guard(Array.prototype, 'Array.prototype', 'concat', checkArgs);
  guard(Array.prototype, 'Array.prototype', 'flatMap', wrapMapper);
  {
    const original = Array.prototype.flat;
    const what = 'Array.prototype.flat';
    const flat = { flat(depth) {
      checkLength(this, what);
      const d = depth === undefined ? 1 : Math.min(Math.trunc(Number(depth)) || 0, 64);
      if (isArray(this)) checkNested(this, d, what);
      return apply(original, this, [depth]);
    } }.flat;
    defineProperty(Array.prototype, 'flat', { value: flat, writable: true, enumerable: false, configurable: true });
  }
  for (const name of ['sort', 'toSorted', 'join', 'toLocaleString']) guard(TypedArrayPrototype, '%TypedArray%.prototype', name);

  function checkText(s, what) {
    if (typeof s === 'string' && s.length > MAX_TEXT) throw tooLong(what, s.length + ' characters', MAX_TEXT);
  }
  function guardString(name, result) {
    const original = String.prototype[name];
    if (typeof original !== 'function') return;
    const what = 'String.prototype.' + name;
    const wrapped = {
      [name](...args) {
        // Converted once here: a toString answering the check and the native call differently.
        const self = this === null || this === undefined || typeof this === 'symbol' || typeof this === 'string' ? this : String(this);
        checkText(self, what);
        for (const a of args) checkText(a, what);
        if (result) result(self, args, what);
        return apply(original, self, args);
      },
    }[name];
    defineProperty(wrapped, 'length', { value: original.length });
    defineProperty(String.prototype, name, { value: wrapped, writable: true, enumerable: false, configurable: true });
  }
  for (const name of ['at', 'charAt', 'charCodeAt', 'codePointAt', 'concat', 'endsWith', 'includes', 'indexOf', 'isWellFormed',
    'lastIndexOf', 'localeCompare', 'match', 'matchAll', 'normalize', 'replace', 'replaceAll', 'search', 'slice',
    'startsWith', 'substring', 'substr', 'toLocaleLowerCase', 'toLocaleUpperCase', 'toLowerCase', 'toUpperCase',
    'toWellFormed', 'trim', 'trimEnd', 'trimStart']) {
    guardString(name);
  }
  // Results: the length asked for, computed before the native call builds it.
  const resultLength = (args, n, what) => { if (n > MAX_TEXT) throw tooLong(what, n + ' characters', MAX_TEXT); };
  const firstAsNumber = (args) => (args[0] = Number(args[0]));
  guardString('repeat', (s, args, what) => typeof s === 'string' && resultLength(args, s.length * firstAsNumber(args), what));
  guardString('padStart', (s, args, what) => resultLength(args, firstAsNumber(args), what));
  guardString('padEnd', (s, args, what) => resultLength(args, firstAsNumber(args), what));

  {
    const original = String.prototype.split;
    const split = { split(separator, limit) {
      // Converted once here (the native split would call toString again).
      const s = this === null || this === undefined || typeof this === 'symbol' ? this : String(this);
      if (typeof s === 'string' && s.length > MAX_TEXT) throw tooLong('String.prototype.split', s.length + ' characters', MAX_TEXT);
      const lim = limit === undefined ? MAX + 1 : Math.min(Number(limit) >>> 0, MAX + 1);
      const r = apply(original, s, [separator, lim]);
      if (r.length > MAX) throw tooLong('String.prototype.split', 'more pieces', MAX);
      return r;
    } }.split;
    defineProperty(String.prototype, 'split', { value: split, writable: true, enumerable: false, configurable: true });
  }

  {
    const original = JSON.parse;
    const parse = { parse(text, reviver) {
      if (typeof text === 'symbol') return apply(original, JSON, [text]); // its own TypeError
      const s = String(text);
      if (s.length > MAX_TEXT) throw tooLong('JSON.parse', s.length + ' characters', MAX_TEXT);
      return apply(original, JSON, reviver === undefined ? [s] : [s, reviver]);
    } }.parse;
    defineProperty(JSON, 'parse', { value: parse, writable: true, enumerable: false, configurable: true });
  }
})(globalThis);
`;

// What an isolate offers that its memoryLimit does not count, taken away before any guest code
// runs (v8 scripts and fengari's isolate: LOCKDOWN_SOURCE). pyodide needs WebAssembly to boot
// and locks it down itself (python/guest/wasm-lockdown.js), and may share buffers with the host
// (an interrupt buffer): its isolate gets PYTHON_LOCKDOWN_SOURCE after boot, which keeps those
// and takes the rest. Measured on Node 20 / isolated-vm 5 (memoryLimit 128):
// - `WebAssembly.Memory`: not counted at all (the red-team pass grew a server to 1.76 GB).
// - Resizable ArrayBuffers and growable SharedArrayBuffers (`{ maxByteLength }`): V8 reserves
//   and commits them outside the array-buffer allocator isolated-vm counts: 20 × 50 MB grew
//   RSS by 1 GB with externally_allocated_size at 0, and each reserves its maximum (up to
//   4 GiB) of address space.
// - `Intl` objects: their ICU state is malloc'd outside the heap; 200 000 Intl.DateTimeFormat
//   held in an array grew RSS by 1.6 GB while the heap stayed at 16 MB.
// - `SharedArrayBuffer` and `Atomics`: nothing to share with (one isolate, one thread), and
//   `Atomics.wait` would only block; a script has no use for them.
// Plain ArrayBuffers and typed arrays stay: isolated-vm's allocator counts them (an allocation
// past the limit throws a RangeError). The locale methods of Date, Number and String stay:
// their ICU objects are temporary or cached per isolate, never held by the script.
//
// Nothing here can be undone by the script: the names are deleted (not replaced by
// look-alikes the script could peel off), the one wrapped constructor is the only way to the
// original, and every property the wrapper rests on is frozen.
export const LOCKDOWN_FILE = 'ksr:lockdown';

function lockdownSource(remove: readonly string[], fixedSize: readonly string[]): string {
  return String.raw`(function (g) {
  'use strict';
  for (const name of ${JSON.stringify(remove)}) {
    if (!delete g[name]) throw new Error('lockdown: could not remove ' + name);
  }

  // A buffer constructor without its options: the one the script sees takes a length only and
  // refuses { maxByteLength }; the original is reachable from nowhere else (instances made by
  // typed arrays point back to this one through prototype.constructor).
  const construct = Reflect.construct;
  function fixedSize(name, growName) {
    const Native = g[name];
    if (typeof Native !== 'function') return;
    const proto = Native.prototype;
    const Wrapper = { [name]: function (length, options) {
      if (new.target === undefined) throw new TypeError('Constructor ' + name + " requires 'new'");
      // Read once and never forwarded: a getter cannot answer differently to the native code.
      if (options !== null && (typeof options === 'object' || typeof options === 'function') && options.maxByteLength !== undefined) {
        throw new TypeError(name + ': resizable buffers (maxByteLength) are not available in this sandbox');
      }
      return construct(Native, [length], new.target);
    } }[name];
    Object.defineProperty(Wrapper, 'length', { value: Native.length });
    Object.defineProperty(Wrapper, 'prototype', { value: proto, writable: false, enumerable: false, configurable: false });
    if (Native.isView) Object.defineProperty(Wrapper, 'isView', { value: Native.isView, writable: true, enumerable: false, configurable: true });
    Object.defineProperty(Wrapper, Symbol.species, Object.getOwnPropertyDescriptor(Native, Symbol.species));
    Object.defineProperty(proto, 'constructor', { value: Wrapper, writable: false, enumerable: false, configurable: false });
    // Nothing can be resized anyway; without these no wrapper-made buffer is ever asked to.
    for (const m of [growName, 'transfer', 'transferToFixedLength']) delete proto[m];
    Object.freeze(proto);
    Object.defineProperty(g, name, { value: Wrapper, writable: false, enumerable: false, configurable: false });
  }
  for (const name of ${JSON.stringify(fixedSize)}) fixedSize(name, name === 'ArrayBuffer' ? 'resize' : 'grow');
})(globalThis);
`;
}

/** v8 scripts and fengari: nothing uncounted is left. */
export const LOCKDOWN_SOURCE = lockdownSource(['WebAssembly', 'Intl', 'SharedArrayBuffer', 'Atomics'], ['ArrayBuffer']);

/** pyodide, after boot: WebAssembly (locked by wasm-lockdown.js) and shared buffers stay, fixed in size. */
export const PYTHON_LOCKDOWN_SOURCE = lockdownSource(['Intl'], ['ArrayBuffer', 'SharedArrayBuffer']);

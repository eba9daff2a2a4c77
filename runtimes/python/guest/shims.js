// Runs first inside a Python isolate: the little of a d8-style shell that pyodide's shell path
// needs, and nothing that reaches the host. `read`/`readbuffer`/`load` make pyodide and
// emscripten choose the shell path and serve only the pyodide files copied in; the random
// source is the one host function besides the KSR bridge.
// Inputs (globals, captured here and deleted): __pyodide_files {name: ArrayBuffer},
// __pyodide_random (ivm.Callback n -> ArrayBuffer), __pyodide_wasm (a compiled
// WebAssembly.Module shared from the host, optional).
(function installShims(global) {
  'use strict';
  const files = global.__pyodide_files;
  const hostRandom = global.__pyodide_random;
  const sharedWasm = global.__pyodide_wasm;
  delete global.__pyodide_files;
  delete global.__pyodide_random;
  delete global.__pyodide_wasm;

  const baseName = (path) => String(path).slice(String(path).lastIndexOf('/') + 1);
  function file(path) {
    const name = baseName(path);
    if (!Object.prototype.hasOwnProperty.call(files, name)) throw new Error(`no such file: ${name}`);
    return files[name];
  }
  global.readbuffer = (path) => file(path);
  global.read = (path, mode) => (mode === 'binary' ? new Uint8Array(file(path)) : decodeUtf8(new Uint8Array(file(path)), false));
  global.load = (path) => {
    throw new Error(`load(${baseName(path)}): loading scripts is not available`);
  };
  /** Boot is over: the files are dropped so their memory can be reclaimed. */
  global.__pyodide_forget_files = () => {
    for (const k of Object.keys(files)) delete files[k];
    delete global.read;
    delete global.readbuffer;
    delete global.load;
    delete global.__pyodide_forget_files;
  };

  // --- text encoding (utf-8, utf-16le, latin1): what pyodide and emscripten ask for ---
  function encodeUtf8Into(str, dest) {
    let read = 0;
    let written = 0;
    const n = str.length;
    const cap = dest.length;
    while (read < n) {
      let c = str.charCodeAt(read);
      let units = 1;
      if (c >= 0xd800 && c <= 0xdbff && read + 1 < n) {
        const d = str.charCodeAt(read + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          units = 2;
        } else c = 0xfffd;
      } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      if (c < 0x80) {
        if (written + 1 > cap) break;
        dest[written++] = c;
      } else if (c < 0x800) {
        if (written + 2 > cap) break;
        dest[written++] = 0xc0 | (c >> 6);
        dest[written++] = 0x80 | (c & 63);
      } else if (c < 0x10000) {
        if (written + 3 > cap) break;
        dest[written++] = 0xe0 | (c >> 12);
        dest[written++] = 0x80 | ((c >> 6) & 63);
        dest[written++] = 0x80 | (c & 63);
      } else {
        if (written + 4 > cap) break;
        dest[written++] = 0xf0 | (c >> 18);
        dest[written++] = 0x80 | ((c >> 12) & 63);
        dest[written++] = 0x80 | ((c >> 6) & 63);
        dest[written++] = 0x80 | (c & 63);
      }
      read += units;
    }
    return { read, written };
  }

  function decodeUtf8(bytes, fatal) {
    let out = '';
    let chunk = [];
    const n = bytes.length;
    let i = 0;
    const bad = () => {
      if (fatal) throw new TypeError('The encoded data was not valid for encoding utf-8');
      chunk.push(0xfffd);
    };
    while (i < n) {
      const b = bytes[i];
      if (b < 0x80) {
        chunk.push(b);
        i++;
      } else {
        const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? (b <= 0xef ? 3 : 0) : b >= 0xc2 ? 2 : 0;
        if (len === 0 || i + len > n) {
          bad();
          i++;
        } else {
          let c = b & (0xff >> (len + 1));
          let ok = true;
          for (let k = 1; k < len; k++) {
            const x = bytes[i + k];
            if ((x & 0xc0) !== 0x80) ok = false;
            c = (c << 6) | (x & 63);
          }
          const min = len === 2 ? 0x80 : len === 3 ? 0x800 : 0x10000;
          if (!ok || c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
            bad();
            i++;
          } else {
            if (c >= 0x10000) {
              c -= 0x10000;
              chunk.push(0xd800 + (c >> 10), 0xdc00 + (c & 1023));
            } else chunk.push(c);
            i += len;
          }
        }
      }
      if (chunk.length >= 8192) {
        out += String.fromCharCode.apply(null, chunk);
        chunk = [];
      }
    }
    return out + String.fromCharCode.apply(null, chunk);
  }

  function decodeUnits(bytes, step, read) {
    let out = '';
    for (let i = 0; i + step <= bytes.length; ) {
      const chunk = [];
      for (let k = 0; k < 8192 && i + step <= bytes.length; k++, i += step) chunk.push(read(i));
      out += String.fromCharCode.apply(null, chunk);
    }
    return out;
  }

  function asBytes(input) {
    if (input === undefined) return new Uint8Array(0);
    if (input instanceof ArrayBuffer || input instanceof SharedArrayBuffer) return new Uint8Array(input);
    if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    throw new TypeError('TextDecoder.decode: expected an ArrayBuffer or a view of one');
  }

  const LABELS = {
    'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
    'utf-16le': 'utf-16le', 'utf-16': 'utf-16le',
    latin1: 'latin1', 'iso-8859-1': 'latin1', ascii: 'latin1', 'us-ascii': 'latin1',
  };

  class TextEncoder {
    get encoding() {
      return 'utf-8';
    }
    encode(str = '') {
      const s = String(str);
      const buf = new Uint8Array(s.length * 3);
      const { written } = encodeUtf8Into(s, buf);
      return buf.slice(0, written);
    }
    encodeInto(str, dest) {
      return encodeUtf8Into(String(str), dest);
    }
  }

  class TextDecoder {
    #encoding;
    #fatal;
    #ignoreBOM;
    constructor(label = 'utf-8', options = {}) {
      const enc = LABELS[String(label).trim().toLowerCase()];
      if (!enc) throw new RangeError(`TextDecoder: encoding '${label}' is not supported`);
      this.#encoding = enc;
      this.#fatal = !!options.fatal;
      this.#ignoreBOM = !!options.ignoreBOM;
    }
    get encoding() {
      return this.#encoding;
    }
    get fatal() {
      return this.#fatal;
    }
    get ignoreBOM() {
      return this.#ignoreBOM;
    }
    decode(input) {
      let bytes = asBytes(input);
      if (this.#encoding === 'latin1') return decodeUnits(bytes, 1, (i) => bytes[i]);
      if (this.#encoding === 'utf-16le') {
        if (!this.#ignoreBOM && bytes[0] === 0xff && bytes[1] === 0xfe) bytes = bytes.subarray(2);
        return decodeUnits(bytes, 2, (i) => bytes[i] | (bytes[i + 1] << 8));
      }
      if (!this.#ignoreBOM && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      return decodeUtf8(bytes, this.#fatal);
    }
  }
  global.TextEncoder = TextEncoder;
  global.TextDecoder = TextDecoder;

  // --- time and timers: timers run on the microtask queue (nothing is ever delayed) ---
  const start = Date.now();
  global.performance = { now: () => Date.now() - start, timeOrigin: start };
  let nextTimer = 1;
  const cancelled = new Set();
  global.setTimeout = (fn, _ms, ...args) => {
    const id = nextTimer++;
    Promise.resolve().then(() => {
      if (cancelled.delete(id)) return;
      if (typeof fn === 'function') fn(...args);
    });
    return id;
  };
  global.clearTimeout = (id) => {
    if (typeof id === 'number' && id < nextTimer) cancelled.add(id);
  };
  global.queueMicrotask = (fn) => {
    Promise.resolve().then(fn);
  };

  // --- randomness from the host's CSPRNG ---
  global.crypto = {
    getRandomValues(view) {
      if (!ArrayBuffer.isView(view) || view instanceof Float32Array || view instanceof Float64Array) {
        throw new TypeError('crypto.getRandomValues: expected an integer typed array');
      }
      if (view.byteLength > 65536) throw new RangeError('crypto.getRandomValues: at most 65536 bytes');
      const bytes = new Uint8Array(hostRandom(view.byteLength));
      new Uint8Array(view.buffer, view.byteOffset, view.byteLength).set(bytes);
      return view;
    },
  };

  // --- boot-time wasm instantiation: WebAssembly.instantiate(bytes) never settles inside an
  // isolate, so the module is compiled synchronously (or taken from the host) first ---
  const originalInstantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function instantiateAtBoot(source, imports) {
    if (source instanceof WebAssembly.Module) return originalInstantiate(source, imports);
    // The host serves an empty pyodide.asm.wasm when it shares its compiled module instead.
    const empty = (source?.byteLength ?? 0) === 0;
    if (empty && !sharedWasm) return Promise.reject(new Error('pyodide.asm.wasm: no bytes and no shared module'));
    const module = empty ? sharedWasm : new WebAssembly.Module(source);
    return originalInstantiate(module, imports).then((instance) => ({ module, instance }));
  };
  global.__pyodide_restore_instantiate = () => {
    WebAssembly.instantiate = originalInstantiate;
    delete global.__pyodide_restore_instantiate;
  };
})(globalThis);

// Runs once pyodide has booted. Python reaches every global through `js`, including
// `WebAssembly`: a new WebAssembly.Memory (or a module defining one) would be memory the
// isolate's memoryLimit does not count and pyodide's cap does not bound. After this, modules
// that define a memory are refused, WebAssembly.Memory cannot be constructed, only modules
// compiled through the checked constructor can be instantiated (not pyodide's own, which
// defines a memory), and the WebAssembly namespace is frozen. Modules that import the
// existing memory (pyodide's side modules, emscripten's small trampolines) still work.
(function lockDownWebAssembly(global) {
  'use strict';
  const WA = global.WebAssembly;
  const OriginalModule = WA.Module;
  const OriginalInstance = WA.Instance;
  const OriginalMemory = WA.Memory;
  const originalInstantiate = WA.instantiate;
  const checked = new WeakSet();
  const refuse = (what) => new TypeError(`WebAssembly: ${what} is not allowed in this sandbox`);

  function copyBytes(source) {
    if (source instanceof ArrayBuffer) return new Uint8Array(source.slice(0));
    if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength));
    throw new TypeError('WebAssembly.Module: expected an ArrayBuffer or a view of one');
  }

  function readU32(b, c) {
    let result = 0;
    for (let shift = 0; shift <= 28; shift += 7) {
      if (c.pos >= b.length) throw new WA.CompileError('truncated LEB128');
      const byte = b[c.pos++];
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw new WA.CompileError('LEB128 too long');
  }

  /** True when the binary has a memory section with at least one memory. */
  function definesMemory(b) {
    if (b.length < 8) return false; // too short to be a module: compilation itself will refuse it
    const c = { pos: 8 };
    while (c.pos < b.length) {
      const id = b[c.pos++];
      const size = readU32(b, c);
      if (id === 5) return readU32(b, c) > 0;
      c.pos += size;
    }
    return false;
  }

  function Module(source) {
    if (!new.target) throw new TypeError("WebAssembly.Module must be called with 'new'");
    // A copy: what is checked is what is compiled, even if the caller changes its buffer.
    const bytes = copyBytes(source);
    if (definesMemory(bytes)) throw refuse('a module that defines its own memory');
    const module = new OriginalModule(bytes);
    checked.add(module);
    return module;
  }
  function Instance(module, imports) {
    if (!new.target) throw new TypeError("WebAssembly.Instance must be called with 'new'");
    if (!checked.has(module)) throw refuse('instantiating a module compiled before the sandbox was locked');
    return new OriginalInstance(module, imports);
  }
  function Memory() {
    throw refuse('creating a WebAssembly.Memory');
  }
  function instantiate(source, imports) {
    try {
      if (source instanceof OriginalModule) {
        if (!checked.has(source)) throw refuse('instantiating a module compiled before the sandbox was locked');
        return originalInstantiate(source, imports);
      }
      const module = new Module(source);
      return originalInstantiate(module, imports).then((instance) => ({ module, instance }));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  function compile(source) {
    try {
      return Promise.resolve(new Module(source));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  const unavailable = (name) =>
    function () {
      return Promise.reject(refuse(name));
    };

  for (const [replacement, original] of [
    [Module, OriginalModule],
    [Instance, OriginalInstance],
    [Memory, OriginalMemory],
  ]) {
    replacement.prototype = original.prototype;
    Object.defineProperty(original.prototype, 'constructor', { value: replacement, writable: false, configurable: false });
  }
  for (const k of ['exports', 'imports', 'customSections']) Module[k] = OriginalModule[k];
  Object.freeze(Module);
  Object.freeze(Instance);
  Object.freeze(Memory);

  WA.Module = Module;
  WA.Instance = Instance;
  WA.Memory = Memory;
  WA.instantiate = instantiate;
  WA.compile = compile;
  WA.compileStreaming = unavailable('compileStreaming');
  WA.instantiateStreaming = unavailable('instantiateStreaming');
  Object.freeze(WA);
  Object.freeze(OriginalMemory.prototype);
  Object.freeze(OriginalModule.prototype);
  Object.freeze(OriginalInstance.prototype);
  Object.defineProperty(global, 'WebAssembly', { value: WA, writable: false, configurable: false, enumerable: false });
})(globalThis);

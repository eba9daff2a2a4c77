// Runs once after boot, before any script: makes built-in C modules unimportable by blanking
// their names in CPython's table of built-in modules (struct _inittab {name, initfunc}[]).
// `_ctypes` would give a script raw access to the interpreter's memory; an audit hook
// (ksr.py) refuses `import ctypes`, but importlib.import_module bypasses the `import` audit
// event, so the module itself is removed here. CPython copies the table at start-up, so both
// the static table and its copy are patched: every 8-byte entry whose name pointer is the
// module's name and whose neighbours match the static table's. Fails loudly if not found.
// Input (global): __pyodide.
(function disableBuiltins(global, names) {
  'use strict';
  const m = global.__pyodide._module;
  const u8 = m.HEAPU8;
  const u32 = new Uint32Array(u8.buffer, 0, u8.byteLength >>> 2);
  const cString = (p) => {
    let end = p;
    while (u8[end] !== 0) end++;
    return String.fromCharCode.apply(null, u8.subarray(p, end));
  };
  const table = u32[m._PyImport_Inittab >>> 2]; // PyImport_Inittab: pointer to the static table
  if (!table) throw new Error('disable builtins: PyImport_Inittab not found');
  const entries = [];
  for (let p = table; u32[p >>> 2] !== 0; p += 8) entries.push(u32[p >>> 2]);

  for (const name of names) {
    const i = entries.findIndex((ptr) => cString(ptr) === name);
    if (i < 0) throw new Error(`disable builtins: '${name}' is not in the built-in module table`);
    const target = entries[i];
    const before = i > 0 ? entries[i - 1] : undefined;
    const after = entries[i + 1];
    const empty = target + name.length; // the name's own terminating NUL: the name ""
    let patched = 0;
    for (let w = 0; w < u32.length; w++) {
      if (u32[w] !== target) continue;
      if (before !== undefined && u32[w - 2] !== before) continue;
      if (after !== undefined && u32[w + 2] !== after) continue;
      u32[w] = empty;
      patched++;
    }
    if (patched === 0) throw new Error(`disable builtins: no table entry for '${name}' was found to patch`);
  }
})(globalThis, ['_ctypes']);

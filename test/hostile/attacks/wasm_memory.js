function attack_wasm_memory() {
  var WA = globalThis.WebAssembly || Function('return this')().WebAssembly;
  var memory = new WA.Memory({ initial: 1024 });
  new Uint8Array(memory.buffer).fill(1);
  (globalThis.__wasm_kept || (globalThis.__wasm_kept = [])).push(memory);
  KSR.sl.sl_send_reply(200, 'Allocated');
}

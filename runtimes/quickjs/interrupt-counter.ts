// QuickJS asks its interrupt handler only every 10 000 "ticks" (calls and backward jumps,
// JS_INTERRUPT_COUNTER_INIT), whatever they cost. A tick can be a built-in that runs for
// milliseconds: `for (;;) s.indexOf('y')` on a 10 MB string went 10 000 ticks, ~20 minutes,
// without a handler call; a loop catching "out of memory" at the cap ran 35 s. The countdown
// lives in the JSContext (`interrupt_counter`), in wasm memory: setting it to 1 makes QuickJS
// call the handler at the next tick. That is how the watchdog (after the deadline) and the
// memory cap (after a refused allocation) get the script stopped.
//
// This reaches into QuickJS's struct layout, so the field is found and verified, never assumed:
// it is the one int of the context that reads 10 000 inside the handler (it was just reset)
// and counts down between two host calls a known number of ticks apart. When that cannot be
// established, nothing is ever written (and the runtime keeps QuickJS's own pace).
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten';

const COUNTER_INIT = 10_000;
/** Bytes of the JSContext searched for the counter (the struct is a few hundred bytes). */
const SEARCH_BYTES = 1024;
const SAMPLE_GLOBAL = '__ksr_sample';

/**
 * The index (in 32-bit words of the wasm memory) of the context's interrupt counter, or
 * undefined. `setHandler` installs a handler for the calibration run; the caller installs its
 * own afterwards.
 */
export function findInterruptCounter(vm: QuickJSContext, memory: WebAssembly.Memory, contextPointer: number, setHandler: (h: () => boolean) => void): number | undefined {
  const base = contextPointer >> 2;
  let candidates: number[] | null = null;
  const samples: number[][] = [];
  setHandler(() => {
    if (candidates === null) {
      const heap = new Int32Array(memory.buffer);
      candidates = [];
      for (let i = 0; i < SEARCH_BYTES / 4; i++) if (heap[base + i] === COUNTER_INIT) candidates.push(base + i);
    }
    return false;
  });
  const sample: QuickJSHandle = vm.newFunction('sample', () => {
    const heap = new Int32Array(memory.buffer);
    samples.push((candidates ?? []).map((c) => heap[c]!));
  });
  vm.setProp(vm.global, SAMPLE_GLOBAL, sample);
  sample.dispose();
  // 10 000 ticks reach the handler (the candidates are read there), then two samples.
  const r = vm.evalCode(`(function () { const s = ${SAMPLE_GLOBAL}; for (let i = 0; i < 12000; i++) { if (i === 11000 || i === 11100) s(); } })(); delete globalThis.${SAMPLE_GLOBAL};`);
  if (r.error) r.error.dispose();
  else r.value.dispose();
  const [first, second] = samples;
  if (!candidates || !first || !second) return undefined;
  // The counter went down by the ticks of 100 iterations (at least one backward jump each).
  const found = (candidates as number[]).filter((_, i) => first[i]! < COUNTER_INIT && first[i]! - second[i]! >= 100 && first[i]! - second[i]! <= 1000);
  return found.length === 1 ? found[0] : undefined;
}

/** Makes QuickJS call its interrupt handler at the next tick. */
export function askForInterrupt(memory: WebAssembly.Memory, counterIndex: number): void {
  new Int32Array(memory.buffer)[counterIndex] = 1;
}

// A QuickJS wasm module whose memory cannot grow past a cap. This build's own memory limit
// (setMemoryLimit) cannot measure blocks ("malloc_usable_size unavailable", in every variant
// of @jitl/quickjs-wasmfile-*), so it refuses only single allocations larger than the limit.
// The module imports its memory, though: given one with a `maximum`, the emscripten heap
// cannot grow past it, malloc returns NULL there, and QuickJS throws "out of memory" at once.
// The memory is also shared (the binary's import is marked so), for the watchdog thread to
// write into (watchdog.ts). The compiled wasm is shared by every module; each gets a memory of
// its own.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PAGE_BYTES } from '../wasm/binary.js';
import { withSharedMemoryImport } from '../wasm/shared-memory-import.js';
import { newQuickJSWASMModuleFromVariant, newVariant, RELEASE_SYNC, type QuickJSWASMModule } from 'quickjs-emscripten';

/** The memory the module declares as its minimum import (emscripten's INITIAL_MEMORY, 16 MB). */
export const INITIAL_BYTES = 256 * PAGE_BYTES;

export interface CappedModule {
  module: QuickJSWASMModule;
  memory: WebAssembly.Memory;
  /** The most the memory may grow to, in bytes. */
  capBytes: number;
  /** True when the last attempt to grow the memory was refused: an allocation failed at the cap. */
  refused(): boolean;
  /** Called (inside the failing allocation) each time growth is refused. */
  onRefused: () => void;
}

let compiled: WebAssembly.Module | null = null;

/** The release build's wasm (the variant newQuickJSWASMModule uses by default), compiled once. */
function compiledWasm(): WebAssembly.Module {
  if (!compiled) {
    // Resolved from quickjs-emscripten itself: the variant package is its dependency, not ours.
    const fromQuickjs = createRequire(createRequire(import.meta.url).resolve('quickjs-emscripten'));
    const binary = readFileSync(fromQuickjs.resolve('@jitl/quickjs-wasmfile-release-sync/wasm'));
    compiled = new WebAssembly.Module(withSharedMemoryImport(binary));
  }
  return compiled;
}

/** A new module whose memory may grow to `capBytes` at most (never below the 16 MB it starts with). */
export async function newCappedModule(capBytes: number): Promise<CappedModule> {
  const maxPages = Math.max(INITIAL_BYTES, Math.floor(capBytes / PAGE_BYTES) * PAGE_BYTES) / PAGE_BYTES;
  const memory = new WebAssembly.Memory({ initial: INITIAL_BYTES / PAGE_BYTES, maximum: maxPages, shared: true });
  // emscripten grows the heap through memory.grow() from JS (emscripten_resize_heap), first
  // with some headroom, then exactly; only the outcome of the last attempt matters.
  let lastRefused = false;
  const capped = { onRefused: () => {} } as CappedModule;
  const grow = WebAssembly.Memory.prototype.grow;
  Object.defineProperty(memory, 'grow', {
    value(delta: number): number {
      try {
        const before = grow.call(memory, delta);
        lastRefused = false;
        return before;
      } catch (e) {
        lastRefused = true;
        capped.onRefused();
        throw e;
      }
    },
  });
  const variant = newVariant(RELEASE_SYNC, { wasmModule: compiledWasm(), wasmMemory: memory });
  const module = await newQuickJSWASMModuleFromVariant(variant);
  return Object.assign(capped, { module, memory, capBytes: maxPages * PAGE_BYTES, refused: () => lastRefused });
}

// The pyodide files a Python isolate is booted from, read once per process from
// node_modules/pyodide (never written), with the loader patched and the wasm memory capped
// per cap size. Guest-side sources (shims, bridge, ksr.py) live in ./guest.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capWasmMemory } from '../wasm/memory-cap.js';
import { applyPatches, heapMaxPatch, RANDOM_FROM_CRYPTO } from './loader-patches.js';

const require = createRequire(import.meta.url);
const PYODIDE_DIR = dirname(require.resolve('pyodide/package.json'));
const GUEST_DIR = join(dirname(fileURLToPath(import.meta.url)), 'guest');

const cache = new Map<string, unknown>();
function once<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

function pyodideFile(name: string): Buffer {
  return once(`file:${name}`, () => readFileSync(join(PYODIDE_DIR, name)));
}

export function guestSource(name: string): string {
  return once(`guest:${name}`, () => readFileSync(join(GUEST_DIR, name), 'utf8'));
}

export const MB = 1024 * 1024;

export function stdlibZip(): Buffer {
  return pyodideFile('python_stdlib.zip');
}

export function lockFileText(): string {
  return once('lock', () => pyodideFile('pyodide-lock.json').toString('utf8'));
}

/** pyodide's JavaScript API (loadPyodide), as shipped. */
export function loaderSource(): string {
  return once('pyodide.mjs', () => pyodideFile('pyodide.mjs').toString('utf8'));
}

/** The emscripten module factory, patched for the isolate and for a heap cap of `capBytes`. */
export function emscriptenSource(capBytes: number): string {
  return once(`asm:${capBytes}`, () =>
    applyPatches(pyodideFile('pyodide.asm.mjs').toString('utf8'), [RANDOM_FROM_CRYPTO, heapMaxPatch(capBytes)], 'pyodide.asm.mjs'),
  );
}

/** pyodide's wasm, with its memory capped at `capBytes`, compiled once per cap on the host. */
export function compiledWasm(capBytes: number): WebAssembly.Module {
  return once(`wasm:${capBytes}`, () => new WebAssembly.Module(capWasmMemory(pyodideFile('pyodide.asm.wasm'), capBytes)));
}

/** A copy of `b`'s bytes in an ArrayBuffer of its own (Buffers share a pool). */
export function arrayBufferOf(b: Uint8Array): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

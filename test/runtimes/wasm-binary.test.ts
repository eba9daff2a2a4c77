// The two rewrites made to pyodide's files as they are loaded (no pyodide boot needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { capWasmMemory, memoryLimitsOf } from '../../runtimes/wasm/memory-cap.js';
import { applyPatches, heapMaxPatch, RANDOM_FROM_CRYPTO } from '../../runtimes/python/loader-patches.js';

const dir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
const MB = 1024 * 1024;

// magic, version, memory section: one memory, min 2 pages, max 100 pages (LEB 0x64)
const tiny = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 5, 4, 1, 1, 2, 100]);

test('caps the maximum of a memory section and keeps the module valid', () => {
  assert.deepEqual(memoryLimitsOf(tiny), { minPages: 2, maxPages: 100 });
  const capped = capWasmMemory(tiny, 40 * 65536);
  assert.deepEqual(memoryLimitsOf(capped), { minPages: 2, maxPages: 40 });
  assert.equal(WebAssembly.validate(capped), true);
  const big = capWasmMemory(tiny, 300 * 65536); // a two-byte LEB: the section grows by one byte
  assert.deepEqual(memoryLimitsOf(big), { minPages: 2, maxPages: 300 });
  assert.equal(WebAssembly.validate(big), true);
  const mem = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([...big, 7, 7, 1, 3, 109, 101, 109, 2, 0]))).exports.mem;
  assert.ok(mem instanceof WebAssembly.Memory);
  assert.throws(() => mem.grow(299), RangeError, 'growing past the cap fails');
});

test('refuses a cap below the initial memory, and binaries that are not wasm', () => {
  assert.throws(() => capWasmMemory(tiny, 65536), /below the module's initial memory/);
  assert.throws(() => capWasmMemory(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), MB), /not a WebAssembly binary/);
  assert.throws(() => capWasmMemory(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]), MB), /defines no memory/);
});

test("pyodide's binary: 4 GiB maximum before, the cap after", () => {
  const wasm = readFileSync(join(dir, 'pyodide.asm.wasm'));
  const before = memoryLimitsOf(wasm);
  assert.equal(before.maxPages, 65536);
  const after = memoryLimitsOf(capWasmMemory(wasm, 384 * MB));
  assert.deepEqual(after, { minPages: before.minPages, maxPages: (384 * MB) / 65536 });
});

test("the loader patches apply exactly once to pyodide's emscripten loader", () => {
  const text = readFileSync(join(dir, 'pyodide.asm.mjs'), 'utf8');
  const out = applyPatches(text, [RANDOM_FROM_CRYPTO, heapMaxPatch(384 * MB)], 'pyodide.asm.mjs');
  assert.ok(out.includes('if(ENVIRONMENT_IS_SHELL){return view=>crypto.getRandomValues(view)}'));
  assert.ok(out.includes(`var getHeapMax=()=>${384 * MB};`));
  assert.throws(() => applyPatches('nothing here', [RANDOM_FROM_CRYPTO], 'x.mjs'), /x\.mjs: patch .* exactly once, not found/);
  const twice = RANDOM_FROM_CRYPTO.find + RANDOM_FROM_CRYPTO.find;
  assert.throws(() => applyPatches(twice, [RANDOM_FROM_CRYPTO], 'y.mjs'), /found more than once/);
});

test("QuickJS's binary: its memory import marked shared, still valid; refused without a maximum or an import", async () => {
  const { withSharedMemoryImport } = await import('../../runtimes/wasm/shared-memory-import.js');
  const { memoryImportFlagsOffset } = await import('../../runtimes/wasm/binary.js');
  const fromQuickjs = createRequire(createRequire(import.meta.url).resolve('quickjs-emscripten'));
  const binary = readFileSync(fromQuickjs.resolve('@jitl/quickjs-wasmfile-release-sync/wasm'));
  const at = memoryImportFlagsOffset(binary)!;
  assert.equal(binary[at], 1, 'a maximum, not shared');
  const shared = withSharedMemoryImport(binary);
  assert.equal(shared[at], 3);
  assert.equal(shared.length, binary.length);
  assert.equal(WebAssembly.validate(shared), true);
  // magic, version, import section: one import "a"."m", a memory with min 1 and no maximum
  const noMax = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 2, 8, 1, 1, 97, 1, 109, 2, 0, 1]);
  assert.throws(() => withSharedMemoryImport(noMax), /needs a maximum/);
  assert.throws(() => withSharedMemoryImport(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])), /imports no memory/);
});

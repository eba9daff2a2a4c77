// Rewrites the maximum of the memory a wasm binary defines, so that the module's memory can
// never grow past a cap. pyodide's binary allows 4 GiB; capped, malloc fails at the cap and
// Python raises MemoryError instead of the process running out of memory (wasm memory is not
// counted by an isolate's memoryLimit).
import { encodeU32, findSection, MEMORY_SECTION, PAGE_BYTES, readU32, type Cursor } from './binary.js';

export interface MemoryLimits {
  minPages: number;
  maxPages: number | undefined;
}

/** Finds the binary's one defined memory: the start and end of its section and its limits. */
function findMemorySection(b: Uint8Array): { start: number; end: number; limits: MemoryLimits } {
  const s = findSection(b, MEMORY_SECTION);
  if (!s) throw new Error('wasm: the binary defines no memory (expected pyodide to define its own)');
  const c: Cursor = { pos: s.body };
  const count = readU32(b, c);
  if (count !== 1) throw new Error(`wasm: expected one defined memory, found ${count}`);
  const flags = readU32(b, c);
  if (flags & ~1) throw new Error(`wasm: memory flags ${flags} (shared or 64-bit) not supported`);
  const minPages = readU32(b, c);
  const maxPages = flags & 1 ? readU32(b, c) : undefined;
  return { start: s.start, end: s.end, limits: { minPages, maxPages } };
}

export function memoryLimitsOf(binary: Uint8Array): MemoryLimits {
  return findMemorySection(binary).limits;
}

/** Returns a copy of `binary` whose memory may grow to `maxBytes` at most. */
export function capWasmMemory(binary: Uint8Array, maxBytes: number): Uint8Array<ArrayBuffer> {
  const { start, end, limits } = findMemorySection(binary);
  const maxPages = Math.floor(maxBytes / PAGE_BYTES);
  if (maxPages < limits.minPages) {
    throw new Error(`wasm: a cap of ${maxBytes} bytes is below the module's initial memory of ${limits.minPages * PAGE_BYTES} bytes`);
  }
  const body = [1, 1, ...encodeU32(limits.minPages), ...encodeU32(maxPages)];
  const section = [MEMORY_SECTION, ...encodeU32(body.length), ...body];
  const out = new Uint8Array(binary.length - (end - start) + section.length);
  out.set(binary.subarray(0, start), 0);
  out.set(section, start);
  out.set(binary.subarray(end), start + section.length);
  return out;
}

// Rewrites the maximum of the memory a wasm binary defines, so that the module's memory can
// never grow past a cap. pyodide's binary allows 4 GiB; capped, malloc fails at the cap and
// Python raises MemoryError instead of the process running out of memory (wasm memory is not
// counted by an isolate's memoryLimit).

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
const MEMORY_SECTION = 5;
const PAGE_BYTES = 65536;

interface Cursor {
  pos: number;
}

function readU32(b: Uint8Array, c: Cursor): number {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (c.pos >= b.length) throw new Error(`wasm: LEB128 runs past the end at byte ${c.pos}`);
    const byte = b[c.pos++]!;
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return result;
    shift += 7;
    if (shift > 35) throw new Error(`wasm: LEB128 longer than 5 bytes at byte ${c.pos}`);
  }
}

function encodeU32(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

export interface MemoryLimits {
  minPages: number;
  maxPages: number | undefined;
}

/** Finds the binary's one defined memory: the start and end of its section and its limits. */
function findMemorySection(b: Uint8Array): { start: number; end: number; limits: MemoryLimits } {
  if (!WASM_MAGIC.every((v, i) => b[i] === v)) throw new Error('wasm: not a WebAssembly binary (bad magic)');
  const c: Cursor = { pos: 8 };
  while (c.pos < b.length) {
    const start = c.pos;
    const id = b[c.pos++]!;
    const size = readU32(b, c);
    const body = c.pos;
    if (id === MEMORY_SECTION) {
      const count = readU32(b, c);
      if (count !== 1) throw new Error(`wasm: expected one defined memory, found ${count}`);
      const flags = readU32(b, c);
      if (flags & ~1) throw new Error(`wasm: memory flags ${flags} (shared or 64-bit) not supported`);
      const minPages = readU32(b, c);
      const maxPages = flags & 1 ? readU32(b, c) : undefined;
      return { start, end: body + size, limits: { minPages, maxPages } };
    }
    c.pos = body + size;
  }
  throw new Error('wasm: the binary defines no memory (expected pyodide to define its own)');
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

// Reading and writing the few parts of a WebAssembly binary the runtimes rewrite (the limits of
// a memory): unsigned LEB128 numbers and the walk over sections.

export const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
export const IMPORT_SECTION = 2;
export const MEMORY_SECTION = 5;
export const PAGE_BYTES = 65536;

export interface Cursor {
  pos: number;
}

export function readU32(b: Uint8Array, c: Cursor): number {
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

export function encodeU32(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

export interface Section {
  id: number;
  /** Offset of the section's id byte. */
  start: number;
  /** Offset of its first content byte. */
  body: number;
  /** Offset just past it. */
  end: number;
}

/** The first section with `id`, or undefined. Throws when the binary is not wasm. */
export function findSection(b: Uint8Array, id: number): Section | undefined {
  if (!WASM_MAGIC.every((v, i) => b[i] === v)) throw new Error('wasm: not a WebAssembly binary (bad magic)');
  const c: Cursor = { pos: 8 };
  while (c.pos < b.length) {
    const start = c.pos;
    const sectionId = b[c.pos++]!;
    const size = readU32(b, c);
    const body = c.pos;
    if (sectionId === id) return { id, start, body, end: body + size };
    c.pos = body + size;
  }
  return undefined;
}

function skipName(b: Uint8Array, c: Cursor): string {
  const n = readU32(b, c);
  const s = new TextDecoder().decode(b.subarray(c.pos, c.pos + n));
  c.pos += n;
  return s;
}

function skipLimits(b: Uint8Array, c: Cursor): void {
  const flags = readU32(b, c);
  readU32(b, c);
  if (flags & 1) readU32(b, c);
}

/** Offset of the limits flags of the binary's one imported memory, or undefined when none. */
export function memoryImportFlagsOffset(b: Uint8Array): number | undefined {
  const s = findSection(b, IMPORT_SECTION);
  if (!s) return undefined;
  const c: Cursor = { pos: s.body };
  const count = readU32(b, c);
  for (let i = 0; i < count; i++) {
    skipName(b, c);
    skipName(b, c);
    const kind = b[c.pos++]!;
    if (kind === 0) readU32(b, c); // function: type index
    else if (kind === 1) {
      c.pos++; // table: element type, then limits
      skipLimits(b, c);
    } else if (kind === 2) return c.pos; // memory: limits
    else if (kind === 3) c.pos += 2; // global: value type, mutability
    else throw new Error(`wasm: import ${i} has unknown kind ${kind}`);
  }
  return undefined;
}

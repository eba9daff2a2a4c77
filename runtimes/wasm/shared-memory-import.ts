// Marks a binary's imported memory as shared, so that the memory given to it is backed by a
// SharedArrayBuffer another thread can write into (QuickJS's watchdog pokes one counter in it).
// Only the flag changes: the code needs no atomics to run on a shared memory, which V8 allows
// only with a maximum, as the import already declares.
import { memoryImportFlagsOffset } from './binary.js';

const HAS_MAX = 1;
const SHARED = 2;

/** A copy of `binary` whose memory import is shared (it must declare a maximum). */
export function withSharedMemoryImport(binary: Uint8Array): Uint8Array<ArrayBuffer> {
  const at = memoryImportFlagsOffset(binary);
  if (at === undefined) throw new Error('wasm: the binary imports no memory');
  const flags = binary[at]!;
  if (!(flags & HAS_MAX)) throw new Error('wasm: a shared memory needs a maximum, and the imported one declares none');
  const out = new Uint8Array(binary.length);
  out.set(binary);
  out[at] = flags | SHARED;
  return out;
}

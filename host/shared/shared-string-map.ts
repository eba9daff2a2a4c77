// A map of strings to strings in one SharedArrayBuffer that every worker thread sees, for a
// shared table written on most messages whose entries vary in size (usrloc's bindings: one
// entry per AoR). In the shared SQLite database (shared-state.ts) a registration's write was a
// transaction inside the writers' lock, ~25-40 µs of CPU with its read, and a CPU profile of 2
// workers under the seed benchmark had ~13 % of the server's CPU in it and each worker waiting
// for the lock ~9 % of its time. Here a write is a hash probe and a copy under a lock of its
// own, held a few µs, as Kamailio's usrloc keeps its records in shared memory.
//
// Layout: the lock (write-lock.ts: fair, a dead holder recovered), a header of Int32 words,
// the bucket heads, then the heap. An entry is one block of the heap: a header (size class,
// next in its bucket's chain, hash, key length, value length, and a number the user keeps
// with it: `meta`, e.g. the earliest expiry), the key as UTF-16 code units, the value as UTF-8.
// Blocks come in power-of-two sizes from 64 bytes; a freed block goes on its size's free list
// and is reused for that size only (no splitting or merging: a table whose entries keep their
// sizes reuses its blocks; the bound is the buffer's size: a change that finds no room throws
// SharedMapFullError and changes nothing; usage() and integrity() say what is held).
//
// Every access holds the lock; the plain typed-array reads and writes inside are ordered by the
// lock's Atomics operations. A change links a complete block in with one store (a new entry at
// its chain's head, a replacement in its predecessor's place), so a thread that dies inside
// leaves the chains whole (at worst a block lost to the heap).
//
// atomically(fn) runs reads and changes in one hold of the lock, and undoes fn's changes when
// it throws: a replaced or deleted block is freed only when the step ends well; on a throw the
// step's changes are unlinked in reverse and the old blocks linked back.
import { LOCK_BYTES, WriteLock } from './write-lock.js';

/** Header words (Int32), after the lock. */
const MAGIC = 0;
const BUCKETS = 1;
const HEAP_START = 2;
const HEAP_END = 3;
const BUMP = 4;
const ENTRIES = 5;
const USED = 6;
/** Bits a user of the map keeps (setFlag): e.g. "filled from the store once". */
const FLAGS = 7;
const FREE = 8;
/** Size classes: 64 bytes << class. */
const CLASSES = 24;
const HEADER_WORDS = FREE + CLASSES;
const MAGIC_VALUE = 0x6b737231; // 'ksr1'
const HEADER_AT = Math.ceil(LOCK_BYTES / 8) * 8;

/** Block header: Int32 words, then the meta Float64 at byte 24. */
const B_CLASS = 0;
const B_NEXT = 1;
const B_HASH = 2;
const B_KEY_LEN = 3;
const B_VALUE_LEN = 4;
const B_META_BYTE = 24;
const BLOCK_HEADER_BYTES = 32;
const MIN_BLOCK = 64;

/** The smallest map worth making, and the largest an Int32 offset can address. */
export const MIN_SHARED_MAP_BYTES = 64 * 1024;
export const MAX_SHARED_MAP_BYTES = 2 ** 31 - 8;

/** A change the heap has no room for: the map stays as it was. */
export class SharedMapFullError extends Error {
  constructor(
    readonly needed: number,
    readonly used: number,
    readonly capacity: number,
  ) {
    super(`shared map full: a ${needed}-byte entry does not fit (${used} of ${capacity} bytes in use)`);
    this.name = 'SharedMapFullError';
  }
}

export interface SharedMapUsage {
  /** Entries held. */
  entries: number;
  /** Bytes of live blocks. */
  usedBytes: number;
  /** Bytes of the heap (live, free and never used). */
  heapBytes: number;
  /** The buffer's size. */
  totalBytes: number;
}

/** One change of a step: the block it replaced or deleted (0: none) and the block it linked (0: none). */
interface StepChange {
  old: number;
  added: number;
  bucket: number;
}

function bucketsFor(bytes: number): number {
  // about one bucket per 256 bytes of heap: chains stay short at an entry of a few hundred bytes
  let n = 64;
  while (n * 256 < bytes && n < 1 << 22) n *= 2;
  return n;
}

/**
 * Main thread, once: an empty map of `bytes` (rounded down to a multiple of 8), to hand to every
 * thread. `buckets` (a power of two) is for tests of long chains; by default one per 256 bytes.
 */
export function allocateSharedStringMap(bytes: number, opts: { buckets?: number } = {}): SharedArrayBuffer {
  if (!Number.isInteger(bytes) || bytes < MIN_SHARED_MAP_BYTES || bytes > MAX_SHARED_MAP_BYTES) {
    throw new Error(`shared map: the size must be an integer of ${MIN_SHARED_MAP_BYTES}..${MAX_SHARED_MAP_BYTES} bytes, got ${bytes}`);
  }
  const buckets = opts.buckets ?? bucketsFor(bytes);
  if (!Number.isInteger(buckets) || buckets < 1 || (buckets & (buckets - 1)) !== 0 || buckets * 4 > bytes / 2) {
    throw new Error(`shared map: buckets must be a power of two taking at most half of the ${bytes} bytes, got ${buckets}`);
  }
  const total = Math.floor(bytes / 8) * 8;
  const buffer = new SharedArrayBuffer(total);
  const words = new Int32Array(buffer, HEADER_AT, HEADER_WORDS);
  const heapStart = Math.ceil((HEADER_AT + HEADER_WORDS * 4 + buckets * 4) / MIN_BLOCK) * MIN_BLOCK;
  words[MAGIC] = MAGIC_VALUE;
  words[BUCKETS] = buckets;
  words[HEAP_START] = heapStart;
  words[HEAP_END] = total;
  words[BUMP] = heapStart;
  return buffer;
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** The size class of a block of at least `bytes`; CLASSES when none is that large (no 32-bit shift wraps before). */
function classFor(bytes: number): number {
  let c = 0;
  while (c < CLASSES && MIN_BLOCK * 2 ** c < bytes) c++;
  return c;
}

export class SharedStringMap {
  private readonly lock: WriteLock;
  private readonly header: Int32Array;
  private readonly buckets: Int32Array;
  private readonly i32: Int32Array;
  private readonly u16: Uint16Array;
  private readonly f64: Float64Array;
  private readonly bytes: Buffer;
  private readonly mask: number;
  /** While this thread holds the lock (a hold inside a hold, or a step inside a step, joins it). */
  private holding = false;
  /** The open step's changes, in order; null outside atomically. */
  private changes: StepChange[] | null = null;

  constructor(buffer: SharedArrayBuffer, owner: number) {
    const header = buffer.byteLength >= HEADER_AT + HEADER_WORDS * 4 ? new Int32Array(buffer, HEADER_AT, HEADER_WORDS) : null;
    if (!header || header[MAGIC] !== MAGIC_VALUE || header[HEAP_END] !== buffer.byteLength) {
      throw new Error(`shared map: the buffer (${buffer.byteLength} bytes) is not one allocateSharedStringMap made`);
    }
    this.header = header;
    this.buckets = new Int32Array(buffer, HEADER_AT + HEADER_WORDS * 4, header[BUCKETS]!);
    this.mask = header[BUCKETS]! - 1;
    this.i32 = new Int32Array(buffer);
    this.u16 = new Uint16Array(buffer);
    this.f64 = new Float64Array(buffer);
    this.bytes = Buffer.from(buffer);
    this.lock = new WriteLock(buffer, owner);
    this.lock.markAlive();
  }

  /**
   * Runs fn holding the map's lock, as one step: when fn throws, the changes it made are undone.
   * fn must be synchronous and short (every worker waits on the lock). Nested calls join the outer step.
   */
  atomically<T>(fn: () => T): T {
    if (this.changes !== null) return fn();
    return this.hold(() => {
      const changes: StepChange[] = [];
      this.changes = changes;
      try {
        const out = fn();
        for (const c of changes) if (c.old !== 0) this.free(c.old);
        return out;
      } catch (e) {
        this.undo(changes);
        throw e;
      } finally {
        this.changes = null;
      }
    });
  }

  get(key: string): string | undefined {
    return this.hold(() => {
      const b = this.find(key, hashOf(key));
      return b === 0 ? undefined : this.valueAt(b);
    });
  }

  /** The number kept with the entry (set's meta), or undefined when absent. */
  meta(key: string): number | undefined {
    return this.hold(() => {
      const b = this.find(key, hashOf(key));
      return b === 0 ? undefined : this.f64[(b + B_META_BYTE) >> 3];
    });
  }

  /** Inserts or replaces. Throws SharedMapFullError (the map unchanged) when the heap has no room. */
  set(key: string, value: string, meta = 0): void {
    const valueLen = Buffer.byteLength(value, 'utf8');
    const needed = BLOCK_HEADER_BYTES + key.length * 2 + valueLen;
    this.hold(() => {
      const hash = hashOf(key);
      const block = this.allocate(needed);
      this.i32[(block >> 2) + B_HASH] = hash;
      this.i32[(block >> 2) + B_KEY_LEN] = key.length;
      this.i32[(block >> 2) + B_VALUE_LEN] = valueLen;
      this.f64[(block + B_META_BYTE) >> 3] = meta;
      const keyAt = (block + BLOCK_HEADER_BYTES) >> 1;
      for (let i = 0; i < key.length; i++) this.u16[keyAt + i] = key.charCodeAt(i);
      this.bytes.write(value, block + BLOCK_HEADER_BYTES + key.length * 2, valueLen, 'utf8');
      this.replace(hash & this.mask, this.find(key, hash), block);
    });
  }

  delete(key: string): boolean {
    return this.hold(() => {
      const hash = hashOf(key);
      const b = this.find(key, hash);
      if (b !== 0) this.replace(hash & this.mask, b, 0);
      return b !== 0;
    });
  }

  /**
   * The keys whose meta passes `test`, and whose key starts with `prefix`; the lock is held for
   * `bucketsPerHold` buckets at a time, so a scan of a large map does not stall the other
   * workers (the result is not one snapshot: an entry changed during the scan may be missed or seen).
   */
  keysWhere(prefix: string, test: (meta: number) => boolean, bucketsPerHold = 1024): string[] {
    const out: string[] = [];
    this.scan(prefix, bucketsPerHold, (b) => {
      if (test(this.f64[(b + B_META_BYTE) >> 3]!)) out.push(this.keyAt(b));
    });
    return out;
  }

  /** The values of every key that starts with `prefix`, read as keysWhere reads (a hold per `bucketsPerHold` buckets). */
  valuesWhere(prefix: string, bucketsPerHold = 1024): string[] {
    const out: string[] = [];
    this.scan(prefix, bucketsPerHold, (b) => out.push(this.valueAt(b)));
    return out;
  }

  /** Flag bit `bit` (0..30): bits a user of the map keeps (e.g. "filled from the store"), every thread sees. */
  flag(bit: number): boolean {
    return this.hold(() => (this.header[FLAGS]! & (1 << bit)) !== 0);
  }

  /** Sets flag bit `bit`; inside a step the bit stays set even when the step is undone. */
  setFlag(bit: number): void {
    this.hold(() => {
      this.header[FLAGS] = this.header[FLAGS]! | (1 << bit);
    });
  }

  usage(): SharedMapUsage {
    return this.hold(() => ({
      entries: this.header[ENTRIES]!,
      usedBytes: this.header[USED]!,
      heapBytes: this.header[HEAP_END]! - this.header[HEAP_START]!,
      totalBytes: this.header[HEAP_END]!,
    }));
  }

  /**
   * Walks every chain and free list under the lock and says whether the map holds together:
   * each linked block in its hash's bucket and counted once, the entry count and the bytes in
   * use what the header says, and every block of the heap used so far either linked or free.
   * For tests and for an operator's check; it reads the whole table (milliseconds per 10 000 entries).
   */
  integrity(): { ok: boolean; problems: string[]; entries: number; usedBytes: number; freeBytes: number } {
    return this.hold(() => {
      const problems: string[] = [];
      const seen = new Set<number>();
      let entries = 0;
      let usedBytes = 0;
      for (let i = 0; i <= this.mask; i++) {
        for (let b = this.buckets[i]!; b !== 0; b = this.i32[(b >> 2) + B_NEXT]!) {
          if (seen.has(b)) {
            problems.push(`block ${b} linked twice (bucket ${i})`);
            break;
          }
          seen.add(b);
          entries++;
          usedBytes += MIN_BLOCK << this.i32[(b >> 2) + B_CLASS]!;
          if ((this.i32[(b >> 2) + B_HASH]! & this.mask) !== i) problems.push(`block ${b} in bucket ${i}, its hash says ${this.i32[(b >> 2) + B_HASH]! & this.mask}`);
        }
      }
      let freeBytes = 0;
      for (let c = 0; c < CLASSES; c++) {
        for (let b = this.header[FREE + c]!; b !== 0; b = this.i32[(b >> 2) + B_NEXT]!) {
          if (seen.has(b)) {
            problems.push(`block ${b} both linked and free`);
            break;
          }
          seen.add(b);
          freeBytes += MIN_BLOCK << c;
        }
      }
      if (entries !== this.header[ENTRIES]) problems.push(`${entries} entries linked, the header says ${this.header[ENTRIES]}`);
      if (usedBytes !== this.header[USED]) problems.push(`${usedBytes} bytes linked, the header says ${this.header[USED]}`);
      const handedOut = this.header[BUMP]! - this.header[HEAP_START]!;
      if (usedBytes + freeBytes !== handedOut) problems.push(`${usedBytes} linked + ${freeBytes} free bytes, ${handedOut} handed out of the heap`);
      return { ok: problems.length === 0, problems, entries, usedBytes, freeBytes };
    });
  }

  /** The owner holding the map's lock now, or null. */
  lockHolder(): number | null {
    return this.lock.holder();
  }

  // --- life of the owner's thread, as SharedState's lock ---

  markGone(): void {
    this.lock.markGone();
  }

  releaseLocksOf(owner: number): boolean {
    return this.lock.releaseOwner(owner);
  }

  // --- inside the lock ---

  /** fn under the lock: joins a hold (or step) this thread has open, else one hold of its own. */
  private hold<T>(fn: () => T): T {
    if (this.holding) return fn();
    this.lock.acquire();
    this.holding = true;
    try {
      return fn();
    } finally {
      this.holding = false;
      this.lock.release();
    }
  }

  private scan(prefix: string, bucketsPerHold: number, visit: (block: number) => void): void {
    const step = Math.max(1, Math.floor(bucketsPerHold));
    for (let from = 0; from <= this.mask; from += step) {
      this.hold(() => {
        const to = Math.min(this.mask + 1, from + step);
        for (let i = from; i < to; i++) {
          for (let b = this.buckets[i]!; b !== 0; b = this.i32[(b >> 2) + B_NEXT]!) if (this.keyStarts(b, prefix)) visit(b);
        }
      });
    }
  }

  private find(key: string, hash: number): number {
    for (let b = this.buckets[hash & this.mask]!; b !== 0; b = this.i32[(b >> 2) + B_NEXT]!) {
      if (this.i32[(b >> 2) + B_HASH] === hash && this.keyIs(b, key)) return b;
    }
    return 0;
  }

  private keyIs(block: number, key: string): boolean {
    if (this.i32[(block >> 2) + B_KEY_LEN] !== key.length) return false;
    const at = (block + BLOCK_HEADER_BYTES) >> 1;
    for (let i = 0; i < key.length; i++) if (this.u16[at + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private keyStarts(block: number, prefix: string): boolean {
    if (this.i32[(block >> 2) + B_KEY_LEN]! < prefix.length) return false;
    const at = (block + BLOCK_HEADER_BYTES) >> 1;
    for (let i = 0; i < prefix.length; i++) if (this.u16[at + i] !== prefix.charCodeAt(i)) return false;
    return true;
  }

  private keyAt(block: number): string {
    const at = block + BLOCK_HEADER_BYTES;
    return this.bytes.toString('utf16le', at, at + this.i32[(block >> 2) + B_KEY_LEN]! * 2);
  }

  private valueAt(block: number): string {
    const at = block + BLOCK_HEADER_BYTES + this.i32[(block >> 2) + B_KEY_LEN]! * 2;
    return this.bytes.toString('utf8', at, at + this.i32[(block >> 2) + B_VALUE_LEN]!);
  }

  /**
   * Puts `added` (0: none) where `old` (0: none) is in the chain of `bucket`, with one store
   * each way; `old` is freed now, or at the end of the open step (undo may link it back).
   */
  private replace(bucket: number, old: number, added: number): void {
    if (added !== 0) {
      this.link(bucket, added, old);
      this.header[ENTRIES] = this.header[ENTRIES]! + 1;
    } else if (old !== 0) this.unlink(bucket, old);
    if (old !== 0) {
      this.header[ENTRIES] = this.header[ENTRIES]! - 1;
      if (this.changes === null) this.free(old);
    }
    if (this.changes !== null) this.changes.push({ old, added, bucket });
  }

  /** Links `block` in `old`'s place (its predecessor's next, or the bucket head), or at the head when old is 0. */
  private link(bucket: number, block: number, old: number): void {
    if (old === 0) {
      this.i32[(block >> 2) + B_NEXT] = this.buckets[bucket]!;
      this.buckets[bucket] = block;
      return;
    }
    this.i32[(block >> 2) + B_NEXT] = this.i32[(old >> 2) + B_NEXT]!;
    this.setPredecessorNext(bucket, old, block);
  }

  private unlink(bucket: number, block: number): void {
    this.setPredecessorNext(bucket, block, this.i32[(block >> 2) + B_NEXT]!);
  }

  private setPredecessorNext(bucket: number, block: number, next: number): void {
    if (this.buckets[bucket] === block) {
      this.buckets[bucket] = next;
      return;
    }
    for (let b = this.buckets[bucket]!; b !== 0; b = this.i32[(b >> 2) + B_NEXT]!) {
      if (this.i32[(b >> 2) + B_NEXT] === block) {
        this.i32[(b >> 2) + B_NEXT] = next;
        return;
      }
    }
    throw new Error(`shared map: block ${block} is not in bucket ${bucket}'s chain`);
  }

  /** The step's changes undone, last first: each added block unlinked and freed, each old one linked back. */
  private undo(changes: StepChange[]): void {
    for (let i = changes.length - 1; i >= 0; i--) {
      const { old, added, bucket } = changes[i]!;
      if (added !== 0) {
        if (old !== 0) this.link(bucket, old, added);
        else this.unlink(bucket, added);
        this.free(added);
        this.header[ENTRIES] = this.header[ENTRIES]! - 1;
      } else {
        this.link(bucket, old, 0);
      }
      if (old !== 0) this.header[ENTRIES] = this.header[ENTRIES]! + 1;
    }
  }

  private allocate(needed: number): number {
    const cls = classFor(needed);
    if (cls >= CLASSES) throw new SharedMapFullError(needed, this.header[USED]!, this.header[HEAP_END]! - this.header[HEAP_START]!);
    const size = MIN_BLOCK << cls;
    let block = this.header[FREE + cls]!;
    if (block !== 0) {
      this.header[FREE + cls] = this.i32[(block >> 2) + B_NEXT]!;
    } else {
      block = this.header[BUMP]!;
      if (block + size > this.header[HEAP_END]!) throw new SharedMapFullError(needed, this.header[USED]!, this.header[HEAP_END]! - this.header[HEAP_START]!);
      this.header[BUMP] = block + size;
    }
    this.i32[(block >> 2) + B_CLASS] = cls;
    this.header[USED] = this.header[USED]! + size;
    return block;
  }

  private free(block: number): void {
    const cls = this.i32[(block >> 2) + B_CLASS]!;
    this.i32[(block >> 2) + B_NEXT] = this.header[FREE + cls]!;
    this.header[FREE + cls] = block;
    this.header[USED] = this.header[USED]! - (MIN_BLOCK << cls);
  }
}

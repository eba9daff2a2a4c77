// A bounded table in shared memory that every worker thread sees: entries keyed by a string,
// each a few numbers, the oldest (by first insert) leaving first. For a table that is written on
// every message, where a SQLite transaction of the shared state (shared-state.ts) costs too
// much: a nonce count's use was a write transaction, ~43 µs, and the writers' lock it held
// made the other workers wait (a profile of 2 workers under the seed benchmark: a quarter of
// each worker's time in that lock). Here a use is a hash probe under a lock of its own, ~1 µs.
//
// Layout, one SharedArrayBuffer: the lock (write-lock.ts, fair, a dead holder recovered the same
// way), then Float64 words: the header, `capacity` slots (open addressing, linear probing, a
// slot's key 0 when empty), and a ring of the keys in insert order (`limit` of them).
// A key is a 53-bit hash of the string (two FNV-1a variants): two strings with one hash share an
// entry. The caller decides whether that matters (a nonce: chance ~n²/2^54, and a collision
// only refuses a count, which the client answers by authenticating again).
// Every access is inside `locked(fn)`; the plain typed-array reads and writes in it are ordered
// by the lock's Atomics operations (JavaScript's memory model: no data race, no torn value).
import { LOCK_BYTES, WriteLock } from './write-lock.js';

/** Header words (Float64). */
const COUNT = 0;
const HEAD = 1;
const LIMIT = 2;
const CAPACITY = 3;
const FIELDS = 4;
/** Words a user of the table keeps for itself (a floor, a time): aux(0..AUX_WORDS-1). */
export const AUX_WORDS = 4;
const AUX = 5;
const HEADER_WORDS = AUX + AUX_WORDS;
/** Where the Float64 words start: past the lock, on a multiple of 8. */
const HEADER_AT = Math.ceil(LOCK_BYTES / Float64Array.BYTES_PER_ELEMENT) * Float64Array.BYTES_PER_ELEMENT;

export interface SharedFifoTableShape {
  /** Most entries held at once. */
  limit: number;
  /** Numbers per entry. */
  fields: number;
}

export interface SharedFifoTableInit extends SharedFifoTableShape {
  /** The user's words at start (see aux); 0 otherwise. */
  aux?: readonly number[];
}

function capacityFor(limit: number): number {
  // at most half full: linear probing stays short
  let c = 16;
  while (c < limit * 2) c *= 2;
  return c;
}

/** The bytes a table of that shape takes. */
export function sharedFifoTableBytes(shape: SharedFifoTableShape): number {
  const slots = capacityFor(shape.limit) * (1 + shape.fields);
  return HEADER_AT + (HEADER_WORDS + slots + shape.limit) * Float64Array.BYTES_PER_ELEMENT;
}

/** Main thread, once: the table's memory, empty, to hand to every thread. */
export function allocateSharedFifoTable(shape: SharedFifoTableInit): SharedArrayBuffer {
  if (!Number.isInteger(shape.limit) || shape.limit < 1) throw new Error(`shared table: the limit must be a positive integer, got ${shape.limit}`);
  if (!Number.isInteger(shape.fields) || shape.fields < 1) throw new Error(`shared table: fields must be a positive integer, got ${shape.fields}`);
  const buffer = new SharedArrayBuffer(sharedFifoTableBytes(shape));
  const header = new Float64Array(buffer, HEADER_AT, HEADER_WORDS);
  header[LIMIT] = shape.limit;
  header[CAPACITY] = capacityFor(shape.limit);
  header[FIELDS] = shape.fields;
  (shape.aux ?? []).slice(0, AUX_WORDS).forEach((v, i) => (header[AUX + i] = v));
  return buffer;
}

/** A 53-bit hash of `s`, never 0 (0 marks an empty slot): two 32-bit FNV-1a variants. */
export function keyOf(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  const key = (a >>> 11) * 0x100000000 + (b >>> 0);
  return key === 0 ? 1 : key;
}

export class SharedFifoTable {
  readonly limit: number;
  readonly fields: number;
  private readonly lock: WriteLock;
  private readonly header: Float64Array;
  private readonly slots: Float64Array;
  private readonly ring: Float64Array;
  private readonly capacity: number;
  private readonly stride: number;

  constructor(buffer: SharedArrayBuffer, owner: number) {
    const notOurs = () => new Error(`shared table: the buffer (${buffer.byteLength} bytes) is not one allocateSharedFifoTable made`);
    if (buffer.byteLength < HEADER_AT + HEADER_WORDS * Float64Array.BYTES_PER_ELEMENT) throw notOurs();
    this.header = new Float64Array(buffer, HEADER_AT, HEADER_WORDS);
    this.limit = this.header[LIMIT]!;
    this.capacity = this.header[CAPACITY]!;
    this.fields = this.header[FIELDS]!;
    if (!(this.limit >= 1) || buffer.byteLength !== sharedFifoTableBytes({ limit: this.limit, fields: this.fields })) throw notOurs();
    this.lock = new WriteLock(buffer, owner);
    this.stride = 1 + this.fields;
    const slotsAt = HEADER_AT + HEADER_WORDS * Float64Array.BYTES_PER_ELEMENT;
    this.slots = new Float64Array(buffer, slotsAt, this.capacity * this.stride);
    this.ring = new Float64Array(buffer, slotsAt + this.slots.byteLength, this.limit);
    this.lock.markAlive();
  }

  /** Runs fn holding the table's lock (fn synchronous and short: every worker waits on it). */
  locked<T>(fn: () => T): T {
    this.lock.acquire();
    try {
      return fn();
    } finally {
      this.lock.release();
    }
  }

  // --- inside locked() only ---

  get size(): number {
    return this.header[COUNT]!;
  }

  aux(i: number): number {
    return this.header[AUX + i]!;
  }

  setAux(i: number, v: number): void {
    this.header[AUX + i] = v;
  }

  /** The slot holding `key`, or -1. */
  find(key: number): number {
    const mask = this.capacity - 1;
    for (let i = key % this.capacity; ; i = (i + 1) & mask) {
      const k = this.slots[i * this.stride]!;
      if (k === key) return i;
      if (k === 0) return -1;
    }
  }

  field(slot: number, f: number): number {
    return this.slots[slot * this.stride + 1 + f]!;
  }

  setField(slot: number, f: number, v: number): void {
    this.slots[slot * this.stride + 1 + f] = v;
  }

  /** Adds `key` (absent, and the table below its limit: the caller made room) and returns its slot. */
  insert(key: number, values: readonly number[]): number {
    const count = this.header[COUNT]!;
    if (count >= this.limit) throw new Error(`shared table: insert into a full table (${count} of ${this.limit})`);
    const mask = this.capacity - 1;
    let i = key % this.capacity;
    while (this.slots[i * this.stride] !== 0) i = (i + 1) & mask;
    const at = i * this.stride;
    this.slots[at] = key;
    for (let f = 0; f < this.fields; f++) this.slots[at + 1 + f] = values[f] ?? 0;
    this.ring[(this.header[HEAD]! + count) % this.limit] = key;
    this.header[COUNT] = count + 1;
    return i;
  }

  /** The slot of the oldest entry, or -1 when empty. */
  oldest(): number {
    return this.header[COUNT] === 0 ? -1 : this.find(this.ring[this.header[HEAD]!]!);
  }

  /** Removes the oldest entry; `slot`: what oldest() just returned, when the caller has it (saves a probe). */
  removeOldest(slot = this.oldest()): void {
    if (slot < 0) return;
    this.header[HEAD] = (this.header[HEAD]! + 1) % this.limit;
    this.header[COUNT] = this.header[COUNT]! - 1;
    this.removeSlot(slot);
  }

  /** Empties a slot and moves the entries after it back, so every probe still finds its key (no tombstones). */
  private removeSlot(slot: number): void {
    const mask = this.capacity - 1;
    let hole = slot;
    for (let i = (hole + 1) & mask; ; i = (i + 1) & mask) {
      const k = this.slots[i * this.stride]!;
      if (k === 0) break;
      const home = k % this.capacity;
      // the entry at i may move into the hole when its home is not in (hole, i], cyclically
      const stays = hole <= i ? home > hole && home <= i : home > hole || home <= i;
      if (stays) continue;
      this.slots.copyWithin(hole * this.stride, i * this.stride, (i + 1) * this.stride);
      hole = i;
    }
    this.slots.fill(0, hole * this.stride, (hole + 1) * this.stride);
  }

  // --- life of the owner's thread, as SharedState's lock ---

  markGone(): void {
    this.lock.markGone();
  }

  releaseLocksOf(owner: number): boolean {
    return this.lock.releaseOwner(owner);
  }
}

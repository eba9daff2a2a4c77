// $shv(name): Kamailio's shared values, one table for the whole server. With several workers
// the table is a shared-state table (host/shared, SQLite in shared memory: every worker reads
// and writes the same rows, shvinc_get's read-add-write runs whole inside one write); with one
// worker, a Map of the thread. Every core of a thread uses the thread's table
// (useSharedValuesOf is called by the engine given the shared state).
//
// Bounds: at most SHV_MAX_NAMES names and SHV_MAX_VALUE_BYTES bytes per value (a name at most
// SHV_MAX_NAME_BYTES); a set past them is refused (the caller logs and answers -1).
import type Database from 'better-sqlite3';
import type { SharedState } from '../shared/shared-state.js';

export const SHV_MAX_NAMES = 1024;
/** A SIP message fits. */
export const SHV_MAX_VALUE_BYTES = 64 * 1024;
export const SHV_MAX_NAME_BYTES = 255;

export type ShvValue = string | number;

export interface SharedValueTable {
  get(name: string): ShvValue | null;
  /** False when a bound refuses it (the reason in refusal()). */
  set(name: string, value: ShvValue): boolean;
  /** An int value plus one, stored and returned; 0 (nothing stored) when absent or a string. */
  increment(name: string): number;
}

/** Why a set would be refused, or null: checked before the table is touched. */
export function refusal(name: string, value: ShvValue): string | null {
  if (name === '' || Buffer.byteLength(name) > SHV_MAX_NAME_BYTES) return `a name of 1 to ${SHV_MAX_NAME_BYTES} bytes, got ${Buffer.byteLength(name)}`;
  if (typeof value === 'string' && Buffer.byteLength(value) > SHV_MAX_VALUE_BYTES) return `a value of at most ${SHV_MAX_VALUE_BYTES} bytes, got ${Buffer.byteLength(value)}`;
  return null;
}

/** One worker: the thread's Map. */
export class MapSharedValues implements SharedValueTable {
  private readonly values = new Map<string, ShvValue>();

  get(name: string): ShvValue | null {
    return this.values.get(name) ?? null;
  }

  set(name: string, value: ShvValue): boolean {
    if (refusal(name, value) !== null) return false;
    if (!this.values.has(name) && this.values.size >= SHV_MAX_NAMES) return false;
    this.values.set(name, value);
    return true;
  }

  increment(name: string): number {
    const v = this.values.get(name);
    if (typeof v !== 'number') return 0;
    this.values.set(name, v + 1);
    return v + 1;
  }
}

interface Row {
  ival: number | null;
  sval: string | null;
}

/** Several workers: the pv_shv table of the shared state (host/shared/schema.ts). */
export class SqliteSharedValues implements SharedValueTable {
  private readonly select: Database.Statement<[string], Row>;
  private readonly upsert: Database.Statement<[string, number | null, string | null]>;
  private readonly count: Database.Statement<[], { n: number }>;

  constructor(private readonly shared: SharedState) {
    const db = shared.db;
    this.select = db.prepare('SELECT ival, sval FROM pv_shv WHERE name = ?');
    this.upsert = db.prepare('INSERT INTO pv_shv (name, ival, sval) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET ival = excluded.ival, sval = excluded.sval');
    this.count = db.prepare('SELECT COUNT(*) AS n FROM pv_shv');
  }

  get(name: string): ShvValue | null {
    const r = this.select.get(name);
    if (!r) return null;
    return r.sval !== null ? r.sval : r.ival;
  }

  set(name: string, value: ShvValue): boolean {
    if (refusal(name, value) !== null) return false;
    return this.shared.write(() => {
      if (!this.select.get(name) && this.count.get()!.n >= SHV_MAX_NAMES) return false;
      this.upsert.run(name, typeof value === 'number' ? value : null, typeof value === 'string' ? value : null);
      return true;
    });
  }

  increment(name: string): number {
    return this.shared.write(() => {
      const r = this.select.get(name);
      if (!r || r.sval !== null || r.ival === null) return 0;
      const v = r.ival + 1;
      this.upsert.run(name, v, null);
      return v;
    });
  }
}

let threadTable: SharedValueTable = new MapSharedValues();
let threadShared: SharedState | null = null;

/** The engine of a worker given the shared state: $shv of this thread goes to its table. */
export function useSharedValuesOf(shared: SharedState): void {
  if (threadShared === shared) return;
  threadShared = shared;
  threadTable = new SqliteSharedValues(shared);
}

/** The table $shv reads and writes in this thread. */
export function sharedValues(): SharedValueTable {
  return threadTable;
}

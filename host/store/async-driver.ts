// What a networked driver (Redis, PostgreSQL) offers inside the bridge's worker thread: the
// Store operations, asynchronous. The bridge (sync-bridge.ts) makes the route-facing ones
// synchronous for the calling thread.
import type { Aor, LocationRecord, Subscriber, SubscriberAdmin } from './store.js';
import type { TableLayout, TableRow } from './module-tables.js';
import type { KvAddOptions, KvEntry, KvValue } from './kv.js';

export interface AsyncDriver extends SubscriberAdmin {
  /** Connects and creates the schema when missing. */
  init(): Promise<void>;
  close(): Promise<void>;
  subscriber(username: string, domain: string): Promise<Subscriber | null>;
  locations(aor: Aor): Promise<LocationRecord[]>;
  putLocation(rec: LocationRecord): Promise<void>;
  deleteLocation(ruid: string): Promise<void>;
  deleteAor(aor: Aor): Promise<number>;
  takeExpired(nowS: number): Promise<LocationRecord[]>;
  allLocations(limit?: number): Promise<LocationRecord[]>;
  tableRows(table: TableLayout, limit?: number): Promise<TableRow[]>;
  insertRow(table: TableLayout, row: TableRow): Promise<void>;
  deleteRows(table: TableLayout, where: TableRow): Promise<number>;
  ping(): Promise<void>;
  /** The kv* calls of SyncStore; nowS always given (the calling thread's clock). */
  kvGet(space: string, key: string, nowS: number): Promise<KvEntry | null>;
  kvSet(space: string, key: string, value: KvValue, expires: number, nowS: number): Promise<void>;
  kvAdd(space: string, key: string, delta: number, initial: number | null, expires: number, opts: KvAddOptions, nowS: number): Promise<number | null>;
  kvDelete(space: string, key: string): Promise<boolean>;
  kvScan(space: string, limit: number, nowS: number): Promise<KvEntry[]>;
  kvCount(space: string, nowS: number): Promise<number>;
  kvClear(space: string): Promise<number>;
  kvPurge(space: string, nowS: number): Promise<number>;
}

export type DriverOp = Exclude<keyof AsyncDriver, 'init' | 'close'>;

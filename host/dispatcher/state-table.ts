// What every worker must see of the dispatcher: each destination's state flags and failure
// count (active / trying / inactive / disabled / probing), the per-set counters of the
// rotating algorithms (round robin, weight, relative weight), the probing switch, and the
// call-load cells of algorithm 10. With one thread: Maps of the thread. With workers: tables
// of the shared state (host/shared/schema.ts ds_*), every read-modify-write in one write().
// The destination lists themselves are per worker (each loads the same file/table/config).
import type Database from 'better-sqlite3';
import type { SharedState } from '../shared/shared-state.js';

/** Call-load cells held at once (alg 10): a new call past it is not counted (classic dispatching). */
export const MAX_LOAD_CELLS = 65536;

export interface LoadCell {
  setid: number;
  duid: string;
  /** 0 new, 1 confirmed (2xx seen) */
  state: number;
  /** ms since the epoch */
  expires: number;
}

export interface DstState {
  flags: number;
  count: number;
}

export interface DsStateTable {
  /** The state of a destination; undefined when never seeded. */
  get(setid: number, uri: string): DstState | undefined;
  /** Read-modify-write of one destination's state, atomically; undefined when not seeded. */
  update(setid: number, uri: string, fn: (s: DstState) => DstState): { old: DstState; now: DstState } | undefined;
  /** The list's flags for each destination: kept when present unless `reset` (a reload starts from the list, as Kamailio). */
  seed(entries: ReadonlyArray<{ setid: number; uri: string; flags: number }>, reset: boolean): void;
  /** Returns the counter and stores (value + 1) % modulo. */
  take(setid: number, kind: string, modulo: number): number;
  /** Stores value when the counter still is expected. */
  compareAndSet(setid: number, kind: string, expected: number, value: number): void;
  getPingActive(): number;
  setPingActive(v: number): void;
  loadAdd(callid: string, cell: LoadCell): boolean;
  loadGet(callid: string): LoadCell | undefined;
  loadRemove(callid: string): boolean;
  loadCount(setid: number, duid: string): number;
  /** Removes expired cells; how many. */
  loadExpire(now: number): number;
}

const key = (setid: number, uri: string): string => `${setid}\u0000${uri.toLowerCase()}`;

export class MapStateTable implements DsStateTable {
  private readonly states = new Map<string, DstState>();
  private readonly counters = new Map<string, number>();
  private readonly loads = new Map<string, LoadCell>();
  private pingActive = 1;

  get(setid: number, uri: string): DstState | undefined {
    const s = this.states.get(key(setid, uri));
    return s ? { ...s } : undefined;
  }

  update(setid: number, uri: string, fn: (s: DstState) => DstState): { old: DstState; now: DstState } | undefined {
    const k = key(setid, uri);
    const old = this.states.get(k);
    if (!old) return undefined;
    const now = fn({ ...old });
    this.states.set(k, now);
    return { old: { ...old }, now: { ...now } };
  }

  seed(entries: ReadonlyArray<{ setid: number; uri: string; flags: number }>, reset: boolean): void {
    if (reset) this.states.clear();
    for (const e of entries) if (!this.states.has(key(e.setid, e.uri))) this.states.set(key(e.setid, e.uri), { flags: e.flags, count: 0 });
  }

  take(setid: number, kind: string, modulo: number): number {
    const k = `${setid}/${kind}`;
    const v = (this.counters.get(k) ?? 0) % Math.max(modulo, 1);
    this.counters.set(k, (v + 1) % Math.max(modulo, 1));
    return v;
  }

  compareAndSet(setid: number, kind: string, expected: number, value: number): void {
    const k = `${setid}/${kind}`;
    if ((this.counters.get(k) ?? 0) === expected) this.counters.set(k, value);
  }

  getPingActive(): number {
    return this.pingActive;
  }

  setPingActive(v: number): void {
    this.pingActive = v;
  }

  loadAdd(callid: string, cell: LoadCell): boolean {
    if (!this.loads.has(callid) && this.loads.size >= MAX_LOAD_CELLS) return false;
    this.loads.set(callid, { ...cell });
    return true;
  }

  loadGet(callid: string): LoadCell | undefined {
    const c = this.loads.get(callid);
    return c ? { ...c } : undefined;
  }

  loadRemove(callid: string): boolean {
    return this.loads.delete(callid);
  }

  loadCount(setid: number, duid: string): number {
    let n = 0;
    const d = duid.toLowerCase();
    for (const c of this.loads.values()) if (c.setid === setid && c.duid.toLowerCase() === d) n++;
    return n;
  }

  loadExpire(now: number): number {
    let n = 0;
    for (const [k, c] of this.loads) if (c.expires <= now) { this.loads.delete(k); n++; }
    return n;
  }
}

/** The shared tables: ds_state, ds_counters, ds_load (host/shared/schema.ts). */
export class SharedStateTable implements DsStateTable {
  private readonly db: Database.Database;
  private readonly selState: Database.Statement;
  private readonly putState: Database.Statement;
  private readonly insState: Database.Statement;
  private readonly selCounter: Database.Statement;
  private readonly putCounter: Database.Statement;
  private readonly selLoad: Database.Statement;
  private readonly putLoad: Database.Statement;
  private readonly delLoad: Database.Statement;
  private readonly cntLoad: Database.Statement;
  private readonly sizeLoad: Database.Statement;
  private readonly expLoad: Database.Statement;

  constructor(private readonly shared: SharedState) {
    const db = (this.db = shared.db);
    this.selState = db.prepare('SELECT flags, count FROM ds_state WHERE setid = ? AND uri = ?');
    this.putState = db.prepare('INSERT OR REPLACE INTO ds_state (setid, uri, flags, count) VALUES (?, ?, ?, ?)');
    this.insState = db.prepare('INSERT OR IGNORE INTO ds_state (setid, uri, flags, count) VALUES (?, ?, ?, 0)');
    this.selCounter = db.prepare('SELECT value FROM ds_counters WHERE setid = ? AND kind = ?');
    this.putCounter = db.prepare('INSERT OR REPLACE INTO ds_counters (setid, kind, value) VALUES (?, ?, ?)');
    this.selLoad = db.prepare('SELECT setid, duid, state, expires FROM ds_load WHERE callid = ?');
    this.putLoad = db.prepare('INSERT OR REPLACE INTO ds_load (callid, setid, duid, state, expires) VALUES (?, ?, ?, ?, ?)');
    this.delLoad = db.prepare('DELETE FROM ds_load WHERE callid = ?');
    this.cntLoad = db.prepare('SELECT COUNT(*) AS n FROM ds_load WHERE setid = ? AND duid = ? COLLATE NOCASE');
    this.sizeLoad = db.prepare('SELECT COUNT(*) AS n FROM ds_load');
    this.expLoad = db.prepare('DELETE FROM ds_load WHERE expires <= ?');
  }

  get(setid: number, uri: string): DstState | undefined {
    return this.selState.get(setid, uri.toLowerCase()) as DstState | undefined;
  }

  update(setid: number, uri: string, fn: (s: DstState) => DstState): { old: DstState; now: DstState } | undefined {
    return this.shared.write(() => {
      const old = this.get(setid, uri);
      if (!old) return undefined;
      const now = fn({ ...old });
      this.putState.run(setid, uri.toLowerCase(), now.flags, now.count);
      return { old, now };
    });
  }

  seed(entries: ReadonlyArray<{ setid: number; uri: string; flags: number }>, reset: boolean): void {
    this.shared.write(() => {
      if (reset) this.db.exec('DELETE FROM ds_state');
      for (const e of entries) this.insState.run(e.setid, e.uri.toLowerCase(), e.flags);
    });
  }

  take(setid: number, kind: string, modulo: number): number {
    return this.shared.write(() => {
      const m = Math.max(modulo, 1);
      const v = (((this.selCounter.get(setid, kind) as { value: number } | undefined)?.value) ?? 0) % m;
      this.putCounter.run(setid, kind, (v + 1) % m);
      return v;
    });
  }

  compareAndSet(setid: number, kind: string, expected: number, value: number): void {
    this.shared.write(() => {
      const v = ((this.selCounter.get(setid, kind) as { value: number } | undefined)?.value) ?? 0;
      if (v === expected) this.putCounter.run(setid, kind, value);
    });
  }

  getPingActive(): number {
    return ((this.selCounter.get(-1, 'ping_active') as { value: number } | undefined)?.value) ?? 1;
  }

  setPingActive(v: number): void {
    this.shared.write(() => this.putCounter.run(-1, 'ping_active', v));
  }

  loadAdd(callid: string, cell: LoadCell): boolean {
    return this.shared.write(() => {
      if (!this.selLoad.get(callid) && (this.sizeLoad.get() as { n: number }).n >= MAX_LOAD_CELLS) return false;
      this.putLoad.run(callid, cell.setid, cell.duid, cell.state, cell.expires);
      return true;
    });
  }

  loadGet(callid: string): LoadCell | undefined {
    return this.selLoad.get(callid) as LoadCell | undefined;
  }

  loadRemove(callid: string): boolean {
    return this.shared.write(() => this.delLoad.run(callid).changes > 0);
  }

  loadCount(setid: number, duid: string): number {
    return (this.cntLoad.get(setid, duid) as { n: number }).n;
  }

  loadExpire(now: number): number {
    return this.shared.write(() => this.expLoad.run(now).changes);
  }
}

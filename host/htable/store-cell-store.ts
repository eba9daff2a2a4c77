// A table with `backend: store`: its items are entries of one keyed value space of the store
// (host/store/kv.ts; space `htable:<table>`), so every node on the same Redis / PostgreSQL /
// SQLite file sees the same items. Not a Kamailio option (Kamailio shares tables between
// nodes with DMQ replication instead).
//
// Every call is a store round trip (Redis through the bridge: ~70-110 µs; PostgreSQL more): a
// table for counters and bans shared by nodes, not a per-message cache.
// Consistency: each KSR call is one atomic store operation at best; sht_inc/sht_dec (and
// $shtinc/$shtdec) are one kvAdd (atomic across nodes: a Lua script on Redis, one upsert in
// SQL); a set is last-writer-wins; scans (sht_cn, sht_rm_name_re, dump, iterators) see the
// items of a moment, not a snapshot. A store that fails makes the call fail as Kamailio's
// would (-1, $null, 0) with a log line; nothing throws into the script.
import { StoreUnavailable, type SyncStore } from '../store/store.js';
import type { Cell, CellStore } from './cell-store.js';
import { HashTable, type HtValue, type Refusal } from './table.js';
import type { TableSpec } from './table-settings.js';
import type { Matcher } from './match-ops.js';

export const storeSpaceOf = (table: string): string => `htable:${table}`;

/** The store of the core (read at each call: it may be set after the module state is made). */
export type StoreSource = () => SyncStore | null;

export class StoreCellStore implements CellStore {
  constructor(
    private readonly source: StoreSource,
    readonly space: string,
    /** The table expires items (autoexpire > 0); otherwise items are stored without expiry. */
    private readonly expiring: boolean,
    /** The table's now, epoch seconds (the clock expiry is judged by). */
    private readonly nowS: () => number,
    /** How many items a scan may bring back (the table's maxitems). */
    private readonly scanLimit: number,
  ) {}

  private store(): SyncStore {
    const s = this.source();
    if (!s) throw new StoreUnavailable('htable', `table space ${this.space} has backend store but the server runs without a store (set store: in the config)`);
    return s;
  }

  /** What the store keeps: a table without autoexpire never expires its items (Kamailio's rule). */
  private expiresOf(expire: number): number {
    return this.expiring ? expire : 0;
  }

  get(name: string): Cell | null {
    const e = this.store().kvGet(this.space, name, this.nowS());
    return e ? { value: e.value, expire: e.expires } : null;
  }

  put(name: string, cell: Cell): void {
    this.store().kvSet(this.space, name, cell.value, this.expiresOf(cell.expire), this.nowS());
  }

  delete(name: string): boolean {
    return this.store().kvDelete(this.space, name);
  }

  /** Every entry the store holds, expired ones included (a scan at time 0), for the sweep. */
  all(): Array<[string, Cell]> {
    return this.store().kvScan(this.space, this.scanLimit, 0).map((e) => [e.key, { value: e.value, expire: e.expires }]);
  }

  size(): number {
    return this.store().kvCount(this.space, 0);
  }

  clear(): void {
    this.store().kvClear(this.space);
  }

  /** No transaction spans round trips: each call is atomic on its own (add is, whole). */
  atomic<T>(fn: () => T): T {
    return fn();
  }

  /** The atomic add of HashTable.add, in one store operation. */
  add(name: string, delta: number, initial: number | null, expire: number, keepExpire: boolean, maxEntries: number): number | null {
    return this.store().kvAdd(this.space, name, delta, initial, this.expiresOf(expire), { keepExpires: keepExpire, maxEntries }, this.nowS());
  }
}

/** Logs a failed store call for the KSR function (the module's log: "KSR.htable.<fn>: ..."). */
export type FailureLog = (fn: string, text: string) => void;

/**
 * HashTable over a StoreCellStore: the same semantics (table.ts), with sht_inc/sht_dec as one
 * atomic kvAdd, and every store failure turned into the function's failure answer and a log.
 */
export class StoreHashTable extends HashTable {
  constructor(
    spec: TableSpec,
    readonly storeCells: StoreCellStore,
    clock: () => number,
    private readonly logFailure: FailureLog,
  ) {
    super(spec, storeCells, clock);
  }

  private guard<T>(what: string, failed: T, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof StoreUnavailable) && !(e instanceof Error && /^kv\w+: expected/.test(e.message))) throw e;
      this.logFailure(what, `table ${this.name} (backend store): ${e.message}`);
      return failed;
    }
  }

  override get(name: string): Cell | null {
    return this.guard('sht_get', null, () => super.get(name));
  }

  override set(name: string, value: HtValue, expireIn = 0): Refusal {
    return this.guard('sht_set', `a store that answers (see the error above)`, () => super.set(name, value, expireIn));
  }

  override setExpire(name: string, seconds: number): void {
    this.guard('sht_setex', undefined, () => super.setExpire(name, seconds));
  }

  override remove(name: string): boolean {
    return this.guard('sht_rm', false, () => super.remove(name));
  }

  /** One kvAdd: read, add and write in one step on the store, whichever node runs it. */
  override add(name: string, delta: number): number | null {
    if (this.refusal(name, 0)) return null;
    return this.guard('sht_inc', null, () => {
      const now = this.now();
      const expire = this.spec.autoexpire > 0 ? now + this.spec.autoexpire : 0;
      return this.storeCells.add(name, delta, this.spec.initval, expire, !this.spec.updateexpire, this.spec.maxitems);
    });
  }

  override entries(): Array<[string, Cell]> {
    return this.guard('sht_iterator_start', [], () => super.entries());
  }

  override count(match: Matcher, by: 'name' | 'value'): number {
    return this.guard('sht_cn', 0, () => super.count(match, by));
  }

  override has(match: Matcher, by: 'name' | 'value'): boolean {
    return this.guard('sht_match_name', false, () => super.has(match, by));
  }

  override removeMatching(match: Matcher, by: 'name' | 'value'): number {
    return this.guard('sht_rm_name', 0, () => super.removeMatching(match, by));
  }

  override reset(): void {
    this.guard('sht_reset', undefined, () => super.reset());
  }

  override sweep(): number {
    return this.guard('timer', 0, () => super.sweep());
  }
}

// usrloc: the location table, AoR → contacts, in one of three modes (Kamailio's db_mode):
//  - memory: contacts live in this process only;
//  - write-through: memory is authoritative; every change is written to the store at once
//    (a store that fails makes the change fail, so memory and store do not drift), and memory
//    is loaded from the store at start;
//  - db-only: every read and write goes to the store (nodes sharing one database see each
//    other's registrations).
// The store has one `location` table, so only the table named "location" is kept in it; any
// other table name a script uses is a memory table of its own, in every mode.
// The memory layer is a Map of this thread, or (with `shared`, several workers) a table in the
// shared memory every worker sees (location-table.ts, ARCHITECTURE.md "Shared state across workers").
import type { Aor, LocationRecord, SyncStore } from '../store/store.js';
import type { SharedState } from '../shared/shared-state.js';
import { MapLocationTable, type LocationTable } from './location-table.js';
import { SharedLocationTable } from './shared-location-table.js';
import { DEFAULT_REGISTRAR_SETTINGS, DEFAULT_USRLOC_SETTINGS, type RegistrarSettings, type UsrlocSettings } from './settings.js';

export const STORED_TABLE = 'location';

export interface UsrlocOptions {
  usrloc?: Partial<UsrlocSettings>;
  registrar?: Partial<RegistrarSettings>;
  store?: SyncStore | null;
  /** Milliseconds since the epoch; tests pass a fake clock. */
  now?: () => number;
  /** This node's id, written as server_id. */
  serverId?: number;
  /** The workers' shared state: the memory layer lives there instead of in this thread. */
  shared?: SharedState | null;
}

/** A snapshot taken by reg_fetch_contacts (and the `exp` result of the expiry event). */
export interface FetchedContacts {
  table: string;
  aor: string;
  contacts: LocationRecord[];
}

export type ExpiredHandler = (table: string, rec: LocationRecord) => void;

/** Best first: higher q, then the older binding (Kamailio's order without desc_time_order). */
export function byPreference(a: LocationRecord, b: LocationRecord): number {
  if (a.q !== b.q) return b.q - a.q;
  return a.ruid < b.ruid ? -1 : a.ruid > b.ruid ? 1 : 0;
}

export class Usrloc {
  readonly settings: UsrlocSettings;
  readonly registrar: RegistrarSettings;
  readonly store: SyncStore | null;
  readonly serverId: number;
  /** reg_fetch_contacts results by name; process-wide as in Kamailio (until reg_free_contacts). */
  readonly fetched = new Map<string, FetchedContacts>();
  private readonly now: () => number;
  /** The memory layer (modes memory and write-through; every table but the stored one in db-only). */
  private readonly memory: LocationTable;
  /** Table names this thread used (ul.dump lists them, as Kamailio lists every domain a script names). */
  private readonly used = new Set<string>();
  /** Part of every ruid: the worker (shared state owner) that made it, so workers' ruids never collide. */
  private readonly ruidSuffix: string;
  private timer: NodeJS.Timeout | null = null;
  private seq = 0;

  constructor(opts: UsrlocOptions = {}) {
    this.settings = { ...DEFAULT_USRLOC_SETTINGS, mode: opts.store ? DEFAULT_USRLOC_SETTINGS.mode : 'memory', ...opts.usrloc };
    this.registrar = { ...DEFAULT_REGISTRAR_SETTINGS, ...opts.registrar };
    this.store = opts.store ?? null;
    this.now = opts.now ?? Date.now;
    this.serverId = opts.serverId ?? 0;
    this.memory = opts.shared ? new SharedLocationTable(opts.shared.locations) : new MapLocationTable();
    this.ruidSuffix = opts.shared ? `${this.serverId}-w${opts.shared.owner}` : `${this.serverId}`;
    if (this.settings.mode !== 'memory' && !this.store) {
      throw new Error(`usrloc: db_mode '${this.settings.mode}' needs a store (config 'store:' or --store), none was given`);
    }
  }

  nowS(): number {
    return Math.floor(this.now() / 1000);
  }

  /** A new unique record id; sorts in creation order (time, then a counter). */
  newRuid(): string {
    const t = this.now().toString(36).padStart(10, '0');
    return `uloc-${t}-${(this.seq++).toString(36).padStart(6, '0')}-${this.ruidSuffix}`;
  }

  /** The AoR as usrloc keys it: user only, or user@domain with use_domain. */
  aorOf(username: string, domain: string): Aor {
    return { username, domain: this.settings.useDomain ? domain.toLowerCase() : '' };
  }

  aorText(aor: Aor): string {
    return aor.domain ? `${aor.username}@${aor.domain}` : aor.username;
  }

  private stored(table: string): boolean {
    return this.store !== null && this.settings.mode !== 'memory' && table === STORED_TABLE;
  }

  private dbOnly(table: string): boolean {
    return this.stored(table) && this.settings.mode === 'db-only';
  }

  private writesStore(table: string, memoryOnly: boolean): boolean {
    return this.stored(table) && !(memoryOnly && this.settings.mode === 'write-through');
  }

  private key(aor: Aor): string {
    return `${aor.username}\n${aor.domain}`;
  }

  /**
   * Runs fn (reads, then changes) as one step no other worker's change interleaves with: with
   * shared state, inside the shared location table's lock (a throw undoes the memory changes;
   * the store's are the store's); alone in a thread, as is. Kamailio's save holds its AoR's
   * lock the same way, so max_contacts and replace-all hold against a save in another worker.
   */
  atomically<T>(fn: () => T): T {
    return this.memory.atomically(fn);
  }

  /** Live contacts of an AoR, best first. May throw StoreUnavailable (db-only). */
  contacts(table: string, aor: Aor): LocationRecord[] {
    const now = this.nowS();
    this.used.add(table);
    const list = this.dbOnly(table) ? this.store!.locations(aor) : this.memory.list(table, this.key(aor));
    // one pass, and no sort of a single binding (the usual AoR)
    const live: LocationRecord[] = [];
    for (let i = 0; i < list.length; i++) if (list[i]!.expires > now) live.push(list[i]!);
    return live.length > 1 ? live.sort(byPreference) : live;
  }

  /**
   * Inserts or replaces (same ruid). The store is written first: if it fails, nothing changes.
   * memoryOnly (save flag 0x01) skips the store in write-through mode; db-only has no memory.
   */
  put(table: string, rec: LocationRecord, memoryOnly = false): void {
    if (this.writesStore(table, memoryOnly)) this.store!.putLocation(rec);
    this.used.add(table);
    if (this.dbOnly(table)) return;
    this.memory.put(table, this.key(rec), rec);
  }

  remove(table: string, rec: Pick<LocationRecord, 'ruid' | 'username' | 'domain'>, memoryOnly = false): void {
    if (this.writesStore(table, memoryOnly)) this.store!.deleteLocation(rec.ruid);
    this.used.add(table);
    if (this.dbOnly(table)) return;
    this.memory.remove(table, this.key(rec), rec.ruid);
  }

  /** Removes every contact of the AoR; how many live ones went. */
  removeAor(table: string, aor: Aor): number {
    const live = this.contacts(table, aor).length;
    if (this.stored(table)) this.store!.deleteAor(aor);
    if (!this.dbOnly(table)) this.memory.removeAor(table, this.key(aor));
    return live;
  }

  /** Every live contact, grouped by table (ul.dump). */
  dump(limit = 100_000): Array<{ table: string; records: LocationRecord[] }> {
    const now = this.nowS();
    const names = new Set([...this.used, ...this.memory.names()]);
    if (this.store && this.settings.mode !== 'memory') names.add(STORED_TABLE);
    const out: Array<{ table: string; records: LocationRecord[] }> = [];
    for (const table of names) {
      const recs = this.dbOnly(table) ? this.store!.allLocations(limit) : this.memory.all(table);
      out.push({ table, records: recs.filter((r) => r.expires > now).sort(byPreference) });
    }
    return out;
  }

  /** write-through: fills memory from the store (at start; with shared state, the first worker's call fills it, the others' add 0). */
  load(): number {
    if (this.settings.mode !== 'write-through' || !this.store) return 0;
    const store = this.store;
    const now = this.nowS();
    this.used.add(STORED_TABLE);
    return this.memory.loadOnce(STORED_TABLE, () =>
      store.allLocations().filter((rec) => rec.expires > now).map((rec) => ({ aorKey: this.key(rec), rec })),
    );
  }

  /** Removes and returns what has expired, in every table. May throw StoreUnavailable. */
  takeExpired(): Array<{ table: string; rec: LocationRecord }> {
    const now = this.nowS();
    // db-only keeps nothing of the stored table in memory, so the memory layer's expired are its own
    const out: Array<{ table: string; rec: LocationRecord }> = this.memory.takeExpired(now);
    if (this.store && this.settings.mode !== 'memory') {
      // write-through: the store's copies go too (memory already said which expired);
      // db-only: the store says which expired (on a shared database, the node that takes them)
      const taken = this.store.takeExpired(now);
      if (this.settings.mode === 'db-only') for (const rec of taken) out.push({ table: STORED_TABLE, rec });
    }
    return out;
  }

  /** Runs the expiry every timer_interval_s; the timer does not keep the process alive. */
  start(onExpired: ExpiredHandler, onError: (e: unknown) => void): void {
    this.stop();
    this.timer = setInterval(() => this.runExpiry(onExpired, onError), this.settings.timerIntervalS * 1000);
    this.timer.unref();
  }

  runExpiry(onExpired: ExpiredHandler, onError: (e: unknown) => void): number {
    let expired: Array<{ table: string; rec: LocationRecord }>;
    try {
      expired = this.takeExpired();
    } catch (e) {
      onError(e);
      return 0;
    }
    for (const { table, rec } of expired) {
      try {
        onExpired(table, rec);
      } catch (e) {
        onError(e);
      }
    }
    return expired.length;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get running(): boolean {
    return this.timer !== null;
  }
}

// htable's module state (host/core/module-service.ts): the declared tables, the iterators of
// this core, the expiry sweep and the dbtable load/save. With one thread each table is a Map of
// the thread; with several workers every table is rows of the shared state (one table seen by
// all workers), swept and saved by the primary worker only.
import type { ModuleHost, ModuleState } from '../core/module-service.js';
import { parseHtableSettings, type HtableSettings } from './table-settings.js';
import { HashTable } from './table.js';
import { MapCellStore } from './cell-store.js';
import { SharedCellStore } from './shared-cell-store.js';
import { StoreCellStore, StoreHashTable, storeSpaceOf } from './store-cell-store.js';
import { Iterators } from './iterators.js';
import { layoutOf, loadTable, saveTable } from './db-sync.js';

export class HtableState implements ModuleState {
  readonly settings: HtableSettings;
  readonly tables = new Map<string, HashTable>();
  readonly iterators = new Iterators();
  private clockMs: () => number = Date.now;
  private timer: NodeJS.Timeout | null = null;
  /** Tables whose dbtable this core has loaded (or found loaded by another worker). */
  private readonly loaded = new Set<string>();

  constructor(private readonly host: ModuleHost) {
    this.settings = parseHtableSettings(host.config);
    for (const spec of this.settings.tables) {
      if (spec.backend === 'store') {
        this.tables.set(spec.name, this.storeTable(spec));
        continue;
      }
      const cells = host.shared ? new SharedCellStore(host.shared, spec.name) : new MapCellStore();
      this.tables.set(spec.name, new HashTable(spec, cells, () => this.clockMs()));
    }
  }

  /** A `backend: store` table: items in the store's keyed values, shared by every node on it. */
  private storeTable(spec: HtableSettings['tables'][number]): HashTable {
    const nowS = () => Math.floor(this.clockMs() / 1000);
    const cells = new StoreCellStore(() => this.host.core.store, storeSpaceOf(spec.name), spec.autoexpire > 0, nowS, spec.maxitems);
    return new StoreHashTable(spec, cells, () => this.clockMs(), (fn, text) => this.log(fn, text));
  }

  /** Tests: a fake clock (epoch ms) for expiry. */
  setClock(clock: () => number): void {
    this.clockMs = clock;
  }

  log(fn: string, text: string, level: 'error' | 'warn' = 'error'): void {
    this.host.log.log(level, `KSR.htable.${fn}: ${text}`);
  }

  /** The named table (its dbtable loaded on first use), or null with a log line naming it. */
  table(name: string, fn: string): HashTable | null {
    const t = this.tables.get(name);
    if (!t) {
      const known = [...this.tables.keys()].join(', ') || 'none';
      this.log(fn, `cannot get hash table "${name.slice(0, 64)}": expected one declared in modules.htable.tables (declared: ${known})`);
      return null;
    }
    if (t.spec.dbtable !== null && !this.loaded.has(t.name)) this.loadOnce(t);
    return t;
  }

  /** Loads a dbtable once per server: with workers, the first worker to get there does it. */
  private loadOnce(t: HashTable): void {
    this.loaded.add(t.name);
    const store = this.host.core.store;
    if (!store) {
      this.log('load', `table ${t.name} has dbtable ${t.spec.dbtable} but the server has no store: nothing loaded`, 'warn');
      return;
    }
    const shared = this.host.shared;
    const flag = `htable-loaded:${t.name}`;
    if (shared && !shared.write(() => shared.db.prepare('INSERT OR IGNORE INTO shared_flags (name) VALUES (?)').run(flag).changes > 0)) return;
    try {
      loadTable(t, store, layoutOf(t, this.indexOf(t)), this.settings.dbExpires);
    } catch (e) {
      this.log('load', `table ${t.name}: loading dbtable ${t.spec.dbtable} failed: ${(e as Error).message}`);
      if (shared) shared.write(() => shared.db.prepare('DELETE FROM shared_flags WHERE name = ?').run(flag));
      this.loaded.delete(t.name);
    }
  }

  private indexOf(t: HashTable): number {
    return this.settings.tables.indexOf(t.spec);
  }

  /** htable.reload: the table's items replaced by its dbtable's rows; how many. Throws with why not. */
  reload(name: string): number {
    const t = this.tables.get(name);
    if (!t) throw new Error('No such htable');
    if (t.spec.dbtable === null) throw new Error(`htable ${name} has no dbtable`);
    const store = this.host.core.store;
    if (!store) throw new Error('No htable db_url (the server has no store)');
    this.loaded.add(name);
    return loadTable(t, store, layoutOf(t, this.indexOf(t)), this.settings.dbExpires);
  }

  /** One expiry sweep of every table with autoexpire. */
  sweep(): number {
    let n = 0;
    for (const t of this.tables.values()) n += t.sweep();
    return n;
  }

  start(): void {
    for (const t of this.tables.values()) if (t.spec.dbtable !== null && !this.loaded.has(t.name)) this.loadOnce(t);
    const anyExpire = [...this.tables.values()].some((t) => t.spec.autoexpire > 0);
    if (this.host.primary && anyExpire && !this.timer) {
      this.timer = setInterval(() => {
        try {
          this.sweep();
        } catch (e) {
          this.log('timer', `expiry sweep failed: ${(e as Error).message}`);
        }
      }, this.settings.timerInterval * 1000);
      this.timer.unref();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!this.host.primary) return;
    const store = this.host.core.store;
    for (const t of this.tables.values()) {
      if (t.spec.dbmode !== 1 || t.spec.dbtable === null || !store) continue;
      try {
        saveTable(t, store, layoutOf(t, this.indexOf(t)), this.settings.dbExpires);
      } catch (e) {
        this.log('save', `table ${t.name}: writing dbtable ${t.spec.dbtable} back failed: ${(e as Error).message}`);
      }
    }
  }
}

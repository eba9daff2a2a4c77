// The dispatcher's state in one core: the settings, the destination sets (per worker, loaded
// from the list file, the store's table or inline config rows), the state table (shared across
// workers), and the primary thread's timers (probing, call-load expiry).
import { readFileSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import type { ModuleHost, ModuleState } from '../core/module-service.js';
import type { CoreServices, ScriptLogger } from '../core/services.js';
import { DISPATCHER_TABLE, layoutNamed } from '../store/module-tables.js';
import { StoreUnavailable } from '../store/store.js';
import { buildSets, parseListFile, type Destination, type DestinationRow, type DestinationSet } from './destination-list.js';
import { dispatcherSettings, type DsSettings } from './settings.js';
import { MapStateTable, SharedStateTable, type DsStateTable } from './state-table.js';
import { pingAll } from './probing.js';

/** Names resolved per load for ds_is_from_list: a list of names cannot start unbounded lookups. */
const MAX_NAME_LOOKUPS = 256;

export class DispatcherState implements ModuleState {
  readonly settings: DsSettings;
  readonly table: DsStateTable;
  readonly core: CoreServices;
  readonly log: ScriptLogger;
  readonly primary: boolean;
  private current: Map<number, DestinationSet> = new Map();
  private loaded = false;
  private lastReload = 0;
  private timers: NodeJS.Timeout[] = [];

  constructor(host: ModuleHost) {
    this.settings = dispatcherSettings(host.config);
    this.core = host.core;
    this.log = host.log;
    this.primary = host.primary;
    this.table = host.shared ? new SharedStateTable(host.shared) : new MapStateTable();
    // inline rows and a list file are read now, so a bad one stops the server at start; the
    // store's table is read at first use (the store may not answer yet)
    if (this.settings.table === null) {
      const r = this.loadRows();
      if (typeof r === 'string') throw new Error(`modules.dispatcher: ${r}`);
      this.install(r, false);
    }
  }

  /** The sets in force (loaded from the store at first use). */
  sets(): ReadonlyMap<number, DestinationSet> {
    if (!this.loaded) {
      const r = this.loadRows();
      if (typeof r === 'string') this.log.log('error', `dispatcher: cannot load destinations: ${r}`);
      else this.install(r, false);
      this.loaded = true;
    }
    return this.current;
  }

  set(id: number): DestinationSet | undefined {
    return this.sets().get(id);
  }

  /** The flags in force of a destination: the state table's, else the list's. */
  flagsOf(d: Destination): number {
    return this.table.get(d.setid, d.uri)?.flags ?? d.flags;
  }

  /** ds_reload / dispatcher.reload: null when done, else why (the old sets stay). */
  reload(now = Date.now()): string | null {
    if (this.settings.reloadDelta > 0 && this.lastReload !== 0 && this.lastReload > now - this.settings.reloadDelta * 1000) return 'ongoing reload';
    this.lastReload = now;
    const r = this.loadRows();
    if (typeof r === 'string') return r;
    this.install(r, true);
    return null;
  }

  /** Replaces the sets with rows (dispatcher.add / remove keep states of the destinations that stay). */
  replaceRows(rows: DestinationRow[]): string | null {
    const built = buildSets(rows, { attrsNone: this.settings.attrsNone, strict: true });
    if (built.errors.length > 0) return built.errors.join('; ');
    this.current = built.sets;
    this.loaded = true;
    this.table.seed(this.allDestinations(), false);
    this.resolveNames();
    return null;
  }

  /** Every destination as a row (for add/remove). */
  rows(): DestinationRow[] {
    return this.allDestinations().reverse().map((d) => ({ setid: d.setid, destination: d.uri, flags: d.flags, priority: d.priority, attrs: d.attrs.body }));
  }

  allDestinations(): Destination[] {
    return [...this.current.values()].flatMap((s) => s.dests);
  }

  private loadRows(): DestinationRow[] | string {
    const s = this.settings;
    const rows: DestinationRow[] = [...(s.list ?? [])];
    if (s.listFile !== null) {
      let text: string;
      try {
        text = readFileSync(s.listFile, 'utf8');
      } catch (e) {
        return `can't open list file "${s.listFile}": ${(e as Error).message}`;
      }
      if (text.length > 4 * 1024 * 1024) return `list file "${s.listFile}" larger than 4 MiB`;
      const parsed = parseListFile(text);
      if (parsed.errors.length > 0) return `list file "${s.listFile}": ${parsed.errors.slice(0, 3).join('; ')}`;
      rows.push(...parsed.rows);
    }
    if (s.table !== null) {
      const store = this.core.store;
      if (!store) return `table "${s.table}" is configured but the server has no store`;
      try {
        for (const r of store.tableRows(layoutNamed(DISPATCHER_TABLE, s.table, 'modules.dispatcher.table'), 4097)) {
          rows.push({ setid: Number(r.setid ?? 0), destination: String(r.destination ?? ''), flags: Number(r.flags ?? 0), priority: Number(r.priority ?? 0), attrs: r.attrs == null ? '' : String(r.attrs) });
        }
      } catch (e) {
        if (e instanceof StoreUnavailable) return `store unavailable: ${e.message}`;
        return (e as Error).message;
      }
    }
    return rows;
  }

  private install(rows: DestinationRow[], reset: boolean): void {
    const built = buildSets(rows, { attrsNone: this.settings.attrsNone, strict: this.settings.loadMode === 1 });
    for (const e of built.errors) this.log.log('warn', `dispatcher: unable to add destination -- skipping: ${e}`);
    this.current = built.sets;
    this.loaded = true;
    this.table.seed(this.allDestinations().map((d) => ({ setid: d.setid, uri: d.uri, flags: d.flags })), reset);
    this.resolveNames();
  }

  /** Host names get their address later (Kamailio resolves at load): until then they match no source. */
  private resolveNames(): void {
    const names = this.allDestinations().filter((d) => d.ip === '' && (d.flags & 16) === 0).slice(0, MAX_NAME_LOOKUPS);
    for (const d of names) {
      lookup(d.host).then((a) => { d.ip = a.address; }, () => this.log.log('warn', `dispatcher: could not resolve ${d.host}`));
    }
  }

  start(): void {
    if (!this.primary) return;
    const s = this.settings;
    if (s.pingInterval > 0) {
      const t = setInterval(() => this.pingTick(), s.pingInterval * 1000);
      t.unref();
      this.timers.push(t);
    }
    const e = setInterval(() => this.table.loadExpire(Date.now()), s.hashCheckInterval * 1000);
    e.unref();
    this.timers.push(e);
  }

  /** One probing round (the timer's body; tests call it). */
  pingTick(): void {
    try {
      if (this.table.getPingActive() === 0) return;
      pingAll(this);
    } catch (e) {
      this.log.log('error', `dispatcher: probing: ${(e as Error).message}`);
    }
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }
}

// The embedded store: better-sqlite3, synchronous, WAL, prepared statements, Kamailio's tables.
import Database from 'better-sqlite3';
import type { Aor, LocationRecord, Store, StoreOptions, Subscriber } from './store.js';
import { StoreUnavailable } from './store.js';
import { checkVersions, LOCATION_COLUMNS, schemaStatements, versionStatements } from './kamailio-schema.js';
import { checkAccount, locationFromRow, locationToRow, subscriberRow } from './rows.js';
import { checkRow, createTableSql, type TableLayout, type TableRow } from './module-tables.js';
import { TurnSnapshot } from './turn-snapshot.js';
import { checkKv, checkKvAdd, kvEntryOf, kvNow, kvSql, kvValueColumns, scanLimit, type KvAddOptions, type KvEntry, type KvStatement, type KvValue } from './kv.js';

// Times are DATETIME text in UTC; read back as seconds. 1970-01-01 00:00:00 is "no expiry".
const SELECT_COLUMNS = LOCATION_COLUMNS.map((c) => {
  if (c === 'expires' || c === 'last_modified') return `CAST(strftime('%s', ${c}) AS INTEGER) AS ${c}`;
  return c;
}).join(', ');
const INSERT_VALUES = LOCATION_COLUMNS.map((c) => (c === 'expires' || c === 'last_modified' ? `datetime(@${c}, 'unixepoch')` : `@${c}`)).join(', ');
const UPDATE_SET = LOCATION_COLUMNS.filter((c) => c !== 'ruid').map((c) => `${c} = excluded.${c}`).join(', ');
const NO_EXPIRY = `'1970-01-01 00:00:00'`;

const isDatetime = (t: TableLayout, col: string): boolean => t.columns.some((c) => c.name === col && c.type === 'datetime');
const sqlValue = (_t: TableLayout, _col: string, v: string | number): string | number => v;

/** A column that may be NULL, as rows.ts reads it: null becomes ''. */
const text = (v: unknown): string => (v == null ? '' : String(v));

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly description: string;
  private readonly db: Database.Database;
  private readonly st: ReturnType<SqliteStore['prepare']>;
  /** The subscriber reads' own read-only connection, one transaction per turn (turn-snapshot.ts); none in memory. */
  private readonly snapshot: TurnSnapshot | null = null;
  private readonly reads: ReturnType<SqliteStore['prepareReads']>;
  private readonly moduleTables = new Map<string, { rows: Database.Statement }>();

  constructor(path: string, opts: StoreOptions = {}) {
    this.description = `sqlite:${path}`;
    // what was opened before a failure is closed with it (a store that cannot open keeps no file)
    const opened: Database.Database[] = [];
    try {
      this.db = new Database(path, { timeout: opts.timeoutMs ?? 500 });
      opened.push(this.db);
      // WAL lets readers run while one writes (several processes may share the file)
      if (path !== ':memory:') this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.createSchema();
      this.st = this.prepare();
      // a second connection needs the same database: a memory one is private to its connection
      let reader = this.db;
      if (path !== ':memory:') {
        reader = new Database(path, { readonly: true, fileMustExist: true, timeout: opts.timeoutMs ?? 500 });
        opened.push(reader);
        this.snapshot = new TurnSnapshot(reader);
      }
      this.reads = this.prepareReads(reader);
    } catch (e) {
      for (const d of opened) if (d.open) d.close();
      throw new Error(`${this.description}: cannot open the database: ${(e as Error).message}`);
    }
  }

  private createSchema(): void {
    this.db.transaction(() => {
      for (const s of schemaStatements('sqlite')) this.db.exec(s);
      for (const s of versionStatements()) this.db.exec(s);
    }).immediate();
    const versions = this.db.prepare('SELECT table_name, table_version FROM version').all() as Array<{ table_name: string; table_version: number }>;
    checkVersions(versions, this.description);
  }

  private prepare() {
    const d = this.db;
    return {
      locations: d.prepare(`SELECT ${SELECT_COLUMNS} FROM location WHERE username = ? AND COALESCE(domain, '') = ?`),
      put: d.prepare(`INSERT INTO location (${LOCATION_COLUMNS.join(', ')}) VALUES (${INSERT_VALUES}) ON CONFLICT (ruid) DO UPDATE SET ${UPDATE_SET}`),
      delete: d.prepare('DELETE FROM location WHERE ruid = ?'),
      deleteAor: d.prepare(`DELETE FROM location WHERE username = ? AND COALESCE(domain, '') = ?`),
      takeExpired: d.prepare(`DELETE FROM location WHERE expires <= datetime(?, 'unixepoch') AND expires > ${NO_EXPIRY} RETURNING ${SELECT_COLUMNS}`),
      all: d.prepare(`SELECT ${SELECT_COLUMNS} FROM location ORDER BY username, domain LIMIT ?`),
      ping: d.prepare('SELECT 1'),
      addSub: d.prepare('INSERT INTO subscriber (username, domain, password, ha1, ha1b) VALUES (@username, @domain, @password, @ha1, @ha1b)'),
      upsertSub: d.prepare(
        'INSERT INTO subscriber (username, domain, password, ha1, ha1b) VALUES (@username, @domain, @password, @ha1, @ha1b) ' +
          'ON CONFLICT (username, domain) DO UPDATE SET password = excluded.password, ha1 = excluded.ha1, ha1b = excluded.ha1b',
      ),
      setPass: d.prepare('UPDATE subscriber SET password = @password, ha1 = @ha1, ha1b = @ha1b WHERE username = @username AND domain = @domain'),
      rmSub: d.prepare('DELETE FROM subscriber WHERE username = ? AND domain = ?'),
      listSubs: d.prepare('SELECT username, domain FROM subscriber ORDER BY domain, username'),
    };
  }

  /** The reads of every authentication, on the reader when there is one. */
  private prepareReads(d: Database.Database) {
    return {
      // rows as arrays (raw): better-sqlite3 builds no object with named keys per row
      subscriber: d.prepare('SELECT password, ha1, ha1b FROM subscriber WHERE username = ? AND domain = ?').raw(true),
      // one value (pluck): undefined no row, null no password; a third of the row read's cost
      password: d.prepare("SELECT CASE WHEN password <> '' THEN password END FROM subscriber WHERE username = ? AND domain = ?").pluck(true),
    };
  }

  /** SQLite errors (busy, disk full, file gone) become StoreUnavailable, which routes answer with 500. */
  private guard<T>(what: string, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof StoreUnavailable) throw e;
      throw new StoreUnavailable(this.description, `${what} failed: ${(e as Error).message}`);
    }
  }

  /** Read per authentication, never cached (a deleted or changed user is seen from the next turn
   *  of the event loop on, turn-snapshot.ts); the prepared statement is reused and the error
   *  wrapping costs no closure. */
  subscriber(username: string, domain: string): Subscriber | null {
    let row: unknown[] | undefined;
    try {
      this.snapshot?.enter();
      row = this.reads.subscriber.get(username, domain) as unknown[] | undefined;
    } catch (e) {
      throw new StoreUnavailable(this.description, `subscriber failed: ${(e as Error).message}`);
    }
    if (!row) return null;
    return { username, domain, password: text(row[0]), ha1: text(row[1]), ha1b: text(row[2]) };
  }

  /** The plain password alone (see SyncStore.subscriberPassword); read each time like `subscriber`. */
  subscriberPassword(username: string, domain: string): string | null | undefined {
    let v: unknown;
    try {
      this.snapshot?.enter();
      v = this.reads.password.get(username, domain);
    } catch (e) {
      throw new StoreUnavailable(this.description, `subscriberPassword failed: ${(e as Error).message}`);
    }
    return v == null ? (v as null | undefined) : String(v);
  }

  locations(aor: Aor): LocationRecord[] {
    const rows = this.guard('locations', () => this.st.locations.all(aor.username, aor.domain)) as Record<string, unknown>[];
    return rows.map(locationFromRow);
  }

  putLocation(rec: LocationRecord): void {
    this.guard('putLocation', () => this.st.put.run(locationToRow(rec)));
  }

  deleteLocation(ruid: string): void {
    this.guard('deleteLocation', () => this.st.delete.run(ruid));
  }

  deleteAor(aor: Aor): number {
    return this.guard('deleteAor', () => this.st.deleteAor.run(aor.username, aor.domain).changes);
  }

  takeExpired(nowS: number): LocationRecord[] {
    const rows = this.guard('takeExpired', () => this.st.takeExpired.all(Math.trunc(nowS))) as Record<string, unknown>[];
    return rows.map(locationFromRow);
  }

  allLocations(limit?: number): LocationRecord[] {
    const rows = this.guard('allLocations', () => this.st.all.all(limit ?? -1)) as Record<string, unknown>[];
    return rows.map(locationFromRow);
  }

  tableRows(table: TableLayout, limit?: number): TableRow[] {
    return this.guard(`tableRows ${table.name}`, () => this.moduleTable(table).rows.all(limit ?? -1)) as TableRow[];
  }

  insertRow(table: TableLayout, row: TableRow): void {
    const checked = checkRow(table, row, 'insertRow');
    const names = Object.keys(checked);
    const values = names.map((n) => sqlValue(table, n, checked[n]!));
    const sql = names.length === 0
      ? `INSERT INTO ${table.name} DEFAULT VALUES`
      : `INSERT INTO ${table.name} (${names.join(', ')}) VALUES (${names.map((n) => (isDatetime(table, n) ? "datetime(?, 'unixepoch')" : '?')).join(', ')})`;
    this.guard(`insertRow ${table.name}`, () => (this.moduleTable(table), this.db.prepare(sql).run(...values)));
  }

  deleteRows(table: TableLayout, where: TableRow): number {
    const checked = checkRow(table, where, 'deleteRows');
    const names = Object.keys(checked);
    const cond = names.map((n) => (checked[n] === null ? `${n} IS NULL` : isDatetime(table, n) ? `${n} = datetime(?, 'unixepoch')` : `${n} = ?`));
    const values = names.filter((n) => checked[n] !== null).map((n) => sqlValue(table, n, checked[n]!));
    const sql = `DELETE FROM ${table.name}${cond.length ? ` WHERE ${cond.join(' AND ')}` : ''}`;
    return this.guard(`deleteRows ${table.name}`, () => (this.moduleTable(table), this.db.prepare(sql).run(...values).changes));
  }

  /** A module table, created (with its version row) at its first use in this connection; its SELECT prepared once. */
  private moduleTable(table: TableLayout): { rows: Database.Statement } {
    let t = this.moduleTables.get(table.name);
    if (!t) {
      this.db.exec(createTableSql(table, 'sqlite'));
      this.db.prepare('INSERT INTO version (table_name, table_version) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM version WHERE table_name = ?)').run(table.name, table.version, table.name);
      const cols = table.columns.map((c) => (c.type === 'datetime' ? `CAST(strftime('%s', ${c.name}) AS INTEGER) AS ${c.name}` : c.name));
      t = { rows: this.db.prepare(`SELECT id, ${cols.join(', ')} FROM ${table.name} ORDER BY id LIMIT ?`) };
      this.moduleTables.set(table.name, t);
    }
    return t;
  }

  // keyed value spaces (kv.ts): table ksr_kv, created and prepared at the first kv call
  private kvStatements: Record<KvStatement, Database.Statement> | null = null;

  private kv(): Record<KvStatement, Database.Statement> {
    if (!this.kvStatements) {
      const sql = kvSql('sqlite');
      this.db.exec(sql.create.text);
      const st = {} as Record<KvStatement, Database.Statement>;
      for (const k of Object.keys(sql) as KvStatement[]) if (k !== 'create') st[k] = this.db.prepare(sql[k].text);
      this.kvStatements = st;
    }
    return this.kvStatements;
  }

  kvGet(space: string, key: string, nowS?: number): KvEntry | null {
    checkKv('kvGet', space, key);
    const r = this.guard('kvGet', () => this.kv().get.get({ space, name: key, now: kvNow(nowS) })) as Parameters<typeof kvEntryOf>[0] | undefined;
    return r ? kvEntryOf(r) : null;
  }

  kvSet(space: string, key: string, value: KvValue, expires: number, _nowS?: number): void {
    checkKv('kvSet', space, key, value, expires);
    this.guard('kvSet', () => this.kv().set.run({ space, name: key, ...kvValueColumns(value), expires }));
  }

  kvAdd(space: string, key: string, delta: number, initial: number | null, expires: number, opts: KvAddOptions = {}, nowS?: number): number | null {
    checkKvAdd(space, key, delta, initial, expires);
    const params = { space, name: key, delta, initial, expires, now: kvNow(nowS), keep: opts.keepExpires ? 1 : 0, max: opts.maxEntries ?? Number.MAX_SAFE_INTEGER };
    const r = this.guard('kvAdd', () => this.kv().add.get(params)) as { ival: number } | undefined;
    return r ? Number(r.ival) : null;
  }

  kvDelete(space: string, key: string): boolean {
    checkKv('kvDelete', space, key);
    return this.guard('kvDelete', () => this.kv().delete.run({ space, name: key }).changes > 0);
  }

  kvScan(space: string, limit: number, nowS?: number): KvEntry[] {
    checkKv('kvScan', space);
    const rows = this.guard('kvScan', () => this.kv().scan.all({ space, now: kvNow(nowS), limit: scanLimit(limit) })) as Array<Parameters<typeof kvEntryOf>[0]>;
    return rows.map(kvEntryOf);
  }

  kvCount(space: string, nowS?: number): number {
    checkKv('kvCount', space);
    return Number((this.guard('kvCount', () => this.kv().count.get({ space, now: kvNow(nowS) })) as { n: number }).n);
  }

  kvClear(space: string): number {
    checkKv('kvClear', space);
    return this.guard('kvClear', () => this.kv().clear.run({ space }).changes);
  }

  kvPurge(space: string, nowS?: number): number {
    checkKv('kvPurge', space);
    return this.guard('kvPurge', () => this.kv().purge.run({ space, now: kvNow(nowS) }).changes);
  }

  ping(): void {
    this.guard('ping', () => this.st.ping.get());
  }

  async close(): Promise<void> {
    this.snapshot?.close();
    if (this.db.open) this.db.close();
  }

  /** After a write to `subscriber`: the next read sees it, even in this turn. */
  private subscribersChanged(): void {
    this.snapshot?.end();
  }

  async addSubscriber(username: string, domain: string, password: string): Promise<void> {
    checkAccount(username, domain);
    try {
      this.st.addSub.run(subscriberRow(username, domain, password));
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new Error(`${username}@${domain} already exists`);
      throw e;
    }
    this.subscribersChanged();
  }

  async importSubscribers(rows: Array<{ username: string; domain: string; password: string }>): Promise<number> {
    for (const r of rows) checkAccount(r.username, r.domain);
    this.db.transaction(() => {
      for (const r of rows) this.st.upsertSub.run(subscriberRow(r.username, r.domain, r.password));
    })();
    this.subscribersChanged();
    return rows.length;
  }

  async setPassword(username: string, domain: string, password: string): Promise<boolean> {
    const changed = this.st.setPass.run(subscriberRow(username, domain, password)).changes > 0;
    this.subscribersChanged();
    return changed;
  }

  async removeSubscriber(username: string, domain: string): Promise<boolean> {
    const removed = this.st.rmSub.run(username, domain).changes > 0;
    this.subscribersChanged();
    return removed;
  }

  async listSubscribers(): Promise<Array<{ username: string; domain: string }>> {
    return this.st.listSubs.all() as Array<{ username: string; domain: string }>;
  }
}

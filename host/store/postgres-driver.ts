// PostgreSQL driver (pg), run inside the bridge's worker thread. Kamailio's tables and column
// names; DATETIME columns hold UTC (see kamailio-schema.ts).
import pg from 'pg';
import type { AsyncDriver } from './async-driver.js';
import type { Aor, LocationRecord, Subscriber } from './store.js';
import { checkVersions, LOCATION_COLUMNS, schemaStatements, versionStatements } from './kamailio-schema.js';
import { checkAccount, locationFromRow, locationToRow, subscriberFromRow, subscriberRow } from './rows.js';
import { maskStoreUrl } from './store-url.js';
import { checkRow, createTableSql, type TableLayout, type TableRow } from './module-tables.js';
import { kvEntryOf, kvSql, kvValueColumns, type KvAddOptions, type KvEntry, type KvStatement, type KvValue } from './kv.js';

const KV_SQL = kvSql('postgres');

const TIME_COLUMNS = new Set(['expires', 'last_modified']);
// EXTRACT(EPOCH) of a timestamp without time zone counts from 1970-01-01 00:00 as written: UTC
const SELECT_COLUMNS = LOCATION_COLUMNS.map((c) => (TIME_COLUMNS.has(c) ? `EXTRACT(EPOCH FROM ${c})::bigint AS ${c}` : c)).join(', ');
const utcTime = (param: string): string => `(to_timestamp(${param}) AT TIME ZONE 'UTC')`;
const INSERT_VALUES = LOCATION_COLUMNS.map((c, i) => (TIME_COLUMNS.has(c) ? utcTime(`$${i + 1}`) : `$${i + 1}`)).join(', ');
const UPDATE_SET = LOCATION_COLUMNS.filter((c) => c !== 'ruid').map((c) => `${c} = EXCLUDED.${c}`).join(', ');
const NO_EXPIRY = `'1970-01-01 00:00:00'`;
// any number will do as long as every node uses the same one: schema creation takes turns
const SCHEMA_LOCK = 0x6b7372;

const SQL = {
  subscriber: 'SELECT username, domain, password, ha1, ha1b FROM subscriber WHERE username = $1 AND domain = $2',
  locations: `SELECT ${SELECT_COLUMNS} FROM location WHERE username = $1 AND COALESCE(domain, '') = $2`,
  put: `INSERT INTO location (${LOCATION_COLUMNS.join(', ')}) VALUES (${INSERT_VALUES}) ON CONFLICT (ruid) DO UPDATE SET ${UPDATE_SET}`,
  delete: 'DELETE FROM location WHERE ruid = $1',
  deleteAor: `DELETE FROM location WHERE username = $1 AND COALESCE(domain, '') = $2`,
  takeExpired: `DELETE FROM location WHERE expires <= ${utcTime('$1')} AND expires > ${NO_EXPIRY} RETURNING ${SELECT_COLUMNS}`,
  all: `SELECT ${SELECT_COLUMNS} FROM location ORDER BY username, domain LIMIT $1`,
  upsertSub:
    'INSERT INTO subscriber (username, domain, password, ha1, ha1b) VALUES ($1, $2, $3, $4, $5) ' +
    'ON CONFLICT (username, domain) DO UPDATE SET password = EXCLUDED.password, ha1 = EXCLUDED.ha1, ha1b = EXCLUDED.ha1b',
  addSub: 'INSERT INTO subscriber (username, domain, password, ha1, ha1b) VALUES ($1, $2, $3, $4, $5)',
  setPass: 'UPDATE subscriber SET password = $3, ha1 = $4, ha1b = $5 WHERE username = $1 AND domain = $2',
  rmSub: 'DELETE FROM subscriber WHERE username = $1 AND domain = $2',
  listSubs: 'SELECT username, domain FROM subscriber ORDER BY domain, username',
};

const isDatetime = (t: TableLayout, col: string): boolean => t.columns.some((c) => c.name === col && c.type === 'datetime');

/** pg gives bigint (EXTRACT ... ::bigint, a BIGINT id) as text: int and datetime columns cross as numbers. */
function numericCells(table: TableLayout, r: Record<string, unknown>): TableRow {
  const out: TableRow = { id: r.id === null || r.id === undefined ? null : Number(r.id) };
  for (const c of table.columns) {
    const v = r[c.name];
    out[c.name] = v === null || v === undefined ? null : c.type === 'string' ? String(v) : Number(v);
  }
  return out;
}

const subParams = (s: Subscriber): string[] => [s.username, s.domain, s.password, s.ha1, s.ha1b];

export class PostgresDriver implements AsyncDriver {
  private readonly pool: pg.Pool;

  constructor(
    private readonly url: string,
    timeoutMs: number,
  ) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: 4,
      connectionTimeoutMillis: Math.max(1000, timeoutMs),
      query_timeout: Math.max(1000, timeoutMs * 2),
      idleTimeoutMillis: 30_000,
    });
    // an idle connection dropped by the server: the pool discards it and connects anew on demand
    this.pool.on('error', () => {});
  }

  async init(): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
      try {
        for (const s of schemaStatements('postgres')) await c.query(s);
        for (const s of versionStatements()) await c.query(s);
      } finally {
        await c.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
      }
      const { rows } = await c.query('SELECT table_name, table_version FROM version');
      checkVersions(rows, maskStoreUrl(this.url));
    } finally {
      c.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async subscriber(username: string, domain: string): Promise<Subscriber | null> {
    const { rows } = await this.pool.query(SQL.subscriber, [username, domain]);
    return rows[0] ? subscriberFromRow(rows[0]) : null;
  }

  async locations(aor: Aor): Promise<LocationRecord[]> {
    const { rows } = await this.pool.query(SQL.locations, [aor.username, aor.domain]);
    return rows.map(locationFromRow);
  }

  async putLocation(rec: LocationRecord): Promise<void> {
    const row = locationToRow(rec);
    await this.pool.query(SQL.put, LOCATION_COLUMNS.map((c) => row[c]));
  }

  async deleteLocation(ruid: string): Promise<void> {
    await this.pool.query(SQL.delete, [ruid]);
  }

  async deleteAor(aor: Aor): Promise<number> {
    return (await this.pool.query(SQL.deleteAor, [aor.username, aor.domain])).rowCount ?? 0;
  }

  async takeExpired(nowS: number): Promise<LocationRecord[]> {
    const { rows } = await this.pool.query(SQL.takeExpired, [Math.trunc(nowS)]);
    return rows.map(locationFromRow);
  }

  async allLocations(limit?: number): Promise<LocationRecord[]> {
    const { rows } = await this.pool.query(SQL.all, [limit ?? null]);
    return rows.map(locationFromRow);
  }

  // module tables (module-tables.ts): created with their version row at first use, under the
  // schema lock (two nodes creating the same table at once would otherwise collide in pg_type)
  async tableRows(table: TableLayout, limit?: number): Promise<TableRow[]> {
    await this.moduleTable(table);
    const cols = table.columns.map((c) => (c.type === 'datetime' ? `EXTRACT(EPOCH FROM ${c.name})::bigint AS ${c.name}` : c.name));
    const { rows } = await this.pool.query(`SELECT id, ${cols.join(', ')} FROM ${table.name} ORDER BY id LIMIT $1`, [limit ?? null]);
    return rows.map((r: Record<string, unknown>) => numericCells(table, r));
  }

  async insertRow(table: TableLayout, row: TableRow): Promise<void> {
    const checked = checkRow(table, row, 'insertRow');
    const names = Object.keys(checked);
    await this.moduleTable(table);
    const sql = names.length === 0
      ? `INSERT INTO ${table.name} DEFAULT VALUES`
      : `INSERT INTO ${table.name} (${names.join(', ')}) VALUES (${names.map((n, i) => (isDatetime(table, n) ? utcTime(`$${i + 1}`) : `$${i + 1}`)).join(', ')})`;
    await this.pool.query(sql, names.map((n) => checked[n]));
  }

  async deleteRows(table: TableLayout, where: TableRow): Promise<number> {
    const checked = checkRow(table, where, 'deleteRows');
    const values: Array<string | number> = [];
    const cond = Object.entries(checked).map(([n, v]) => {
      if (v === null) return `${n} IS NULL`;
      values.push(v);
      return isDatetime(table, n) ? `${n} = ${utcTime(`$${values.length}`)}` : `${n} = $${values.length}`;
    });
    await this.moduleTable(table);
    const res = await this.pool.query(`DELETE FROM ${table.name}${cond.length ? ` WHERE ${cond.join(' AND ')}` : ''}`, values);
    return res.rowCount ?? 0;
  }

  private readonly madeTables = new Map<string, Promise<void>>();

  /** Creates the table and its version row when missing, once per table and driver. */
  private moduleTable(table: TableLayout): Promise<void> {
    let made = this.madeTables.get(table.name);
    if (!made) {
      made = this.createModuleTable(table);
      this.madeTables.set(table.name, made);
      // a failure (database away) is tried again at the next use
      made.catch(() => this.madeTables.delete(table.name));
    }
    return made;
  }

  private async createModuleTable(table: TableLayout): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
      try {
        await c.query(createTableSql(table, 'postgres'));
        await c.query(
          'INSERT INTO version (table_name, table_version) SELECT $1::varchar, $2::int WHERE NOT EXISTS (SELECT 1 FROM version WHERE table_name = $1::varchar)',
          [table.name, table.version],
        );
      } finally {
        await c.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
      }
    } finally {
      c.release();
    }
  }

  // keyed value spaces (kv.ts): table ksr_kv, created at the first kv call under the schema lock
  private kvMade: Promise<void> | null = null;

  private async kv(st: KvStatement, params: Record<string, unknown>): Promise<pg.QueryResult> {
    if (!this.kvMade) {
      this.kvMade = this.createKvTable();
      this.kvMade.catch(() => (this.kvMade = null));
    }
    await this.kvMade;
    const q = KV_SQL[st];
    return this.pool.query(q.text, q.names.map((n) => params[n] ?? null));
  }

  private async createKvTable(): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
      try {
        await c.query(KV_SQL.create.text);
      } finally {
        await c.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
      }
    } finally {
      c.release();
    }
  }

  async kvGet(space: string, key: string, nowS: number): Promise<KvEntry | null> {
    const { rows } = await this.kv('get', { space, name: key, now: nowS });
    return rows[0] ? kvEntryOf(rows[0]) : null;
  }

  async kvSet(space: string, key: string, value: KvValue, expires: number): Promise<void> {
    await this.kv('set', { space, name: key, ...kvValueColumns(value), expires });
  }

  async kvAdd(space: string, key: string, delta: number, initial: number | null, expires: number, opts: KvAddOptions, nowS: number): Promise<number | null> {
    const params = { space, name: key, delta, initial, expires, now: nowS, keep: opts.keepExpires ? 1 : 0, max: opts.maxEntries ?? Number.MAX_SAFE_INTEGER };
    const { rows } = await this.kv('add', params);
    return rows[0] ? Number(rows[0].ival) : null;
  }

  async kvDelete(space: string, key: string): Promise<boolean> {
    return ((await this.kv('delete', { space, name: key })).rowCount ?? 0) > 0;
  }

  async kvScan(space: string, limit: number, nowS: number): Promise<KvEntry[]> {
    return (await this.kv('scan', { space, now: nowS, limit })).rows.map(kvEntryOf);
  }

  async kvCount(space: string, nowS: number): Promise<number> {
    return Number((await this.kv('count', { space, now: nowS })).rows[0].n);
  }

  async kvClear(space: string): Promise<number> {
    return (await this.kv('clear', { space })).rowCount ?? 0;
  }

  async kvPurge(space: string, nowS: number): Promise<number> {
    return (await this.kv('purge', { space, now: nowS })).rowCount ?? 0;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async addSubscriber(username: string, domain: string, password: string): Promise<void> {
    checkAccount(username, domain);
    try {
      await this.pool.query(SQL.addSub, subParams(subscriberRow(username, domain, password)));
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw new Error(`${username}@${domain} already exists`);
      throw e;
    }
  }

  async importSubscribers(rows: Array<{ username: string; domain: string; password: string }>): Promise<number> {
    for (const r of rows) checkAccount(r.username, r.domain);
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      for (const r of rows) await c.query(SQL.upsertSub, subParams(subscriberRow(r.username, r.domain, r.password)));
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
    return rows.length;
  }

  async setPassword(username: string, domain: string, password: string): Promise<boolean> {
    return ((await this.pool.query(SQL.setPass, subParams(subscriberRow(username, domain, password)))).rowCount ?? 0) > 0;
  }

  async removeSubscriber(username: string, domain: string): Promise<boolean> {
    return ((await this.pool.query(SQL.rmSub, [username, domain])).rowCount ?? 0) > 0;
  }

  async listSubscribers(): Promise<Array<{ username: string; domain: string }>> {
    return (await this.pool.query(SQL.listSubs)).rows;
  }
}

// The store's keyed value spaces (SyncStore.kv*): small named values, typed (a 32-bit int or a
// string), each with an absolute expiry, shared by every node on the same store. htable's
// `backend: store` tables live here (host/htable/store-cell-store.ts), one space per table.
//
// Expiry. `expires` is epoch seconds by the writer's clock (0: never). An entry is live at
// `nowS` while expires == 0 or expires >= nowS (htable's "expire < now is gone"); every call
// takes the caller's now (default: the node's clock), so an expired entry reads as absent at
// once. SQL stores keep expired rows until kvPurge (or a write over them) removes them; Redis
// also drops the key itself, by its own clock, after the lifetime the write gave it
// (expires - nowS + 1 seconds), so it never needs a purge.
//
// Atomicity: each call is one atomic store operation (one SQL statement, or one Lua script /
// MULTI on Redis). kvAdd is the read-add-write of a counter in one step, across nodes.
//
// Not Kamailio: Kamailio has no such table; SQL keeps it in our own table `ksr_kv`, Redis in
// `ksr:kv:{<space>}:<key>` hashes (layout in redis-driver.ts).

export type KvValue = string | number;

export interface KvEntry {
  key: string;
  value: KvValue;
  /** Epoch seconds; 0: never. */
  expires: number;
}

export interface KvAddOptions {
  /** A live entry keeps its expires (htable's updateexpire=0); a new one takes `expires`. */
  keepExpires?: boolean;
  /** A new entry is refused (null) while the space holds this many live entries (approximate under concurrent writers). */
  maxEntries?: number;
}

/** Space names: letters, digits, _ . : - (no braces or slash: the Redis key layout relies on it). */
export const KV_SPACE = /^[A-Za-z0-9_.:-]{1,128}$/;
export const MAX_KV_KEY_BYTES = 1024;
export const MAX_KV_VALUE_BYTES = 64 * 1024;
export const MAX_KV_SCAN = 1_000_000;
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** C int arithmetic: wraps to a signed 32-bit value, as Kamailio's int_str. */
export function int32(n: number): number {
  return n | 0;
}

/** The node's now in epoch seconds (Kamailio's time(NULL)). */
export function kvNow(nowS?: number): number {
  return nowS === undefined ? Math.floor(Date.now() / 1000) : Math.trunc(nowS);
}

/** Whether an entry with `expires` is live at nowS. */
export function kvLive(expires: number, nowS: number): boolean {
  return expires === 0 || expires >= nowS;
}

function bad(op: string, what: string, got: unknown): never {
  throw new Error(`${op}: expected ${what}, got ${typeof got === 'string' ? JSON.stringify(got.slice(0, 80)) : String(got)}`);
}

/**
 * A call's arguments, checked before they reach a driver (a caller's mistake must not look
 * like a store failure and open the bridge's breaker). Throws an Error saying what was expected.
 */
export function checkKv(op: string, space: string, key?: string, value?: KvValue, expires?: number): void {
  if (typeof space !== 'string' || !KV_SPACE.test(space)) bad(op, 'a space name of 1 to 128 letters, digits, _ . : -', space);
  if (key !== undefined) {
    const n = typeof key === 'string' ? Buffer.byteLength(key) : -1;
    if (n < 0 || n > MAX_KV_KEY_BYTES) bad(op, `a key of at most ${MAX_KV_KEY_BYTES} bytes`, key);
  }
  if (value !== undefined) {
    if (typeof value === 'number') {
      if (!Number.isInteger(value) || value < INT_MIN || value > INT_MAX) bad(op, 'a 32-bit integer value', value);
    } else if (typeof value !== 'string' || Buffer.byteLength(value) > MAX_KV_VALUE_BYTES) bad(op, `a string of at most ${MAX_KV_VALUE_BYTES} bytes`, value);
  }
  if (expires !== undefined && (!Number.isInteger(expires) || expires < 0)) bad(op, 'expires as epoch seconds (0: never)', expires);
}

export function checkKvAdd(space: string, key: string, delta: number, initial: number | null, expires: number): void {
  checkKv('kvAdd', space, key, undefined, expires);
  if (!Number.isInteger(delta) || Math.abs(delta) > 2 ** 32) bad('kvAdd', 'an integer delta', delta);
  if (initial !== null) checkKv('kvAdd', space, undefined, initial);
}

export function scanLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(0, Math.min(MAX_KV_SCAN, Math.trunc(limit))) : MAX_KV_SCAN;
}

// ------------------------------------------------------------------ SQL (SQLite and PostgreSQL)
//
// One table for every space; written with :name parameters, turned into @name (SQLite) or
// $n (PostgreSQL) by kvSql. CAST gives PostgreSQL the parameters' types.

const LIVE = (t: string) => `(${t}.expires = 0 OR ${t}.expires >= CAST(:now AS BIGINT))`;
const WRAP = (x: string) => `(((${x}) + 2147483648) % 4294967296 + 4294967296) % 4294967296 - 2147483648`;

const KV_TEMPLATES = {
  create:
    'CREATE TABLE IF NOT EXISTS ksr_kv (space VARCHAR(128) NOT NULL, name TEXT NOT NULL, ival BIGINT, sval TEXT, expires BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (space, name))',
  get: `SELECT name, ival, sval, expires FROM ksr_kv WHERE space = :space AND name = :name AND ${LIVE('ksr_kv')}`,
  set:
    'INSERT INTO ksr_kv (space, name, ival, sval, expires) VALUES (:space, :name, CAST(:ival AS BIGINT), :sval, CAST(:expires AS BIGINT)) ' +
    'ON CONFLICT (space, name) DO UPDATE SET ival = excluded.ival, sval = excluded.sval, expires = excluded.expires',
  // one statement: a live int plus delta; an absent or expired entry made from initial (when
  // there is one and the space has room); a live string left alone (no row comes back)
  add:
    `INSERT INTO ksr_kv (space, name, ival, sval, expires) SELECT :space, :name, ${WRAP('COALESCE(CAST(:initial AS BIGINT), 0) + CAST(:delta AS BIGINT)')}, NULL, CAST(:expires AS BIGINT) ` +
    'WHERE EXISTS (SELECT 1 FROM ksr_kv k WHERE k.space = :space AND k.name = :name) ' +
    `OR (CAST(:initial AS BIGINT) IS NOT NULL AND (SELECT COUNT(*) FROM ksr_kv k WHERE k.space = :space AND ${LIVE('k')}) < CAST(:max AS BIGINT)) ` +
    `ON CONFLICT (space, name) DO UPDATE SET ival = CASE WHEN ${LIVE('ksr_kv')} THEN ${WRAP('ksr_kv.ival + CAST(:delta AS BIGINT)')} ELSE excluded.ival END, ` +
    `sval = NULL, expires = CASE WHEN ${LIVE('ksr_kv')} AND CAST(:keep AS INTEGER) = 1 THEN ksr_kv.expires ELSE excluded.expires END ` +
    `WHERE (${LIVE('ksr_kv')} AND ksr_kv.sval IS NULL) OR (NOT ${LIVE('ksr_kv')} AND CAST(:initial AS BIGINT) IS NOT NULL) ` +
    'RETURNING ival',
  delete: 'DELETE FROM ksr_kv WHERE space = :space AND name = :name',
  scan: `SELECT name, ival, sval, expires FROM ksr_kv WHERE space = :space AND ${LIVE('ksr_kv')} ORDER BY name LIMIT CAST(:limit AS BIGINT)`,
  count: `SELECT COUNT(*) AS n FROM ksr_kv WHERE space = :space AND ${LIVE('ksr_kv')}`,
  clear: 'DELETE FROM ksr_kv WHERE space = :space',
  purge: 'DELETE FROM ksr_kv WHERE space = :space AND expires <> 0 AND expires < CAST(:now AS BIGINT)',
} as const;

export type KvStatement = keyof typeof KV_TEMPLATES;
export interface KvSqlText {
  text: string;
  /** PostgreSQL: the parameter names in $n order; SQLite: unused (named @parameters). */
  names: string[];
}

export function kvSql(dialect: 'sqlite' | 'postgres'): Record<KvStatement, KvSqlText> {
  const out = {} as Record<KvStatement, KvSqlText>;
  for (const [k, t] of Object.entries(KV_TEMPLATES) as Array<[KvStatement, string]>) {
    const names: string[] = [];
    const text = t.replace(/:([a-z]+)/g, (_m, n: string) => {
      if (dialect === 'sqlite') return `@${n}`;
      let i = names.indexOf(n);
      if (i < 0) i = names.push(n) - 1;
      // text keys typed once for PostgreSQL, which must deduce one type per parameter
      return n === 'space' || n === 'name' ? `CAST($${i + 1} AS TEXT)` : `$${i + 1}`;
    });
    out[k] = { text, names };
  }
  return out;
}

/** A row of ksr_kv back to an entry (PostgreSQL gives BIGINT as text). */
export function kvEntryOf(r: { name: string; ival: unknown; sval: unknown; expires: unknown }): KvEntry {
  return { key: r.name, value: r.sval !== null && r.sval !== undefined ? String(r.sval) : Number(r.ival ?? 0), expires: Number(r.expires) };
}

/** The parameters of a set: an int in ival, a string in sval. */
export function kvValueColumns(value: KvValue): { ival: number | null; sval: string | null } {
  return typeof value === 'number' ? { ival: value, sval: null } : { ival: null, sval: value };
}

// ------------------------------------------------------------------ in memory

/**
 * The kv semantics over Maps of one thread: the reference the drivers are tested against and
 * what test doubles of SyncStore use (test/auth/requests.ts MemoryStore).
 */
export class MemoryKv {
  private readonly spaces = new Map<string, Map<string, { value: KvValue; expires: number }>>();

  private space(space: string): Map<string, { value: KvValue; expires: number }> {
    let m = this.spaces.get(space);
    if (!m) this.spaces.set(space, (m = new Map()));
    return m;
  }

  kvGet(space: string, key: string, nowS?: number): KvEntry | null {
    checkKv('kvGet', space, key);
    const e = this.space(space).get(key);
    return e && kvLive(e.expires, kvNow(nowS)) ? { key, ...e } : null;
  }

  kvSet(space: string, key: string, value: KvValue, expires: number, _nowS?: number): void {
    checkKv('kvSet', space, key, value, expires);
    this.space(space).set(key, { value, expires });
  }

  kvAdd(space: string, key: string, delta: number, initial: number | null, expires: number, opts: KvAddOptions = {}, nowS?: number): number | null {
    checkKvAdd(space, key, delta, initial, expires);
    const now = kvNow(nowS);
    const m = this.space(space);
    const old = m.get(key);
    if (old && kvLive(old.expires, now)) {
      if (typeof old.value !== 'number') return null;
      const value = int32(old.value + delta);
      m.set(key, { value, expires: opts.keepExpires ? old.expires : expires });
      return value;
    }
    if (initial === null) return null;
    if (!old && this.kvCount(space, now) >= (opts.maxEntries ?? Infinity)) return null;
    const value = int32(initial + delta);
    m.set(key, { value, expires });
    return value;
  }

  kvDelete(space: string, key: string): boolean {
    checkKv('kvDelete', space, key);
    return this.space(space).delete(key);
  }

  kvScan(space: string, limit: number, nowS?: number): KvEntry[] {
    checkKv('kvScan', space);
    const now = kvNow(nowS);
    const live = [...this.space(space)].filter(([, e]) => kvLive(e.expires, now)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return live.slice(0, scanLimit(limit)).map(([key, e]) => ({ key, ...e }));
  }

  kvCount(space: string, nowS?: number): number {
    checkKv('kvCount', space);
    const now = kvNow(nowS);
    let n = 0;
    for (const e of this.space(space).values()) if (kvLive(e.expires, now)) n++;
    return n;
  }

  kvClear(space: string): number {
    checkKv('kvClear', space);
    const m = this.space(space);
    const n = m.size;
    m.clear();
    return n;
  }

  kvPurge(space: string, nowS?: number): number {
    checkKv('kvPurge', space);
    const now = kvNow(nowS);
    let n = 0;
    for (const [k, e] of this.space(space)) if (!kvLive(e.expires, now) && this.space(space).delete(k)) n++;
    return n;
  }
}

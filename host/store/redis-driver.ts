// Redis driver (ioredis), run inside the bridge's worker thread.
//
// Key layout (prefix `ksr:`; AOR = "username@domain", domain '' when usrloc runs without
// domains; field names are Kamailio's column names, times in seconds since the epoch):
//   ksr:loc:<ruid>   hash   one location record; NULL columns are absent fields
//   ksr:aor:<AOR>    set    ruids of the AoR's records
//   ksr:exp          zset   ruid scored by expires (records with expires 0 never enter it)
//   ksr:sub:<AOR>    hash   subscriber: username, domain, password, ha1, ha1b
//   ksr:subs         set    every subscriber's AOR (for `user list`)
// Module tables (module-tables.ts: permissions' address/trusted, dispatcher, htable, acc, uacreg):
//   ksr:t:<table>:<id>  hash  one row: `id` and its columns (Kamailio's names); NULL columns are
//                             absent fields; defaults filled at insert; datetime as seconds UTC
//   ksr:t:<table>:seq   string the last id given (INCR), never reused, as a SQL serial
//   ksr:t:<table>:ids   zset  the row ids, scored by id (rows read in id order, as SQL's ORDER BY id)
// A table "exists" once written; there is no version row (Redis has no schema to check).
// Keyed value spaces (kv.ts; the space name has no braces, so {<space>} is unambiguous and is
// the cluster hash tag of every key of one space):
//   ksr:kv:{<space>}:<key>  hash   field `i` (an int, so the scripts add to it) or `s` (a
//                                  string), and `e` (expires, epoch seconds of the writer,
//                                  0 never); a Redis TTL of the lifetime the write gave it
//   ksr:kv:{<space>}        set    the keys of the space, for scans; members whose hash is gone
//                                  (TTL) are dropped by the next scan
// Every operation that touches several keys is one Lua script, so it is atomic and one
// round trip, and two nodes taking expired records never both get the same one.
import { Redis } from 'ioredis';
import type { AsyncDriver } from './async-driver.js';
import type { Aor, LocationRecord, Subscriber } from './store.js';
import { checkAccount, locationFromRow, locationToRow, subscriberFromRow, subscriberRow } from './rows.js';
import { checkRow, checkTableName, type TableLayout, type TableRow } from './module-tables.js';
import type { KvAddOptions, KvEntry, KvValue } from './kv.js';

const P = 'ksr:';
const LOC = `${P}loc:`;
const AOR = `${P}aor:`;
const EXP = `${P}exp`;
const SUB = `${P}sub:`;
const SUBS = `${P}subs`;

const aorKey = (username: string, domain: string): string => `${AOR}${username}@${domain}`;
const subKey = (username: string, domain: string): string => `${SUB}${username}@${domain}`;

// KEYS[1] aor set; ARGV[1] loc prefix. Drops ruids whose record is gone.
const LOCATIONS_LUA = `
local ids = redis.call('SMEMBERS', KEYS[1])
local out = {}
for _, id in ipairs(ids) do
  local h = redis.call('HGETALL', ARGV[1] .. id)
  if #h > 0 then out[#out + 1] = h else redis.call('SREM', KEYS[1], id) end
end
return out`;

// KEYS[1] loc hash, KEYS[2] aor set, KEYS[3] exp zset; ARGV[1] ruid, ARGV[2] expires,
// ARGV[3..] field/value pairs. Replaces the whole hash (fields that became NULL go away).
const PUT_LUA = `
local old = redis.call('HMGET', KEYS[1], 'username', 'domain')
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('SADD', KEYS[2], ARGV[1])
if tonumber(ARGV[2]) > 0 then redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1]) else redis.call('ZREM', KEYS[3], ARGV[1]) end
return old[1] and (old[1] .. '@' .. (old[2] or '')) or false`;

// KEYS[1] exp zset; ARGV[1] now, ARGV[2] loc prefix, ARGV[3] aor prefix.
const TAKE_EXPIRED_LUA = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local out = {}
for _, id in ipairs(ids) do
  redis.call('ZREM', KEYS[1], id)
  local key = ARGV[2] .. id
  local h = redis.call('HGETALL', key)
  if #h > 0 then
    local u, d = '', ''
    for i = 1, #h, 2 do
      if h[i] == 'username' then u = h[i + 1] elseif h[i] == 'domain' then d = h[i + 1] end
    end
    redis.call('SREM', ARGV[3] .. u .. '@' .. d, id)
    redis.call('DEL', key)
    out[#out + 1] = h
  end
end
return out`;

// KEYS[1] exp zset; ARGV[1] ruid, ARGV[2] loc prefix, ARGV[3] aor prefix.
const DELETE_LUA = `
local key = ARGV[2] .. ARGV[1]
local ud = redis.call('HMGET', key, 'username', 'domain')
redis.call('DEL', key)
redis.call('ZREM', KEYS[1], ARGV[1])
if ud[1] then redis.call('SREM', ARGV[3] .. ud[1] .. '@' .. (ud[2] or ''), ARGV[1]) end
return 1`;

// KEYS[1] aor set, KEYS[2] exp zset; ARGV[1] loc prefix.
const DELETE_AOR_LUA = `
local ids = redis.call('SMEMBERS', KEYS[1])
local n = 0
for _, id in ipairs(ids) do
  n = n + redis.call('DEL', ARGV[1] .. id)
  redis.call('ZREM', KEYS[2], id)
end
redis.call('DEL', KEYS[1])
return n`;

// KEYS[1] seq, KEYS[2] ids zset; ARGV[1] row key prefix, ARGV[2..] field/value pairs.
const TABLE_INSERT_LUA = `
local id = redis.call('INCR', KEYS[1])
if #ARGV > 1 then redis.call('HSET', ARGV[1] .. id, 'id', id, unpack(ARGV, 2)) else redis.call('HSET', ARGV[1] .. id, 'id', id) end
redis.call('ZADD', KEYS[2], id, id)
return id`;

// KEYS[1] ids zset; ARGV[1] row key prefix, ARGV[2] last index (-1: all). Drops ids whose row is gone.
const TABLE_ROWS_LUA = `
local ids = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[2]))
local out = {}
for _, id in ipairs(ids) do
  local h = redis.call('HGETALL', ARGV[1] .. id)
  if #h > 0 then out[#out + 1] = h else redis.call('ZREM', KEYS[1], id) end
end
return out`;

// KEYS[1] ids zset; ARGV[1] row key prefix, ARGV[2..] triples (field, '1' when it must be NULL, value).
const TABLE_DELETE_LUA = `
local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
local n = 0
for _, id in ipairs(ids) do
  local key = ARGV[1] .. id
  local match = true
  for i = 2, #ARGV, 3 do
    local v = redis.call('HGET', key, ARGV[i])
    if ARGV[i + 1] == '1' then
      if v then match = false end
    elseif v ~= ARGV[i + 2] then match = false end
    if not match then break end
  end
  if match then
    n = n + redis.call('DEL', key)
    redis.call('ZREM', KEYS[1], id)
  end
end
return n`;

const tableKey = (table: TableLayout, part: string): string => `${P}t:${table.name}:${part}`;

/** The row as SQL would store it: columns left out take their default; NOT NULL without one is refused. */
function withDefaults(table: TableLayout, row: TableRow): TableRow {
  const out: TableRow = {};
  for (const c of table.columns) {
    const v = c.name in row ? row[c.name]! : c.dflt ?? null;
    if (v === null && c.notNull) throw new Error(`insertRow: ${table.name}.${c.name} is NOT NULL and has no default: give it a value`);
    out[c.name] = v;
  }
  return out;
}

/** A row hash back to TableRow: every column present (absent: NULL), int and datetime as numbers. */
function rowFromHash(table: TableLayout, h: Record<string, string>): TableRow {
  const out: TableRow = { id: Number(h.id) };
  for (const c of table.columns) {
    const v = h[c.name];
    out[c.name] = v === undefined ? null : c.type === 'string' ? v : Number(v);
  }
  return out;
}

// ------------------------------------------------------------------ keyed value spaces (kv.ts)

const kvSetKey = (space: string): string => `${P}kv:{${space}}`;
const kvEntryPrefix = (space: string): string => `${P}kv:{${space}}:`;
/** The Redis lifetime of an entry: 0 none, -1 already expired; +1 as htable's "expire < now". */
const kvTtl = (expires: number, nowS: number): number => (expires === 0 ? 0 : expires - nowS + 1 > 0 ? expires - nowS + 1 : -1);

// KEYS[1] entry, KEYS[2] space set; ARGV[1] 'i'|'s', ARGV[2] value, ARGV[3] expires, ARGV[4] ttl, ARGV[5] key.
const KV_SET_LUA = `
redis.call('DEL', KEYS[1])
if tonumber(ARGV[4]) < 0 then redis.call('SREM', KEYS[2], ARGV[5]) return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2], 'e', ARGV[3])
if tonumber(ARGV[4]) > 0 then redis.call('EXPIRE', KEYS[1], ARGV[4]) end
redis.call('SADD', KEYS[2], ARGV[5])
return 1`;

// KEYS[1] entry, KEYS[2] space set; ARGV[1] delta, ARGV[2] initial ('' none), ARGV[3] expires,
// ARGV[4] ttl, ARGV[5] keep '1'|'0', ARGV[6] now, ARGV[7] key, ARGV[8] max entries,
// ARGV[9] entry prefix. Returns the new value, or nil (nothing done).
const KV_ADD_LUA = `
local h = redis.call('HMGET', KEYS[1], 'i', 's', 'e')
local e = tonumber(h[3] or '0') or 0
local held = h[1] or h[2]
local live = held and (e == 0 or e >= tonumber(ARGV[6]))
local v
if live then
  if h[2] then return false end
  v = tonumber(h[1]) + tonumber(ARGV[1])
else
  if ARGV[2] == '' then return false end
  if not held and redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[8]) then
    for _, k in ipairs(redis.call('SMEMBERS', KEYS[2])) do
      if redis.call('EXISTS', ARGV[9] .. k) == 0 then redis.call('SREM', KEYS[2], k) end
    end
    if redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[8]) then return false end
  end
  v = tonumber(ARGV[2]) + tonumber(ARGV[1])
end
v = (v + 2147483648) % 4294967296 - 2147483648
local vs = string.format('%d', v)
if live and ARGV[5] == '1' then
  redis.call('HSET', KEYS[1], 'i', vs)
else
  redis.call('DEL', KEYS[1])
  if tonumber(ARGV[4]) < 0 then redis.call('SREM', KEYS[2], ARGV[7]) return v end
  redis.call('HSET', KEYS[1], 'i', vs, 'e', ARGV[3])
  if tonumber(ARGV[4]) > 0 then redis.call('EXPIRE', KEYS[1], ARGV[4]) end
end
redis.call('SADD', KEYS[2], ARGV[7])
return v`;

// KEYS[1] space set; ARGV[1] entry prefix, ARGV[2] now, ARGV[3] limit. {key, type, value, expires} each.
const KV_SCAN_LUA = `
local now, limit, out = tonumber(ARGV[2]), tonumber(ARGV[3]), {}
for _, k in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local h = redis.call('HMGET', ARGV[1] .. k, 'i', 's', 'e')
  if not (h[1] or h[2]) then redis.call('SREM', KEYS[1], k)
  elseif #out < limit then
    local e = h[3] or '0'
    if tonumber(e) == 0 or tonumber(e) >= now then
      if h[1] then out[#out + 1] = {k, 'i', h[1], e} else out[#out + 1] = {k, 's', h[2], e} end
    end
  end
end
return out`;

// KEYS[1] space set; ARGV[1] entry prefix, ARGV[2] now: expired entries (and gone members) removed.
const KV_PURGE_LUA = `
local now, n = tonumber(ARGV[2]), 0
for _, k in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local e = redis.call('HGET', ARGV[1] .. k, 'e')
  if not e then redis.call('SREM', KEYS[1], k)
  elseif tonumber(e) ~= 0 and tonumber(e) < now then
    n = n + redis.call('DEL', ARGV[1] .. k)
    redis.call('SREM', KEYS[1], k)
  end
end
return n`;

// KEYS[1] space set; ARGV[1] entry prefix.
const KV_CLEAR_LUA = `
local n = 0
for _, k in ipairs(redis.call('SMEMBERS', KEYS[1])) do n = n + redis.call('DEL', ARGV[1] .. k) end
redis.call('DEL', KEYS[1])
return n`;

type KvScript = 'ksrKvSet' | 'ksrKvAdd' | 'ksrKvScan' | 'ksrKvPurge' | 'ksrKvClear';
type KvScripted = Record<KvScript, (...args: Array<string | number>) => Promise<unknown>>;

const kvValueOf = (type: string, v: string): KvValue => (type === 'i' ? Number(v) : v);

type Script = 'ksrLocations' | 'ksrPut' | 'ksrTakeExpired' | 'ksrDelete' | 'ksrDeleteAor' | 'ksrTableInsert' | 'ksrTableRows' | 'ksrTableDelete';
type Scripted = Redis & Record<Script, (...args: Array<string | number>) => Promise<unknown>>;

/** HGETALL as Redis returns it inside Lua: [field, value, field, value, ...]. */
function pairsToObject(flat: unknown): Record<string, string> {
  const a = flat as string[];
  const o: Record<string, string> = {};
  for (let i = 0; i + 1 < a.length; i += 2) o[a[i]!] = a[i + 1]!;
  return o;
}

export class RedisDriver implements AsyncDriver {
  private readonly redis: Scripted;

  constructor(url: string, timeoutMs: number) {
    this.redis = new Redis(url, {
      lazyConnect: true,
      // a command while disconnected fails at once (the route answers 500) instead of queueing
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: Math.max(1000, timeoutMs),
      commandTimeout: Math.max(1000, timeoutMs * 2),
      retryStrategy: () => 250,
    }) as Scripted;
    // errors surface through the commands; the event only needs a listener so it is not thrown
    this.redis.on('error', () => {});
    const define = (name: Script, numberOfKeys: number, lua: string) => this.redis.defineCommand(name, { numberOfKeys, lua });
    define('ksrLocations', 1, LOCATIONS_LUA);
    define('ksrPut', 3, PUT_LUA);
    define('ksrTakeExpired', 1, TAKE_EXPIRED_LUA);
    define('ksrDelete', 1, DELETE_LUA);
    define('ksrDeleteAor', 2, DELETE_AOR_LUA);
    define('ksrTableInsert', 2, TABLE_INSERT_LUA);
    define('ksrTableRows', 1, TABLE_ROWS_LUA);
    define('ksrTableDelete', 1, TABLE_DELETE_LUA);
    this.defineKvScripts();
  }

  async init(): Promise<void> {
    await this.redis.connect();
    await this.redis.ping();
  }

  async close(): Promise<void> {
    this.redis.disconnect(false);
  }

  async subscriber(username: string, domain: string): Promise<Subscriber | null> {
    const h = await this.redis.hgetall(subKey(username, domain));
    return h.username === undefined ? null : subscriberFromRow(h);
  }

  async locations(aor: Aor): Promise<LocationRecord[]> {
    const list = (await this.redis.ksrLocations(aorKey(aor.username, aor.domain), LOC)) as unknown[];
    return list.map((flat) => locationFromRow(pairsToObject(flat)));
  }

  async putLocation(rec: LocationRecord): Promise<void> {
    const row = locationToRow(rec);
    const fields: Array<string | number> = [];
    for (const [k, v] of Object.entries(row)) if (v !== null) fields.push(k, v);
    const old = (await this.redis.ksrPut(LOC + rec.ruid, aorKey(rec.username, rec.domain), EXP, rec.ruid, row.expires as number, ...fields)) as string | null;
    // the ruid moved to another AoR (not something usrloc does, but keep the sets true)
    if (old && old !== `${rec.username}@${rec.domain}`) await this.redis.srem(AOR + old, rec.ruid);
  }

  async deleteLocation(ruid: string): Promise<void> {
    await this.redis.ksrDelete(EXP, ruid, LOC, AOR);
  }

  async deleteAor(aor: Aor): Promise<number> {
    return Number(await this.redis.ksrDeleteAor(aorKey(aor.username, aor.domain), EXP, LOC));
  }

  async takeExpired(nowS: number): Promise<LocationRecord[]> {
    const list = (await this.redis.ksrTakeExpired(EXP, Math.trunc(nowS), LOC, AOR)) as unknown[];
    return list.map((flat) => locationFromRow(pairsToObject(flat)));
  }

  async allLocations(limit = Infinity): Promise<LocationRecord[]> {
    const out: LocationRecord[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${LOC}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length === 0) continue;
      const pipe = this.redis.pipeline();
      for (const k of keys) pipe.hgetall(k);
      for (const [err, h] of (await pipe.exec()) ?? []) {
        if (err) throw err;
        const o = h as Record<string, string>;
        if (o.ruid !== undefined && out.length < limit) out.push(locationFromRow(o));
      }
    } while (cursor !== '0' && out.length < limit);
    return out;
  }

  // module tables (module-tables.ts): see the key layout at the top
  async tableRows(table: TableLayout, limit?: number): Promise<TableRow[]> {
    checkTableName(table.name, 'module table');
    const stop = limit === undefined ? -1 : Math.max(0, Math.trunc(limit)) - 1;
    if (stop < 0 && limit !== undefined) return [];
    const list = (await this.redis.ksrTableRows(tableKey(table, 'ids'), tableKey(table, ''), stop)) as unknown[];
    return list.map((flat) => rowFromHash(table, pairsToObject(flat)));
  }

  async insertRow(table: TableLayout, row: TableRow): Promise<void> {
    checkTableName(table.name, 'module table');
    const full = withDefaults(table, checkRow(table, row, 'insertRow'));
    const fields: Array<string | number> = [];
    for (const [k, v] of Object.entries(full)) if (v !== null) fields.push(k, v);
    await this.redis.ksrTableInsert(tableKey(table, 'seq'), tableKey(table, 'ids'), tableKey(table, ''), ...fields);
  }

  async deleteRows(table: TableLayout, where: TableRow): Promise<number> {
    checkTableName(table.name, 'module table');
    const triples: string[] = [];
    for (const [k, v] of Object.entries(checkRow(table, where, 'deleteRows'))) triples.push(k, v === null ? '1' : '0', v === null ? '' : String(v));
    return Number(await this.redis.ksrTableDelete(tableKey(table, 'ids'), tableKey(table, ''), ...triples));
  }

  private defineKvScripts(): void {
    const scripts: Array<[KvScript, number, string]> = [
      ['ksrKvSet', 2, KV_SET_LUA], ['ksrKvAdd', 2, KV_ADD_LUA], ['ksrKvScan', 1, KV_SCAN_LUA], ['ksrKvPurge', 1, KV_PURGE_LUA], ['ksrKvClear', 1, KV_CLEAR_LUA],
    ];
    for (const [name, numberOfKeys, lua] of scripts) this.redis.defineCommand(name, { numberOfKeys, lua });
  }

  private get kvScripts(): KvScripted {
    return this.redis as unknown as KvScripted;
  }

  async kvGet(space: string, key: string, nowS: number): Promise<KvEntry | null> {
    const [i, str, e] = await this.redis.hmget(kvEntryPrefix(space) + key, 'i', 's', 'e');
    if (i === null && str === null) return null;
    const expires = Number(e ?? 0);
    if (expires !== 0 && expires < nowS) return null;
    return { key, value: str !== null ? str : Number(i), expires };
  }

  async kvSet(space: string, key: string, value: KvValue, expires: number, nowS: number): Promise<void> {
    const type = typeof value === 'number' ? 'i' : 's';
    await this.kvScripts.ksrKvSet(kvEntryPrefix(space) + key, kvSetKey(space), type, String(value), expires, kvTtl(expires, nowS), key);
  }

  async kvAdd(space: string, key: string, delta: number, initial: number | null, expires: number, opts: KvAddOptions, nowS: number): Promise<number | null> {
    const max = opts.maxEntries ?? Number.MAX_SAFE_INTEGER;
    const args = [delta, initial === null ? '' : initial, expires, kvTtl(expires, nowS), opts.keepExpires ? '1' : '0', nowS, key, max, kvEntryPrefix(space)];
    const v = await this.kvScripts.ksrKvAdd(kvEntryPrefix(space) + key, kvSetKey(space), ...args);
    return v === null ? null : Number(v);
  }

  async kvDelete(space: string, key: string): Promise<boolean> {
    const res = (await this.redis.multi().del(kvEntryPrefix(space) + key).srem(kvSetKey(space), key).exec()) ?? [];
    const [err, n] = res[0] ?? [null, 0];
    if (err) throw err;
    return Number(n) > 0;
  }

  async kvScan(space: string, limit: number, nowS: number): Promise<KvEntry[]> {
    const list = (await this.kvScripts.ksrKvScan(kvSetKey(space), kvEntryPrefix(space), nowS, limit)) as Array<[string, string, string, string]>;
    return list.map(([key, type, v, e]) => ({ key, value: kvValueOf(type, v), expires: Number(e) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async kvCount(space: string): Promise<number> {
    return this.redis.scard(kvSetKey(space));
  }

  async kvClear(space: string): Promise<number> {
    return Number(await this.kvScripts.ksrKvClear(kvSetKey(space), kvEntryPrefix(space)));
  }

  async kvPurge(space: string, nowS: number): Promise<number> {
    return Number(await this.kvScripts.ksrKvPurge(kvSetKey(space), kvEntryPrefix(space), nowS));
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async addSubscriber(username: string, domain: string, password: string): Promise<void> {
    checkAccount(username, domain);
    const added = await this.redis.sadd(SUBS, `${username}@${domain}`);
    if (added === 0) throw new Error(`${username}@${domain} already exists`);
    await this.redis.hset(subKey(username, domain), { ...subscriberRow(username, domain, password) });
  }

  async importSubscribers(rows: Array<{ username: string; domain: string; password: string }>): Promise<number> {
    for (const r of rows) checkAccount(r.username, r.domain);
    const multi = this.redis.multi();
    for (const r of rows) {
      multi.sadd(SUBS, `${r.username}@${r.domain}`);
      multi.hset(subKey(r.username, r.domain), { ...subscriberRow(r.username, r.domain, r.password) });
    }
    await multi.exec();
    return rows.length;
  }

  async setPassword(username: string, domain: string, password: string): Promise<boolean> {
    if (!(await this.redis.sismember(SUBS, `${username}@${domain}`))) return false;
    await this.redis.hset(subKey(username, domain), { ...subscriberRow(username, domain, password) });
    return true;
  }

  async removeSubscriber(username: string, domain: string): Promise<boolean> {
    const [[, removed]] = ((await this.redis.multi().srem(SUBS, `${username}@${domain}`).del(subKey(username, domain)).exec()) ?? [[null, 0]]) as Array<[Error | null, number]>;
    return removed === 1;
  }

  async listSubscribers(): Promise<Array<{ username: string; domain: string }>> {
    const all = await this.redis.smembers(SUBS);
    return all
      .map((a) => ({ username: a.slice(0, a.indexOf('@')), domain: a.slice(a.indexOf('@') + 1) }))
      .sort((x, y) => x.domain.localeCompare(y.domain) || x.username.localeCompare(y.username));
  }
}

// The `modules.htable` config: Kamailio's `htable` modparam (one table definition per entry,
// as YAML fields or as the pasted Kamailio string "ipban=>size=8;autoexpire=300") and the
// module-wide `timer_interval` / `db_expires`. Bad values throw an Error naming the key.
//
// Bounds Kamailio does not have: `maxitems` items per table (default 2^size * 256, at least
// 1024, at most 1,000,000) and MAX_VALUE_BYTES / MAX_NAME_BYTES per item; a set past them is
// refused (-1 and a log line), so a script fed by peers cannot grow a table without end.

export const MAX_VALUE_BYTES = 64 * 1024;
export const MAX_NAME_BYTES = 1024;
const MAX_ITEMS_CAP = 1_000_000;

export interface TableSpec {
  readonly name: string;
  /** Kamailio's size: 2^size slots (2..31 accepted, clamped to 3..14 as Kamailio does). */
  readonly size: number;
  /** Seconds without update after which an item goes; 0: never. */
  readonly autoexpire: number;
  /** What a missing item reads as (and where $shtinc starts); null: $null. */
  readonly initval: number | null;
  /** An update restarts the item's expiry (Kamailio's default 1). */
  readonly updateexpire: boolean;
  /** Store table loaded at start (HTABLE_TABLE layout); null: none. */
  readonly dbtable: string | null;
  /** 1: the table is written back to dbtable at shutdown. */
  readonly dbmode: 0 | 1;
  readonly maxitems: number;
  /**
   * Where the items live: 'memory' (a Map of the thread, or the workers' shared rows) or
   * 'store' (the store's keyed values, shared by every node on it: store-cell-store.ts).
   * Not a Kamailio option.
   */
  readonly backend: 'memory' | 'store';
}

export interface HtableSettings {
  readonly tables: readonly TableSpec[];
  /** Seconds between expiry sweeps (Kamailio's timer_interval, default 20). */
  readonly timerInterval: number;
  /** Kamailio's db_expires: the expires column is loaded and saved. */
  readonly dbExpires: boolean;
}

const TABLE_KEYS = ['name', 'size', 'autoexpire', 'initval', 'updateexpire', 'dbtable', 'dbmode', 'maxitems', 'dmqreplicate', 'backend'];
const TOP_KEYS = ['tables', 'timer_interval', 'db_expires'];
const NAME = /^[A-Za-z0-9_.:-]{1,64}$/;

function fail(where: string, expected: string, got: unknown): never {
  throw new Error(`${where}: expected ${expected}, got ${JSON.stringify(got)}`);
}

function intAt(where: string, v: unknown, min: number, max: number): number {
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) fail(where, `an integer from ${min} to ${max}`, v);
  return n;
}

/** "ipban=>size=8;autoexpire=300" or "name=ipban;size=8": the fields of Kamailio's modparam value. */
export function parseKamailioSpec(text: string, where: string): Record<string, string> {
  let rest = text.trim();
  const out: Record<string, string> = {};
  const arrow = rest.indexOf('=>');
  if (arrow > 0) {
    out.name = rest.slice(0, arrow).trim();
    rest = rest.slice(arrow + 2);
  }
  for (const part of rest.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) fail(where, '"key=value" fields separated by ";"', part);
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

function tableSpec(raw: unknown, where: string): TableSpec {
  const fields = typeof raw === 'string' ? parseKamailioSpec(raw, where) : raw;
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) fail(where, 'a table (object or "name=>size=..;...")', raw);
  const f = fields as Record<string, unknown>;
  for (const k of Object.keys(f)) if (!TABLE_KEYS.includes(k)) fail(`${where}.${k}`, `one of ${TABLE_KEYS.join(', ')}`, k);
  if (typeof f.name !== 'string' || !NAME.test(f.name)) fail(`${where}.name`, 'a table name of 1 to 64 letters, digits, _ . : -', f.name);
  // Kamailio clamps: below 2 → 3, above 14 → 14 (module docs, "size")
  const given = f.size === undefined ? 4 : intAt(`${where}.size`, f.size, 0, 31);
  const size = given < 2 ? 3 : Math.min(given, 14);
  const dbtable = f.dbtable === undefined || f.dbtable === '' ? null : f.dbtable;
  if (dbtable !== null && (typeof dbtable !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(dbtable))) fail(`${where}.dbtable`, 'a table name (letters, digits, _)', dbtable);
  if (f.dmqreplicate !== undefined && intAt(`${where}.dmqreplicate`, f.dmqreplicate, 0, 1) !== 0) fail(`${where}.dmqreplicate`, '0 (DMQ replication is not available: with several workers the table is shared)', f.dmqreplicate);
  const backend = f.backend === undefined || f.backend === '' ? 'memory' : f.backend;
  if (backend !== 'memory' && backend !== 'store') fail(`${where}.backend`, '"memory" or "store"', f.backend);
  // a store table already is in the store: loading dbtable rows over it (and saving back) would fight it
  if (backend === 'store' && dbtable !== null) fail(`${where}.backend`, 'no dbtable with backend store (the items already live in the store)', f.backend);
  const defaultMax = Math.min(MAX_ITEMS_CAP, Math.max(1024, 2 ** size * 256));
  return {
    name: f.name,
    size,
    autoexpire: f.autoexpire === undefined ? 0 : intAt(`${where}.autoexpire`, f.autoexpire, 0, 10 * 365 * 86400),
    initval: f.initval === undefined || f.initval === null ? null : intAt(`${where}.initval`, f.initval, -2147483648, 2147483647),
    updateexpire: f.updateexpire === undefined ? true : intAt(`${where}.updateexpire`, f.updateexpire === true ? 1 : f.updateexpire === false ? 0 : f.updateexpire, 0, 1) === 1,
    dbtable,
    dbmode: f.dbmode === undefined ? 0 : (intAt(`${where}.dbmode`, f.dbmode, 0, 1) as 0 | 1),
    maxitems: f.maxitems === undefined ? defaultMax : intAt(`${where}.maxitems`, f.maxitems, 1, MAX_ITEMS_CAP),
    backend,
  };
}

export function parseHtableSettings(config: unknown): HtableSettings {
  const where = 'modules.htable';
  if (config === undefined || config === null) return { tables: [], timerInterval: 20, dbExpires: false };
  if (typeof config !== 'object' || Array.isArray(config)) fail(where, 'a mapping with tables, timer_interval, db_expires', config);
  const c = config as Record<string, unknown>;
  for (const k of Object.keys(c)) if (!TOP_KEYS.includes(k)) fail(`${where}.${k}`, `one of ${TOP_KEYS.join(', ')}`, k);
  const list = c.tables ?? [];
  if (!Array.isArray(list)) fail(`${where}.tables`, 'a list of tables', list);
  const tables = list.map((t, i) => tableSpec(t, `${where}.tables[${i}]`));
  const seen = new Set<string>();
  tables.forEach((t, i) => {
    if (seen.has(t.name)) fail(`${where}.tables[${i}].name`, 'a name not used by another table', t.name);
    seen.add(t.name);
  });
  // Kamailio: timer_interval <= 0 becomes 20
  const ti = c.timer_interval === undefined ? 20 : intAt(`${where}.timer_interval`, c.timer_interval, 0, 86400);
  const dbe = c.db_expires === undefined ? 0 : intAt(`${where}.db_expires`, c.db_expires === true ? 1 : c.db_expires === false ? 0 : c.db_expires, 0, 1);
  return { tables, timerInterval: ti <= 0 ? 20 : ti, dbExpires: dbe === 1 };
}

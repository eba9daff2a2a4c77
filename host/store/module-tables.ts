// The tables of Kamailio's modules that ksr-host's modules read and write (issue 11):
// permissions' `address` and `trusted`, dispatcher's `dispatcher`, htable's layout (any table
// name the config gives), acc's `acc`, uac's `uacreg`. Column names, defaults and versions are
// Kamailio's, so an existing Kamailio database is used as it is. Every store (SQLite,
// PostgreSQL, Redis) offers them through the same three SyncStore calls: tableRows, insertRow,
// deleteRows (store.ts). SQL tables are created when missing, at their first use.
//
// Values cross as TableRow: a column's value is a string, a number (int columns, and datetime
// columns as seconds since the epoch, UTC) or null.

export type ColumnType = 'int' | 'string' | 'datetime';

export interface ColumnLayout {
  readonly name: string;
  readonly type: ColumnType;
  /** VARCHAR length for strings. */
  readonly size?: number;
  /** Default when an insert leaves it out; undefined: NULL. */
  readonly dflt?: string | number;
  readonly notNull?: boolean;
}

export interface TableLayout {
  /** The table's name (htable: the name its config gives; checked by checkTableName). */
  readonly name: string;
  /** Kamailio's table version (its `version` row). */
  readonly version: number;
  /** Every column but `id` (an integer primary key every table has, given by the database). */
  readonly columns: readonly ColumnLayout[];
}

export type TableCell = string | number | null;
export type TableRow = Record<string, TableCell>;

const int = (name: string, dflt?: number, notNull = true): ColumnLayout => ({ name, type: 'int', ...(dflt !== undefined ? { dflt } : {}), notNull });
const str = (name: string, size: number, dflt?: string, notNull = true): ColumnLayout => ({ name, type: 'string', size, ...(dflt !== undefined ? { dflt } : {}), notNull });

export const ADDRESS_TABLE: TableLayout = {
  name: 'address', version: 6,
  columns: [int('grp', 1), str('ip_addr', 50), int('mask', 32), int('port', 0), str('tag', 64, undefined, false)],
};

export const TRUSTED_TABLE: TableLayout = {
  name: 'trusted', version: 6,
  columns: [
    str('src_ip', 50), str('proto', 4), str('from_pattern', 64, undefined, false), str('ruri_pattern', 64, undefined, false),
    str('tag', 64, undefined, false), int('priority', 0),
  ],
};

export const DISPATCHER_TABLE: TableLayout = {
  name: 'dispatcher', version: 4,
  columns: [int('setid', 0), str('destination', 192, ''), int('flags', 0), int('priority', 0), str('attrs', 128, ''), str('description', 64, '')],
};

/** htable's layout; the table's name is the `dbtable` a table's config names. */
export const HTABLE_TABLE: TableLayout = {
  name: 'htable', version: 2,
  columns: [str('key_name', 64, ''), int('key_type', 0), int('value_type', 0), str('key_value', 128, ''), int('expires', 0)],
};

export const ACC_TABLE: TableLayout = {
  name: 'acc', version: 5,
  columns: [
    str('method', 16, ''), str('from_tag', 128, ''), str('to_tag', 128, ''), str('callid', 255, ''), str('sip_code', 3, ''),
    str('sip_reason', 128, ''), { name: 'time', type: 'datetime', notNull: true },
  ],
};

export const UACREG_TABLE: TableLayout = {
  name: 'uacreg', version: 5,
  columns: [
    str('l_uuid', 64, ''), str('l_username', 64, ''), str('l_domain', 64, ''), str('r_username', 64, ''), str('r_domain', 64, ''),
    str('realm', 64, ''), str('auth_username', 64, ''), str('auth_password', 64, ''), str('auth_ha1', 128, ''),
    str('auth_proxy', 255, ''), int('expires', 0), int('flags', 0), int('reg_delay', 0), str('contact_addr', 255, ''),
    str('socket', 128, ''),
  ],
};

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A table or column name that goes into SQL text: letters, digits and _ only (config gives htable's). */
export function checkTableName(name: string, where: string): string {
  if (!TABLE_NAME.test(name)) throw new Error(`${where}: expected a table name of letters, digits and _ (at most 64), got ${JSON.stringify(name)}`);
  return name;
}

/** The layout under another name (htable's dbtable). */
export function layoutNamed(layout: TableLayout, name: string, where: string): TableLayout {
  return { ...layout, name: checkTableName(name, where) };
}

/** The row as a table takes it: only its columns, each of its type; unknown columns refused. */
export function checkRow(layout: TableLayout, row: TableRow, what: string): TableRow {
  const out: TableRow = {};
  for (const [k, v] of Object.entries(row)) {
    const col = layout.columns.find((c) => c.name === k);
    if (!col) throw new Error(`${what}: table ${layout.name} has no column ${JSON.stringify(k)} (columns: ${layout.columns.map((c) => c.name).join(', ')})`);
    if (v !== null && col.type !== 'string' && typeof v !== 'number') throw new Error(`${what}: ${layout.name}.${k} takes a number, got ${JSON.stringify(v)}`);
    out[k] = v === null ? null : col.type === 'string' ? String(v) : v;
  }
  return out;
}

/** CREATE TABLE for a dialect (id column first, as Kamailio's schema has it). */
export function createTableSql(layout: TableLayout, dialect: 'sqlite' | 'postgres'): string {
  checkTableName(layout.name, 'module table');
  const id = dialect === 'sqlite' ? 'id INTEGER PRIMARY KEY NOT NULL' : 'id SERIAL PRIMARY KEY NOT NULL';
  const cols = layout.columns.map((c) => {
    const type = c.type === 'int' ? 'INTEGER' : c.type === 'datetime' ? (dialect === 'sqlite' ? 'TIMESTAMP' : 'TIMESTAMP WITHOUT TIME ZONE') : `VARCHAR(${c.size ?? 255})`;
    const dflt = c.dflt === undefined ? (c.notNull ? '' : ' DEFAULT NULL') : ` DEFAULT ${typeof c.dflt === 'number' ? c.dflt : `'${c.dflt.replace(/'/g, "''")}'`}`;
    return `${c.name} ${type}${dflt}${c.notNull ? ' NOT NULL' : ''}`;
  });
  return `CREATE TABLE IF NOT EXISTS ${layout.name} (${[id, ...cols].join(', ')})`;
}

// permissions' modparams, from `modules: { permissions: {...} }` (Kamailio's names where they
// exist), checked at start: the tables to read, the AVP for tags, inline rows.
import { ADDRESS_TABLE, layoutNamed, TRUSTED_TABLE, type TableLayout } from '../store/module-tables.js';
import type { AddressRow } from './address-list.js';
import type { TrustedRow } from './trusted-list.js';

export interface PermissionsSettings {
  readonly addressTable: TableLayout;
  readonly trustedTable: TableLayout;
  /** peer_tag_avp as written ('$avp(s:peer_tag)'), or null. */
  readonly peerTagAvp: string | null;
  readonly peerTagMode: 0 | 1;
  readonly maxSubnets: number;
  /** subnet_match_mode: 0 first match, 1 the longest mask. */
  readonly subnetMatchMode: 0 | 1;
  /** Read the store's tables at start and on reload (default true); inline rows come first. */
  readonly loadFromStore: boolean;
  readonly address: readonly AddressRow[];
  readonly trusted: readonly TrustedRow[];
}

/** Rows read from a table at most (a table bigger than this is refused at load). */
export const MAX_ROWS = 100_000;

const KNOWN = ['db_url', 'address_table', 'trusted_table', 'peer_tag_avp', 'peer_tag_mode', 'max_subnets', 'subnet_match_mode', 'load_from_store', 'address', 'trusted'];

export function parsePermissionsSettings(config: unknown): PermissionsSettings {
  const c = (config ?? {}) as Record<string, unknown>;
  if (typeof c !== 'object' || Array.isArray(c)) throw new Error(`modules.permissions: expected a mapping, got ${JSON.stringify(config)}`);
  for (const k of Object.keys(c)) if (!KNOWN.includes(k)) throw new Error(`modules.permissions.${k}: unknown key (expected one of ${KNOWN.join(', ')})`);
  if (c.db_url !== undefined && c.db_url !== null && typeof c.db_url !== 'string') throw new Error(`modules.permissions.db_url: expected a string, got ${JSON.stringify(c.db_url)}`);
  const str = (k: string, dflt: string) => {
    const v = c[k] ?? dflt;
    if (typeof v !== 'string') throw new Error(`modules.permissions.${k}: expected a string, got ${JSON.stringify(v)}`);
    return v;
  };
  const int = (k: string, dflt: number, min: number, max: number) => {
    const v = c[k] ?? dflt;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new Error(`modules.permissions.${k}: expected an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
    return v;
  };
  const avp = c.peer_tag_avp === undefined || c.peer_tag_avp === null || c.peer_tag_avp === '' ? null : str('peer_tag_avp', '');
  if (avp !== null && !/^\$avp\([^()]{1,64}\)$/.test(avp)) throw new Error(`modules.permissions.peer_tag_avp: expected an AVP such as $avp(s:peer_tag), got ${JSON.stringify(avp)}`);
  const flag = c.load_from_store ?? true;
  if (typeof flag !== 'boolean') throw new Error(`modules.permissions.load_from_store: expected true or false, got ${JSON.stringify(flag)}`);
  return {
    addressTable: layoutNamed(ADDRESS_TABLE, str('address_table', 'address'), 'modules.permissions.address_table'),
    trustedTable: layoutNamed(TRUSTED_TABLE, str('trusted_table', 'trusted'), 'modules.permissions.trusted_table'),
    peerTagAvp: avp,
    peerTagMode: int('peer_tag_mode', 0, 0, 1) as 0 | 1,
    maxSubnets: int('max_subnets', 512, 1, 1_000_000),
    subnetMatchMode: int('subnet_match_mode', 0, 0, 1) as 0 | 1,
    loadFromStore: flag,
    address: rowsOf(c.address, 'address', addressRow),
    trusted: rowsOf(c.trusted, 'trusted', trustedRow),
  };
}

function rowsOf<T>(v: unknown, key: string, one: (r: Record<string, unknown>, where: string) => T): T[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Error(`modules.permissions.${key}: expected a list of rows, got ${JSON.stringify(v)}`);
  if (v.length > MAX_ROWS) throw new Error(`modules.permissions.${key}: expected at most ${MAX_ROWS} rows, got ${v.length}`);
  return v.map((r, i) => {
    const where = `modules.permissions.${key}[${i}]`;
    if (!r || typeof r !== 'object' || Array.isArray(r)) throw new Error(`${where}: expected a mapping, got ${JSON.stringify(r)}`);
    return one(r as Record<string, unknown>, where);
  });
}

/** A cell of a row (config or store): type checked, default applied. */
function cell<T extends 'string' | 'number'>(r: Record<string, unknown>, k: string, type: T, dflt: (T extends 'string' ? string : number) | null, where: string): (T extends 'string' ? string : number) | null {
  const v = r[k];
  if (v === undefined || v === null) {
    if (dflt === undefined) throw new Error(`${where}.${k}: required`);
    return dflt;
  }
  if (type === 'number' && (typeof v !== 'number' || !Number.isInteger(v))) throw new Error(`${where}.${k}: expected an integer, got ${JSON.stringify(v)}`);
  if (type === 'string' && typeof v !== 'string') throw new Error(`${where}.${k}: expected a string, got ${JSON.stringify(v)}`);
  return v as T extends 'string' ? string : number;
}

export function addressRow(r: Record<string, unknown>, where: string): AddressRow {
  const ip = cell(r, 'ip_addr', 'string', null, where);
  if (ip === null) throw new Error(`${where}.ip_addr: required`);
  const port = cell(r, 'port', 'number', 0, where)!;
  if (port < 0 || port > 65535) throw new Error(`${where}.port: expected 0 to 65535, got ${port}`);
  return { grp: cell(r, 'grp', 'number', 1, where)!, ip_addr: ip, mask: cell(r, 'mask', 'number', ip.includes(':') ? 128 : 32, where)!, port, tag: cell(r, 'tag', 'string', null, where) };
}

export function trustedRow(r: Record<string, unknown>, where: string): TrustedRow {
  const src = cell(r, 'src_ip', 'string', null, where);
  if (src === null) throw new Error(`${where}.src_ip: required`);
  return {
    src_ip: src,
    proto: cell(r, 'proto', 'string', 'any', where)!,
    from_pattern: cell(r, 'from_pattern', 'string', null, where),
    ruri_pattern: cell(r, 'ruri_pattern', 'string', null, where),
    tag: cell(r, 'tag', 'string', null, where),
    priority: cell(r, 'priority', 'number', 0, where)!,
  };
}

// modules.dispatcher: Kamailio's modparams under their names. Bad values throw an Error naming
// the key, what was expected and what was seen (the server then refuses to start).
import type { DestinationRow } from './destination-list.js';

export interface DsSettings {
  listFile: string | null;
  /** `table` / `table_name`: read the dispatcher table of the server's store; null = not used. */
  table: string | null;
  list: DestinationRow[] | null;
  flags: number;
  useDefault: boolean;
  forceDst: boolean;
  xavpDst: string;
  xavpDstMode: number;
  xavpCtx: string;
  xavpCtxMode: number;
  hashPvar: string | null;
  setidPvname: string | null;
  attrsPvname: string | null;
  pingMethod: string;
  pingFrom: string;
  pingInterval: number;
  probingThreshold: number;
  inactiveThreshold: number;
  /** Accepted reply codes besides 2xx: exact codes and classes. */
  pingReplyCodes: { codes: number[]; classes: number[] };
  probingMode: number;
  outboundProxy: string | null;
  hashExpire: number;
  hashInitExpire: number;
  hashCheckInterval: number;
  hashSize: number;
  eventCallback: string | null;
  attrsNone: boolean;
  loadMode: number;
  reloadDelta: number;
  defaultSocket: string | null;
}

const KEYS = new Set([
  'list_file', 'db_url', 'table', 'table_name', 'list', 'flags', 'use_default', 'force_dst', 'xavp_dst', 'xavp_dst_mode', 'xavp_ctx', 'xavp_ctx_mode',
  'hash_pvar', 'setid_pvname', 'attrs_pvname', 'ds_ping_method', 'ds_ping_from', 'ds_ping_interval', 'ds_probing_threshold',
  'ds_inactive_threshold', 'ds_ping_reply_codes', 'ds_probing_mode', 'outbound_proxy', 'ds_hash_size', 'ds_hash_expire', 'ds_hash_initexpire',
  'ds_hash_check_interval', 'event_callback', 'ds_attrs_none', 'ds_load_mode', 'reload_delta', 'ds_default_socket',
]);

function fail(key: string, expected: string, got: unknown): never {
  throw new Error(`modules.dispatcher.${key}: expected ${expected}, got ${JSON.stringify(got) ?? String(got)}`);
}

function int(c: Record<string, unknown>, key: string, dflt: number, min: number, max: number): number {
  const v = c[key];
  if (v === undefined) return dflt;
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) fail(key, `an integer ${min}..${max}`, v);
  return n;
}

function str(c: Record<string, unknown>, key: string, dflt: string | null, maxLen = 1024): string | null {
  const v = c[key];
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'string' || v.length > maxLen) fail(key, `a string of at most ${maxLen} characters`, v);
  return v;
}

/** "class=2;code=403" → codes and classes, as Kamailio keeps them (codes 100..699, classes 1..6). */
export function parseReplyCodes(text: string): { codes: number[]; classes: number[] } | string {
  const out = { codes: [] as number[], classes: [] as number[] };
  for (const part of text.split(/[;:]/).map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^(code|class)\s*=\s*(\d+)$/i.exec(part);
    if (!m) return `"code=NNN" or "class=N" items separated by ';', got "${part}"`;
    const n = Number(m[2]);
    if (m[1]!.toLowerCase() === 'code' && n >= 100 && n < 700) out.codes.push(n);
    else if (m[1]!.toLowerCase() === 'class' && n >= 1 && n < 7) out.classes.push(n);
  }
  return out;
}

function rows(v: unknown): DestinationRow[] | null {
  if (v === undefined || v === null) return null;
  if (!Array.isArray(v)) fail('list', 'an array of {setid, destination, flags?, priority?, attrs?}', v);
  return v.map((r, i) => {
    const o = r as Record<string, unknown>;
    if (typeof o !== 'object' || o === null) fail(`list[${i}]`, 'an object {setid, destination, flags?, priority?, attrs?}', r);
    if (!Number.isInteger(o.setid) || (o.setid as number) < 0) fail(`list[${i}].setid`, 'an integer >= 0', o.setid);
    if (typeof o.destination !== 'string' || o.destination === '') fail(`list[${i}].destination`, 'a SIP URI', o.destination);
    for (const k of ['flags', 'priority'] as const) if (o[k] !== undefined && !Number.isInteger(o[k])) fail(`list[${i}].${k}`, 'an integer', o[k]);
    if (o.attrs !== undefined && typeof o.attrs !== 'string') fail(`list[${i}].attrs`, 'a string "name=value;..."', o.attrs);
    return { setid: o.setid as number, destination: o.destination, flags: (o.flags as number) ?? 0, priority: (o.priority as number) ?? 0, attrs: (o.attrs as string) ?? '' };
  });
}

export function dispatcherSettings(config: unknown): DsSettings {
  if (config !== undefined && config !== null && (typeof config !== 'object' || Array.isArray(config))) fail('', 'a map of dispatcher parameters', config);
  const c = (config ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(c)) if (!KEYS.has(k)) fail(k, `one of ${[...KEYS].join(', ')}`, k);
  const replyText = str(c, 'ds_ping_reply_codes', '') ?? '';
  const replyCodes = parseReplyCodes(replyText);
  if (typeof replyCodes === 'string') fail('ds_ping_reply_codes', replyCodes, replyText);
  const method = str(c, 'ds_ping_method', 'OPTIONS', 32)!;
  if (!/^[A-Za-z]+$/.test(method)) fail('ds_ping_method', 'a SIP method token', method);
  const table = str(c, 'table', null) ?? str(c, 'table_name', null) ?? (str(c, 'db_url', null) ? 'dispatcher' : null);
  if (table !== null && !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(table)) fail('table', 'a table name', table);
  return {
    listFile: str(c, 'list_file', null), table, list: rows(c.list),
    flags: int(c, 'flags', 0, 0, 0xffff), useDefault: int(c, 'use_default', 0, 0, 1) === 1, forceDst: int(c, 'force_dst', 1, 0, 1) === 1,
    xavpDst: str(c, 'xavp_dst', '_dsdst_', 64)!, xavpDstMode: int(c, 'xavp_dst_mode', 0, 0, 15),
    xavpCtx: str(c, 'xavp_ctx', '_dsctx_', 64)!, xavpCtxMode: int(c, 'xavp_ctx_mode', 0, 0, 15),
    hashPvar: str(c, 'hash_pvar', null), setidPvname: str(c, 'setid_pvname', null, 128), attrsPvname: str(c, 'attrs_pvname', null, 128),
    pingMethod: method.toUpperCase(), pingFrom: str(c, 'ds_ping_from', 'sip:dispatcher@localhost', 256)!,
    pingInterval: int(c, 'ds_ping_interval', 0, 0, 86400), probingThreshold: int(c, 'ds_probing_threshold', 1, 1, 1000),
    inactiveThreshold: int(c, 'ds_inactive_threshold', 1, 1, 1000), pingReplyCodes: replyCodes,
    probingMode: int(c, 'ds_probing_mode', 0, 0, 3), outboundProxy: str(c, 'outbound_proxy', null, 256),
    hashSize: int(c, 'ds_hash_size', 0, 0, 16), hashExpire: int(c, 'ds_hash_expire', 7200, 1, 864000), hashInitExpire: int(c, 'ds_hash_initexpire', 7200, 1, 864000),
    hashCheckInterval: int(c, 'ds_hash_check_interval', 30, 1, 86400), eventCallback: str(c, 'event_callback', null, 128),
    attrsNone: int(c, 'ds_attrs_none', 0, 0, 1) === 1, loadMode: int(c, 'ds_load_mode', 0, 0, 1), reloadDelta: int(c, 'reload_delta', 5, 0, 86400),
    defaultSocket: str(c, 'ds_default_socket', null, 128),
  };
}

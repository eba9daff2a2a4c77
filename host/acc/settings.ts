// acc's modparams as the config gives them (`modules: { acc: {...} }`), under Kamailio's names,
// checked: a bad value stops the server with the key, what was expected and what was seen.
import type { PvTable } from '../core/pv.js';
import { pvEnd } from '../core/pv-scan.js';
import { checkTableName } from '../store/module-tables.js';
import { FACILITY_NAMES } from '../xlog/levels.js';
import { unknownConversion } from './time-format.js';

/** One `name=$pv` of log_extra / db_extra: the name printed (log) or the column (db). */
export interface AccExtra {
  readonly name: string;
  readonly pv: string;
}

export interface AccColumns {
  readonly method: string;
  readonly fromTag: string;
  readonly toTag: string;
  readonly callid: string;
  readonly sipCode: string;
  readonly sipReason: string;
  readonly time: string;
}

export interface AccSettings {
  /** Request flags (0..31), -1: not set (Kamailio's default for every flag). */
  readonly logFlag: number;
  readonly logMissedFlag: number;
  readonly dbFlag: number;
  readonly dbMissedFlag: number;
  readonly failedTransactionFlag: number;
  /** Failure codes never accounted although failed_transaction_flag is set. */
  readonly failedFilter: readonly number[];
  /** Kamailio level of the log records (1: L_NOTICE). */
  readonly logLevel: number;
  readonly logFacility: string;
  readonly logExtra: readonly AccExtra[];
  readonly dbExtra: readonly AccExtra[];
  readonly dbTableAcc: string;
  readonly dbTableMissedCalls: string;
  readonly columns: AccColumns;
  readonly reportCancels: boolean;
  readonly detectDirection: boolean;
  /** 0: unix timestamp (log) / datetime (db); 1: + seconds and microseconds; 2: + seconds.milliseconds; 3/4: + time_format in local time / UTC. */
  readonly timeMode: 0 | 1 | 2 | 3 | 4;
  readonly timeFormat: string;
  readonly timeAttr: string;
  readonly timeExten: string;
  /** sip_reason from the reply's first Reason header instead of its status line. */
  readonly reasonFromHf: boolean;
  /** Extra values with no value are NULL in the database (else ''). */
  readonly extraNullable: boolean;
}

export const MAX_ACC_EXTRA = 64;
const MAX_FAILED_FILTER = 15;

const KEYS = [
  'log_flag', 'log_missed_flag', 'db_flag', 'db_missed_flag', 'failed_transaction_flag', 'failed_filter', 'log_level',
  'log_facility', 'log_extra', 'db_extra', 'db_table_acc', 'db_table_missed_calls', 'acc_method_column',
  'acc_from_tag_column', 'acc_to_tag_column', 'acc_callid_column', 'acc_sip_code_column', 'acc_sip_reason_column',
  'acc_time_column', 'report_cancels', 'detect_direction', 'time_mode', 'time_attr', 'time_exten', 'reason_from_hf',
  'acc_extra_nullable', 'time_format', 'early_media', 'report_ack', 'db_url', 'db_insert_mode', 'acc_extra_size',
] as const;

const where = (key: string) => `modules.acc.${key}`;
const shown = (v: unknown) => JSON.stringify(v) ?? String(v);

function int(cfg: Record<string, unknown>, key: string, min: number, max: number, dflt: number): number {
  const v = cfg[key];
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new Error(`${where(key)}: expected an integer from ${min} to ${max}, got ${shown(v)}`);
  }
  return v;
}

const flag = (cfg: Record<string, unknown>, key: string) => int(cfg, key, -1, 31, -1);

function bool(cfg: Record<string, unknown>, key: string): boolean {
  const v = cfg[key];
  if (typeof v === 'boolean') return v;
  return int(cfg, key, 0, 1, 0) === 1;
}

function name(cfg: Record<string, unknown>, key: string, dflt: string): string {
  const v = cfg[key];
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'string') throw new Error(`${where(key)}: expected a name of letters, digits and _, got ${shown(v)}`);
  return checkTableName(v, where(key));
}

/** `name=$pv;name2=$pv2` (Kamailio's extra syntax): each value one PV of this server. */
export function parseExtras(spec: unknown, key: string, pvs: PvTable | null): AccExtra[] {
  if (spec === undefined || spec === null || spec === '') return [];
  if (typeof spec !== 'string') throw new Error(`${where(key)}: expected "name=$pv;name=$pv...", got ${shown(spec)}`);
  const items = spec.replace(/;\s*$/, '').split(';');
  if (items.length > MAX_ACC_EXTRA) throw new Error(`${where(key)}: at most ${MAX_ACC_EXTRA} values (acc_extra_size), got ${items.length}`);
  return items.map((item) => {
    const eq = item.indexOf('=');
    const n = eq < 0 ? '' : item.slice(0, eq).trim();
    const pv = eq < 0 ? '' : item.slice(eq + 1).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(n) || !pv.startsWith('$') || pvEnd(pv, 0) !== pv.length) {
      throw new Error(`${where(key)}: expected name=$pv (name: letters, digits, _), got ${shown(item)}`);
    }
    const spec = pvs?.resolve(pv);
    if (spec && 'error' in spec) throw new Error(`${where(key)}: ${n}=${pv}: ${spec.error}`);
    return { name: n, pv };
  });
}

function failedFilter(v: unknown): number[] {
  if (v === undefined || v === null || v === '') return [];
  const items = typeof v === 'string' ? v.split(',').map((s) => s.trim()) : Array.isArray(v) ? v : [v];
  const codes = items.map((c) => (typeof c === 'string' && /^\d+$/.test(c) ? Number(c) : c));
  if (codes.length > MAX_FAILED_FILTER || codes.some((c) => typeof c !== 'number' || !Number.isInteger(c) || c < 300 || c > 999)) {
    throw new Error(`${where('failed_filter')}: expected at most ${MAX_FAILED_FILTER} codes from 300 to 999 ("404,407"), got ${shown(v)}`);
  }
  return codes as number[];
}

function timeFormat(v: unknown): string {
  if (v === undefined || v === null) return '%Y-%m-%d %H:%M:%S';
  if (typeof v !== 'string' || v.length > 128) throw new Error(`${where('time_format')}: expected a strftime format of at most 128 characters, got ${shown(v)}`);
  const bad = unknownConversion(v);
  if (bad) throw new Error(`${where('time_format')}: ${bad} is not supported (known: %Y %y %m %d %e %H %M %S %s %F %T %z %%), in ${shown(v)}`);
  return v;
}

export function accSettings(config: unknown, pvs: PvTable | null): AccSettings {
  const cfg = (config ?? {}) as Record<string, unknown>;
  if (typeof cfg !== 'object' || Array.isArray(cfg)) throw new Error(`modules.acc: expected a mapping of acc parameters, got ${shown(config)}`);
  for (const k of Object.keys(cfg)) {
    if (!(KEYS as readonly string[]).includes(k)) throw new Error(`modules.acc.${k}: unknown parameter (known: ${KEYS.join(', ')})`);
  }
  // provisional replies are not accounted here, nor e2e ACKs: refuse rather than ignore
  if (bool(cfg, 'early_media')) throw new Error(`${where('early_media')}: accounting of provisional replies is not supported; expected 0, got ${shown(cfg.early_media)}`);
  if (bool(cfg, 'report_ack')) throw new Error(`${where('report_ack')}: accounting of ACKs is not supported; expected 0, got ${shown(cfg.report_ack)}`);
  if (cfg.db_url !== undefined && typeof cfg.db_url !== 'string') throw new Error(`${where('db_url')}: expected a string (the records go to the server's store), got ${shown(cfg.db_url)}`);
  int(cfg, 'db_insert_mode', 0, 2, 0);
  int(cfg, 'acc_extra_size', 1, MAX_ACC_EXTRA, MAX_ACC_EXTRA);
  const facility = cfg.log_facility ?? 'LOG_DAEMON';
  if (typeof facility !== 'string' || !FACILITY_NAMES.has(facility)) throw new Error(`${where('log_facility')}: expected a syslog facility (LOG_DAEMON, LOG_LOCAL0...), got ${shown(facility)}`);
  return {
    logFlag: flag(cfg, 'log_flag'),
    logMissedFlag: flag(cfg, 'log_missed_flag'),
    dbFlag: flag(cfg, 'db_flag'),
    dbMissedFlag: flag(cfg, 'db_missed_flag'),
    failedTransactionFlag: flag(cfg, 'failed_transaction_flag'),
    failedFilter: failedFilter(cfg.failed_filter),
    logLevel: int(cfg, 'log_level', -5, 3, 1),
    logFacility: facility,
    logExtra: parseExtras(cfg.log_extra, 'log_extra', pvs),
    dbExtra: parseExtras(cfg.db_extra, 'db_extra', pvs),
    dbTableAcc: name(cfg, 'db_table_acc', 'acc'),
    dbTableMissedCalls: name(cfg, 'db_table_missed_calls', 'missed_calls'),
    columns: {
      method: name(cfg, 'acc_method_column', 'method'),
      fromTag: name(cfg, 'acc_from_tag_column', 'from_tag'),
      toTag: name(cfg, 'acc_to_tag_column', 'to_tag'),
      callid: name(cfg, 'acc_callid_column', 'callid'),
      sipCode: name(cfg, 'acc_sip_code_column', 'sip_code'),
      sipReason: name(cfg, 'acc_sip_reason_column', 'sip_reason'),
      time: name(cfg, 'acc_time_column', 'time'),
    },
    reportCancels: bool(cfg, 'report_cancels'),
    detectDirection: bool(cfg, 'detect_direction'),
    timeMode: int(cfg, 'time_mode', 0, 4, 0) as 0 | 1 | 2 | 3 | 4,
    timeFormat: timeFormat(cfg.time_format),
    timeAttr: name(cfg, 'time_attr', 'time_attr'),
    timeExten: name(cfg, 'time_exten', 'time_exten'),
    reasonFromHf: bool(cfg, 'reason_from_hf'),
    extraNullable: bool(cfg, 'acc_extra_nullable'),
  };
}

/** True when some flag asks for records at the end of transactions (then tm's events are watched). */
export function accountsTransactions(s: AccSettings): boolean {
  return [s.logFlag, s.logMissedFlag, s.dbFlag, s.dbMissedFlag, s.failedTransactionFlag].some((f) => f >= 0);
}

// xlog's modparams as the config gives them (`modules: { xlog: {...} }`), checked: a bad value
// stops the server with the key, what was expected and what was seen.
import { FACILITY_NAMES, levelOfName } from './levels.js';

export interface XlogSettings {
  /** Longest line written, in characters; a longer one is cut, with a marker saying how much went. */
  readonly bufSize: number;
  /** $C(xy) gives terminal colour codes (else ''; the server log is not a terminal). */
  readonly forceColor: boolean;
  /** Only for xlogl/xdbgl, which KEMI has not: accepted for configs that set it. */
  readonly longFormat: boolean;
  /** Put before every line; with prefixMode 1 a format expanded against the message. */
  readonly prefix: string;
  readonly prefixMode: 0 | 1;
  /** Syslog facility put on every xlog line (a `facility` field of the JSON line); null: the core's. */
  readonly logFacility: string | null;
  /** `L_ERR=cr;L_WARN=px`: checked; colours of the server log's own levels are not ours to set. */
  readonly logColors: string | null;
  /** Only for xlogm, which KEMI has not: accepted, checked. */
  readonly methodsFilter: number;
}

export const DEFAULT_XLOG_SETTINGS: XlogSettings = {
  bufSize: 8192, forceColor: false, longFormat: false, prefix: '', prefixMode: 0, logFacility: null, logColors: null, methodsFilter: -1,
};

const MIN_BUF = 64;
const MAX_BUF = 1024 * 1024;
const MAX_PREFIX = 256;
const KEYS = ['buf_size', 'force_color', 'long_format', 'prefix', 'prefix_mode', 'log_facility', 'log_colors', 'methods_filter'];

const where = (key: string) => `modules.xlog.${key}`;
const shown = (v: unknown) => JSON.stringify(v) ?? String(v);

function intIn(cfg: Record<string, unknown>, key: string, min: number, max: number, dflt: number): number {
  const v = cfg[key];
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new Error(`${where(key)}: expected an integer from ${min} to ${max}, got ${shown(v)}`);
  }
  return v;
}

function flag(cfg: Record<string, unknown>, key: string): boolean {
  const v = cfg[key];
  if (v === undefined) return false;
  if (typeof v === 'boolean') return v;
  return intIn(cfg, key, 0, 1, 0) === 1;
}

function text(cfg: Record<string, unknown>, key: string, max: number): string | null {
  const v = cfg[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || v.length > max) throw new Error(`${where(key)}: expected a string of at most ${max} characters, got ${shown(v)}`);
  return v;
}

const COLOR_FG = /^[xsrgybpcwSRGYBPCW][xsrgybpcw]$/;

/** `L_ERR=cr;L_WARN=px` (a trailing ';' allowed), as xlog_log_colors_param reads it. */
function checkLogColors(spec: string): void {
  const items = spec.replace(/;$/, '').split(';');
  for (const item of items) {
    const [name, colors, extra] = item.split('=').map((s) => s.trim());
    if (extra !== undefined || !name || levelOfName(name) === null || !colors || !COLOR_FG.test(colors)) {
      throw new Error(`${where('log_colors')}: expected "L_LEVEL=fb" items separated by ';' (f, b: colour letters as in $C(xy)), got ${shown(item)}`);
    }
  }
}

export function xlogSettings(config: unknown): XlogSettings {
  if (config === undefined || config === null) return DEFAULT_XLOG_SETTINGS;
  if (typeof config !== 'object' || Array.isArray(config)) throw new Error(`modules.xlog: expected a mapping of xlog parameters, got ${shown(config)}`);
  const cfg = config as Record<string, unknown>;
  for (const k of Object.keys(cfg)) {
    if (!KEYS.includes(k)) throw new Error(`modules.xlog.${k}: unknown parameter (known: ${KEYS.join(', ')})`);
  }
  const facility = text(cfg, 'log_facility', 32);
  if (facility !== null && !FACILITY_NAMES.has(facility)) {
    throw new Error(`${where('log_facility')}: expected a syslog facility (${[...FACILITY_NAMES].join(', ')}), got ${shown(facility)}`);
  }
  const colors = text(cfg, 'log_colors', 512);
  if (colors !== null) checkLogColors(colors);
  return {
    bufSize: intIn(cfg, 'buf_size', MIN_BUF, MAX_BUF, DEFAULT_XLOG_SETTINGS.bufSize),
    forceColor: flag(cfg, 'force_color'),
    longFormat: flag(cfg, 'long_format'),
    prefix: text(cfg, 'prefix', MAX_PREFIX) ?? '',
    prefixMode: intIn(cfg, 'prefix_mode', 0, 1, 0) as 0 | 1,
    logFacility: facility,
    logColors: colors,
    methodsFilter: intIn(cfg, 'methods_filter', -1, 0x7fffffff, -1),
  };
}

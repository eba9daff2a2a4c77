// Kamailio's log levels (dprint.h) as xlog names them, how each maps onto the server log's
// levels, and the syslog facility names (str2facility). Data, used by KSR.xlog and acc.
import type { LogLevel } from '../core/services.js';

/** Kamailio's numbers: printed when level <= the debug level (is_printable). */
export const KAMAILIO_LEVELS = {
  L_ALERT: -5, L_BUG: -4, L_CRIT2: -3, L_CRIT: -2, L_ERR: -1, L_WARN: 0, L_NOTICE: 1, L_INFO: 2, L_DBG: 3,
} as const;

export type KamailioLevelName = keyof typeof KAMAILIO_LEVELS;

/** ki_xlog's names, matched without regard to case ("l_info" is L_INFO). */
const BY_LOWER_NAME: ReadonlyMap<string, number> = new Map(
  Object.entries(KAMAILIO_LEVELS).map(([k, v]) => [k.toLowerCase(), v]),
);

/** A level name as ki_xlog reads it: case-insensitive; null when it is none of them. */
export function levelOfName(name: string): number | null {
  return BY_LOWER_NAME.get(name.toLowerCase()) ?? null;
}

/** The server log has six levels: the three most severe of Kamailio's go to `crit`. */
export function serverLevel(level: number): LogLevel {
  if (level <= KAMAILIO_LEVELS.L_CRIT) return 'crit';
  if (level === KAMAILIO_LEVELS.L_ERR) return 'error';
  if (level === KAMAILIO_LEVELS.L_WARN) return 'warn';
  if (level === KAMAILIO_LEVELS.L_NOTICE) return 'notice';
  if (level === KAMAILIO_LEVELS.L_INFO) return 'info';
  return 'debug';
}

/**
 * Kamailio's is_printable: the line is made only when its level is at or above the server's
 * debug level. A scope without a debug level (a log call outside a route) prints everything.
 */
export function isPrintable(level: number, debugLevel: number | undefined): boolean {
  return debugLevel === undefined || level <= debugLevel;
}

/** Kamailio's str2facility names (core/dprint.c), exactly as written there. */
export const FACILITY_NAMES: ReadonlySet<string> = new Set([
  'LOG_AUTH', 'LOG_CRON', 'LOG_DAEMON', 'LOG_KERN', 'LOG_LOCAL0', 'LOG_LOCAL1', 'LOG_LOCAL2', 'LOG_LOCAL3',
  'LOG_LOCAL4', 'LOG_LOCAL5', 'LOG_LOCAL6', 'LOG_LOCAL7', 'LOG_LPR', 'LOG_MAIL', 'LOG_NEWS', 'LOG_USER',
  'LOG_UUCP', 'LOG_AUTHPRIV', 'LOG_FTP', 'LOG_SYSLOG',
]);

// pike's state in a core: the settings, the counters (a Map, or the shared table with
// workers), the sweep timer (window swaps' UNBLOCKing lines, idle addresses forgotten) and
// pike.top. The timer runs once per server: in the single thread, or in the primary worker
// when the counters are shared.
import type { LogLevel } from '../core/services.js';
import type { ModuleHost, ModuleState } from '../core/module-service.js';
import { parseIp } from '../permissions/ip-bytes.js';
import { statusOf, windowOf, type PikeVerdict } from './ip-counter.js';
import { MapPikeTable, SharedPikeTable, type PikeTable } from './pike-table.js';
import { parsePikeSettings, type PikeSettings } from './settings.js';

/** Kamailio's log levels (L_ALERT -5 .. L_DBG 3) as the logger's. */
function levelOf(kamailio: number): LogLevel {
  if (kamailio <= -2) return 'crit';
  return (['error', 'warn', 'notice', 'info', 'debug'] as const)[Math.min(kamailio + 1, 4)]!;
}

export const PIKE_TOP_MAX = 1000;

export interface PikeTopRow {
  ip_addr: string;
  leaf_hits_prev: number;
  leaf_hits_curr: number;
  /** Seconds until the address is forgotten if no request comes. */
  expires: number;
  status: string;
}

export class PikeState implements ModuleState {
  readonly settings: PikeSettings;
  readonly table: PikeTable;
  /** The clock (ms); tests replace it. */
  now: () => number = Date.now;
  private timer: NodeJS.Timeout | null = null;
  private readonly level: LogLevel;

  constructor(private readonly host: ModuleHost) {
    this.settings = parsePikeSettings(host.config);
    const limits = { density: this.settings.reqsDensityPerUnit, maxEntries: this.settings.maxEntries, latencyMs: this.settings.removeLatency * 1000 };
    this.table = host.shared ? new SharedPikeTable(host.shared, limits) : new MapPikeTable(limits);
    this.level = levelOf(this.settings.logLevel);
  }

  /** pike_check_ip: an address text; -1 with a log line when it is not one. */
  checkText(fn: string, text: string): PikeVerdict {
    const ip = parseIp(text);
    if (!ip) {
      this.host.log.log('error', `KSR.pike.${fn}: failed to parse ip address: expected an IPv4 or IPv6 address, got ${JSON.stringify(text.slice(0, 64))}`);
      return -1;
    }
    return this.check(fn, ip.text);
  }

  /** One request from ip (canonical text). Errors of the shared table answer 1, as Kamailio does on an internal error. */
  check(fn: string, ip: string): PikeVerdict {
    const now = this.now();
    let r: { verdict: PikeVerdict; unblocked: boolean };
    try {
      r = this.table.check(ip, windowOf(now, this.settings.samplingTimeUnit), now);
    } catch (e) {
      this.host.log.log('error', `KSR.pike.${fn}: counting ${ip} failed (${(e as Error).message}): letting it through`);
      return 1;
    }
    if (r.unblocked) this.host.log.log(this.level, `pike: PIKE - UNBLOCKing ip ${ip}`);
    if (r.verdict === -2) this.host.log.log(this.level, `KSR.pike.${fn}: PIKE - BLOCKing ip ${ip}`);
    return r.verdict;
  }

  sweep(): void {
    const now = this.now();
    try {
      const { unblocked } = this.table.sweep(windowOf(now, this.settings.samplingTimeUnit), now);
      for (const ip of unblocked) this.host.log.log(this.level, `pike: PIKE - UNBLOCKing ip ${ip}`);
    } catch (e) {
      this.host.log.log('error', `pike: sweep failed: ${(e as Error).message}`);
    }
  }

  /** pike.top: the addresses of a status (HOT by default, WARM, ALL), most hits first. */
  top(filter: string): { max_hits: number; list: PikeTopRow[]; number_of_rows: number } {
    const now = this.now();
    const d = this.settings.reqsDensityPerUnit;
    const want = /ALL/.test(filter) ? null : /WARM/.test(filter) ? 'WARM' : 'HOT';
    const list = this.table
      .entries(windowOf(now, this.settings.samplingTimeUnit), this.settings.maxEntries)
      .map((e) => ({ e, status: e.red ? 'HOT' : statusOf(e, d) }))
      .filter(({ status }) => want === null || status === want)
      .sort((a, b) => b.e.prev + b.e.curr - (a.e.prev + a.e.curr))
      .slice(0, PIKE_TOP_MAX)
      .map(({ e, status }) => ({
        ip_addr: e.ip, leaf_hits_prev: e.prev, leaf_hits_curr: e.curr,
        expires: Math.max(0, Math.ceil((e.lastSeen + this.settings.removeLatency * 1000 - now) / 1000)), status,
      }));
    return { max_hits: d, list, number_of_rows: list.length };
  }

  start(): void {
    if (this.host.shared && !this.host.primary) return;
    this.timer = setInterval(() => this.sweep(), this.settings.samplingTimeUnit * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

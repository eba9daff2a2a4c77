// The control methods with Kamailio's names where the meaning is the same (core.uptime,
// core.psx, stats.get_statistics, the app_*.reload aliases), on top of what both server shapes
// (one thread, workers) answer already: they are given kemi.stats's answer, not the engine.
import { INVALID_PARAMS, RpcError } from './jsonrpc.js';
import type { RpcServer } from './rpc-server.js';

/** core.uptime as Kamailio answers it: now, up_since (text times) and uptime in seconds. */
export function uptimeOf(startedAt: number, now = Date.now()) {
  return { now: new Date(now).toISOString(), up_since: new Date(startedAt).toISOString(), uptime: Math.floor((now - startedAt) / 1000) };
}

/** One entry of core.psx: Kamailio's IDX, PID, DSC, and the thread's state. */
export interface ProcessEntry {
  IDX: number;
  PID: number;
  DSC: string;
  state: string;
}

/**
 * kemi.stats's answer as Kamailio's statistics: "group:name = value", the group being the
 * top-level key (messages, tm, routes, transport, ...) and the name the path below it joined
 * with dots (routes:request_route.count). Numbers and booleans (1/0) only: lists are left out.
 */
export function flattenStatistics(stats: Record<string, unknown>): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (group: string, path: string, v: unknown): void => {
    if (typeof v === 'number' && Number.isFinite(v)) out.set(`${group}:${path}`, v);
    else if (typeof v === 'boolean') out.set(`${group}:${path}`, v ? 1 : 0);
    else if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) walk(group, path === '' ? k : `${path}.${k}`, x);
    }
  };
  for (const [group, v] of Object.entries(stats)) walk(group, '', v);
  return out;
}

/**
 * stats.get_statistics: each parameter "all", "group:" (every statistic of the group), or a
 * name ("group:name", or "name" in any group), as kamcmd takes them. No parameter: all.
 */
export function selectStatistics(all: Map<string, number>, params: unknown): string[] {
  const wanted = params === undefined ? ['all'] : Array.isArray(params) ? params : [params];
  if (wanted.length === 0) wanted.push('all');
  const lines: string[] = [];
  for (const w of wanted) {
    if (typeof w !== 'string' || w === '') throw new RpcError(INVALID_PARAMS, `stats.get_statistics: expected "all", "group:" or a statistic's name, got ${JSON.stringify(w)}`);
    const hits = [...all.keys()].filter((key) => matches(key, w));
    if (hits.length === 0) {
      const groups = [...new Set([...all.keys()].map((k) => k.slice(0, k.indexOf(':') + 1)))].join(' ');
      throw new RpcError(INVALID_PARAMS, `stats.get_statistics: no statistic matches '${w.slice(0, 100)}'; groups: ${groups}`);
    }
    for (const key of hits) lines.push(`${key} = ${all.get(key)}`);
  }
  return lines;
}

function matches(key: string, wanted: string): boolean {
  if (wanted === 'all') return true;
  if (wanted.endsWith(':')) return key.startsWith(wanted);
  if (wanted.includes(':')) return key === wanted;
  return key.slice(key.indexOf(':') + 1) === wanted;
}

/**
 * The methods every server shape registers the same way, given its kemi.stats, its psx and its
 * start: core.uptime, core.psx, stats.get_statistics, stats.reset_statistics and the
 * per-language reload aliases (kemi.reload and kemi.stats_reset must be registered before).
 */
export function registerCoreMethods(
  rpc: RpcServer,
  s: { startedAt: number; stats: () => Promise<Record<string, unknown>>; psx: () => Promise<ProcessEntry[]> },
): void {
  const readOnly = true;
  rpc.register('core.uptime', () => uptimeOf(s.startedAt), { readOnly, help: 'now, up_since and uptime (seconds), as Kamailio answers' });
  rpc.register('core.psx', () => s.psx(), { readOnly, help: 'the threads that serve: IDX, PID, DSC and state (each worker and the socket thread, or the one main thread)' });
  rpc.register('stats.get_statistics', async (params) => selectStatistics(flattenStatistics(await s.stats()), params), {
    readOnly, help: 'stats.get_statistics all|GROUP:|[GROUP:]NAME ...: "group:name = value" lines, from kemi.stats',
  });
  rpc.alias('stats.reset_statistics', 'kemi.stats_reset');
  for (const name of ['app_lua.reload', 'app_python3.reload', 'app_jsdt.reload']) rpc.alias(name, 'kemi.reload');
}

/** Help lines of the usrloc methods (host/registrar/rpc-methods.ts), for system.methodHelp. */
export const UL_HELP: Readonly<Record<string, string>> = {
  'ul.dump': 'ul.dump: every live binding, as Kamailio\'s (Domains → AoRs → Contacts)',
  'ul.lookup': 'ul.lookup TABLE AOR: the bindings of one AoR',
  'ul.rm': 'ul.rm TABLE AOR: removes every binding of one AoR',
  'ul.add': 'ul.add TABLE AOR CONTACT EXPIRES Q ...: adds a binding',
};

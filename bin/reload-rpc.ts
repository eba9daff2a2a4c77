// kemi.reload over the control endpoint, and how long each side waits for an answer.
// A reload builds a new runtime and runs the script's top level before it answers: a Python
// reload boots pyodide (2-3 s idle, 6-10 s seen on a busy 2-core machine) and may run a top
// level for up to its load budget. The client waits for that, bounded; every other method
// answers within the ordinary deadline.
import { RpcError, type RpcHandler } from '../host/control/rpc-server.js';
import type { ReloadResult } from '../runtimes/manager.js';
import type { TlsReloadOutcome } from '../host/transport/tls-endpoint.js';

/** A reload's result, with what it did to the TLS certificates when TLS is configured. */
export type ReloadAnswer = ReloadResult & { tls?: string };

/** What reloads the script: a ScriptManager, or the workers' all-or-none reload (worker-server.ts). */
export interface Reloader {
  reload(): Promise<ReloadAnswer>;
}

/**
 * Every script reload (kemi.reload, its aliases, SIGHUP) first reads the TLS certificate files
 * again (Transports.reloadTls); files that fail keep the running certificates, say so in the
 * answer, and do not stop the script's reload.
 */
export async function reloadWithTls(tls: { reloadTls(): TlsReloadOutcome | null } | null, reloadScript: () => Promise<ReloadResult>): Promise<ReloadAnswer> {
  const t = tls?.reloadTls() ?? null;
  const r = await reloadScript();
  if (t === null) return r;
  return { ...r, tls: t.ok ? 'certificates reloaded' : `certificates not reloaded, the running ones stay: ${t.error}` };
}

/** How long any method may take to answer: a client gives up after this. */
export const ANSWER_DEADLINE_MS = 10_000;
/**
 * How long a reload may take to answer: pyodide's boot bound (60 s) plus a top level's load
 * budget, with room for a machine under load. Past it the server answers "still loading" and
 * logs the end; the client waits a little longer than this so it sees that answer.
 */
export const RELOAD_ANSWER_MS = 180_000;

/** kemi.reload and Kamailio's per-language names for it (host/control/core-methods.ts registers them). */
export const RELOAD_METHODS: ReadonlySet<string> = new Set(['kemi.reload', 'app_lua.reload', 'app_python3.reload', 'app_jsdt.reload']);

/** The deadline a client of the control endpoint gives `method`. */
export function answerDeadlineMs(method: string): number {
  return RELOAD_METHODS.has(method) ? RELOAD_ANSWER_MS + 5000 : ANSWER_DEADLINE_MS;
}

/** kemi.reload: answers when the new script is in service (or refused), however long that takes up to RELOAD_ANSWER_MS. */
export function reloadMethod(manager: Reloader, answerMs = RELOAD_ANSWER_MS): RpcHandler {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), answerMs)));
    const r = await Promise.race([manager.reload(), late]).finally(() => clearTimeout(timer));
    if (r === null) throw new RpcError(-32000, `reload still loading after ${answerMs} ms: its end will be logged ('script loaded' or 'script refused')`);
    const tls = r.tls === undefined ? '' : `; TLS: ${r.tls}`;
    if (!r.ok) throw new RpcError(-32000, `reload refused, the running script stays: ${r.error}${tls}`);
    return { file: r.file, engine: r.engine, loadMs: Math.round(r.loadMs * 10) / 10, ...(r.tls !== undefined ? { tls: r.tls } : {}) };
  };
}

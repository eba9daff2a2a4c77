// Puts a server together from settings: engine (host/), registry (bindings/), script manager
// (runtimes/) and the control endpoint. The only place that knows all three layers.
import v8 from 'node:v8';
import { pino, type Logger } from 'pino';
import { createRegistry } from '../bindings/modules/index.js';
import { checkCallLimits, type Registry } from '../bindings/registry.js';
import { apiList } from './api-list.js';
import { Engine } from '../host/engine/engine.js';
import { moduleRpcMethods } from '../host/core/module-service.js';
import { RpcError, RpcServer } from '../host/control/rpc-server.js';
import type { Settings } from '../host/config/settings.js';
import { ScriptManager } from '../runtimes/manager.js';
import { engineForFile, LANGUAGE_OF } from '../runtimes/index.js';
import { limitsFor } from '../runtimes/runtime.js';
import { openStore } from '../host/store/open-store.js';
import { StoreUnavailable, type Store } from '../host/store/store.js';
import { Usrloc } from '../host/registrar/usrloc.js';
import { usrlocRpcMethods } from '../host/registrar/rpc-methods.js';
import { ensureToken } from '../host/control/control-token.js';
import { processFaults } from './process-guard.js';
import { reloadMethod, reloadWithTls, type ReloadAnswer } from './reload-rpc.js';
import { collectGarbage } from '../runtimes/isolate/exit-drain.js';
import { registerCoreMethods, UL_HELP, type ProcessEntry } from '../host/control/core-methods.js';
import { ControlMetrics, type ThreadFigures } from '../host/control/metrics.js';
import { healthPage, probeStore, readyPage } from '../host/control/health.js';
import { Transports } from '../host/transport/transports.js';
import { createSipTrace, traceRpcMethods } from '../host/trace/trace-rpc.js';

export const VERSION = '0.1.0';

/**
 * core.gc: a full collection, then the heap before and after and where this thread's memory
 * is: per V8 heap space what is mapped (physical) and used (old space keeps freed pages mapped:
 * RSS that the heap used does not show), and what lives outside the heap (Buffers, copies).
 */
export function gcReport() {
  const before = process.memoryUsage();
  collectGarbage();
  const after = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((sp) => [sp.space_name, { sizeBytes: sp.space_size, usedBytes: sp.space_used_size, physicalBytes: sp.physical_space_size }]));
  return { heapUsedBefore: before.heapUsed, heapUsedAfter: after.heapUsed, heapTotalAfter: after.heapTotal, externalAfter: after.external, arrayBuffersAfter: after.arrayBuffers, rss: after.rss, spaces };
}

export interface Server {
  engine: Engine;
  manager: ScriptManager;
  rpc: RpcServer;
  registry: Registry;
  log: Logger;
  store: Store;
  /** The script reload (kemi.reload, SIGHUP), the TLS certificates read again first. */
  reload(): Promise<ReloadAnswer>;
  stop(): Promise<void>;
}

export async function startServer(settings: Settings, log: Logger = pino({ level: settings.log.level })): Promise<Server> {
  const registry = createRegistry();
  const engineName = engineForFile(settings.routing.script, settings.routing.engine);
  // what the operator wrote, else the runtime's defaults; the call limits are checked when the Dispatcher is made
  const limits = limitsFor(LANGUAGE_OF[engineName], settings.limits);
  checkCallLimits(limits);
  const manager = new ScriptManager(registry, engineName, settings.routing.script, limits, log.child({ component: 'script-manager' }));
  const store = await openStore(settings.store);
  let loaded;
  try {
    loaded = await manager.start();
  } catch (e) {
    await store.close();
    throw e;
  }
  log.info({ store: store.description }, 'store open');
  const usrloc = openUsrloc(settings, store, log);
  const engine = new Engine(settings, log, { store, usrloc, pvs: registry.pvs, modules: registry.services });
  engine.setRouter(manager);
  await engine.start();
  const rpc = openControl(settings, log);
  registerMethods(rpc, { engine, manager, registry, store, usrloc });
  for (const [name, fn] of Object.entries(usrlocRpcMethods(usrloc))) rpc.register(name, fn, { readOnly: UL_READ_ONLY.has(name), help: UL_HELP[name] });
  for (const m of moduleRpcMethods(registry.services)) rpc.register(m.name, (params) => engine.modules.callRpc(m.name, params), { readOnly: m.readOnly, help: m.help });
  // the trace taps the transports this engine made (host/transport/transports.ts TransportTap)
  const trace = engine.transports instanceof Transports
    ? createSipTrace({ stateDir: settings.stateDir, log: log.child({ component: 'sip-trace' }), transports: engine.transports, settings: settings.trace })
    : null;
  if (trace) for (const m of traceRpcMethods(trace)) rpc.register(m.name, m.handler, { readOnly: m.readOnly, help: m.help });
  if (settings.control) {
    try {
      await rpc.listen(settings.control.ip, settings.control.port);
    } catch (e) {
      await Promise.all([engine.stop(), store.close()]);
      manager.dispose();
      throw e;
    }
  }
  log.info(
    { listen: settings.listen.map((l) => `${l.proto}:${l.ip}:${l.port}`), script: settings.routing.script, engine: engineName, loadMs: Math.round(loaded.loadMs), control: settings.control },
    'ksr-host serving',
  );
  return {
    engine, manager, rpc, registry, log, store,
    reload: () => reloadAll(engine, manager),
    async stop() {
      trace?.stop('the server stops');
      await Promise.all([engine.stop(), rpc.close()]);
      manager.dispose();
      // no exit while a runtime boots on isolated-vm's pool: the process would hang in exit()
      await manager.whenSettled();
      await store.close();
    },
  };
}

/** The TLS certificates (when this engine's transports have any), then the script. */
function reloadAll(engine: Engine, manager: ScriptManager): Promise<ReloadAnswer> {
  return reloadWithTls(engine.transports instanceof Transports ? engine.transports : null, () => manager.reload());
}

export const UL_READ_ONLY = new Set(['ul.dump', 'ul.lookup']);

/** The control endpoint with its token (made in the state directory at the first start) and limits. */
export function openControl(settings: Settings, log: Logger): RpcServer {
  const c = settings.control;
  if (!c) return new RpcServer();
  const t = ensureToken(settings.stateDir);
  // the path only: the token itself is never logged
  log.info({ path: t.path, created: t.created }, 'control token');
  if (t.tightened) log.warn({ path: t.path }, 'control token file was readable by others; set back to mode 0600');
  return new RpcServer({
    token: t.token,
    hosts: c.hosts,
    origins: c.origins,
    limits: {
      ...(c.maxBodyBytes ? { maxBodyBytes: c.maxBodyBytes } : {}),
      ...(c.bodyTimeoutMs ? { bodyTimeoutMs: c.bodyTimeoutMs } : {}),
      ...(c.headersTimeoutMs ? { headersTimeoutMs: c.headersTimeoutMs } : {}),
      ...(c.requestTimeoutMs ? { requestTimeoutMs: c.requestTimeoutMs } : {}),
      ...(c.maxConnections ? { maxConnections: c.maxConnections } : {}),
    },
    log: log.child({ component: 'control' }),
  });
}

/** The location table over the store; write-through fills memory from it (a store that is down leaves it empty). */
function openUsrloc(settings: Settings, store: Store, log: Logger): Usrloc {
  const usrloc = new Usrloc({ usrloc: settings.usrloc, registrar: settings.registrar, store });
  try {
    const n = usrloc.load();
    log.info({ mode: usrloc.settings.mode, loaded: n }, 'usrloc ready');
  } catch (e) {
    log.error({ err: e }, 'usrloc: could not load the bindings from the store; starting empty');
  }
  return usrloc;
}

/** When this process started (core.uptime's up_since, as Kamailio's is its start). */
export const PROCESS_STARTED_AT = Date.now() - Math.round(process.uptime() * 1000);

/** Live bindings in the location table (the registrations metric). */
export function bindingCount(usrloc: Usrloc): number {
  return usrloc.dump().reduce((n, t) => n + t.records.length, 0);
}

function registerMethods(rpc: RpcServer, s: { engine: Engine; manager: ScriptManager; registry: Registry; store: Store; usrloc: Usrloc }): void {
  const readOnly = true;
  rpc.register('core.version', () => ({ name: 'ksr-host', version: VERSION, node: process.version }), { readOnly, help: 'name, version and the Node version' });
  rpc.register('kemi.reload', reloadMethod({ reload: () => reloadAll(s.engine, s.manager) }), { help: 'loads the script file into a new runtime and swaps it in; a script that fails is refused and the old one serves on' });
  rpc.register('kemi.api_list', () => apiList(s.registry), { readOnly, help: 'the KSR functions, as Kamailio\'s <engine>.api_list, with signature and status' });
  const stats = () => ({
    routes: s.engine.stats.snapshot(),
    messages: s.engine.counters,
    sip: s.engine.messageCounts.snapshot(),
    store: { failures: StoreUnavailable.failures },
    transport: s.engine.transports.snapshot(),
    overload: s.engine.overload.snapshot(),
    limitThrottle: s.engine.limitThrottle.snapshot(),
    tm: s.engine.tm.snapshot(),
    runtime: {
      engine: s.manager.engine,
      language: s.manager.language,
      memoryBytes: s.manager.memoryUsage(),
      reloads: s.manager.reloads,
      rebuilds: s.manager.rebuilds,
      renewals: s.manager.renewals,
      timeoutsKept: s.manager.timeoutsKept,
      ready: s.manager.ready,
    },
    process: { rssBytes: process.memoryUsage().rss, heapUsedBytes: process.memoryUsage().heapUsed, ...processFaults },
    gc: s.engine.gc.snapshot(s.engine.counters.received),
  });
  rpc.register('kemi.stats', stats, { readOnly, help: 'per callback timing, message, transport, overload, limit, tm, runtime, process and gc figures' });
  rpc.register('tm.stats', () => s.engine.tm.snapshot(), { readOnly, help: 'transactions in the table, created, freed, retransmissions absorbed, ...' });
  rpc.register('kemi.stats_reset', () => (s.engine.stats.reset(), { ok: true }), { help: 'zeroes the per-callback figures (the counters since start stay)' });
  // Diagnostics: a full garbage collection, then the heap, to tell retained memory from garbage
  // not yet collected (the proxy benchmark reports the heap before and after a call run).
  rpc.register('core.gc', gcReport, { help: 'a full garbage collection, then the heap before and after, per V8 space' });
  const psx = async (): Promise<ProcessEntry[]> => [
    { IDX: 0, PID: process.pid, DSC: 'main thread: SIP sockets, engine, runtime, control endpoint', state: s.manager.ready ? 'serving' : 'serving, runtime not ready' },
  ];
  registerCoreMethods(rpc, { startedAt: PROCESS_STARTED_AT, stats: async () => stats(), psx });
  const thread = (): ThreadFigures => ({ worker: '0', ...stats() });
  const metrics = new ControlMetrics(async () => ({
    threads: [thread()],
    server: { reloads: s.manager.reloads, bindings: bindingCount(s.usrloc), store: probeStore(s.store) },
  }));
  rpc.page('/metrics', () => metrics.render());
  rpc.page('/health', () => healthPage(PROCESS_STARTED_AT));
  rpc.page('/ready', () => readyPage({
    script: async () => (s.manager.ready ? null : 'the runtime is not in service (loading, or rebuilding after a limit stop)'),
    store: () => probeStore(s.store),
  }));
}

// apiList lives in bin/api-list.ts (`ksr-host api` uses it without loading the server)
export { apiList };

// A server with `workers` ≥ 2: the main thread is the socket thread (listeners, control
// endpoint, the overload policy's early drop) and hands each message to a worker thread
// (host/workers/worker-pool.ts) by its dispatch key; every worker runs its own Engine and
// runtime (bin/worker-thread.ts). State every worker must see lives in host/shared. Whole-server
// answers (kemi.stats, tm.stats, ul.*, kemi.reload) are made here from the workers' own.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { createRegistry } from '../bindings/modules/index.js';
import { checkCallLimits } from '../bindings/registry.js';
import { RpcError, type RpcServer } from '../host/control/rpc-server.js';
import { moduleRpcMethods } from '../host/core/module-service.js';
import type { Settings } from '../host/config/settings.js';
import { OverloadPolicy } from '../host/core/overload-policy.js';
import { Usrloc } from '../host/registrar/usrloc.js';
import { usrlocRpcMethods } from '../host/registrar/rpc-methods.js';
import { createSharedState, removeSharedState, SharedState } from '../host/shared/shared-state.js';
import { openStore } from '../host/store/open-store.js';
import { OutboundGuard } from '../host/transport/outbound-guard.js';
import { protectedEndpoints } from '../host/transport/protected-endpoints.js';
import { Transports } from '../host/transport/transports.js';
import { createSipTrace, traceRpcMethods } from '../host/trace/trace-rpc.js';
import type { TransportTap } from '../host/transport/transports.js';
import { branchMarker } from '../host/workers/dispatch-key.js';
import { mergeRouteStats, sumCounters } from '../host/workers/merge-stats.js';
import { WorkerPool } from '../host/workers/worker-pool.js';
import { UdpCopiesForWorkers } from '../host/transport/udp-copies.js';
import type { BoundAddress } from '../host/workers/protocol.js';
import { engineForFile, LANGUAGE_OF } from '../runtimes/index.js';
import { limitsFor, type EngineName } from '../runtimes/runtime.js';
import type { ReloadResult } from '../runtimes/manager.js';
import { processFaults } from './process-guard.js';
import { RELOAD_ANSWER_MS, reloadMethod, reloadWithTls } from './reload-rpc.js';
import { apiList, bindingCount, gcReport, openControl, PROCESS_STARTED_AT, UL_READ_ONLY, VERSION } from './server.js';
import { registerCoreMethods, UL_HELP, type ProcessEntry } from '../host/control/core-methods.js';
import { ControlMetrics, type ThreadFigures } from '../host/control/metrics.js';
import { healthPage, probeStore, readyPage } from '../host/control/health.js';
import type { Store } from '../host/store/store.js';
import type { WorkerInit } from './worker-thread.js';
import { workerEntry } from '../host/workers/worker-entry.js';
import { osThreadId } from '../host/workers/os-thread-id.js';
import { realtimePriority } from '../host/workers/realtime-step.js';
import { mergeGcSnapshots } from '../host/core/gc-stats.js';
import { StatsCarry, type LifeAnswer, type NoAnswer } from '../host/workers/stats-carry.js';
import { countsOf, foldStats, type WorkerStats } from '../host/workers/worker-stats.js';

/** What bin/serve.ts needs of a running server, whichever its shape. */
export interface RunningServer {
  reload(): Promise<ReloadResult>;
  stop(): Promise<void>;
}

/** How long a worker may take to answer a stats question. */
const STATS_ANSWER_MS = 5000;

export async function startWorkerServer(settings: Settings, log: Logger, count: number): Promise<RunningServer & { pool: WorkerPool }> {
  const registry = createRegistry();
  const engineName = engineForFile(settings.routing.script, settings.routing.engine);
  checkCallLimits(limitsFor(LANGUAGE_OF[engineName], settings.limits));
  // nonces signed by one worker are checked by another: one secret for all of them
  const workerSettings: Settings = structuredClone(settings);
  if (workerSettings.auth.secret === null) {
    workerSettings.auth.secret = randomBytes(32).toString('base64');
    log.warn('auth: no auth.secret configured: nonces are signed with a random key of this process; they die with a restart and other nodes refuse them');
  }
  const sharedHandle = createSharedState({ nonceCountLimit: settings.auth.ncTableSize, locationBytes: settings.usrloc.sharedMemoryMb * 1024 * 1024 });
  const shared = SharedState.open(sharedHandle, { owner: 0 });
  const store = await openStore(settings.store);
  const closeAll = async () => {
    shared.close();
    removeSharedState(sharedHandle);
    await store.close();
  };
  // the stored bindings are loaded once, here, into the table every worker reads; this usrloc
  // answers ul.* for the whole server
  const usrloc = new Usrloc({ usrloc: settings.usrloc, registrar: settings.registrar, store, shared });
  try {
    log.info({ mode: usrloc.settings.mode, loaded: usrloc.load() }, 'usrloc ready');
  } catch (e) {
    log.error({ err: e }, 'usrloc: could not load the bindings from the store; starting empty');
  }

  const overload = new OverloadPolicy(settings.overload);
  const socketCounters = { received: 0, earlyDropped: 0 };
  let pool: WorkerPool | null = null;
  const guard = new OutboundGuard(settings.outbound, log);
  const transports = new Transports(settings.listen, (buf, rcv) => {
    socketCounters.received++;
    if (overload.dropEarly(buf, rcv)) return void socketCounters.earlyDropped++;
    // judged: read while the policy sheds, so charged already (else judged when it leaves a hold)
    pool?.dispatch(buf, rcv, overload.active);
  }, { udpMaxBytes: settings.udp.maxMessageBytes, tcp: { ...settings.tcp }, ...(settings.tls ? { tls: settings.tls } : {}), ...(settings.websocket ? { websocket: settings.websocket } : {}) }, log, guard);
  // this thread reads the sockets: whether each turn emptied them, and how deep a standing UDP queue is
  transports.watchUdpTurns((full) => overload.monitor.noteUdpTurn(full));
  overload.monitor.udpQueueBytes = () => transports.udpQueueBytes();
  guard.protect(await protectedEndpoints(settings.control, settings.store, (m) => log.warn(m)));
  try {
    await transports.start();
  } catch (e) {
    await closeAll();
    throw e;
  }
  const bound: BoundAddress[] = [
    ...transports.udp.map((l) => ({ proto: 'udp' as const, ip: l.ip, port: l.port })),
    ...transports.tcp.map((l) => ({ proto: 'tcp' as const, ip: l.ip, port: l.port })),
    ...streamListeners(transports),
  ];
  const instance = randomBytes(4).toString('hex');
  // each worker sends UDP from its own copy of the listening sockets (no hop back to this
  // thread), except under a real-time policy: a worker a step below (worker_rt_step) is
  // preempted between its sends by the peer each send wakes (v8, 4000 registrations/s under
  // chrt: 3338-21 680 retransmissions, against 0-159 through this thread; ARCHITECTURE.md,
  // "Workers send UDP themselves")
  const underRealtime = realtimePriority(osThreadId()) !== null;
  if (underRealtime) log.info({}, 'workers: UDP sends go through the socket thread (real-time policy)');
  const udpCopies = new UdpCopiesForWorkers(
    underRealtime ? [] : transports.udp.map((l) => ({ ip: l.ip, port: l.port, socket: l.socketForCopies })),
    count,
    (obj, msg) => log.warn(obj, msg),
  );
  pool = new WorkerPool({
    count,
    entry: workerEntry(import.meta.url, { boot: './worker-boot.mjs', entry: './worker-thread' }),
    workerData: async (index, signals): Promise<WorkerInit> => ({
      index, count, settings: workerSettings, instance, bound, shared: sharedHandle, signals, udpCopies: await udpCopies.forWorker(index),
    }),
    sockets: transports,
    marker: branchMarker(instance),
    log: log.child({ component: 'workers' }),
    // a worker's factor applies to its share of each source: count × it for the whole stream here
    onOverload: (index, factor) => overload.followWorker(index, factor === null ? null : factor * count),
    // the queue to each worker is bounded (credit); what waits for credit is judged by the
    // policy when it leaves the hold, and a hold that stands is this thread's congestion signal
    rejudge: (buf, rcv) => {
      if (!overload.judgeHeld(buf, rcv)) return false;
      socketCounters.earlyDropped++;
      return true;
    },
    // what crossed is what the workers are served: its rate sizes an episode's factor
    onPosted: () => overload.monitor.noteAdmitted(),
    onDied: (index) => {
      if (shared.releaseLocksOf(index + 1)) log.warn({ worker: index }, 'the dead worker held a shared state lock: released');
    },
  });
  try {
    await pool.start();
  } catch (e) {
    await transports.stop();
    await closeAll();
    throw e;
  }
  overload.monitor.downstreamStandingMs = (at) => pool!.heldStandingMs(at);
  overload.start();
  const reloader = new WorkersReload(pool, settings.routing.script, engineName, log, transports);
  const rpc = openControl(settings, log);
  // in this (the socket) thread: every message in and out passes its transports once
  // the workers' own UDP sends are a point the trace must reach: while it runs they go through this thread
  let workersTap: TransportTap | null = null;
  const workersTapPoint = {
    get tap() {
      return workersTap;
    },
    set tap(t: TransportTap | null) {
      workersTap = t;
      pool!.setTracing(t !== null);
    },
  };
  const trace = createSipTrace({ stateDir: settings.stateDir, log: log.child({ component: 'sip-trace' }), transports, also: [workersTapPoint], settings: settings.trace });
  for (const m of traceRpcMethods(trace)) rpc.register(m.name, m.handler, { readOnly: m.readOnly, help: m.help });
  registerWorkerMethods(rpc, { pool, reloader, registry, transports, overload, socketCounters, engineName, store, usrloc, shared });
  for (const [name, fn] of Object.entries(usrlocRpcMethods(usrloc))) rpc.register(name, fn, { readOnly: UL_READ_ONLY.has(name), help: UL_HELP[name] });
  if (process.env.KSR_TEST_WORKER_HOOKS === '1') {
    // tests only: worker N exits (the server keeps serving and restarts it), or refuses the next reload
    const index = (params: unknown) => Number((params as unknown[] | undefined)?.[0] ?? 0);
    rpc.register('workers.test_exit', async (params) => pool!.call(index(params), 'testExit'), { help: 'workers.test_exit [N]: (tests only) worker N (default 0) exits; the pool restarts it' });
    rpc.register('workers.test_refuse_next_reload', async (params) => pool!.call(index(params), 'testRefuseNextPrepare'), { help: 'workers.test_refuse_next_reload [N]: (tests only) worker N (default 0) refuses the next kemi.reload' });
  }
  const stop = async () => {
    trace.stop('the server stops');
    overload.stop();
    await Promise.all([transports.stop(), rpc.close()]);
    await pool!.stop();
    await closeAll();
  };
  if (settings.control) {
    try {
      await rpc.listen(settings.control.ip, settings.control.port);
    } catch (e) {
      await stop();
      throw e;
    }
  }
  log.info(
    { listen: settings.listen.map((l) => `${l.proto}:${l.ip}:${l.port}`), script: settings.routing.script, engine: engineName, workers: count, control: settings.control },
    'ksr-host serving',
  );
  return { pool, reload: () => reloader.reload(), stop };
}

/**
 * kemi.reload for every worker, all or none: each worker loads the new script aside
 * (ScriptManager.prepare); only when all of them loaded it does each switch (commit), else
 * every one discards it (abort) and the first refusal is the answer. Serialised.
 */
class WorkersReload {
  reloads = 1;
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly pool: WorkerPool,
    private readonly file: string,
    private readonly engine: EngineName,
    private readonly log: Logger,
    /** Its TLS certificates are read again at each reload (the socket thread owns the listeners). */
    private readonly transports: Transports,
  ) {}

  reload(): Promise<ReloadResult> {
    const next = this.last.then(() => reloadWithTls(this.transports, () => this.allOrNone()));
    this.last = next;
    return next;
  }

  private async allOrNone(): Promise<ReloadResult> {
    const t0 = performance.now();
    const prepared = await this.pool.callAll('prepare', undefined, RELOAD_ANSWER_MS);
    const refusal = prepared
      .map((r, index) => ({ index, error: r.status === 'rejected' ? (r.reason as Error).message : (r.value as ReloadResult).ok ? null : (r.value as ReloadResult).error }))
      .find((r) => r.error !== null);
    if (refusal) {
      await this.pool.callAll('abort');
      const error = `worker ${refusal.index}: ${refusal.error}`;
      this.log.error({ file: this.file, workers: this.pool.size }, `script refused by a worker, every worker keeps the running one: ${error}`);
      return { ok: false, file: this.file, engine: this.engine, loadMs: performance.now() - t0, error };
    }
    const committed = await this.pool.callAll('commit');
    const lost = committed.findIndex((r) => r.status === 'rejected');
    // a worker that died between prepare and commit restarts from the file: the new script
    if (lost >= 0) this.log.warn({ worker: lost }, 'a worker could not switch (it died); it restarts with the new script');
    this.reloads++;
    return { ok: true, file: this.file, engine: this.engine, loadMs: performance.now() - t0 };
  }
}

/**
 * The whole server's `overload` in kemi.stats: counts (episodes, what was shed) summed over the
 * socket thread and the workers; the loop figures are the socket thread's; overloaded when it
 * or a worker is (it then drops early for that worker).
 */
function overloadFigures(main: ReturnType<OverloadPolicy['snapshot']>, workers: Record<string, unknown>[]): Record<string, unknown> {
  const { utilisation, projected, loopLagMaxMs, queueStandingMaxMs, admitFactor } = main;
  const overloaded = main.overloaded || workers.some((x) => x.overloaded === true);
  return { ...sumCounters([main, ...workers]), overloaded, utilisation, projected, loopLagMaxMs, queueStandingMaxMs, admitFactor };
}

/**
 * The modules' control methods, answered by the workers that hold the states: worker 0 (scope
 * 'one'), or every worker with worker 0's answer given (scope 'all'; the first refusal if any).
 */
function registerModuleMethods(rpc: RpcServer, pool: WorkerPool, registry: ReturnType<typeof createRegistry>): void {
  for (const m of moduleRpcMethods(registry.services)) {
    const args = (params: unknown) => ({ method: m.name, params });
    rpc.register(m.name, async (params) => {
      try {
        if (m.scope === 'one') return await pool.call(0, 'moduleRpc', args(params));
        const settled = await pool.callAll('moduleRpc', args(params));
        const refused = settled.find((r) => r.status === 'rejected');
        if (refused) throw (refused as PromiseRejectedResult).reason;
        return (settled[0] as PromiseFulfilledResult<unknown>).value;
      } catch (e) {
        throw new RpcError(-32000, e instanceof Error ? e.message : String(e));
      }
    }, { readOnly: m.readOnly, help: m.help });
  }
}

function registerWorkerMethods(
  rpc: RpcServer,
  s: {
    pool: WorkerPool; reloader: WorkersReload; registry: ReturnType<typeof createRegistry>; transports: Transports;
    overload: OverloadPolicy; socketCounters: { received: number; earlyDropped: number }; engineName: EngineName;
    store: Store; usrloc: Usrloc; shared: SharedState;
  },
): void {
  const readOnly = true;
  const answers = async <T>(op: string): Promise<{ list: LifeAnswer<T>[]; unanswered: NoAnswer[] }> => {
    // read before asking: an answer comes from the life its call was posted to
    const lives = Array.from({ length: s.pool.size }, (_, i) => s.pool.lifeOf(i));
    const settled = await s.pool.callAll(op, undefined, STATS_ANSWER_MS);
    const list: LifeAnswer<T>[] = [];
    const unanswered: NoAnswer[] = [];
    settled.forEach((r, index) => (r.status === 'fulfilled' ? list.push({ index, life: lives[index]!, value: r.value as T }) : unanswered.push({ index, life: s.pool.lifeOf(index) })));
    return { list, unanswered };
  };
  const indexes = (l: readonly { index: number }[]) => l.map((x) => x.index);
  // counts stay whole while workers restart or are slow to answer (stats-carry.ts)
  const carry = new StatsCarry<WorkerStats>({ countsOf, fold: foldStats });
  const carried = async () => {
    const { list, unanswered } = await answers<WorkerStats>('stats');
    return { ...carry.take(list, unanswered), answered: list.length, unanswered: indexes(unanswered) };
  };
  rpc.register('core.version', () => ({ name: 'ksr-host', version: VERSION, node: process.version }), { readOnly, help: 'name, version and the Node version' });
  registerModuleMethods(rpc, s.pool, s.registry);
  rpc.register('kemi.reload', reloadMethod(s.reloader), { help: 'loads the script file in every worker, all or none, and swaps it in; a script that fails is refused and the old one serves on' });
  rpc.register('kemi.api_list', () => apiList(s.registry), { readOnly, help: 'the KSR functions, as Kamailio\'s <engine>.api_list, with signature and status' });
  const stats = async () => {
    const { current, former, answered, unanswered } = await carried();
    // levels (ready, memory, heap, overloaded) from the workers as they are; counts also from their former lives
    const w = current.map((c) => c.value);
    const all = former ? [...w, former] : w;
    const mainOverload = s.overload.snapshot();
    const queues = s.pool.queues();
    const faults = sumCounters([{ ...processFaults }, ...all.map((x) => ({ uncaughtExceptions: x.thread.uncaughtExceptions ?? 0, unhandledRejections: x.thread.unhandledRejections ?? 0 }))]);
    return {
      routes: mergeRouteStats(all.map((x) => x.routes)),
      // received: every message read off the sockets (the socket thread's count: what it shed
      // before dispatch never reached a worker), as with workers: 1
      messages: { ...sumCounters(all.map((x) => x.messages)), received: s.socketCounters.received },
      sip: sumCounters(all.map((x) => x.sip)),
      store: sumCounters(all.map((x) => x.store)),
      transport: sumCounters([s.transports.snapshot(), ...all.map((x) => x.transport)]),
      // the socket thread's loop figures; overloaded when it or a worker is (it then drops early
      // for that worker); episodes and what was shed, summed
      overload: overloadFigures(mainOverload, all.map((x) => x.overload)),
      limitThrottle: sumCounters(all.map((x) => x.limitThrottle)),
      tm: sumCounters(all.map((x) => x.tm)),
      // the workers' collections, per 10 000 messages they received
      gc: mergeGcSnapshots(all.map((x) => x.gc), all.reduce((n, x) => n + Number((x.messages as { received?: number }).received ?? 0), 0)),
      runtime: {
        engine: s.engineName,
        language: w[0]?.runtime.language,
        memoryBytes: w.reduce((n, x) => n + x.runtime.memoryBytes, 0),
        reloads: s.reloader.reloads,
        rebuilds: all.reduce((n, x) => n + x.runtime.rebuilds, 0),
        renewals: all.reduce((n, x) => n + x.runtime.renewals, 0),
        timeoutsKept: all.reduce((n, x) => n + x.runtime.timeoutsKept, 0),
        ready: answered === s.pool.size && w.every((x) => x.runtime.ready),
      },
      process: { rssBytes: process.memoryUsage().rss, heapUsedBytes: process.memoryUsage().heapUsed, ...faults },
      workers: {
        count: s.pool.size,
        ...(({ restarts, droppedWhileDown, heldDropped, heldMax }) => ({ restarts, droppedWhileDown, heldDropped, heldMax }))(s.pool.snapshot()),
        socketThread: { ...s.socketCounters, osThreadId: osThreadId(), realtimePriority: realtimePriority(osThreadId()) },
        // the location table's shared memory (usrloc.shared_memory_mb): AoR entries, bytes in blocks, of the buffer
        sharedLocations: s.shared.locations.usage(),
        unanswered,
        perWorker: current.map(({ index, value: x, staleMs }) => ({
          index,
          // not answered within the wait: its last answer, this old
          ...(staleMs !== undefined ? { staleMs } : {}),
          osThreadId: x.thread.osThreadId,
          realtimePriority: x.thread.realtimePriority,
          ...queues[index],
          received: (x.messages as { received?: number }).received ?? 0,
          heapUsedBytes: x.thread.heapUsedBytes,
          runtimeMemoryBytes: x.runtime.memoryBytes,
          transactions: x.tm.transactions ?? 0,
          // UDP sends from the worker's own copy of the listener, and sends handed to this thread (TCP, TLS, WS; UDP while tracing)
          sentOwnUdp: x.sends.ownUdp,
          sentViaSocketThread: x.sends.viaSocketThread,
        })),
      },
    };
  };
  rpc.register('kemi.stats', stats, { readOnly, help: 'the whole server\'s figures (workers summed, routes merged) and per worker: see the README' });
  rpc.register('tm.stats', async () => {
    const { current, former, answered, unanswered } = await carried();
    if (answered === 0) throw new RpcError(-32000, `no worker answered (workers ${unanswered.join(', ')})`);
    const tm = current.map((c) => c.value.tm);
    return { ...sumCounters(former ? [...tm, former.tm] : tm), ...(unanswered.length ? { unanswered } : {}) };
  }, { readOnly, help: 'transactions in the table, created, freed, ... summed over the workers (and their former lives)' });
  rpc.register('kemi.stats_reset', async () => {
    const { unanswered } = await answers('statsReset');
    carry.reset((x) => ({ ...x, routes: {} }));
    return { ok: unanswered.length === 0, ...(unanswered.length ? { unanswered: indexes(unanswered) } : {}) };
  }, { help: 'zeroes the per-callback figures of every worker (the counters since start stay)' });
  rpc.register('core.gc', () => ({ ...gcReport(), thread: 'socket thread only' }), { help: 'a full garbage collection in the socket thread, then its heap before and after' });
  // each worker's answer to 'stats', once per question: psx, /metrics and /ready read the same
  // (through the carry, which each question keeps up to date); a worker's last answer is not its answer
  const perWorker = async () => {
    const { current, unanswered } = await carried();
    return { list: current.filter((c) => c.staleMs === undefined), unanswered };
  };
  const psx = async (): Promise<ProcessEntry[]> => {
    const { list } = await perWorker();
    const byIndex = new Map(list.map((a) => [a.index, a.value]));
    const workers = Array.from({ length: s.pool.size }, (_, i): ProcessEntry => {
      const w = byIndex.get(i);
      const state = w === undefined ? 'not answering (restarting?)' : w.runtime.ready ? 'serving' : 'serving, runtime not ready';
      return { IDX: i + 1, PID: process.pid, DSC: `worker ${i}: engine and runtime`, state };
    });
    return [{ IDX: 0, PID: process.pid, DSC: 'socket thread: SIP sockets, dispatch, control endpoint', state: 'serving' }, ...workers];
  };
  registerCoreMethods(rpc, { startedAt: PROCESS_STARTED_AT, stats, psx });
  const metrics = new ControlMetrics(async () => {
    const { list } = await perWorker();
    const threads = list.map(({ index, value: x }): ThreadFigures => ({ worker: String(index), ...x }));
    return {
      threads,
      server: { reloads: s.reloader.reloads - 1, bindings: bindingCount(s.usrloc), store: probeStore(s.store), socketThread: { ...s.socketCounters } },
    };
  });
  rpc.page('/metrics', () => metrics.render());
  rpc.page('/health', () => healthPage(PROCESS_STARTED_AT));
  rpc.page('/ready', () => readyPage({
    script: async () => {
      const { list, unanswered } = await perWorker();
      if (unanswered.length > 0) return `workers ${unanswered.join(', ')} did not answer`;
      const notReady = list.filter((a) => !a.value.runtime.ready).map((a) => a.index);
      return notReady.length > 0 ? `the runtime of workers ${notReady.join(', ')} is not in service` : null;
    },
    store: () => probeStore(s.store),
  }));
}

/** The TLS, WS and WSS listeners a worker puts in its Via and Record-Route (one per protocol and family). */
function streamListeners(transports: Transports): BoundAddress[] {
  const out: BoundAddress[] = [];
  for (const proto of ['tls', 'ws', 'wss'] as const) {
    for (const v6 of [false, true]) {
      const a = transports.localAddress(proto, v6);
      if (a) out.push({ proto, ip: a.ip, port: a.port });
    }
  }
  return out;
}

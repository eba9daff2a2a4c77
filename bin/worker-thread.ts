// One worker thread of a server with `workers` ≥ 2: its own registry, ScriptManager and
// runtime, its own store connection, and an Engine whose sockets are the socket thread's
// (host/workers/worker-transports.ts). Assembled here because, like server.ts, it knows all
// three layers. What it is given: WorkerInit (workerData).
import { writeSync } from 'node:fs';
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../host/log/create-logger.js';
import { createRegistry } from '../bindings/modules/index.js';
import { Engine } from '../host/engine/engine.js';
import type { Settings } from '../host/config/settings.js';
import { setBranchInstance } from '../host/forward/via.js';
import { openStore } from '../host/store/open-store.js';
import { StoreUnavailable } from '../host/store/store.js';
import { Usrloc } from '../host/registrar/usrloc.js';
import { SharedState, type SharedStateHandle } from '../host/shared/shared-state.js';
import { workerBranchInstance } from '../host/workers/dispatch-key.js';
import { WorkerTransports, type OwnUdpSending } from '../host/workers/worker-transports.js';
import { openUdpCopy, type UdpCopyInit } from '../host/transport/udp-fd-dup.js';
import { UdpSendBatch } from '../host/transport/udp-send-batch.js';
import { pickListener } from '../host/transport/transports.js';
import { WorkerSignals } from '../host/workers/worker-signals.js';
import { serveWorker } from '../host/workers/worker-link.js';
import { osThreadId } from '../host/workers/os-thread-id.js';
import { realtimePriority, stepBelowIfRealtime } from '../host/workers/realtime-step.js';
import type { BoundAddress, FromWorker } from '../host/workers/protocol.js';
import { ScriptManager } from '../runtimes/manager.js';
import { engineForFile, LANGUAGE_OF } from '../runtimes/index.js';
import { limitsFor } from '../runtimes/runtime.js';
import { processFaults } from './process-guard.js';

export interface WorkerInit {
  index: number;
  count: number;
  settings: Settings;
  /** The server's branch instance: this worker's branches carry it and its index. */
  instance: string;
  bound: BoundAddress[];
  shared: SharedStateHandle;
  /** Shared with the socket thread: this worker's credit and flags (worker-signals.ts). */
  signals: SharedArrayBuffer;
  /** This worker's own copies of the UDP listeners, to send from (empty: sends go through the socket thread). */
  udpCopies: UdpCopyInit[];
}

const init = workerData as WorkerInit;
const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);

/**
 * Until the port's listener is attached (serveWorker), nothing of this thread's own holds its
 * event loop: it waits on isolated-vm's asynchronous calls (pyodide's boot, seconds) and the
 * store. Once (CI, Python, workers: 2) such a worker ended with 0 before it was ready, which is
 * what a loop left empty does. So a timer holds the loop until the worker serves or fails, and
 * a worker that ends before then says, on stderr, at which step.
 */
const startHold = setInterval(() => {}, 60_000);
let startStep = 'starting';
process.on('exit', (code) => {
  if (startStep !== 'serving' && startStep !== 'failed') writeSync(2, `worker ${init.index} ended with ${code} before it was ready, at: ${startStep}\n`);
});
function stepTo(step: string): void {
  startStep = step;
  if (step === 'serving' || step === 'failed') clearInterval(startHold);
}

async function main(): Promise<void> {
  const { settings, index } = init;
  setBranchInstance(workerBranchInstance(init.instance, index));
  const log = createLogger(settings).child({ worker: index });
  // before the runtime is built: the threads it starts inherit the step
  const step = stepBelowIfRealtime(osThreadId(), settings.workerRtStep);
  if (step.stepped) log.info({ policy: step.policy, from: step.from, to: step.to }, 'worker thread below the socket thread (worker_rt_step)');
  else if (step.realtime) log.warn({ why: step.why }, 'worker thread left at the socket thread\'s real-time priority');
  const registry = createRegistry();
  const engineName = engineForFile(settings.routing.script, settings.routing.engine);
  const limits = limitsFor(LANGUAGE_OF[engineName], settings.limits);
  const manager = new ScriptManager(registry, engineName, settings.routing.script, limits, log.child({ component: 'script-manager' }));
  stepTo('opening the store');
  const store = await openStore(settings.store);
  try {
    stepTo('loading the script');
    await manager.start();
  } catch (e) {
    await store.close();
    throw e;
  }
  const shared = SharedState.open(init.shared, { owner: index + 1 });
  // the socket thread loaded the stored bindings into the shared table before the workers started
  const usrloc = new Usrloc({ usrloc: settings.usrloc, registrar: settings.registrar, store, shared });
  let transports!: WorkerTransports;
  const engine = new Engine(settings, log, {
    store, usrloc, pvs: registry.pvs, shared, modules: registry.services, worker: index,
    transports: (_onMessage, guard) => (transports = new WorkerTransports(port, init.bound, guard, new WorkerSignals(init.signals), ownUdpSending(init.udpCopies))),
    // one expiry for the shared table: worker 0's
    expiry: index === 0,
  });
  engine.setRouter(manager);
  // the socket thread sheds for this worker while it is overloaded, before messages cross
  engine.overload.monitor.onChange = (o) => post({ t: 'overload', ...o });
  stepTo('starting the engine');
  await engine.start();
  let refuseNextPrepare = false;
  serveWorker(port, (buf, rcv) => engine.onMessage(buf, rcv), transports, {
    stats: () => ({
      routes: engine.stats.snapshot(),
      messages: engine.counters,
      sip: engine.messageCounts.snapshot(),
      store: { failures: StoreUnavailable.failures },
      transport: transports.snapshot(),
      sends: transports.sendCounts(),
      overload: engine.overload.snapshot(),
      limitThrottle: engine.limitThrottle.snapshot(),
      tm: engine.tm.snapshot(),
      gc: engine.gc.snapshot(engine.counters.received),
      runtime: {
        engine: manager.engine,
        language: manager.language,
        memoryBytes: manager.memoryUsage(),
        reloads: manager.reloads,
        rebuilds: manager.rebuilds,
        renewals: manager.renewals,
        timeoutsKept: manager.timeoutsKept,
        ready: manager.ready,
      },
      thread: { heapUsedBytes: v8.getHeapStatistics().used_heap_size, heapTotalBytes: v8.getHeapStatistics().total_heap_size, osThreadId: osThreadId(), realtimePriority: realtimePriority(osThreadId()), ...processFaults },
    }),
    statsReset: () => (engine.stats.reset(), true),
    // the server stops: timers, the runtime, the store connection and the shared state closed here
    stop: async () => {
      await engine.stop();
      manager.dispose();
      await manager.whenSettled();
      await store.close();
      shared.close();
      return true;
    },
    // a module's control method (htable.dump, dispatcher.reload...), asked by the socket thread
    moduleRpc: (args) => {
      const { method, params } = args as { method: string; params: unknown };
      return engine.modules.callRpc(method, params);
    },
    prepare: async () => {
      if (refuseNextPrepare) {
        refuseNextPrepare = false;
        return { ok: false, file: manager.file, engine: manager.engine, loadMs: 0, error: `refused by the test hook in worker ${index}` };
      }
      return manager.prepare();
    },
    commit: () => manager.commit(),
    abort: () => manager.abort(),
    // tests only (KSR_TEST_WORKER_HOOKS=1 in the server's environment): this worker dies, or
    // refuses the next reload as a script failing in this worker alone would
    testExit: () => {
      testHooksOnly();
      setImmediate(() => process.exit(3));
      return true;
    },
    testRefuseNextPrepare: () => {
      testHooksOnly();
      return (refuseNextPrepare = true);
    },
  });
  log.info({ script: settings.routing.script, engine: engineName }, 'worker serving');
  stepTo('serving');
  post({ t: 'ready' });
}

/** The worker's own copies of the UDP listeners, opened here (they are this thread's from now on), and the batch their sends wait in. */
function ownUdpSending(copies: UdpCopyInit[]): OwnUdpSending | null {
  if (copies.length === 0) return null;
  const sockets = copies.map((c) => ({ ip: c.ip, port: c.port, socket: openUdpCopy(c.fd, c.type) }));
  return { sockets, pick: (ip, from) => pickListener(sockets, ip, from), batch: new UdpSendBatch() };
}

function testHooksOnly(): void {
  if (process.env.KSR_TEST_WORKER_HOOKS !== '1') throw new Error('a test hook (the server runs without KSR_TEST_WORKER_HOOKS=1)');
}

main().catch((e) => {
  stepTo('failed');
  post({ t: 'failed', error: e instanceof Error ? e.message : String(e) });
});

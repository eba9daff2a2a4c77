// `npm run bench -- --scenario register-auth|options-tcp --compare kamailio`: Debian's Kamailio
// (Lua and Python KEMI) and ksr-host in each runtime, one after the other, under the same sipp
// scenario, user file and rates. Each server climbs the rates in steps and stops at its first
// unclean step (clean, as issue 9 defines it: sipp exit 0, no failed call, no retransmission,
// every call of the step done, ≥ 95 % of the offered rate achieved). CPU is utime+stime of the
// server's whole process tree (every thread) from /proc, read just before and just after the
// sipp run; memory is the server tree's RSS and PSS after it (ksr-host's without its launcher); response times are sipp's own (-trace_rtt).
// `--memory` instead runs the scenario twice at one rate and reports the RSS after each run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../test/support/server-process.js';
import { startSipp, type SippRun } from '../test/support/sipp.js';
import { makeUsers, writeSippUsers, writeUserCsv } from '../test/support/users.js';
import { kamailioMissing, startKamailio, writeKamailioDb, type KamailioEngine, type KamailioProcess } from './kamailio/start.js';
import { cpuMicros, firstChild, pssBytes, realtimeTree, rssBytes } from './proc-usage.js';
import { sippOutcome } from '../test/support/sipp-outcome.js';
import { responseTimes, TRACE_RTT_ARGS, type ResponseTimes } from './sipp-figures.js';
import { gcPer10kMessages, requestRoute, workerCount, workerMemory, type RouteSummary, type WorkerMemory } from './server-figures.js';

export type CompareScenario = 'register-auth' | 'options-tcp';

/** What each scenario sends: its sipp file (bench/scenarios/), transport and unit. */
const SCENARIOS: Record<CompareScenario, { file: string; transport: 'udp' | 'tcp'; unit: string; users: boolean; describe: string }> = {
  'register-auth': {
    file: 'register-auth.xml', transport: 'udp', unit: 'registration', users: true,
    describe: 'sipp register-auth over UDP (REGISTER → 401 → REGISTER with credentials → 200)',
  },
  'options-tcp': {
    file: 'options.xml', transport: 'tcp', unit: 'OPTIONS', users: false,
    describe: 'sipp OPTIONS → 200 over TCP, one connection (-t t1)',
  },
};

export interface CompareOptions {
  scenario: CompareScenario;
  rates: number[];
  calls: number;
  users: number;
  engines: string[];
  withKamailio: boolean;
  /** SCHED_FIFO 10 for the server and sipp (root only): less noise from other load. */
  realtime: boolean;
  /**
   * With realtime and ksr-host workers: its socket thread at FIFO 11 and its workers at 9 (by
   * the thread ids kemi.stats reports), so that the thread every message passes through twice
   * is never kept waiting behind a worker's batch (ARCHITECTURE.md, "At the edge", twelfth pass).
   */
  threadPriorities?: boolean;
  /** Calls sent at 1000/s before the first step, not measured (JIT and caches warm). */
  warmup: number;
  /** Keep ksr-host's default per-source overload limits (off by default: see ksrHostTarget). */
  sourceLimits: boolean;
  /** ksr-host's `--workers N`, each engine run once per count given (`--workers 1,2`: measure
   *  both before choosing, ARCHITECTURE.md "Workers"); absent: not passed (the server's own default). */
  workers?: readonly number[];
  /** Which script ksr-host runs (CompareScript). */
  script: CompareScript;
  /** --memory: two runs of `calls` at rates[0] each, RSS after each, instead of the climb. */
  memory: boolean;
  /** --memory-runs: how many runs --memory makes (2 by default; the table compares the first two, lists the rest). */
  memoryRuns?: number;
  /**
   * --rounds N: every server runs its climb N times, in turn (Kamailio, then each ksr-host, then
   * again), each round with fresh processes. This machine's speed drifts between consecutive runs
   * (Kamailio Lua's own CPU per registration moved 113 → 190 µs between two runs minutes apart),
   * so one run's ratio says little; the ratio to Kamailio's run of the same round, over rounds, says more.
   */
  rounds?: number;
}

interface Step {
  engine: string;
  /** 1.. (--rounds) */
  round: number;
  workers: string;
  offered: number;
  achieved: number;
  ok: number;
  failed: number;
  retrans: number;
  sippExit: number | null;
  cpuUsPerCall: number;
  route: RouteSummary;
  rtt?: ResponseTimes;
  gcPer10k?: number;
  rssMb: number;
  pssMb: number;
  clean: boolean;
}

/** What the loop needs of a server, Kamailio or ksr-host. */
interface Target {
  name: string;
  /** Started under the real-time policy already (ksr-host: by chrt, so its workers step below). */
  startedRealtime?: boolean;
  /** The process tree whose CPU is counted. */
  pid: number;
  /** The tree whose memory is reported: ksr-host's server process without its launcher. */
  memoryPid: number;
  port: number;
  /** ksr-host's kemi.stats (undefined for Kamailio). */
  stats(): Promise<Record<string, any> | undefined>;
  /** The worker count used, as the server reports it or as it was started. */
  workers(): Promise<string>;
  /** Anything the server itself reports that explains an unclean step (ksr-host: shedding). */
  notes(): Promise<string>;
  resetStats(): Promise<void>;
  /** After a full GC, when the server can do one (ksr-host's core.gc): the heap used, and where the memory is. */
  heapAfterGc(): Promise<{ usedBytes: number; spaces: string } | undefined>;
  stop(): Promise<void>;
}

const BIN = fileURLToPath(new URL('../bin/ksr-host.mjs', import.meta.url));
const SCENARIO_DIR = fileURLToPath(new URL('./scenarios/', import.meta.url));
const KSR_SCRIPTS: Record<string, { ext: 'js' | 'lua' | 'py'; engine?: 'v8' | 'quickjs' }> = {
  v8: { ext: 'js', engine: 'v8' },
  quickjs: { ext: 'js', engine: 'quickjs' },
  fengari: { ext: 'lua' },
  pyodide: { ext: 'py' },
};

/**
 * The script ksr-host runs: by default bench/scripts/registrar.*, the very files Kamailio runs
 * (same KSR calls per message on both sides); --script sample: sample-scripts/routing.*, which
 * makes more calls per REGISTER (WebSocket and NAT checks, defines) than Kamailio's side.
 */
export type CompareScript = 'registrar' | 'sample';

function ksrScriptPath(ext: string, which: CompareScript): string {
  const rel = which === 'sample' ? `../sample-scripts/routing.${ext}` : `./scripts/registrar.${ext}`;
  return fileURLToPath(new URL(rel, import.meta.url));
}
/** RSS grown by more than this share between the two --memory runs counts as growth. */
const GROWTH_TOLERANCE = 0.05;

export async function compare(opts: CompareOptions): Promise<void> {
  const badRate = opts.rates.find((r) => !Number.isFinite(r) || r <= 0);
  if (badRate !== undefined || !opts.rates.length) throw new Error(`--rates: expected positive numbers separated by commas, got ${opts.rates.join(',')}`);
  if (opts.realtime && process.getuid?.() !== 0) throw new Error('--realtime: chrt -f needs root; run without it');
  const badWorkers = opts.workers?.find((n) => !(Number.isInteger(n) && n > 0));
  if (opts.workers !== undefined && (badWorkers !== undefined || !opts.workers.length)) throw new Error(`--workers: expected positive integers separated by commas, got ${opts.workers.join(',')}`);
  if (opts.memory && (opts.rounds ?? 1) > 1) throw new Error('--rounds: the climb is run in rounds; --memory has --memory-runs');
  const dir = mkdtempSync(join(tmpdir(), 'ksr-compare-'));
  const users = makeUsers(opts.users);
  const sippUsers = join(dir, 'sipp-users.csv');
  writeSippUsers(sippUsers, users);
  writeUserCsv(join(dir, 'users.csv'), users);
  const kamailioDb = join(dir, 'kamailio.db');
  writeKamailioDb(kamailioDb, users);
  const tcp = SCENARIOS[opts.scenario].transport === 'tcp';

  const starters: Array<{ name: string; start: () => Promise<Target> }> = [];
  // Kamailio absent (or a module of it): said on stderr at once and above the table
  const skipped: string[] = [];
  if (opts.withKamailio) {
    for (const engine of ['lua', 'python'] as KamailioEngine[]) {
      const missing = kamailioMissing(engine);
      if (missing) {
        skipped.push(`kamailio ${engine}: skipped: ${missing}`);
        process.stderr.write(`${skipped.at(-1)}\n`);
      } else starters.push({ name: `kamailio ${engine}`, start: () => kamailioTarget(engine, kamailioDb, tcp) });
    }
  }
  for (const engine of opts.engines) {
    if (!KSR_SCRIPTS[engine]) throw new Error(`unknown engine '${engine}': expected ${Object.keys(KSR_SCRIPTS).join(', ')}`);
    for (const workers of opts.workers ?? [undefined]) starters.push({ name: ksrHostName(engine, opts, workers), start: () => ksrHostTarget(engine, dir, opts, workers) });
  }

  const steps: Step[] = [];
  const memory: MemoryRow[] = [];
  for (let round = 1; round <= (opts.rounds ?? 1); round++) {
    for (const { start } of starters) {
      const target = await start();
      try {
        if (opts.realtime && !target.startedRealtime) realtimeTree(target.pid);
        if (opts.realtime && opts.threadPriorities) await prioritiseThreads(target);
        if (opts.warmup > 0) await warmUp(target, opts, sippUsers);
        if (opts.memory) memory.push(await memoryRuns(target, opts, sippUsers));
        else await climb(target, opts, sippUsers, steps, round);
      } finally {
        await target.stop();
      }
    }
  }
  for (const line of skipped) console.log(line);
  if (opts.memory) printMemory(memory, opts);
  else printSteps(steps, opts);
}

/** Climbs the rates until a step is not clean. */
async function climb(target: Target, opts: CompareOptions, inf: string, steps: Step[], round: number): Promise<void> {
  for (const rate of opts.rates) {
    const step = await measure(target, rate, opts.calls, opts, inf, round);
    steps.push(step);
    process.stderr.write(`${target.name} at ${rate}/s: ${step.clean ? 'clean' : 'not clean'} (${step.failed} failed, ${step.retrans} retransmissions, ${step.achieved.toFixed(0)}/s)\n`);
    if (!step.clean) {
      const notes = await target.notes();
      if (notes) process.stderr.write(`${target.name} at ${rate}/s: ${notes}\n`);
      return;
    }
    await sleep(1000);
  }
}

async function kamailioTarget(engine: KamailioEngine, db: string, tcp: boolean): Promise<Target> {
  const k: KamailioProcess = await startKamailio(engine, db, { tcp });
  return {
    name: `kamailio ${engine}`, pid: k.pid, memoryPid: k.pid, port: k.port,
    stats: async () => undefined,
    workers: async () => '2 processes',
    notes: async () => '',
    resetStats: async () => {},
    heapAfterGc: async () => undefined,
    stop: () => k.stop(),
  };
}

/** Counts the ksr-host servers started, so that each has a store file of its own. */
let serverSerial = 0;

/** `ksr-host v8`; with several worker counts asked, `ksr-host v8, 2 workers`, so each has its row in the clean-rate table. */
function ksrHostName(engine: string, opts: CompareOptions, workers: number | undefined): string {
  return (opts.workers?.length ?? 0) > 1 ? `ksr-host ${engine}, ${workers} worker${workers === 1 ? '' : 's'}` : `ksr-host ${engine}`;
}

async function ksrHostTarget(engine: string, dir: string, opts: CompareOptions, workers: number | undefined): Promise<Target> {
  const s = KSR_SCRIPTS[engine]!;
  // a store of its own per server (and round): one server's registrations are not the next one's start
  const name = workers === undefined ? engine : `${engine}-w${workers}`;
  const store = `sqlite:${join(dir, `ksr-host-${name}-${++serverSerial}.db`)}`;
  execFileSync(process.execPath, [BIN, 'user', 'import', join(dir, 'users.csv'), '--store', store], { stdio: 'pipe' });
  const config = join(dir, `ksr-host-${name}.yaml`);
  // bench/run.ts's register-auth settings, with usrloc in memory as Kamailio's (db_mode 0).
  // All the load comes from one source (sipp): ksr-host's per-source shedding would cut it to
  // overload.source_rate (200/s) once an overload episode starts, and Kamailio's config has no
  // per-source limit (no pike) either, so it is lifted unless --source-limits asks for it.
  const lines = ['auth: { secret: "bench-secret-0123456789abcdef" }', 'tm: { t1_ms: 250 }', 'log: { level: info }', 'usrloc: { db_mode: memory }', `store: "${store}"`];
  if (!opts.sourceLimits) lines.push('overload: { source_rate: 1000000, source_rate_any: 1000000 }');
  writeFileSync(config, lines.join('\n') + '\n');
  const script = ksrScriptPath(s.ext, opts.script);
  // --workers only when asked: a server without the option refuses an unknown flag
  const workerArgs = workers !== undefined ? ['--workers', String(workers)] : [];
  // started by chrt, as an operator starts it: set on its threads afterwards (realtimeTree), the
  // policy would also put its workers back level with the socket thread (worker_rt_step)
  const server: ServerProcess = await startServerProcess({
    script, engine: s.engine, startTimeoutMs: 60000, extraArgs: ['--config', config, ...workerArgs],
    ...(opts.realtime ? { wrapper: ['chrt', '-f', '10'] } : {}),
  });
  const stats = async () => (await server.rpc('kemi.stats')).result as Record<string, any> | undefined;
  return {
    name: ksrHostName(engine, opts, workers),
    startedRealtime: opts.realtime,
    pid: server.child.pid!,
    // bin/ksr-host.mjs starts the server as its child: the launcher's ~40 MB is not the server's
    memoryPid: firstChild(server.child.pid!) ?? server.child.pid!,
    port: server.port,
    stats,
    async workers() {
      const reported = workerCount(await stats());
      if (reported !== undefined) return String(reported);
      return workers !== undefined ? `${workers} (asked; not in kemi.stats)` : '1 (no workers in kemi.stats)';
    },
    async notes() {
      const st = (await stats()) ?? {};
      // gc: its longest pause (a stall that put the queue past sipp's retransmission timer?)
      return `overload ${JSON.stringify(st.overload ?? {})}; transport ${JSON.stringify(st.transport ?? {})}; gc ${JSON.stringify(st.gc ?? {})}`;
    },
    async resetStats() {
      await server.rpc('kemi.stats_reset');
    },
    async heapAfterGc() {
      const gc = (await server.rpc('core.gc')).result;
      return typeof gc?.heapUsedAfter === 'number' ? { usedBytes: gc.heapUsedAfter, spaces: heapSpaces(gc) } : undefined;
    },
    async stop() {
      keepServerLog(server, name);
      await server.stop();
    },
  };
}

/** KSR_BENCH_SERVER_LOG=PREFIX keeps what the server wrote in PREFIX.ENGINE.log (why a step was not clean). */
export function keepServerLog(server: ServerProcess, engine: string): void {
  const prefix = process.env.KSR_BENCH_SERVER_LOG;
  if (prefix) writeFileSync(`${prefix}.${engine}.log`, server.output());
}

/**
 * core.gc's figures as one line, MB: V8 heap spaces mapped/used (old space can keep more pages
 * mapped than it uses: RSS that a heap-used figure does not show), and memory outside the heap.
 */
function heapSpaces(gc: Record<string, any>): string {
  const mb = (n: number) => (n / 1e6).toFixed(1);
  const spaces = Object.entries((gc.spaces ?? {}) as Record<string, { physicalBytes: number; usedBytes: number }>)
    .filter(([, sp]) => sp.physicalBytes >= 1e5)
    .map(([name, sp]) => `${name.replace(/_space$/, '')} ${mb(sp.physicalBytes)}/${mb(sp.usedBytes)}`);
  return `heap spaces mapped/used MB: ${spaces.join(', ')}; outside the heap ${mb(gc.externalAfter ?? 0)} MB`;
}

function sippFor(target: Target, opts: CompareOptions, calls: number, rate: number, inf: string, measured: boolean) {
  const sc = SCENARIOS[opts.scenario];
  return startSipp({
    scenario: join(SCENARIO_DIR, sc.file), port: target.port, transport: sc.transport, calls, rate,
    timeoutS: Math.ceil(calls / rate) * 3 + 30, retransmissions: true,
    extra: ['-l', '5000', ...(sc.users ? ['-inf', inf] : []), ...(measured ? TRACE_RTT_ARGS : [])],
  });
}

async function measure(target: Target, rate: number, calls: number, opts: CompareOptions, inf: string, round = 1): Promise<Step> {
  await target.resetStats();
  const before = await target.stats();
  const cpu0 = cpuMicros(target.pid);
  const t0 = performance.now();
  const sipp = sippFor(target, opts, calls, rate, inf, true);
  if (opts.realtime) realtimeTree(sipp.child.pid!);
  // Kamailio has no kemi.stats (before is undefined): nothing to trace
  const trace = process.env.KSR_BENCH_TRACE && before ? traceStep(target) : undefined;
  const run = await sipp.done;
  await trace?.stop();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuMicros(target.pid) - cpu0;
  const after = await target.stats();
  const { ok, failed, retrans, rate: sippRate } = sippOutcome(run);
  const achieved = sippRate ?? calls / seconds;
  return {
    engine: target.name, round, workers: await target.workers(), offered: rate, achieved, ok, failed, retrans, sippExit: run.code,
    cpuUsPerCall: cpu / Math.max(1, ok), route: requestRoute(after), rtt: responseTimes(run), gcPer10k: gcPer10kMessages(before, after),
    rssMb: rssBytes(target.memoryPid) / 1e6, pssMb: pssBytes(target.memoryPid) / 1e6,
    clean: run.code === 0 && failed === 0 && retrans === 0 && ok === calls && achieved >= 0.95 * rate,
  };
}

/**
 * KSR_BENCH_TRACE=1: a line on stderr every 250 ms of the step, from kemi.stats and /proc: messages
 * read and request routes run a second, the routes' average over that quarter second, requests
 * shed as stale, and the server's CPU (% of one core). Shows whether a step that was not clean
 * slowed down first and then fell behind, or fell behind at one moment (a stall) and then paid
 * for the retransmissions.
 */
function traceStep(target: Target): { stop: () => Promise<void> } {
  let last: { t: number; cpu: number; msgs: number; count: number; sum: number; stale: number } | undefined;
  let stopped = false;
  const t0 = performance.now();
  const sample = async () => {
    const st = await target.stats().catch(() => undefined);
    if (!st) {
      // a server too busy to answer its control endpoint in time: said, and the next interval is longer
      process.stderr.write(`${target.name} t=${((performance.now() - t0) / 1000).toFixed(2)}s: kemi.stats did not answer\n`);
      return;
    }
    const r = st.routes?.ksr_request_route;
    const now = { t: performance.now(), cpu: cpuMicros(target.pid), msgs: Number(st.messages?.received ?? 0), count: Number(r?.count ?? 0), sum: Number(r?.sum ?? 0), stale: Number(st.overload?.shedStale ?? 0) };
    if (last) {
      const s = (now.t - last.t) / 1000;
      const routes = now.count - last.count;
      const avg = routes > 0 ? ((now.sum - last.sum) / routes).toFixed(0) : '-';
      process.stderr.write(`${target.name} t=${((now.t - t0) / 1000).toFixed(2)}s: ${((now.msgs - last.msgs) / s).toFixed(0)} msgs/s, ${(routes / s).toFixed(0)} routes/s, route avg ${avg} µs, shed stale ${now.stale - last.stale}, CPU ${((now.cpu - last.cpu) / 1e4 / s).toFixed(0)} %\n`);
    }
    last = now;
  };
  const loop = (async () => {
    while (!stopped) {
      await sample();
      await sleep(250);
    }
  })();
  return { stop: async () => { stopped = true; await loop; } };
}

/** The same scenario, unmeasured and bounded, so the first step does not pay for JIT warm-up. */
async function warmUp(target: Target, opts: CompareOptions, inf: string): Promise<void> {
  const run: SippRun = await sippFor(target, opts, opts.warmup, 1000, inf, false).done;
  if (run.code !== 0) process.stderr.write(`${target.name}: warm-up: sipp exited ${run.code} (${sippOutcome(run).failed} failed)\n`);
  await sleep(1000);
}

interface MemorySample {
  step: Step;
  rssMb: number;
  heapAfterGcMb?: number;
  perWorker?: WorkerMemory[];
}

interface MemoryRow {
  engine: string;
  runs: MemorySample[];
}

/** Runs of opts.calls at the first rate (two unless --memory-runs); RSS (and each worker's figure) after each. */
async function memoryRuns(target: Target, opts: CompareOptions, inf: string): Promise<MemoryRow> {
  const rate = opts.rates[0]!;
  const runs: MemorySample[] = [];
  for (let i = 1; i <= (opts.memoryRuns ?? 2); i++) {
    const step = await measure(target, rate, opts.calls, opts, inf);
    // replies sent and timers settled before the figure is read
    await sleep(2000);
    const rssMb = rssBytes(target.memoryPid) / 1e6;
    const perWorker = workerMemory(await target.stats());
    const heap = await target.heapAfterGc();
    runs.push({ step, rssMb, perWorker, ...(heap !== undefined ? { heapAfterGcMb: heap.usedBytes / 1e6 } : {}) });
    if (heap) process.stderr.write(`${target.name} memory run ${i}: after a full GC, ${heap.spaces}\n`);
    process.stderr.write(`${target.name} memory run ${i}: ${step.clean ? 'clean' : 'not clean'} (${step.failed} failed, ${step.retrans} retransmissions), RSS ${rssMb.toFixed(1)} MB\n`);
  }
  return { engine: target.name, runs };
}

/** The socket thread at SCHED_FIFO 11, the workers at 9 (see CompareOptions.threadPriorities); Kamailio and one-thread servers as they are. */
async function prioritiseThreads(target: Target): Promise<void> {
  const w = (await target.stats())?.workers;
  const socket = w?.socketThread?.osThreadId;
  const workers: unknown[] = Array.isArray(w?.perWorker) ? w.perWorker.map((x: { osThreadId?: unknown }) => x.osThreadId) : [];
  if (!Number.isInteger(socket) || workers.length === 0) return;
  if (!workers.every(Number.isInteger)) throw new Error(`--thread-priorities: kemi.stats gave no thread id for every worker: ${JSON.stringify(w.perWorker)}`);
  execFileSync('chrt', ['-f', '-p', '11', String(socket)], { stdio: 'pipe' });
  for (const tid of workers) execFileSync('chrt', ['-f', '-p', '9', String(tid)], { stdio: 'pipe' });
}

function header(opts: CompareOptions): string {
  const sc = SCENARIOS[opts.scenario];
  return [
    `${sc.describe}, ${opts.calls} per ${opts.memory ? 'run' : 'step'} after ${opts.warmup} unmeasured at 1000/s`,
    sc.users ? `, ${opts.users} users` : '',
    opts.memory ? `, ${(opts.memoryRuns ?? 2) === 2 ? 'twice' : `${opts.memoryRuns} times`} at ${opts.rates[0]}/s` : `, rates ${opts.rates.join(', ')}/s`,
    opts.script === 'sample' ? ', ksr-host runs sample-scripts/routing.*' : ', both run bench/scripts/registrar.*',
    opts.realtime ? ', servers and sipp under chrt -f 10 (ksr-host started by it: its workers one step below, worker_rt_step)' : ', no realtime priority',
    opts.realtime && opts.threadPriorities ? " (ksr-host's socket thread at 11, its workers at 9)" : '',
    opts.workers !== undefined ? `, ksr-host --workers ${opts.workers.join(' then ')}` : '',
    opts.sourceLimits ? ", ksr-host's per-source limits on" : '',
    opts.memory && opts.calls < 100000 ? ' (issue 9 reads memory after 100 000)' : '',
    !opts.memory && opts.calls < 20000 ? ' (issue 9 counts a rate clean over 20 000)' : '',
  ].join('');
}

const fmt = (v: number | undefined, digits = 0) => (v === undefined ? '-' : v.toFixed(digits));

function printSteps(steps: Step[], opts: CompareOptions): void {
  const unit = SCENARIOS[opts.scenario].unit;
  console.log(header(opts));
  const rounds = (opts.rounds ?? 1) > 1;
  console.log(`| engine |${rounds ? ' round |' : ''} workers | offered/s | achieved/s | failed | retrans | CPU µs per ${unit} | route avg / p50 / p99 µs | sipp p99 ms | sipp < 1 ms | GC ms per 10k msgs | RSS MB | PSS MB | clean |`);
  console.log(`|---|${rounds ? '---|' : ''}---|---|---|---|---|---|---|---|---|---|---|---|---|`);
  for (const s of steps) {
    const route = s.route.avg === undefined ? '-' : `${fmt(s.route.avg)} / ${fmt(s.route.p50)} / ${fmt(s.route.p99)}`;
    console.log(
      `| ${s.engine} |${rounds ? ` ${s.round} |` : ''} ${s.workers} | ${s.offered} | ${s.achieved.toFixed(0)} | ${s.failed} | ${s.retrans} | ${s.cpuUsPerCall.toFixed(0)} | ${route} | ${fmt(s.rtt?.p99Ms)} | ${s.rtt ? `${s.rtt.under1MsPct.toFixed(1)} %` : '-'} | ${fmt(s.gcPer10k, 1)} | ${s.rssMb.toFixed(0)} | ${s.pssMb.toFixed(0)} | ${s.clean ? 'yes' : `no${s.sippExit !== 0 ? ` (sipp exit ${s.sippExit})` : ''}`} |`,
    );
  }
  console.log('');
  console.log(`| engine | highest clean rate${rounds ? ', per round' : ''} |`);
  console.log('|---|---|');
  const roundNumbers = [...new Set(steps.map((s) => s.round))];
  for (const engine of [...new Set(steps.map((s) => s.engine))]) {
    const perRound = roundNumbers.map((r) => {
      const clean = steps.filter((s) => s.engine === engine && s.round === r && s.clean).map((s) => s.offered);
      return clean.length ? `${Math.max(...clean)}/s` : `none of ${opts.rates.join(', ')}`;
    });
    console.log(`| ${engine} | ${perRound.join('; ')} |`);
  }
  printRatios(steps, unit);
  // the smallest non-zero time of any step: a step whose answers were nearly all 0 ms may show
  // only a multiple of the tick
  const ticks = steps.map((s) => s.rtt?.stepMs ?? 0).filter((t) => t > 0);
  const step = ticks.length ? Math.min(...ticks) : undefined;
  if (step) console.log(`\n(sipp's response times are whole ms on its own clock, which advanced in ${step} ms steps here: "< 1 ms" means answered within the tick the request left in.)`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Each ksr-host step's CPU per call over Kamailio's (Lua, Python) at the same rate in the same
 * round, listed per round with their median: the figure issue 9 sets its bound on (2×).
 */
function printRatios(steps: Step[], unit: string): void {
  if (!steps.some((s) => s.engine.startsWith('kamailio'))) return;
  const kamailio = (engine: string, s: Step) => steps.find((k) => k.engine === engine && k.round === s.round && k.offered === s.offered);
  const rows: string[] = [];
  for (const engine of [...new Set(steps.filter((s) => s.engine.startsWith('ksr-host')).map((s) => s.engine))]) {
    for (const rate of [...new Set(steps.filter((s) => s.engine === engine).map((s) => s.offered))]) {
      const own = steps.filter((s) => s.engine === engine && s.offered === rate);
      const ratio = (k: string) => {
        const rs = own.flatMap((s) => {
          const base = kamailio(k, s);
          return base ? [s.cpuUsPerCall / base.cpuUsPerCall] : [];
        });
        return rs.length ? `${rs.map((r) => r.toFixed(2)).join(', ')}${rs.length > 1 ? ` (median ${median(rs).toFixed(2)})` : ''}` : '-';
      };
      const clean = own.filter((s) => s.clean).length;
      rows.push(`| ${engine} | ${rate} | ${own.map((s) => s.cpuUsPerCall.toFixed(0)).join(', ')} | ${ratio('kamailio lua')} | ${ratio('kamailio python')} | ${clean} of ${own.length} |`);
    }
  }
  if (!rows.length) return;
  console.log('');
  console.log(`| engine | offered/s | CPU µs per ${unit}, per round | × Kamailio Lua's, same round | × Kamailio Python's, same round | clean |`);
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

function printMemory(rows: MemoryRow[], opts: CompareOptions): void {
  console.log(header(opts));
  const further = (opts.memoryRuns ?? 2) > 2;
  console.log(`| engine | run 1 clean | RSS after run 1 MB | run 2 clean | RSS after run 2 MB | RSS growth | grew | heap after full GC MB (1 → 2) | per worker MB (1 → 2) |${further ? ' later runs: RSS MB, heap after GC MB |' : ''}`);
  console.log(`|---|---|---|---|---|---|---|---|---|${further ? '---|' : ''}`);
  for (const r of rows) {
    const [a, b] = r.runs as [MemorySample, MemorySample];
    const growth = b.rssMb - a.rssMb;
    const grew = growth > GROWTH_TOLERANCE * a.rssMb;
    const heap = a.heapAfterGcMb !== undefined ? `${fmt(a.heapAfterGcMb, 1)} → ${fmt(b.heapAfterGcMb, 1)}` : '-';
    const mb = (v: number | undefined) => (v === undefined ? '-' : (v / 1e6).toFixed(1));
    const perWorker = a.perWorker
      ? a.perWorker.map((w) => {
          const w2 = b.perWorker?.find((x) => x.id === w.id);
          return `#${w.id} heap ${mb(w.heapBytes)} → ${mb(w2?.heapBytes)}, runtime ${mb(w.runtimeBytes)} → ${mb(w2?.runtimeBytes)}`;
        }).join('; ')
      : 'not listed by kemi.stats';
    const clean = (s: Step) => (s.clean ? 'yes' : `no (${s.failed} failed, ${s.retrans} retrans)`);
    // runs past the second: how RSS and the heap go on (a plateau, or a creep per run)
    const later = further ? ` ${r.runs.slice(2).map((x, i) => `run ${i + 3}${x.step.clean ? '' : ' (not clean)'}: ${x.rssMb.toFixed(1)}, ${fmt(x.heapAfterGcMb, 1)}`).join('; ')}; ${lastTwo(r.runs)} |` : '';
    console.log(`| ${r.engine} | ${clean(a.step)} | ${a.rssMb.toFixed(1)} | ${clean(b.step)} | ${b.rssMb.toFixed(1)} | ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB (${((100 * growth) / a.rssMb).toFixed(1)} %) | ${grew ? 'yes' : 'no'} | ${heap} | ${perWorker} |${later}`);
  }
  console.log(`\n(grew: RSS after the second run more than ${GROWTH_TOLERANCE * 100} % above the first${further ? '; the last two runs are judged the same way in the last column' : ''}; Kamailio's RSS sums its processes, shared memory once per process.)`);
}

/** The growth between the last two runs, judged as `grew` judges the first two: a plateau reached later says so here. */
function lastTwo(runs: MemorySample[]): string {
  const [a, b] = runs.slice(-2) as [MemorySample, MemorySample];
  const growth = b.rssMb - a.rssMb;
  return `last two: ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB, ${growth > GROWTH_TOLERANCE * a.rssMb ? 'grew' : 'no growth'}`;
}

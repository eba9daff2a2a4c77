// npm run bench: per runtime, a real server process under a sipp load, then the engine's own
// route figures from kemi.stats, the script load time and the memory. Bounded: every sipp run
// has a call count and a time limit.
//
//   npm run bench -- [--scenario options|register-auth|calls] [--rate N] [--calls N]
//                    [--engines v8,quickjs,fengari,pyodide] [--transport udp|tcp] [--scripts DIR]
//                    [--workers N]
//   npm run bench -- --scenario register-auth|options-tcp [--compare kamailio]
//                    [--rates 1000,2000,4000,6000,8000] [--calls N] [--users 1000] [--warmup 2000]
//                    [--engines ...] [--workers N[,N...]] [--no-realtime] [--source-limits]
//                    [--script registrar|sample] [--rounds N] [--thread-priorities]
//   npm run bench -- --scenario register-auth --memory [--compare kamailio] [--rate 2000]
//                    [--calls 100000] [--memory-runs 2] [--engines ...] [--workers N[,N...]]
//   npm run bench -- --micro [--filter TEXT]     (bench/micro/: hot pieces against their budgets)
//   npm run bench -- --ksr-calls [--engines ...] (bench/crossing.ts: a KSR call per runtime vs a plain call)
//
// options:        OPTIONS to the server (default 2000/s, 20 000 requests)
// register-auth:  the seed's benchmark: REGISTER challenged with 401, then sent with
//                 credentials and saved (SQLite store, one subscriber per registration)
// calls:          INVITE/180/200/ACK/BYE through the proxy to a sipp callee; reports the
//                 transaction table and the heap before and after
// --compare kamailio: Debian's Kamailio (Lua and Python KEMI), then ksr-host in each runtime,
//                 same scenario, users and rates, climbing the rates until a step is unclean
//                 (bench/compare.ts). Servers and sipp run under chrt -f 10 when root
//                 (--no-realtime: not); --thread-priorities: ksr-host's socket thread at 11
//                 and its workers at 9 (with workers; ids from kemi.stats).
// --script:       in the comparison, what ksr-host runs: `registrar` (default), the very
//                 bench/scripts/registrar.{js,lua,py} Kamailio runs, so both make the same KSR
//                 calls; `sample`, sample-scripts/routing.*, which make more per REGISTER
// options-tcp:    OPTIONS → 200 over one TCP connection, in the comparison's table (with
//                 --compare kamailio, Kamailio too); default rates 4000,8000
// --memory:       the scenario twice (100 000 registrations each by default; --memory-runs N
//                 for more, listed after the first two) at one rate; RSS
//                 after each run and whether it grew
// --rounds N:     with --compare, every server's climb N times in turn (fresh processes each
//                 round); a last table gives ksr-host's CPU over Kamailio's of the same round
// --workers N:    passed to ksr-host as `--workers N` (not passed when absent); with --compare
//                 or --memory a list (`--workers 1,2`): each engine runs once per count
// KSR_BENCH_SERVER_LOG=PREFIX in the environment: each ksr-host server's output is kept in
//                 PREFIX.ENGINE.log (PREFIX.ENGINE-wN.log in a comparison given --workers; its
//                 warnings say why a step was not clean)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../test/support/server-process.js';
import { runSipp, scenario, startSipp, type SippRun } from '../test/support/sipp.js';
import { freePort } from '../test/support/ports.js';
import { makeUsers, writeSippUsers, writeUserCsv } from '../test/support/users.js';
import { compare, keepServerLog } from './compare.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string' },
    calls: { type: 'string' },
    engines: { type: 'string', default: 'v8,quickjs,fengari,pyodide' },
    scenario: { type: 'string', default: 'options' },
    transport: { type: 'string', default: 'udp' },
    // run the routing.{js,lua,py} of another folder (default: sample-scripts/)
    scripts: { type: 'string' },
    // --compare/--memory: ksr-host runs bench/scripts/registrar.* (default) or the sample scripts
    script: { type: 'string', default: 'registrar' },
    compare: { type: 'string' },
    rates: { type: 'string' },
    users: { type: 'string', default: '1000' },
    // SCHED_FIFO for servers and sipp in --compare: on by default when root
    realtime: { type: 'boolean' },
    'no-realtime': { type: 'boolean', default: false },
    memory: { type: 'boolean', default: false },
    // --memory: how many runs (default 2; the table compares the first two and lists the rest)
    'memory-runs': { type: 'string' },
    // --compare: how many times every server climbs, in turn (ratios per round, and their median)
    rounds: { type: 'string' },
    workers: { type: 'string' },
    'source-limits': { type: 'boolean', default: false },
    'thread-priorities': { type: 'boolean', default: false },
    warmup: { type: 'string', default: '2000' },
    micro: { type: 'boolean', default: false },
    filter: { type: 'string' },
    'ksr-calls': { type: 'boolean', default: false },
  },
});

// --ksr-calls [--engines ...]: what a KSR call costs in each runtime, next to a plain function
// call (bench/crossing.ts, in a process of its own without tsx's keepNames helper)
if (values['ksr-calls']) {
  const { execFileSync } = await import('node:child_process');
  const crossing = fileURLToPath(new URL('./crossing.ts', import.meta.url));
  const plainNames = fileURLToPath(new URL('../bin/plain-names.mjs', import.meta.url));
  const engines = values.engines ?? 'v8,quickjs,fengari,pyodide';
  execFileSync(process.execPath, ['--no-node-snapshot', '--import', 'tsx', '--import', plainNames, crossing, engines], { stdio: 'inherit' });
  process.exit(0);
}

// --micro [--filter TEXT]: the micro-benchmarks of the hot pieces against their budgets (bench/micro/)
if (values.micro) process.exit(await (await import('./micro/run.js')).runMicro(values.filter));

const DEFAULTS: Record<string, { rate: number; calls: number }> = {
  options: { rate: 2000, calls: 20000 },
  'register-auth': { rate: 4000, calls: 20000 },
  'options-tcp': { rate: 4000, calls: 20000 },
  calls: { rate: 200, calls: 10000 },
};
const kind = values.scenario!;
if (!DEFAULTS[kind]) throw new Error(`unknown scenario '${kind}': expected ${Object.keys(DEFAULTS).join(', ')}`);
const rate = Number(values.rate ?? DEFAULTS[kind]!.rate);
const calls = Number(values.calls ?? DEFAULTS[kind]!.calls);
const transport = values.transport === 'tcp' ? 'tcp' : 'udp';
const BIN = fileURLToPath(new URL('../bin/ksr-host.mjs', import.meta.url));

// --compare and --memory take a list (each engine run once per count: --workers 1,2), a single run one count
const workerCounts = values.workers === undefined ? undefined : values.workers.split(',').map(Number);
if (workerCounts !== undefined && !workerCounts.every((n) => Number.isInteger(n) && n > 0)) throw new Error(`--workers: expected a positive integer (or, with --compare or --memory, several separated by commas), got '${values.workers}'`);

if (values.compare !== undefined || values.memory || kind === 'options-tcp') {
  if (values.compare !== undefined && values.compare !== 'kamailio') throw new Error(`--compare ${values.compare}: expected --compare kamailio`);
  if (kind !== 'register-auth' && kind !== 'options-tcp') throw new Error(`--compare and --memory run --scenario register-auth or options-tcp; got --scenario ${kind}`);
  const root = process.getuid?.() === 0;
  if (values.realtime && values['no-realtime']) throw new Error('--realtime and --no-realtime: choose one');
  if (values['thread-priorities'] && (values['no-realtime'] || !root)) throw new Error('--thread-priorities sets real-time priorities per thread: it needs root and the real-time policy (not --no-realtime)');
  const defaultRates = values.memory ? '2000' : kind === 'options-tcp' ? '4000,8000' : '1000,2000,4000,6000,8000';
  if (values.script !== 'registrar' && values.script !== 'sample') throw new Error(`--script ${values.script}: expected registrar or sample`);
  await compare({
    scenario: kind,
    script: values.script,
    rates: (values.rates ?? values.rate ?? defaultRates).split(',').map(Number),
    calls: Number(values.calls ?? (values.memory ? 100000 : 20000)),
    users: Number(values.users),
    engines: values.engines!.split(','),
    withKamailio: values.compare === 'kamailio',
    realtime: values.realtime ?? (root && !values['no-realtime']),
    sourceLimits: values['source-limits']!,
    threadPriorities: values['thread-priorities']!,
    warmup: Number(values.warmup),
    memory: values.memory!,
    ...(values['memory-runs'] !== undefined ? { memoryRuns: countOption('--memory-runs', values['memory-runs'], 2, 10) } : {}),
    ...(values.rounds !== undefined ? { rounds: countOption('--rounds', values.rounds, 1, 10) } : {}),
    ...(workerCounts !== undefined ? { workers: workerCounts } : {}),
  });
  process.exit(0);
}

if (workerCounts !== undefined && workerCounts.length > 1) throw new Error(`--workers ${values.workers}: several counts need --compare kamailio or --memory; a single run takes one`);
// the single run has neither rounds nor repeated runs: said, rather than ignored
if (values.rounds !== undefined) throw new Error('--rounds: only with --compare kamailio (every server climbs N times in turn)');
if (values['memory-runs'] !== undefined) throw new Error('--memory-runs: only with --memory');
const workers = workerCounts?.[0];

const SCRIPT: Record<string, { file: string; engine?: 'v8' | 'quickjs' }> = {
  v8: { file: 'routing.js', engine: 'v8' },
  quickjs: { file: 'routing.js', engine: 'quickjs' },
  fengari: { file: 'routing.lua' },
  pyodide: { file: 'routing.py' },
};

interface Row {
  engine: string;
  loadMs: number;
  runtimeMb: number;
  rssMb: number;
  route: { count: number; sum: number; min: number; max: number; avg: number };
  achieved: number;
  failed: string;
  sippExit: number | null;
  extra: string;
}

/**
 * A count option: an integer from `min` to `max`. --rounds 1 to 10 (each round runs every
 * server's whole climb again); --memory-runs 2 to 10 (the table compares the first two; each is a whole run).
 */
function countOption(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${flag}: expected an integer from ${min} to ${max}, got '${text}'`);
  return n;
}

function failedCalls(run: SippRun): string {
  const ok = /Successful call\s*\|\s*\d+\s*\|\s*(\d+)/.exec(run.stdout)?.[1] ?? '?';
  const failed = /Failed call\s*\|\s*\d+\s*\|\s*(\d+)/.exec(run.stdout)?.[1] ?? '?';
  return `${failed} (${ok} ok)`;
}

/** A config for the run: store, auth secret, short T1 so transactions end soon after a call run. */
function prepare(dir: string): { config: string; inf?: string } {
  // sipp is one source address: the per-source overload limits (200/s) would measure
  // themselves, not the route, so they are lifted as in --compare
  const lines = ['auth: { secret: "bench-secret-0123456789abcdef" }', 'tm: { t1_ms: 250 }', 'log: { level: info }', 'overload: { source_rate: 1000000, source_rate_any: 1000000 }'];
  if (kind !== 'register-auth') return write(dir, [...lines, 'store: "sqlite::memory:"']);
  const store = `sqlite:${join(dir, 'bench.db')}`;
  const users = makeUsers(calls);
  writeUserCsv(join(dir, 'users.csv'), users);
  execFileSync(process.execPath, [BIN, 'user', 'import', join(dir, 'users.csv'), '--store', store], { stdio: 'pipe' });
  const inf = join(dir, 'sipp-users.csv');
  writeSippUsers(inf, users);
  return { ...write(dir, [...lines, `store: "${store}"`]), inf };
}

function write(dir: string, lines: string[]): { config: string } {
  const config = join(dir, 'ksr-host.yaml');
  writeFileSync(config, lines.join('\n') + '\n');
  return { config };
}

async function load(server: ServerProcess, inf: string | undefined): Promise<{ run: SippRun; seconds: number; extra: string }> {
  const timeoutS = Math.ceil(calls / rate) * 3 + 60;
  if (kind !== 'calls') {
    const t0 = performance.now();
    const run = await runSipp({
      scenario: scenario(kind === 'options' ? 'options.xml' : 'register-auth.xml'),
      // sipp retransmits as UAs do (and as in the seed's Kamailio run): a datagram dropped under
      // overload is sent again instead of leaving its call hanging
      port: server.port, transport, calls, rate, timeoutS, retransmissions: true, extra: ['-l', '5000', ...(inf ? ['-inf', inf] : [])],
    });
    return { run, seconds: (performance.now() - t0) / 1000, extra: '' };
  }
  const before = (await server.rpc('kemi.stats')).result;
  const calleePort = await freePort();
  const callee = startSipp({ scenario: scenario('uas-answer.xml'), localPort: calleePort, transport, calls, timeoutS, retransmissions: true });
  await sleep(300);
  const t0 = performance.now();
  const run = await runSipp({
    scenario: scenario('uac-call.xml'), port: server.port, localPort: await freePort(), transport, calls, rate, timeoutS, retransmissions: true,
    keys: { callee: `127.0.0.1:${calleePort}${transport === 'tcp' ? ';transport=tcp' : ''}` }, extra: ['-s', 'bob', '-l', '5000'],
  });
  const seconds = (performance.now() - t0) / 1000;
  await callee.done;
  // Timer D/J/K end the last transactions 64×T1 after their final reply
  let after = (await server.rpc('kemi.stats')).result;
  for (let i = 0; i < 60 && after.tm.transactions > 0; i++) {
    await sleep(500);
    after = (await server.rpc('kemi.stats')).result;
  }
  const gc = (await server.rpc('core.gc')).result;
  const mb = (b: number) => (b / 1e6).toFixed(1);
  const extra = `tm table ${before.tm.transactions} → ${after.tm.transactions} (created ${after.tm.created}, freed ${after.tm.freed}); heap ${mb(before.process.heapUsedBytes)} → ${mb(after.process.heapUsedBytes)} MB, ${mb(gc.heapUsedAfter)} MB after a full GC; rss ${mb(before.process.rssBytes)} → ${mb(after.process.rssBytes)} MB`;
  return { run, seconds, extra };
}

/**
 * Waits until the server says its runtime is ready again after the reload (Python: its warm
 * spare built, ~2 s of CPU on another thread): measured before that, a run measures the
 * reload's aftermath (at 2000/s in pyodide, 1240/s achieved and 8255 failed), not the route.
 */
async function untilReady(server: ServerProcess): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 200) {
    if ((await server.rpc('kemi.stats')).result?.runtime?.ready) return;
    await sleep(200);
  }
  throw new Error('the server did not report its runtime ready within 60 s of the reload');
}

const rows: Row[] = [];
for (const name of values.engines!.split(',')) {
  const s = SCRIPT[name];
  if (!s) throw new Error(`unknown engine ${name}`);
  const script = values.scripts ? `${values.scripts}/${s.file}` : fileURLToPath(new URL(`../sample-scripts/${s.file}`, import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'ksr-bench-'));
  const { config, inf } = prepare(dir);
  const server = await startServerProcess({ script, engine: s.engine, startTimeoutMs: 60000, extraArgs: ['--config', config, ...(workers !== undefined ? ['--workers', String(workers)] : [])] });
  try {
    const reload = await server.rpc('kemi.reload');
    await untilReady(server);
    await server.rpc('kemi.stats_reset');
    const { run, seconds, extra } = await load(server, inf);
    const stats = (await server.rpc('kemi.stats')).result;
    if (run.code !== 0) process.stderr.write(`${name}: sipp exited ${run.code}\n${run.errors.slice(0, 1500)}\n`);
    rows.push({
      engine: name,
      loadMs: reload.result?.loadMs ?? NaN,
      runtimeMb: stats.runtime.memoryBytes / 1e6,
      rssMb: stats.process.rssBytes / 1e6,
      route: stats.routes.ksr_request_route ?? { count: 0, sum: 0, min: 0, max: 0, avg: 0 },
      achieved: calls / seconds,
      failed: failedCalls(run),
      sippExit: run.code,
      extra,
    });
    keepServerLog(server, name);
    process.stderr.write(`${name}: done\n`);
  } finally {
    await server.stop();
  }
}

console.log(`sipp ${kind} over ${transport}, ${calls} ${kind === 'calls' ? 'calls' : 'requests'} at ${rate}/s${workers !== undefined ? `, --workers ${workers}` : ''}`);
console.log('| engine | load (reload) | runtime memory | server RSS | route count | sum µs | avg µs | min µs | max µs | achieved | sipp failed (ok) | sipp exit |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.engine} | ${Math.round(r.loadMs)} ms | ${r.runtimeMb.toFixed(1)} MB | ${r.rssMb.toFixed(0)} MB | ${r.route.count} | ${r.route.sum} | ${r.route.avg} | ${r.route.min} | ${r.route.max} | ${r.achieved.toFixed(0)}/s | ${r.failed} | ${r.sippExit} |`,
  );
}
for (const r of rows) if (r.extra) console.log(`${r.engine}: ${r.extra}`);

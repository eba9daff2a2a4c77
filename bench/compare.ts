// `npm run bench -- --scenario register-auth --compare kamailio`: Debian's Kamailio (Lua and
// Python KEMI) and ksr-host in each runtime, one after the other, under the same sipp scenario,
// user file and rates. Each server climbs the rates in steps and stops at its first unclean step
// (clean: sipp exit 0, no failed registration, no retransmission, ≥ 95 % of the offered rate).
// CPU is utime+stime of the server's whole process tree from /proc, read just before and just
// after the sipp run; memory is the tree's PSS after it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../test/support/server-process.js';
import { scenario, startSipp, type SippRun } from '../test/support/sipp.js';
import { makeUsers, writeSippUsers, writeUserCsv } from '../test/support/users.js';
import { kamailioMissing, startKamailio, writeKamailioDb, type KamailioEngine, type KamailioProcess } from './kamailio/start.js';
import { cpuMicros, processTree, pssBytes } from './proc-usage.js';

export interface CompareOptions {
  rates: number[];
  calls: number;
  users: number;
  engines: string[];
  withKamailio: boolean;
  /** SCHED_FIFO 10 for the server and sipp (root only): less noise from other load. */
  realtime: boolean;
  /** Registrations sent at 1000/s before the first step, not measured (JIT and caches warm). */
  warmup: number;
  /** Keep ksr-host's default per-source overload limits (off by default: see ksrHostTarget). */
  sourceLimits: boolean;
}

interface Step {
  engine: string;
  offered: number;
  achieved: number;
  ok: number;
  failed: number;
  retrans: number;
  sippExit: number | null;
  cpuUsPerReg: number;
  routeAvg: string;
  pssMb: number;
  clean: boolean;
}

/** What the loop needs of a server, Kamailio or ksr-host. */
interface Target {
  name: string;
  pid: number;
  port: number;
  routeAvg(): Promise<string>;
  /** Anything the server itself reports that explains an unclean step (ksr-host: shedding). */
  notes(): Promise<string>;
  resetStats(): Promise<void>;
  stop(): Promise<void>;
}

const BIN = fileURLToPath(new URL('../bin/ksr-host.mjs', import.meta.url));
const KSR_SCRIPTS: Record<string, { file: string; engine?: 'v8' | 'quickjs' }> = {
  v8: { file: 'routing.js', engine: 'v8' },
  quickjs: { file: 'routing.js', engine: 'quickjs' },
  fengari: { file: 'routing.lua' },
  pyodide: { file: 'routing.py' },
};

export async function compare(opts: CompareOptions): Promise<void> {
  const badRate = opts.rates.find((r) => !Number.isFinite(r) || r <= 0);
  if (badRate !== undefined || !opts.rates.length) throw new Error(`--rates: expected positive numbers separated by commas, got ${opts.rates.join(',')}`);
  if (opts.realtime && process.getuid?.() !== 0) throw new Error('--realtime: chrt -f needs root; run without it');
  const dir = mkdtempSync(join(tmpdir(), 'ksr-compare-'));
  const users = makeUsers(opts.users);
  const sippUsers = join(dir, 'sipp-users.csv');
  writeSippUsers(sippUsers, users);
  writeUserCsv(join(dir, 'users.csv'), users);
  const kamailioDb = join(dir, 'kamailio.db');
  writeKamailioDb(kamailioDb, users);

  const starters: Array<{ name: string; start: () => Promise<Target> }> = [];
  // Kamailio absent (or a module of it): said on stderr at once and above the table
  const skipped: string[] = [];
  if (opts.withKamailio) {
    for (const engine of ['lua', 'python'] as KamailioEngine[]) {
      const missing = kamailioMissing(engine);
      if (missing) {
        skipped.push(`kamailio ${engine}: skipped: ${missing}`);
        process.stderr.write(`${skipped.at(-1)}\n`);
      } else starters.push({ name: `kamailio ${engine}`, start: () => kamailioTarget(engine, kamailioDb) });
    }
  }
  for (const engine of opts.engines) {
    if (!KSR_SCRIPTS[engine]) throw new Error(`unknown engine '${engine}': expected ${Object.keys(KSR_SCRIPTS).join(', ')}`);
    starters.push({ name: `ksr-host ${engine}`, start: () => ksrHostTarget(engine, dir, opts.sourceLimits) });
  }

  const steps: Step[] = [];
  for (const { name, start } of starters) {
    const target = await start();
    try {
      if (opts.realtime) realtime(target.pid);
      if (opts.warmup > 0) await warmUp(target, opts, sippUsers);
      for (const rate of opts.rates) {
        const step = await measure(target, rate, opts, sippUsers);
        steps.push(step);
        process.stderr.write(`${name} at ${rate}/s: ${step.clean ? 'clean' : 'not clean'} (${step.failed} failed, ${step.retrans} retransmissions, ${step.achieved.toFixed(0)}/s)\n`);
        if (!step.clean) {
          const notes = await target.notes();
          if (notes) process.stderr.write(`${name} at ${rate}/s: ${notes}\n`);
          break;
        }
        await sleep(1000);
      }
    } finally {
      await target.stop();
    }
  }
  print(steps, opts, skipped);
}

async function kamailioTarget(engine: KamailioEngine, db: string): Promise<Target> {
  const k: KamailioProcess = await startKamailio(engine, db);
  return { name: `kamailio ${engine}`, pid: k.pid, port: k.port, routeAvg: async () => '-', notes: async () => '', resetStats: async () => {}, stop: () => k.stop() };
}

async function ksrHostTarget(engine: string, dir: string, sourceLimits: boolean): Promise<Target> {
  const s = KSR_SCRIPTS[engine]!;
  const store = `sqlite:${join(dir, `ksr-host-${engine}.db`)}`;
  execFileSync(process.execPath, [BIN, 'user', 'import', join(dir, 'users.csv'), '--store', store], { stdio: 'pipe' });
  const config = join(dir, `ksr-host-${engine}.yaml`);
  // bench/run.ts's register-auth settings, with usrloc in memory as Kamailio's (db_mode 0).
  // All the load comes from one source (sipp): ksr-host's per-source shedding would cut it to
  // overload.source_rate (200/s) once an overload episode starts, and Kamailio's config has no
  // per-source limit (no pike) either, so it is lifted unless --source-limits asks for it.
  const lines = ['auth: { secret: "bench-secret-0123456789abcdef" }', 'tm: { t1_ms: 250 }', 'log: { level: info }', 'usrloc: { db_mode: memory }', `store: "${store}"`];
  if (!sourceLimits) lines.push('overload: { source_rate: 1000000, source_rate_any: 1000000 }');
  writeFileSync(config, lines.join('\n') + '\n');
  const script = fileURLToPath(new URL(`../sample-scripts/${s.file}`, import.meta.url));
  const server: ServerProcess = await startServerProcess({ script, engine: s.engine, startTimeoutMs: 60000, extraArgs: ['--config', config] });
  return {
    name: `ksr-host ${engine}`,
    pid: server.child.pid!,
    port: server.port,
    async routeAvg() {
      const route = (await server.rpc('kemi.stats')).result?.routes?.ksr_request_route;
      return route ? `${Math.round(route.avg)}` : '?';
    },
    async notes() {
      const stats = (await server.rpc('kemi.stats')).result ?? {};
      return `overload ${JSON.stringify(stats.overload ?? {})}; transport ${JSON.stringify(stats.transport ?? {})}`;
    },
    async resetStats() {
      await server.rpc('kemi.stats_reset');
    },
    stop: () => server.stop(),
  };
}

async function measure(target: Target, rate: number, opts: CompareOptions, inf: string): Promise<Step> {
  await target.resetStats();
  const timeoutS = Math.ceil(opts.calls / rate) * 3 + 30;
  const cpu0 = cpuMicros(target.pid);
  const t0 = performance.now();
  const sipp = startSipp({
    scenario: scenario('register-auth.xml'), port: target.port, transport: 'udp', calls: opts.calls, rate, timeoutS,
    retransmissions: true, extra: ['-l', '5000', '-inf', inf],
  });
  if (opts.realtime) realtime(sipp.child.pid!);
  const run = await sipp.done;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuMicros(target.pid) - cpu0;
  const { ok, failed } = outcome(run);
  const retrans = retransmissions(run);
  const achieved = cumulativeRate(run) ?? opts.calls / seconds;
  return {
    engine: target.name, offered: rate, achieved, ok, failed, retrans, sippExit: run.code,
    cpuUsPerReg: cpu / Math.max(1, ok), routeAvg: await target.routeAvg(), pssMb: pssBytes(target.pid) / 1e6,
    clean: run.code === 0 && failed === 0 && retrans === 0 && ok === opts.calls && achieved >= 0.95 * rate,
  };
}

/** The same scenario, unmeasured and bounded, so the first step does not pay for JIT warm-up. */
async function warmUp(target: Target, opts: CompareOptions, inf: string): Promise<void> {
  const rate = 1000;
  const run = await startSipp({
    scenario: scenario('register-auth.xml'), port: target.port, transport: 'udp', calls: opts.warmup, rate,
    timeoutS: Math.ceil(opts.warmup / rate) * 3 + 30, retransmissions: true, extra: ['-l', '5000', '-inf', inf],
  }).done;
  if (run.code !== 0) process.stderr.write(`${target.name}: warm-up: sipp exited ${run.code} (${outcome(run).failed} failed)\n`);
  await sleep(1000);
}

/** chrt -f 10 on every thread of the process tree. */
function realtime(pid: number): void {
  for (const p of processTree(pid)) execFileSync('chrt', ['-f', '-a', '-p', '10', String(p)], { stdio: 'pipe' });
}

function outcome(run: SippRun): { ok: number; failed: number } {
  const ok = Number(/Successful call\s*\|\s*\d+\s*\|\s*(\d+)/.exec(last(run.stdout, 'Successful call'))?.[1] ?? NaN);
  const failed = Number(/Failed call\s*\|\s*\d+\s*\|\s*(\d+)/.exec(last(run.stdout, 'Failed call'))?.[1] ?? NaN);
  return { ok, failed };
}

/** The sum of the Retrans column of sipp's last scenario screen. */
function retransmissions(run: SippRun): number {
  const screen = run.stdout.slice(run.stdout.lastIndexOf('Messages  Retrans'));
  let sum = 0;
  for (const m of screen.matchAll(/(?:-+>|<-+)\s+(\d+)\s+(\d+)/g)) sum += Number(m[2]);
  return sum;
}

/** sipp's cumulative call rate from its last statistics screen. */
function cumulativeRate(run: SippRun): number | undefined {
  const m = /Call Rate\s*\|[^|]*\|\s*([\d.]+) cps/.exec(last(run.stdout, 'Call Rate'));
  return m ? Number(m[1]) : undefined;
}

function last(text: string, marker: string): string {
  const at = text.lastIndexOf(marker);
  return at < 0 ? '' : text.slice(at, at + 200);
}

function print(steps: Step[], opts: CompareOptions, skipped: string[]): void {
  for (const line of skipped) console.log(line);
  console.log(`sipp register-auth over UDP, ${opts.calls} registrations per step after ${opts.warmup} unmeasured at 1000/s, ${opts.users} users, rates ${opts.rates.join(', ')}/s${opts.realtime ? ', server and sipp under chrt -f 10' : ''}${opts.sourceLimits ? ", ksr-host's per-source limits on" : ''}`);
  console.log('| engine | offered/s | achieved/s | failed | retransmissions | CPU µs per registration | route avg µs (per request) | PSS MB | clean |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const s of steps) {
    console.log(`| ${s.engine} | ${s.offered} | ${s.achieved.toFixed(0)} | ${s.failed} | ${s.retrans} | ${s.cpuUsPerReg.toFixed(0)} | ${s.routeAvg} | ${s.pssMb.toFixed(0)} | ${s.clean ? 'yes' : `no${s.sippExit !== 0 ? ` (sipp exit ${s.sippExit})` : ''}`} |`);
  }
  console.log('');
  console.log('| engine | highest clean rate |');
  console.log('|---|---|');
  for (const engine of [...new Set(steps.map((s) => s.engine))]) {
    const clean = steps.filter((s) => s.engine === engine && s.clean).map((s) => s.offered);
    console.log(`| ${engine} | ${clean.length ? `${Math.max(...clean)}/s` : `none of ${opts.rates.join(', ')}`} |`);
  }
}

// A CPU profile of the server under the seed's benchmark (sipp register-auth over UDP, SQLite
// subscribers, usrloc in memory), summarised by self time per function and per file:
//   node --no-node-snapshot --import tsx bench/micro/profile-register.ts [--rate N] [--calls N] [--engine v8] [--top N] [--workers N]
// Also prints the server's CPU µs per registration (utime+stime of the process from /proc,
// read around the sipp run) and kemi.stats' route average and gc figures.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { request } from 'undici';
import { runSipp, scenario } from '../../test/support/sipp.js';
import { freePort } from '../../test/support/ports.js';
import { makeUsers, writeSippUsers, writeUserCsv } from '../../test/support/users.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '2000' },
    calls: { type: 'string', default: '20000' },
    users: { type: 'string', default: '1000' },
    engine: { type: 'string', default: 'v8' },
    top: { type: 'string', default: '40' },
    'no-prof': { type: 'boolean', default: false },
    // the server's worker threads (absent: its own default, one per core); the profile is the main thread's
    workers: { type: 'string' },
    // run the server as tsx alone compiles it (with keepNames), to compare with bin/plain-names.mjs
    'keep-names': { type: 'boolean', default: false },
  },
});
const rate = Number(values.rate);
const calls = Number(values.calls);
const root = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(root, 'bin/ksr-host.mjs');
const CLI = join(root, 'bin/cli.ts');
const tsx = createRequire(import.meta.url).resolve('tsx');

const dir = mkdtempSync(join(tmpdir(), 'ksr-prof-'));
const store = `sqlite:${join(dir, 'bench.db')}`;
const users = makeUsers(Number(values.users));
writeUserCsv(join(dir, 'users.csv'), users);
execFileSync(process.execPath, [BIN, 'user', 'import', join(dir, 'users.csv'), '--store', store], { stdio: 'pipe' });
writeSippUsers(join(dir, 'sipp-users.csv'), users);
const port = await freePort();
const controlPort = await freePort();
const config = join(dir, 'ksr-host.yaml');
writeFileSync(config, [
  'auth: { secret: "bench-secret-0123456789abcdef" }', 'log: { level: info }', `store: "${store}"`,
  'usrloc: { db_mode: memory }', 'overload: { source_rate: 1000000, source_rate_any: 1000000 }',
].join('\n') + '\n');
const engineFile = values.engine === 'fengari' ? 'routing.lua' : values.engine === 'pyodide' ? 'routing.py' : 'routing.js';
const profDir = join(dir, 'prof');
const child = spawn(process.execPath, [
  ...(values['no-prof'] ? [] : ['--cpu-prof', `--cpu-prof-dir=${profDir}`]), '--no-node-snapshot', '--import', tsx,
  ...(values['keep-names'] ? [] : ['--import', join(root, 'bin/plain-names.mjs')]), CLI, 'run',
  '--config', config, '--script', join(root, 'sample-scripts', engineFile), ...(values.engine === 'quickjs' ? ['--engine', 'quickjs'] : []),
  ...(values.workers ? ['--workers', values.workers] : []),
  '--state-dir', join(dir, 'state'), '--listen', `udp:127.0.0.1:${port}`, '--control', `127.0.0.1:${controlPort}`,
], { stdio: ['ignore', 'pipe', 'pipe'] });
// the server never outlives this script, whatever fails below
process.on('exit', () => child.exitCode === null && child.kill('SIGKILL'));
let out = '';
child.stdout!.on('data', (d) => (out += d));
child.stderr!.on('data', (d) => (out += d));
for (let i = 0; i < 600 && !out.includes('ksr-host serving'); i++) await new Promise((r) => setTimeout(r, 100));
if (!out.includes('ksr-host serving')) throw new Error(`server did not start:\n${out}`);

async function rpc(method: string): Promise<any> {
  const token = readFileSync(join(dir, 'state', 'control-token'), 'utf8').trim();
  const res = await request(`http://127.0.0.1:${controlPort}/RPC`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ jsonrpc: '2.0', method, id: 1 }),
  });
  return ((await res.body.json()) as any).result;
}
/** utime and stime of the server, in clock ticks (100/s). */
const cpuTicks = (): [number, number] => {
  const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return [Number(f[11]), Number(f[12])];
};
const sippArgs = { scenario: scenario('register-auth.xml'), port, transport: 'udp' as const, retransmissions: true, extra: ['-l', '5000', '-inf', join(dir, 'sipp-users.csv')] };
await runSipp({ ...sippArgs, calls: 2000, rate: 1000, timeoutS: 30 }); // warm-up, unmeasured
await rpc('kemi.stats_reset');
const t0 = cpuTicks();
const w0 = performance.now();
const mono0 = Number(process.hrtime.bigint() / 1000n); // µs, CLOCK_MONOTONIC as V8's profile timestamps
const run = await runSipp({ ...sippArgs, calls, rate, timeoutS: Math.ceil(calls / rate) * 3 + 30 });
const wall = (performance.now() - w0) / 1000;
const mono1 = Number(process.hrtime.bigint() / 1000n);
const t1 = cpuTicks();
const [user, system] = [t1[0] - t0[0], t1[1] - t0[1]];
const ticks = user + system;
const stats = await rpc('kemi.stats');
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
const ok = /Successful call\s*\|\s*\d+\s*\|\s*(\d+)/.exec(run.stdout)?.[1] ?? '?';
const failed = /Failed call\s*\|\s*\d+\s*\|\s*(\d+)/.exec(run.stdout)?.[1] ?? '?';
const retrans = /Retransmissions\s*\|[^\n]*/.exec(run.stdout)?.[0] ?? '';
console.log(`${values.engine} register-auth ${calls} at ${rate}/s: ${(calls / wall).toFixed(0)}/s achieved, ok ${ok}, failed ${failed}; ` +
  `CPU ${((ticks * 10000) / calls).toFixed(0)} µs per registration (user ${((user * 10000) / calls).toFixed(0)}, system ${((system * 10000) / calls).toFixed(0)}); route avg ${stats.routes?.ksr_request_route?.avg} µs` +
  (stats.gc ? `; gc ${JSON.stringify(stats.gc)}` : ''));
if (retrans) console.log(retrans.replace(/\s+/g, ' '));
if (values['no-prof']) process.exit(0);

// the profiles: self time per function and per file, as shares of the busy (non-idle) time.
// With workers, Node writes one profile per thread: each is summarised (the main thread's is
// the socket thread's; the workers' hold the routes).
const profiles = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile')).sort();
for (const file of profiles) summarise(file, profiles.length > 1);

function summarise(file: string, named: boolean): void {
  const prof = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[]; startTime: number;
  };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const fn = new Map<string, number>();
  const byFile = new Map<string, number>();
  let busy = 0;
  let at = prof.startTime;
  for (let i = 0; i < prof.samples.length; i++) {
    const n = byId.get(prof.samples[i]!)!;
    const dt = prof.timeDeltas[i] ?? 0;
    at += dt;
    if (at < mono0 || at > mono1) continue; // the measured sipp run only
    const name = n.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') continue;
    busy += dt;
    const url = n.callFrame.url.replace(/^file:\/\//, '').replace(root, '');
    const key = `${name || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + dt);
    const fileKey = url || name;
    byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + dt);
  }
  const pct = (v: number) => ((100 * v) / busy).toFixed(1).padStart(5) + ' %';
  if (named) console.log(`== ${file} ==`);
  console.log(`busy ${(busy / 1e6).toFixed(2)} s of ${((mono1 - mono0) / 1e6).toFixed(2)} s during the measured run = ${(busy / calls).toFixed(0)} µs per registration on ${named ? 'this thread' : 'the main thread'}`);
  console.log('-- by function (self) --');
  for (const [k, v] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(pct(v), k);
  console.log('-- by file (self) --');
  for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(pct(v), k);
}

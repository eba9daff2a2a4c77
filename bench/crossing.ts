// Where a route's time goes in each runtime, in one process, without the network:
// - the seed's registrar route (sample-scripts/routing.*, a REGISTER challenged with 401, then
//   the same REGISTER with credentials saved: the register-auth scenario's two messages),
//   timed as the engine times it for kemi.stats (process CPU around the runtime's invoke);
// - entering a callback that makes no KSR call (the cost of invoking a route);
// - a KSR call crossing: a callback making CALLS calls of KSR.isdsturiset() (no argument, a bool
//   back) or of KSR.hdr.get("Call-ID") (a str each way), less the empty callback, per call;
// - a method test answered in the guest from the message's facts (KSR.is_ACK(): no crossing,
//   runtimes/guest-facts.ts), per call, the same way;
// - two message-content calls (KSR.textops.search("call-id"), KSR.pv.get("$fU")) and a plain
//   function call of the script's own language, per call the same way; and a plain JavaScript
//   function call on the host, for scale (issue 10). `npm run bench -- --ksr-calls` runs this.
// Each figure is the average of the least disturbed of ROUNDS rounds (p50/p99 over all).
// Run it before and after a change in the same minute: absolute figures on a shared machine
// are noise, the comparison is not.
//   node --no-node-snapshot --import tsx bench/crossing.ts [ENGINES] [N] [--host-share]
//   ENGINES: comma-separated, default v8,quickjs,fengari,pyodide; N: routes per figure (2000)
//   --host-share: also the µs per registrar route spent in the KSR implementations themselves
//   (Dispatcher.call, timed with hrtime: adds ~0.1 µs per call to the route figures), and
//   the functions that take most of it (µs per route, and per call), in the least disturbed
//   round (the one the route average comes from)
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRegistry } from '../bindings/modules/index.js';
import { Dispatcher } from '../bindings/registry.js';
import type { MsgContext } from '../host/core/context.js';
import { createRuntime } from '../runtimes/index.js';
import type { EngineName, ScriptRuntime } from '../runtimes/runtime.js';
import { makeContext } from '../test/support/sip-fixtures.js';
import { register } from '../test/auth/requests.js';
import { registrarExchange, USERS } from './registrar-exchange.js';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const engines = (positional[0] ?? 'v8,quickjs,fengari,pyodide').split(',') as EngineName[];
const N = Number(positional[1] ?? 2000);
const hostShare = process.argv.includes('--host-share');
/** µs spent in Dispatcher.call of the registrar runtime, and the routes it covers. */
const inHost = { us: 0, routes: 0 };
/** The same, per KSR function (by registry index): µs and calls. */
const inHostByIndex = new Map<number, { us: number; calls: number }>();
const CALLS = 50;
/** Plain calls per probe: thousands, so that a call of a few ns stands out of the callback's own cost. */
const PLAIN_CALLS = 5000;
const ROUNDS = 5;
const SAMPLE: Record<EngineName, string> = { v8: 'routing.js', quickjs: 'routing.js', fengari: 'routing.lua', pyodide: 'routing.py' };

const PROBES: Record<'js' | 'lua' | 'py', string> = {
  js: `function ksr_empty() {}
function nop(i) { return i; }
function ksr_plain() { for (let i = 0; i < ${PLAIN_CALLS}; i++) nop(i); }
function ksr_text() { for (let i = 0; i < ${CALLS}; i++) KSR.textops.search("call-id"); }
function ksr_pv() { for (let i = 0; i < ${CALLS}; i++) KSR.pv.get("$fU"); }
function ksr_calls0() { for (let i = 0; i < ${CALLS}; i++) KSR.isdsturiset(); }
function ksr_facts() { for (let i = 0; i < ${CALLS}; i++) KSR.is_ACK(); }
function ksr_calls1() { for (let i = 0; i < ${CALLS}; i++) KSR.hdr.get("Call-ID"); }
`,
  lua: `function ksr_empty() end
local function nop(i) return i end
function ksr_plain() for i = 1, ${PLAIN_CALLS} do nop(i) end end
function ksr_text() for i = 1, ${CALLS} do KSR.textops.search("call-id") end end
function ksr_pv() for i = 1, ${CALLS} do KSR.pv.get("$fU") end end
function ksr_calls0() for i = 1, ${CALLS} do KSR.isdsturiset() end end
function ksr_facts() for i = 1, ${CALLS} do KSR.is_ACK() end end
function ksr_calls1() for i = 1, ${CALLS} do KSR.hdr.get("Call-ID") end end
`,
  py: `def ksr_empty():
    pass

def nop(i):
    return i

def ksr_plain():
    for i in range(${PLAIN_CALLS}):
        nop(i)

def ksr_text():
    f = KSR.textops.search
    for i in range(${CALLS}):
        f("call-id")

def ksr_pv():
    f = KSR.pv.get
    for i in range(${CALLS}):
        f("$fU")

def ksr_calls0():
    f = KSR.isdsturiset
    for i in range(${CALLS}):
        f()

def ksr_facts():
    f = KSR.is_ACK
    for i in range(${CALLS}):
        f()

def ksr_calls1():
    for i in range(${CALLS}):
        KSR.hdr.get("Call-ID")
`,
};
const EXT: Record<EngineName, 'js' | 'lua' | 'py'> = { v8: 'js', quickjs: 'js', fengari: 'lua', pyodide: 'py' };

const registry = createRegistry();
const exchange = await registrarExchange();
const core = exchange.core;

async function runtime(engine: EngineName, file: string, timeHost = false): Promise<ScriptRuntime> {
  const dispatcher = new Dispatcher(registry);
  if (timeHost) {
    const call = dispatcher.call.bind(dispatcher);
    dispatcher.call = (index, args) => {
      const t0 = process.hrtime.bigint();
      const r = call(index, args);
      const us = Number(process.hrtime.bigint() - t0) / 1000;
      inHost.us += us;
      const f = inHostByIndex.get(index) ?? { us: 0, calls: 0 };
      f.us += us;
      f.calls++;
      inHostByIndex.set(index, f);
      return r;
    };
  }
  const rt = await createRuntime(engine, { dispatcher, limits: { cpuMs: 1000, memoryMb: 384 } });
  await rt.load(readFileSync(file, 'utf8'), file);
  return rt;
}

/** CPU µs of one invoke, as the engine measures a route for kemi.stats. */
function timed(rt: ScriptRuntime, callback: string, ctx: MsgContext): number {
  // a new message each time: the budget is per message (and per turn of the event loop)
  ctx.cpuBudget = null;
  ctx.stopped = false;
  const c0 = process.cpuUsage();
  const r = rt.invoke(callback, ctx);
  const c = process.cpuUsage(c0);
  if (r.outcome !== 'ok' && r.outcome !== 'stopped') throw new Error(`${callback}: ${r.outcome} ${r.error?.message ?? ''}`);
  return c.user + c.system;
}

function summary(samples: number[]): string {
  samples.sort((a, b) => a - b);
  const q = (f: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * f))]!.toFixed(0);
  return `p50 ${q(0.5)}, p99 ${q(0.99)}`;
}

const mean = (s: number[]) => s.reduce((a, b) => a + b, 0) / s.length;

/** The register-auth scenario's two messages for user u, each route's CPU µs. */
function registrarRound(rt: ScriptRuntime, u: number): [number, number] {
  return exchange.run(u, (ctx) => timed(rt, 'ksr_request_route', ctx));
}

/** The KSR functions that took most of the registrar routes' host time, then starts over. */
function printHostFunctions(best: HostShare): void {
  const rows = [...best.byIndex].sort((a, b) => b[1].us - a[1].us).slice(0, 16);
  for (const [index, f] of rows) {
    const e = registry.entries[index]!;
    const name = e.module ? `${e.module}.${e.name}` : e.name;
    console.log(`    ${name.padEnd(32)} ${(f.us / best.routes).toFixed(1).padStart(6)} µs per route, ${(f.us / f.calls).toFixed(2).padStart(6)} µs per call`);
  }
}

interface HostShare {
  us: number;
  routes: number;
  byIndex: Map<number, { us: number; calls: number }>;
}

/** The host time of the round just run (and starts the next one from zero). */
function takeHostShare(): HostShare {
  const share = { us: inHost.us, routes: inHost.routes, byIndex: new Map(inHostByIndex) };
  inHostByIndex.clear();
  inHost.us = 0;
  inHost.routes = 0;
  return share;
}

/** A plain JavaScript function call on the host (not inlined), µs: what a KSR call is compared with. */
function hostPlainCall(): number {
  const f = new Function('i', 'return i + 1') as (i: number) => number;
  let sum = 0;
  const n = 5_000_000;
  for (let i = 0; i < n; i++) sum += f(i);
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) sum += f(i);
  const c = process.cpuUsage(c0);
  if (sum === 0) console.log('');
  return (c.user + c.system) / n;
}

const dir = mkdtempSync(join(tmpdir(), 'ksr-crossing-'));
console.log(`in-process, ${N} routes per figure, ${CALLS} KSR calls per probe callback (CPU µs, as kemi.stats)`);
console.log(`a plain JavaScript function call on the host: ${hostPlainCall().toFixed(4)} µs`);
for (const engine of engines) {
  const sample = process.env.CROSSING_SCRIPTS ? join(process.env.CROSSING_SCRIPTS, SAMPLE[engine]) : fileURLToPath(new URL(`../sample-scripts/${SAMPLE[engine]}`, import.meta.url));
  const probeFile = join(dir, `probe.${EXT[engine]}`);
  writeFileSync(probeFile, PROBES[EXT[engine]]);
  const reg = await runtime(engine, sample, hostShare);
  const probe = await runtime(engine, probeFile);
  const ctx = makeContext(register(null, 'u0'), { core });
  // warm-up: JIT, caches, first stores
  for (let i = 0; i < 300; i++) {
    registrarRound(reg, i % USERS);
    timed(probe, 'ksr_empty', ctx);
    timed(probe, 'ksr_calls0', ctx);
    timed(probe, 'ksr_facts', ctx);
    timed(probe, 'ksr_calls1', ctx);
    timed(probe, 'ksr_plain', ctx);
    timed(probe, 'ksr_text', ctx);
    timed(probe, 'ksr_pv', ctx);
  }
  // ROUNDS rounds; each figure is the average of its least disturbed round (the machine is
  // shared: a round another process cut into is not the runtime's cost), p50 over all
  takeHostShare();
  // the host share of the least disturbed round too (the one whose routes took least)
  let bestShare: HostShare | null = null;
  const challenged: number[] = [];
  const saved: number[] = [];
  const best = { route: Infinity, empty: Infinity, per0: Infinity, per1: Infinity, facts: Infinity, plain: Infinity, text: Infinity, pv: Infinity };
  const per = Math.ceil(N / ROUNDS);
  for (let r = 0; r < ROUNDS; r++) {
    const c: number[] = [];
    const s: number[] = [];
    const e: number[] = [];
    const k0: number[] = [];
    const kf: number[] = [];
    const k1: number[] = [];
    const kp: number[] = [];
    const kt: number[] = [];
    const kv: number[] = [];
    for (let i = 0; i < per; i++) {
      const [a, b] = registrarRound(reg, (r * per + i) % USERS);
      c.push(a);
      s.push(b);
      e.push(timed(probe, 'ksr_empty', ctx));
      k0.push(timed(probe, 'ksr_calls0', ctx));
      kf.push(timed(probe, 'ksr_facts', ctx));
      k1.push(timed(probe, 'ksr_calls1', ctx));
      kp.push(timed(probe, 'ksr_plain', ctx));
      kt.push(timed(probe, 'ksr_text', ctx));
      kv.push(timed(probe, 'ksr_pv', ctx));
    }
    inHost.routes += 2 * per;
    challenged.push(...c);
    saved.push(...s);
    const share = takeHostShare();
    if ((mean(c) + mean(s)) / 2 < best.route) bestShare = share;
    best.route = Math.min(best.route, (mean(c) + mean(s)) / 2);
    best.empty = Math.min(best.empty, mean(e));
    best.per0 = Math.min(best.per0, (mean(k0) - mean(e)) / CALLS);
    best.facts = Math.min(best.facts, (mean(kf) - mean(e)) / CALLS);
    best.per1 = Math.min(best.per1, (mean(k1) - mean(e)) / CALLS);
    best.plain = Math.min(best.plain, (mean(kp) - mean(e)) / PLAIN_CALLS);
    best.text = Math.min(best.text, (mean(kt) - mean(e)) / CALLS);
    best.pv = Math.min(best.pv, (mean(kv) - mean(e)) / CALLS);
  }
  console.log(
    `${engine.padEnd(8)} registrar route avg ${best.route.toFixed(1)} µs (401: ${summary(challenged)}; 200: ${summary(saved)}) | ` +
      `empty callback ${best.empty.toFixed(1)} µs | KSR call: ${best.per0.toFixed(2)} µs (isdsturiset), ${best.per1.toFixed(2)} µs (hdr.get) | ` +
      `answered in the guest: ${best.facts.toFixed(2)} µs (is_ACK) | textops.search ${best.text.toFixed(2)} µs, pv.get("$fU") ${best.pv.toFixed(2)} µs | ` +
      `a plain function call of the script's language: ${Math.max(0, best.plain).toFixed(3)} µs` +
      (hostShare && bestShare ? ` | in KSR implementations: ${(bestShare.us / bestShare.routes).toFixed(1)} µs per route (that round)` : ''),
  );
  if (hostShare && bestShare) printHostFunctions(bestShare);
  reg.dispose();
  probe.dispose();
}
process.exit(0);

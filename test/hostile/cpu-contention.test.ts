// Issue 7, item 10: limits count CPU time, not wall-clock time. A real server and a busy-loop
// process share one core (taskset -c 0, the hog bounded in time). A route that needs about half
// the CPU limit is not timed out although the machine gives it only part of the core, while a
// spinning route still is, within the stretched bound (1.3 × the limit, MAX_STRETCH) plus slack.
// The calibration reads kemi.stats' route times (wall clock) before the hog starts, on the
// pinned core alone, so the load it is judged under does not enter it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { request, statusOf, udpExchange } from '../support/sip-client.js';
import { MAX_STRETCH } from '../../runtimes/cpu-time.js';
import { runShare, threadTimes } from '../support/thread-time.js';

const CPU_MS = 100;
/**
 * CPU the healthy route is calibrated to (the issue's 30-50 ms, a little past its upper end):
 * with half the core (the hog has the other half) it needs more than the CPU limit in
 * wall-clock time, so a wall-clock limit would cut it; the stretched one (up to 1.3×) does not.
 * 55 puts it near the middle of that window at the ~0.52 share measured here (52 put v8's
 * routes at 96-102 ms: about half of them proved nothing).
 * With a share under ~0.4 (a machine loaded beyond the hog) it is still cut: the cap keeps the
 * 2× bound on unanswered time for everyone else.
 */
const TARGET_CPU_MS = 55;
/**
 * How far from TARGET_CPU_MS a calibrated route may be: 10 %, so that at half the core it needs
 * 99-121 ms, inside the window (a 62 ms route, accepted at 15 %, was cut at the cap in .ci/run).
 */
const CALIBRATION_TOLERANCE = 0.1;
/** The calibrated route must take less than this (µs) before the hog starts. */
const CALIBRATED_MAX_US = TARGET_CPU_MS * 1000 * (1 + CALIBRATION_TOLERANCE);
const HOG_MS = 60_000;
/** Judged batches of healthy routes: the test passes on the first that keeps the limit's contract (judgeBatch). */
const BATCHES = 3;
/** The wall-clock cap of a route (ms): past it a route is stopped whatever CPU it used. */
const CAP_MS = Math.round(CPU_MS * MAX_STRETCH);
/** Routes of a batch of 8 that must answer 200 after more than the CPU limit of wall-clock time in the server. */
const SURVIVORS = 2;

const SCRIPTS = {
  js: `function ksr_request_route() {
  var loops = KSR.hdr.get('X-Loops');
  if (loops === null) { KSR.sl.sl_send_reply(200, 'OK'); return; }
  var n = Number(loops), x = 0;
  for (var i = 0; i < n; i++) x = (x + i * 7) % 1000003;
  KSR.sl.sl_send_reply(200, 'Worked ' + x);
}
`,
  lua: `function ksr_request_route()
  local loops = KSR.hdr.get("X-Loops")
  if loops == nil then KSR.sl.sl_send_reply(200, "OK") return end
  local x = 0
  for i = 1, tonumber(loops) do x = (x + i * 7) % 1000003 end
  KSR.sl.sl_send_reply(200, "Worked " .. x)
end
`,
};

const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0 && existsSync('/proc/self/task');

/** pid and its descendants (Linux /proc). */
function processTree(pid: number): number[] {
  const out = [pid];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    for (const c of children ? children.split(/\s+/) : []) out.push(...processTree(Number(c)));
  }
  return out;
}

/**
 * One request from `source` (an address of 127/8). A source whose requests hit the CPU limit 5
 * times in 10 s is throttled (503, host/core/limit-throttle.ts): each batch under contention
 * comes from its own, so a batch the machine slowed past the cap does not spoil the next.
 */
async function send(server: ServerProcess, loops: number, source = '127.0.0.1'): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  const [r] = await udpExchange(server.port, request('OPTIONS', server.port, { headers: [`X-Loops: ${loops}`] }), { waitMs: 5000, localIp: source });
  return { status: r ? statusOf(r) : 0, ms: performance.now() - t0 };
}

/** One request route: its status, the client's wall time, and the route's own wall time in the server (kemi.stats, after a reset; 0 unless it got 200). */
async function judgedRoute(server: ServerProcess, loops: number, source?: string): Promise<{ status: number; ms: number; routeUs: number }> {
  await server.rpc('kemi.stats_reset');
  const r = await send(server, loops, source);
  const routeUs = r.status === 200 ? ((await server.rpc('kemi.stats')).result.routes.ksr_request_route.max as number) : 0;
  return { ...r, routeUs };
}

type Judged = { status: number; ms: number; routeUs: number };

/**
 * How a batch of healthy routes kept the limit's contract under contention: `early`, the routes
 * stopped before the cap (client time under it: a wall-clock limit, or a CPU count gone wrong);
 * `outlived`, the routes answered 200 after more than the CPU limit of wall-clock time in the
 * server (a wall-clock limit lets none through).
 */
function judgeBatch(results: Judged[]): { early: Judged[]; outlived: number; stopped: number } {
  const stopped = results.filter((r) => r.status !== 200);
  // 503: the source was throttled after 5 routes hit the limit (host/core/limit-throttle.ts),
  // answered without running the route: the throttle's doing, judged by those 5, not itself
  const early = stopped.filter((r) => r.status !== 503 && (r.status !== 500 || r.ms < CAP_MS));
  const outlived = results.filter((r) => r.status === 200 && r.routeUs > CPU_MS * 1000).length;
  return { early, outlived, stopped: stopped.length };
}

/**
 * The least share of the core at which the calibrated route fits under the cap: below it every
 * healthy route meets the cap, as it should, and the batch says nothing about how the limit
 * counts (the machine, not the hog alone, took the rest: seen in .ci/run, fengari's routes all
 * at 150-168 ms of a 130 ms cap while v8's and QuickJS's, just before, took 102-118).
 */
function leastShare(calibratedUs: number): number {
  return calibratedUs / 1000 / CAP_MS;
}

/** µs of one request route, from kemi.stats (wall clock, measured before the hog runs); 0 when it did not get 200. */
async function routeCpuUs(server: ServerProcess, loops: number): Promise<number> {
  return (await judgedRoute(server, loops)).routeUs;
}

/**
 * The loop count for TARGET_CPU_MS of CPU, from the route time kemi.stats reports, taken
 * before the hog starts (so wall clock is CPU time here). Iterated: fengari's interpreter gets several times faster once V8 has compiled
 * it, and a route cut by the limit on a loaded machine halves the count.
 */
async function calibrate(server: ServerProcess): Promise<number> {
  const target = TARGET_CPU_MS * 1000;
  let loops = 50_000;
  let hits = 0;
  for (let i = 0; i < 30 && hits < 3; i++) {
    const us = await routeCpuUs(server, loops);
    if (us === 0) {
      loops = Math.round(loops / 2);
      continue;
    }
    if (Math.abs(us - target) < target * CALIBRATION_TOLERANCE) hits++;
    loops = Math.round(loops * Math.min(4, target / us));
  }
  return loops;
}

for (const [engine, lang] of [['v8', 'js'], ['quickjs', 'js'], ['fengari', 'lua']] as const) {
  describe(`CPU-time limits under contention (${engine})`, { skip: hasTaskset ? false : 'taskset is not available' }, () => {
    let server: ServerProcess;
    let hog: ChildProcess | null = null;
    let loops = 0;
    let calibratedUs = 0;

    before(async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'ksr-cpu-')), `route.${lang}`);
      writeFileSync(file, SCRIPTS[lang]);
      server = await startServerProcess({
        script: file,
        engine: engine === 'quickjs' ? 'quickjs' : undefined,
        config: () => ({ limits: { cpu_ms: CPU_MS } }),
      });
      // every thread of the server on core 0 (the hog joins it later), before
      // the calibration: the server's other threads (V8's collector, the launcher) then compete for
      // that core as they will under the hog; bin/ksr-host.mjs runs the
      // server as its child process, so the whole process tree is pinned
      for (const pid of processTree(server.child.pid!)) {
        assert.equal(spawnSync('taskset', ['-a', '-cp', '0', String(pid)]).status, 0, `taskset on ${pid}`);
      }
      loops = await calibrate(server);
      // the check is one route's time: one that took too long (a collection in it, fengari's
      // interpreter recompiled; seen once in npm test: 82 ms for a route calibrated to 52) is
      // measured again, and after three such the count is calibrated again
      let check = 0;
      for (let i = 0; i < 6 && !(check > 0 && check < CALIBRATED_MAX_US); i++) {
        if (i === 3) loops = await calibrate(server);
        check = await routeCpuUs(server, loops);
      }
      calibratedUs = check;
      assert.ok(check > 0 && check < CALIBRATED_MAX_US, `calibrated route took ${check} µs of CPU`);
    });
    after(async () => {
      hog?.kill('SIGKILL');
      await server?.stop();
    });

    test(`a route of ~${TARGET_CPU_MS} ms CPU is not timed out while another process hogs its core; a spinning one is`, async (t) => {
      hog = spawn('taskset', ['-c', '0', process.execPath, '-e', `const end = Date.now() + ${HOG_MS}; while (Date.now() < end);`], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, 300));
      // the share of the core the server gets is learnt from its own recent runs (sampled every
      // 100 ms): the first routes under the new contention teach it, they are not judged
      for (let i = 0; i < 3; i++) await send(server, loops, '127.0.0.9');
      t.diagnostic(`healthy route: ${Math.round(calibratedUs / 1000)} ms of CPU (kemi.stats, before the hog)`);
      // Up to BATCHES batches of 8, judged by the limit's contract: a route is stopped when its
      // CPU passes the limit or its wall-clock time passes the cap (MAX_STRETCH × the limit),
      // never for wall-clock time alone below the cap. The window between the two is narrow by
      // design (~104 of 130 ms at half the core), and this VM's slow spells (time the hypervisor
      // takes is charged as the thread's own: it reports no steal) push a route past the cap now
      // and then: seen in .ci/run, fengari 1-2 routes of 8 at 164-174 ms in each batch, the rest
      // at 104-130. Such a route, stopped past the cap, is what the cap is for; a batch is good
      // when every stopped route took at least the cap and at least SURVIVORS outlived the limit
      // in the server's own wall-clock time. A wall-clock limit would let none outlive it.
      // A batch in which the server's main thread got less of the core than the route needs to
      // fit under the cap (leastShare) is not judged: its routes meet the cap as they must.
      const serverPid = Number((await server.rpc('core.psx')).result[0].PID);
      const least = leastShare(calibratedUs);
      let verdict = judgeBatch([]);
      let judged = 0;
      const starved: string[] = [];
      for (let batch = 0; batch < BATCHES; batch++) {
        const results: Judged[] = [];
        const s0 = threadTimes(serverPid);
        for (let i = 0; i < 8; i++) results.push(await judgedRoute(server, loops, `127.0.0.${10 + batch}`));
        const s1 = threadTimes(serverPid);
        const share = runShare(s0, s1);
        const ranMs = (s1.runNs - s0.runNs) / 1e6 / results.length;
        t.diagnostic(`healthy route under contention, batch ${batch + 1} (status/client ms/route ms in the server): ${results.map((r) => `${r.status}/${Math.round(r.ms)}/${Math.round(r.routeUs / 1000)}`).join(' ')}; the main thread ran ${Math.round(ranMs)} ms a request, ${share.toFixed(2)} of its runnable time (the route fits the cap from ${least.toFixed(2)})`);
        const v = judgeBatch(results);
        if (share < least && v.early.length === 0) {
          starved.push(share.toFixed(2));
          continue;
        }
        verdict = v;
        judged++;
        if (verdict.early.length === 0 && verdict.outlived >= SURVIVORS) break;
      }
      if (judged === 0) {
        t.skip(`the server's main thread got ${starved.join(', ')} of its runnable time in every batch, less than the ${least.toFixed(2)} the route needs to fit under the cap: nothing to judge`);
        return;
      }
      // every route answered 200 and fewer than SURVIVORS needed more than the CPU limit in
      // wall-clock time: nothing was stopped and too little outlived the limit to show how it
      // counts, so there was nothing to judge (said, not failed)
      if (verdict.stopped === 0 && verdict.outlived < SURVIVORS) {
        t.skip(`${verdict.outlived} routes needed more than the CPU limit in wall-clock time on this machine: nothing to judge`);
        return;
      }
      const early = verdict.early.map((r) => `${r.status} after ${Math.round(r.ms)} ms`).join(', ');
      assert.equal(early, '', `routes stopped before the ${CAP_MS} ms cap:\n${server.output().slice(-2000)}`);
      assert.ok(verdict.outlived >= SURVIVORS, `${verdict.outlived} routes answered 200 after more than ${CPU_MS} ms in the server, expected at least ${SURVIVORS}:\n${server.output().slice(-2000)}`);
      const spin = await send(server, 1e12, '127.0.0.20');
      t.diagnostic(`spinning route under contention: ${spin.status} after ${Math.round(spin.ms)} ms`);
      assert.equal(spin.status, 500);
      assert.ok(spin.ms < CAP_MS + 150, `the spinning route was stopped after ${Math.round(spin.ms)} ms`);
      hog.kill('SIGKILL');
      hog = null;
    });
  });
}

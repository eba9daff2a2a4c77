// One healthy source is not shed (issue 9, with issue 7 item 12's overload policy at its
// DEFAULT settings): real sipp, one source address as a trunk is, sends authenticated
// REGISTERs at a rate this machine serves with room; the overload policy must shed none of
// them (its signal is a standing queue, not the bursts of a busy loop: load-monitor.ts) and
// sipp must achieve the rate it asked for. Before the standing-queue signal, sipp's bursts at
// 60-80 % utilisation started episodes that held this source at source_rate × the admit factor
// (~1000-1500/s of 2000/s achieved, thousands shed).
//
// In test/load/: `npm run test:alone` runs it one file at a time, so the rate is the server's
// and not another test's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServerProcess } from '../support/server-process.js';
import { explain, scenario, startSipp } from '../support/sipp.js';
import { sippOutcome } from '../support/sipp-outcome.js';
import { makeUsers, writeSippUsers, writeUserCsv } from '../support/users.js';

const RATE = Number(process.env.KSR_SINGLE_SOURCE_RATE ?? 1500);
const SECONDS = 6;
const BIN = fileURLToPath(new URL('../../bin/ksr-host.mjs', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../sample-scripts/routing.js', import.meta.url));

test(`one source at ${RATE} registrations/s, default overload settings: nothing is shed and the rate is achieved`, { timeout: 120_000 }, async (t) => {
  const calls = RATE * SECONDS;
  const dir = mkdtempSync(join(tmpdir(), 'ksr-single-source-'));
  const users = makeUsers(calls);
  writeUserCsv(join(dir, 'users.csv'), users);
  const inf = join(dir, 'sipp-users.csv');
  writeSippUsers(inf, users);
  const store = `sqlite:${join(dir, 'store.db')}`;
  execFileSync(process.execPath, [BIN, 'user', 'import', join(dir, 'users.csv'), '--store', store], { stdio: 'pipe' });
  const config = join(dir, 'ksr-host.yaml');
  // no `overload:` key: the defaults are what is under test
  writeFileSync(config, ['auth: { secret: "single-source-0123456789" }', 'usrloc: { db_mode: memory }', `store: "${store}"`, 'log: { level: info }'].join('\n') + '\n');
  const server = await startServerProcess({ script: SCRIPT, engine: 'v8', extraArgs: ['--config', config] });
  try {
    await sleep(1000);
    const before = (await server.rpc('kemi.stats')).result;
    const run = await startSipp({
      scenario: scenario('register-auth.xml'), port: server.port, transport: 'udp', calls, rate: RATE,
      timeoutS: SECONDS * 3 + 30, retransmissions: true, extra: ['-l', '5000', '-inf', inf],
    }).done;
    const out = sippOutcome(run);
    const stats = (await server.rpc('kemi.stats')).result;
    const o = stats.overload;
    const shed = o.shedSourceRate + o.shedSourceFlood + o.shedStale - (before.overload.shedSourceRate + before.overload.shedSourceFlood + before.overload.shedStale);
    const figures =
      `${calls} registrations at ${RATE}/s: ${out.ok} ok, ${out.failed} failed, ${out.retrans} retransmissions, ${out.rate ?? '?'}/s achieved; ` +
      `overload ${JSON.stringify(o)}; udp kernel drops ${stats.transport.udpKernelDrops}`;
    t.diagnostic(figures);
    assert.equal(shed, 0, `nothing shed: ${figures}`);
    assert.equal(out.failed, 0, `no registration failed: ${figures}\n${explain('register-auth', run).slice(0, 2500)}`);
    assert.equal(out.ok, calls, `every registration succeeded: ${figures}`);
    assert.ok((out.rate ?? 0) >= RATE * 0.95, `sipp achieved at least 95 % of ${RATE}/s: ${figures}`);
    assert.equal(run.code, 0, explain('register-auth', run));
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

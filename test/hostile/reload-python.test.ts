// A Python reload does not block the server (issue 7, item 9): pyodide boots and the new
// script's top level runs on the isolate's own thread, while the old script serves at full
// speed; the swap happens between two messages. A legitimate client over UDP and one over new
// TCP connections are answered within 200 ms throughout, for a good script (swapped in) and
// for one whose top level loops (stopped by its load budget, refused, the old one serves on).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startGapProbe, type GapReport } from '../support/gap-probe.js';
import { versionServed, versionedPythonScript } from '../support/versioned-script.js';

const MAX_GAP_MS = 200;

const script = versionedPythonScript;


/** Runs `during` with a UDP and a new-TCP-connection client probing beside it. */
async function probed<T>(port: number, during: () => Promise<T>): Promise<{ value: T; udp: GapReport; tcp: GapReport }> {
  const udp = await startGapProbe({ port, transport: 'udp' });
  const tcp = await startGapProbe({ port, transport: 'tcp-new' });
  try {
    return { value: await during(), udp: await udp.stop(), tcp: await tcp.stop() };
  } catch (e) {
    await udp.stop();
    await tcp.stop();
    throw e;
  }
}

function assertServedThroughout(what: string, udp: GapReport, tcp: GapReport): void {
  assert.ok(udp.sent > 20 && tcp.sent > 10, `${what}: the probes ran (${udp.sent} udp, ${tcp.sent} tcp)`);
  assert.equal(udp.answered, udp.sent, `${what}: every UDP probe answered`);
  assert.equal(tcp.answered, tcp.sent, `${what}: every TCP probe answered`);
  assert.ok(udp.maxGapMs <= MAX_GAP_MS, `${what}: a UDP client waited ${udp.maxGapMs} ms`);
  assert.ok(tcp.maxGapMs <= MAX_GAP_MS, `${what}: a client on a new TCP connection waited ${tcp.maxGapMs} ms`);
}

describe('reload, python', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-reload-py-'));
  const file = join(dir, 'reload.py');
  let server: ServerProcess;
  before(async () => {
    writeFileSync(file, script('one'));
    server = await startServerProcess({ script: file, startTimeoutMs: 90_000 });
    // the spare instance boots right after start: let it, so the probes measure the reloads
    await new Promise((r) => setTimeout(r, 6000));
    for (let i = 0; i < 5; i++) await versionServed(server.port);
  });
  after(async () => server?.stop());

  test('a good script is built and loaded beside the running one, then swapped in; clients served throughout', async (t) => {
    assert.equal(await versionServed(server.port), 'one');
    writeFileSync(file, script('two'));
    const { value: r, udp, tcp } = await probed(server.port, () => server.rpc('kemi.reload'));
    t.diagnostic(`reload ${r.result?.loadMs} ms; longest unanswered: udp ${udp.maxGapMs} ms, tcp ${tcp.maxGapMs} ms`);
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.equal(await versionServed(server.port), 'two');
    assertServedThroughout('good script', udp, tcp);
  });

  test('a script whose top level loops is stopped by its load budget and refused; clients served throughout', async (t) => {
    writeFileSync(file, script('three', 'n = 0\nwhile True:\n    n += 1\n'));
    const t0 = performance.now();
    const { value: r, udp, tcp } = await probed(server.port, () => server.rpc('kemi.reload'));
    t.diagnostic(`refused after ${Math.round(performance.now() - t0)} ms; longest unanswered: udp ${udp.maxGapMs} ms, tcp ${tcp.maxGapMs} ms`);
    assert.ok(r.error, 'the looping script is refused');
    assert.match(r.error.message, /reload\.py:\d+: CPU limit of \d+ ms exceeded/);
    assert.equal(await versionServed(server.port), 'two');
    assertServedThroughout('looping script', udp, tcp);
  });
});

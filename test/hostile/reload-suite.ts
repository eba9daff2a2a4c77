// A reload does not block the server (issue 7, item 9), in the runtimes whose load is slow:
// Python (pyodide boots and the new script's top level runs on the isolate's own thread) and
// Lua (fengari's compile and the top level run there too), while the old script serves at full
// speed; the swap happens between two messages. A legitimate client over UDP and one over new
// TCP connections are answered within 200 ms throughout, for a good script (swapped in) and
// for one whose top level loops (stopped by its load budget, refused, the old one serves on).
// reload-python.test.ts and reload-lua.test.ts run it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startGapProbe, type GapReport } from '../support/gap-probe.js';
import { versionServed, versionedLuaScript, versionedPythonScript } from '../support/versioned-script.js';

const MAX_GAP_MS = 200;

interface Language {
  ext: 'py' | 'lua';
  script: (version: string, topLevel?: string) => string;
  /** A top level that never ends. */
  loop: string;
  /**
   * The good script's top level: one that takes a while, so the probes see the reload (Python's
   * imports take seconds by themselves; a small Lua script loads in tens of ms, too short for
   * the probes, so Lua's counts to 15 million).
   */
  slowTopLevel: string;
  /** The server's limits.cpu_ms: the load budget is 10 × it, at least 2 s. */
  cpuMs?: number;
  /** How long the warm spare takes to boot after the start (the probes should measure the reloads only). */
  spareBootMs: number;
}

const LANGUAGES: Record<'python' | 'lua', Language> = {
  python: { ext: 'py', script: versionedPythonScript, loop: 'n = 0\nwhile True:\n    n += 1\n', slowTopLevel: '', spareBootMs: 6000 },
  lua: {
    ext: 'lua',
    script: versionedLuaScript,
    loop: 'local n = 0\nwhile true do n = n + 1 end\n',
    // ~0.5-1 s of fengari on this machine; a 4 s budget so that a slow spell does not refuse it
    slowTopLevel: 'local n = 0\nwhile n < 15000000 do n = n + 1 end\n',
    cpuMs: 400,
    spareBootMs: 1000,
  },
};

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

export function reloadSuite(name: 'python' | 'lua'): void {
  const { ext, script, loop, slowTopLevel, cpuMs, spareBootMs } = LANGUAGES[name];
  describe(`reload, ${name}`, () => {
    const dir = mkdtempSync(join(tmpdir(), `ksr-reload-${ext}-`));
    const file = join(dir, `reload.${ext}`);
    let server: ServerProcess;
    before(async () => {
      writeFileSync(file, script('one'));
      server = await startServerProcess({ script: file, startTimeoutMs: 90_000, ...(cpuMs ? { config: () => ({ limits: { cpu_ms: cpuMs } }) } : {}) });
      // the spare instance boots right after start: let it, so the probes measure the reloads
      await new Promise((r) => setTimeout(r, spareBootMs));
      for (let i = 0; i < 5; i++) await versionServed(server.port);
    });
    after(async () => server?.stop());

    test('a good script is built and loaded beside the running one, then swapped in; clients served throughout', async (t) => {
      assert.equal(await versionServed(server.port), 'one');
      writeFileSync(file, script('two', slowTopLevel));
      const { value: r, udp, tcp } = await probed(server.port, () => server.rpc('kemi.reload'));
      t.diagnostic(`reload ${r.result?.loadMs} ms; longest unanswered: udp ${udp.maxGapMs} ms, tcp ${tcp.maxGapMs} ms`);
      assert.equal(r.error, undefined, JSON.stringify(r.error));
      assert.equal(await versionServed(server.port), 'two');
      assertServedThroughout('good script', udp, tcp);
    });

    test('a script whose top level loops is stopped by its load budget and refused; clients served throughout', async (t) => {
      writeFileSync(file, script('three', loop));
      const t0 = performance.now();
      const { value: r, udp, tcp } = await probed(server.port, () => server.rpc('kemi.reload'));
      t.diagnostic(`refused after ${Math.round(performance.now() - t0)} ms; longest unanswered: udp ${udp.maxGapMs} ms, tcp ${tcp.maxGapMs} ms`);
      assert.ok(r.error, 'the looping script is refused');
      assert.match(r.error.message, new RegExp(`reload\\.${ext}:\\d+: the top level ran past its load budget of ${cpuMs ? cpuMs * 10 : 2000} ms`));
      assert.equal(await versionServed(server.port), 'two');
      assertServedThroughout('looping script', udp, tcp);
    });
  });
}

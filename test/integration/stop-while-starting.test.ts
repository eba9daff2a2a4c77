// A server stopped at any moment of its start exits cleanly (exit 0, "stopping" then "stopped"),
// even while pyodide boots (seconds, on isolated-vm's threads): the signal handlers are the
// server's before the start begins, and a stop waits for the start under way. A SIGHUP during
// the start does not kill it either: the script is loaded again once it serves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../support/ports.js';

const BIN = fileURLToPath(new URL('../../bin/ksr-host.mjs', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../sample-scripts/routing.py', import.meta.url));

interface Started {
  /** Resolves once the output matches (rejects with the output after 60 s). */
  waitFor(pattern: RegExp): Promise<void>;
  signal(sig: NodeJS.Signals): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

async function startPython(workers: number): Promise<Started> {
  const stateDir = mkdtempSync(join(tmpdir(), 'ksr-stop-start-'));
  const port = await freePort();
  // no config file of this machine is picked up
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.KSR_HOST_CONFIG;
  const child = spawn(process.execPath, [BIN, 'run', '--script', SCRIPT, '--listen', `udp:127.0.0.1:${port}`, '--control', 'off', '--store', 'sqlite::memory:', '--state-dir', stateDir, '--workers', String(workers)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (b: Buffer) => {
    output += b.toString();
    for (const w of waiters.filter((w) => w.pattern.test(output))) w.resolve();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.once('close', (code, signal) => {
      rmSync(stateDir, { recursive: true, force: true });
      resolve({ code, signal, output });
    }),
  );
  return {
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        if (pattern.test(output)) return resolve();
        const timer = setTimeout(() => reject(new Error(`no ${pattern} in 60 s; output:\n${output.slice(-3000)}`)), 60_000);
        waiters.push({ pattern, resolve: () => (clearTimeout(timer), resolve()) });
      }),
    signal: (sig) => child.kill(sig),
    exited,
  };
}

/** The moments of a start a stop may come at, each named by the log line it follows. */
const MOMENTS: [string, RegExp, number][] = [
  ['the config is read', /"msg":"config"/, 0],
  ['the script starts loading', /loading the script/, 0],
  ['pyodide is booting', /loading the script/, 700],
];

for (const workers of [1, 2]) {
  for (const [moment, line, afterMs] of workers === 1 ? MOMENTS.slice(2) : MOMENTS) {
    test(`workers ${workers}: SIGTERM when ${moment} ends the server cleanly`, { timeout: 90_000 }, async () => {
      const s = await startPython(workers);
      await s.waitFor(line);
      await new Promise((r) => setTimeout(r, afterMs));
      s.signal('SIGTERM');
      const end = await s.exited;
      assert.equal(end.signal, null, end.output.slice(-3000));
      assert.equal(end.code, 0, end.output.slice(-3000));
      assert.match(end.output, /"msg":"stopping"[^\n]*\n(.*\n)*.*"msg":"stopped"/);
      assert.doesNotMatch(end.output, /SIGSEGV|ended on SIG|BUG|unhandled/);
    });
  }
}

test('workers 2: SIGHUP while starting does not kill it: the script is loaded again once it serves', { timeout: 90_000 }, async () => {
  const s = await startPython(2);
  await s.waitFor(/loading the script/);
  s.signal('SIGHUP');
  await s.waitFor(/reload asked while starting/);
  await s.waitFor(/ksr-host serving/);
  // the reload after the start: every worker loads the script again
  await s.waitFor(/ksr-host serving(.*\n)*.*loading the script/);
  s.signal('SIGTERM');
  const end = await s.exited;
  assert.equal(end.code, 0, end.output.slice(-3000));
});

// bin/ksr-host.mjs runs the server as its child: when that child dies of a signal (a crash:
// SIGSEGV, an abort), the launcher says which one and dies of the same signal, so its parent
// (a shell, systemd, a supervisor) sees the signal itself, not an exit code standing for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { firstChild } from '../../bench/proc-usage.js';
import { startServerProcess } from '../support/server-process.js';

const SCRIPT = fileURLToPath(new URL('../../sample-scripts/routing.js', import.meta.url));

// SIGKILL cannot be caught; SIGUSR2 has no handler in the server, so it kills it as a crash
// signal would (SIGTERM is the server's own "stop cleanly": it ends with 0, tested elsewhere)
for (const signal of ['SIGKILL', 'SIGUSR2'] as const) {
  test(`a server killed by ${signal}: the launcher names it and dies of ${signal} itself`, { timeout: 60_000 }, async () => {
    const server = await startServerProcess({ script: SCRIPT, engine: 'v8' });
    try {
      const launcher = server.child;
      const serverPid = firstChild(launcher.pid!);
      assert.ok(serverPid, 'the launcher has the server as its child');
      const exited = once(launcher, 'exit');
      process.kill(serverPid, signal);
      const [code, seen] = (await exited) as [number | null, NodeJS.Signals | null];
      assert.deepEqual({ code, signal: seen }, { code: null, signal }, `output:\n${server.output()}`);
      assert.match(server.output(), new RegExp(`ksr-host: the server process ended on ${signal}`));
    } finally {
      // the launcher is gone: stop() would wait for an exit that has happened
      if (server.child.exitCode === null && server.child.signalCode === null) await server.stop();
      else rmSync(server.stateDir, { recursive: true, force: true });
    }
  });
}

test('a server stopped by SIGTERM through the launcher ends cleanly: exit 0, no signal', { timeout: 60_000 }, async () => {
  const server = await startServerProcess({ script: SCRIPT, engine: 'v8' });
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  const [code, seen] = (await exited) as [number | null, NodeJS.Signals | null];
  assert.deepEqual({ code, signal: seen }, { code: 0, signal: null }, `output:\n${server.output()}`);
  rmSync(server.stateDir, { recursive: true, force: true });
});

// bin/ksr-host.mjs runs the server as its child: when that child dies of a signal (a crash:
// SIGSEGV, an abort), the launcher says which one and exits with 128 + its number, as a shell
// reports it, instead of one code for every signal (CI once saw "exited with 128" and no more).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { constants } from 'node:os';
import { firstChild } from '../../bench/proc-usage.js';
import { startServerProcess } from '../support/server-process.js';
import { fileURLToPath } from 'node:url';

test('a server killed by a signal: the launcher names the signal and exits with 128 + its number', { timeout: 60_000 }, async () => {
  const server = await startServerProcess({ script: fileURLToPath(new URL('../../sample-scripts/routing.js', import.meta.url)), engine: 'v8' });
  const launcher = server.child;
  const serverPid = firstChild(launcher.pid!);
  assert.ok(serverPid, 'the launcher has the server as its child');
  const exited = once(launcher, 'exit');
  process.kill(serverPid, 'SIGKILL');
  const [code] = (await exited) as [number | null];
  assert.equal(code, 128 + constants.signals.SIGKILL);
  assert.match(server.output(), /ksr-host: the server process ended on SIGKILL/);
});

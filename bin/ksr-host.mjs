#!/usr/bin/env node
// Starts the TypeScript command line under the flags it needs: isolated-vm on Node 20 wants
// --no-node-snapshot, and tsx runs the sources as they are. Signals are passed on, so
// SIGHUP still reloads the script and SIGTERM still stops the server.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const tsx = pathToFileURL(require.resolve('tsx')).href;
// after tsx: its compiled modules load without the keepNames helper (bin/plain-names-hooks.mjs)
const plainNames = new URL('./plain-names.mjs', import.meta.url).href;
const FORWARDED = ['SIGHUP', 'SIGINT', 'SIGTERM'];

const child = spawn(process.execPath, ['--no-node-snapshot', '--import', tsx, '--import', plainNames, cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const sig of FORWARDED) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => {
  if (code !== null) process.exit(code);
  // a crash (SIGSEGV, an abort) says so, and the launcher dies of the same signal, so its own
  // parent (a shell, systemd, a supervisor) sees the signal itself and not an exit code
  process.stderr.write(`ksr-host: the server process ended on ${signal}\n`);
  dieOf(signal);
});

function dieOf(signal) {
  // our forwarding handler would catch it: back to the default action (die) first
  process.removeAllListeners(signal);
  try {
    process.kill(process.pid, signal);
  } catch {
    // cannot signal itself here: the timer below ends it with 128 + the number instead
  }
  // a signal whose default action is not to die (SIGCHLD-like, or ignored by our parent):
  // end as before, with 128 + its number; bounded, the kill above is delivered at once
  setTimeout(() => process.exit(128 + (constants.signals[signal] ?? 0)), 1000);
}

#!/usr/bin/env node
// Starts the command line under the flags it needs: isolated-vm on Node 20 wants
// --no-node-snapshot. It runs the compiled dist/bin/cli.js (bin/build.mjs) with plain node when
// dist/ is there and not older than the sources, else the TypeScript sources through tsx, so a
// developer who edited a .ts and did not rebuild never runs stale code. Signals are passed on,
// so SIGHUP still reloads the script and SIGTERM still stops the server.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { newestSourceMtime, readStamp } from './build-stamp.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const COMPILED_CLI = fileURLToPath(new URL('../dist/bin/cli.js', import.meta.url));
const SOURCE_CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** dist/ when it is complete and fresh (or when there are no sources: an installed package), else the sources. */
function chooseCli() {
  if (!existsSync(SOURCE_CLI)) return { compiled: true };
  const stamp = existsSync(COMPILED_CLI) ? readStamp(DIST) : null;
  if (stamp === null) return { compiled: false, why: null };
  if (newestSourceMtime(ROOT) <= stamp) return { compiled: true };
  return { compiled: false, why: 'ksr-host: dist/ is older than the sources; running them through tsx (npm run build to refresh)\n' };
}

function nodeArgs(compiled) {
  if (compiled) return ['--no-node-snapshot', COMPILED_CLI];
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  // after tsx: its compiled modules load without the keepNames helper (bin/plain-names-hooks.mjs)
  const plainNames = new URL('./plain-names.mjs', import.meta.url).href;
  return ['--no-node-snapshot', '--import', tsx, '--import', plainNames, SOURCE_CLI];
}

const choice = chooseCli();
// said for a stale build only (no build at all is a clone before `npm install`); not under
// node --test, whose tests compare the CLI's stderr (a test that wants it unsets NODE_TEST_CONTEXT)
if (choice.why && !process.env.NODE_TEST_CONTEXT) process.stderr.write(choice.why);
const FORWARDED = ['SIGHUP', 'SIGINT', 'SIGTERM'];
// the commands that load isolated-vm, which wants --no-node-snapshot from the process's start
const NEED_NO_SNAPSHOT = new Set(['run', 'check']);

/** Compiled code for a command without isolated-vm runs in this process: no second node start (~80 ms). */
function runsHere(compiled) {
  if (!compiled) return false;
  const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
  return process.execArgv.includes('--no-node-snapshot') || !NEED_NO_SNAPSHOT.has(command);
}

if (runsHere(choice.compiled)) await import(pathToFileURL(COMPILED_CLI).href);
else startChild();

function startChild() {
  const child = spawn(process.execPath, [...nodeArgs(choice.compiled), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  for (const sig of FORWARDED) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => exitLike(code, signal));
}

function exitLike(code, signal) {
  if (code !== null) process.exit(code);
  // a crash (SIGSEGV, an abort) says so, and the launcher dies of the same signal, so its own
  // parent (a shell, systemd, a supervisor) sees the signal itself and not an exit code
  process.stderr.write(`ksr-host: the server process ended on ${signal}\n`);
  dieOf(signal);
}

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

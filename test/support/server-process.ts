// Starts a real ksr-host process on loopback, the way a user would (bin/ksr-host.mjs run),
// and talks to it through its control endpoint.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify as toYaml } from 'yaml';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { freePort } from './ports.js';

const BIN = fileURLToPath(new URL('../../bin/ksr-host.mjs', import.meta.url));

export interface ServerProcess {
  port: number;
  controlPort: number;
  /** The server's own temporary state directory (its control token is there). */
  stateDir: string;
  /** The control token the server made at start. */
  token(): string;
  child: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /**
   * Resolves with the output once it matches (rejects with the output after `timeoutMs`). A log
   * line written while a request is routed reaches this process through a pipe, and may come
   * after the reply that the same route sent over UDP: assert on log lines with this, not on
   * output() right after the reply.
   */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** A JSON-RPC call with the control token (`withToken: false` to call as a stranger would). */
  rpc(method: string, params?: unknown, opts?: { withToken?: boolean }): Promise<{ result?: any; error?: { code: number; message: string } }>;
  stop(): Promise<void>;
}

export interface StartOptions {
  script: string;
  engine?: 'v8' | 'quickjs';
  extraArgs?: string[];
  /** How long to wait for "ksr-host serving" (pyodide boots in 2-3 s). */
  startTimeoutMs?: number;
  /**
   * A config file written for this server, given the ports it will use (so a test can put the
   * control port into `defines`). Its store is sqlite::memory: unless it names one.
   */
  config?: (ports: { port: number; controlPort: number }) => Record<string, unknown>;
  /** Worker threads (`--workers`); default KSR_TEST_WORKERS from the environment, else 1. */
  workers?: number;
  /** More environment for the server process. */
  env?: Record<string, string>;
  /** A command the server is started through, which then execs it (['chrt', '-f', '10']). */
  wrapper?: string[];
}

/** The workers a test server runs with unless the test says: KSR_TEST_WORKERS, else 1 (the engine in the main thread). */
export function testWorkers(): number {
  const n = Number(process.env.KSR_TEST_WORKERS ?? 1);
  if (!Number.isInteger(n) || n < 1) throw new Error(`KSR_TEST_WORKERS: expected a whole number ≥ 1, got '${process.env.KSR_TEST_WORKERS}'`);
  return n;
}

/** How many times a server is started on fresh ports when one of its ports was taken meanwhile. */
const START_ATTEMPTS = 3;

/**
 * Starts the server; when a port it was given was taken between the check and its bind (another
 * test file picked the same free port in that second or two: seen at three files at a time,
 * `listen EADDRINUSE` on a control port), starts it again on fresh ports. Any other failure to
 * start is the test's.
 */
export async function startServerProcess(opts: StartOptions): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(opts);
    } catch (e) {
      if (attempt >= START_ATTEMPTS || !(e instanceof PortTaken)) throw e;
    }
  }
}

/** The server exited before serving because a port it was given was in use. */
class PortTaken extends Error {}

async function startOnce(opts: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const controlPort = await freePort();
  const configArgs: string[] = [];
  if (opts.config) {
    const file = join(mkdtempSync(join(tmpdir(), 'ksr-config-')), 'ksr-host.yaml');
    writeFileSync(file, toYaml({ store: 'sqlite::memory:', ...opts.config({ port, controlPort }) }));
    configArgs.push('--config', file);
  }
  // each test server has a state directory of its own: its control token is made there
  const stateDir = mkdtempSync(join(tmpdir(), 'ksr-state-'));
  const args = [
    BIN, 'run', '--script', opts.script, '--state-dir', stateDir,
    '--listen', `udp:127.0.0.1:${port}`, '--listen', `tcp:127.0.0.1:${port}`,
    '--control', `127.0.0.1:${controlPort}`,
    '--workers', String(opts.workers ?? testWorkers()),
    ...(opts.engine ? ['--engine', opts.engine] : []),
    ...configArgs,
    // a test server keeps no state between runs unless it names a store (flag or config file)
    ...(opts.config || opts.extraArgs?.some((a) => a === '--store' || a === '--config') ? [] : ['--store', 'sqlite::memory:']),
    ...(opts.extraArgs ?? []),
  ];
  const [command, ...commandArgs] = opts.wrapper ? [...opts.wrapper, process.execPath, ...args] : [process.execPath, ...args];
  const child = spawn(command!, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
  let out = '';
  // 'close' comes after the last of its output is read ('exit' may come before it)
  const closed = new Promise<void>((r) => child.once('close', () => r()));
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time; output:\n${out}`)), opts.startTimeoutMs ?? 30000);
    const check = () => {
      if (out.includes('ksr-host serving')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      // its output is all read once the pipes close (a second at most: a grandchild could hold them)
      void Promise.race([closed, new Promise((r) => setTimeout(r, 1000))]).then(() => {
        const message = `server exited with ${code ?? signal} before serving; output:\n${out}`;
        if (!/EADDRINUSE/.test(out)) return reject(new Error(message));
        rmSync(stateDir, { recursive: true, force: true });
        reject(new PortTaken(message));
      });
    });
  });
  const token = () => readFileSync(join(stateDir, 'control-token'), 'utf8').trim();
  return {
    port,
    controlPort,
    stateDir,
    token,
    child,
    output: () => out,
    async waitForOutput(pattern, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(out)) {
        if (Date.now() > deadline) throw new Error(`expected the server's output to match ${pattern} within ${timeoutMs} ms; output:\n${out.slice(-4000)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return out;
    },
    async rpc(method, params, rpcOpts) {
      const res = await request(`http://127.0.0.1:${controlPort}/RPC`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(rpcOpts?.withToken === false ? {} : { authorization: `Bearer ${token()}` }) },
        body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
      });
      return (await res.body.json()) as any;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await closed;
        clearTimeout(t);
      }
      // everything the server wrote is in output() from here on
      await closed;
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

// Runs real sipp against a server on loopback. Every run is bounded: -m calls and a timeout.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { freePort } from './ports.js';

export interface SippRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** sipp's error log, when there was one. */
  errors: string;
  /** sipp's working directory: the files of its -trace_* options are there. */
  dir: string;
}

export interface SippOptions {
  scenario: string;
  /** Where to send (a UAC's proxy). A UAS gets no target. */
  port?: number;
  /** Local port (a UAS listens there); absent: one the system picks. */
  localPort?: number;
  transport: 'udp' | 'tcp';
  calls: number;
  rate?: number;
  timeoutS?: number;
  /** -key NAME VALUE pairs for the scenario's [NAME] keywords. */
  keys?: Record<string, string>;
  /** Percentage of packets sipp loses on purpose (UDP). */
  lost?: number;
  /** sipp retransmits over UDP what the scenario marks retrans= (its INVITE, BYE, 2xx).
   *  Off by default (-nr): then a packet sipp itself loses (-lost) is never sent again. */
  retransmissions?: boolean;
  extra?: string[];
}

export function scenario(name: string): string {
  return fileURLToPath(new URL(`../integration/scenarios/${name}`, import.meta.url));
}

export interface SippProcess {
  child: ChildProcess;
  done: Promise<SippRun>;
}

/** Starts sipp and returns at once; `done` resolves when it exits. */
export function startSipp(opts: SippOptions): SippProcess {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-sipp-'));
  const args = [
    ...(opts.port ? [`127.0.0.1:${opts.port}`] : []),
    '-sf', opts.scenario, '-i', '127.0.0.1', ...(opts.localPort ? ['-p', String(opts.localPort)] : []),
    '-t', opts.transport === 'udp' ? 'u1' : 't1',
    '-m', String(opts.calls), '-r', String(opts.rate ?? 100), '-l', '200',
    '-timeout', `${opts.timeoutS ?? 30}s`, '-timeout_error', '-nostdin', '-trace_err', ...(opts.retransmissions ? [] : ['-nr']),
    ...(opts.lost ? ['-lost', String(opts.lost)] : []),
    ...Object.entries(opts.keys ?? {}).flatMap(([k, v]) => ['-key', k, v]),
    ...(opts.extra ?? []),
  ];
  const child = spawn('sipp', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  // sipp's own -timeout does not always fire (seen with a server that never answered):
  // a hard limit keeps every run bounded in time.
  const hardLimit = setTimeout(() => child.kill('SIGKILL'), ((opts.timeoutS ?? 30) + 15) * 1000);
  const done = new Promise<SippRun>((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(hardLimit);
      const errFile = readdirSync(dir).find((f) => f.endsWith('_errors.log'));
      const errors = errFile ? readFileSync(join(dir, errFile), 'utf8') : '';
      resolve({ code, stdout, stderr, errors, dir });
    }),
  );
  return { child, done };
}

export function runSipp(opts: SippOptions): Promise<SippRun> {
  return startSipp(opts).done;
}

/** A failure message with what sipp said, for assertions. */
export function explain(name: string, run: SippRun): string {
  return `${name}: sipp exited ${run.code}\n${run.errors.slice(0, 3000)}\n${run.stderr.slice(-1500)}\n${run.stdout.slice(-1500)}`;
}

/**
 * One call through a proxy: a sipp callee (scenario `callee`, answering on a free port) and a
 * sipp caller (scenario `caller`, to the proxy at `proxyPort`, service `service`, the callee's
 * address as key `callee`); both must end with exit code 0. `serverOutput` goes into a failure's
 * message.
 */
export async function sippCallThrough(o: {
  proxyPort: number; caller: string; callee: string; service: string;
  calleeKeys?: Record<string, string>; serverOutput?: () => string;
}): Promise<void> {
  const port = await freePort();
  const uas = startSipp({ scenario: o.callee, localPort: port, transport: 'udp', calls: 1, timeoutS: 15, keys: o.calleeKeys ?? {} });
  const server = () => (o.serverOutput ? `\nserver:\n${o.serverOutput().slice(-3000)}` : '');
  try {
    // the callee listens before the caller's INVITE reaches it
    await new Promise((r) => setTimeout(r, 300));
    const uac = await startSipp({
      scenario: o.caller, port: o.proxyPort, localPort: await freePort(), transport: 'udp', calls: 1, timeoutS: 15,
      keys: { callee: `127.0.0.1:${port}` }, extra: ['-s', o.service],
    }).done;
    assert.equal(uac.code, 0, explain(`caller ${o.service}`, uac) + server());
    const r = await uas.done;
    assert.equal(r.code, 0, explain(`callee ${o.service}`, r) + server());
  } finally {
    if (uas.child.exitCode === null) uas.child.kill('SIGKILL');
  }
}

// Runs real sipp against a server on loopback. Every run is bounded: -m calls and a timeout.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SippRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** sipp's error log, when there was one. */
  errors: string;
}

export function scenario(name: string): string {
  return fileURLToPath(new URL(`../integration/scenarios/${name}`, import.meta.url));
}

export async function runSipp(opts: {
  scenario: string;
  port: number;
  transport: 'udp' | 'tcp';
  calls: number;
  rate?: number;
  timeoutS?: number;
  extra?: string[];
}): Promise<SippRun> {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-sipp-'));
  const args = [
    `127.0.0.1:${opts.port}`, '-sf', opts.scenario, '-i', '127.0.0.1', '-p', '0',
    '-t', opts.transport === 'udp' ? 'u1' : 't1',
    '-m', String(opts.calls), '-r', String(opts.rate ?? 100), '-l', '200',
    '-timeout', `${opts.timeoutS ?? 30}s`, '-timeout_error', '-nostdin', '-trace_err', '-nr',
    ...(opts.extra ?? []),
  ];
  const child = spawn('sipp', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code: number | null = await new Promise((r) => child.on('exit', (c) => r(c)));
  const errFile = readdirSync(dir).find((f) => f.endsWith('_errors.log'));
  const errors = errFile ? readFileSync(join(dir, errFile), 'utf8') : '';
  return { code, stdout, stderr, errors };
}

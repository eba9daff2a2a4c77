// Runs the real `ksr-host` command (bin/ksr-host.mjs) as an operator would, in a directory of the
// test's, without this machine's $KSR_HOST_CONFIG (so no config file of the machine is picked
// up): its exit code (null: killed), stdout and stderr.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const KSR_HOST_BIN = fileURLToPath(new URL('../../bin/ksr-host.mjs', import.meta.url));

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

export function runCli(args: string[], opts: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Promise<CliRun> {
  const env = { ...process.env, ...opts.env };
  if (!opts.env?.KSR_HOST_CONFIG) delete env.KSR_HOST_CONFIG;
  return new Promise((resolve) => {
    execFile(process.execPath, [KSR_HOST_BIN, ...args], { cwd: opts.cwd, env, timeout: opts.timeoutMs ?? 60_000 }, (e, out, err) => {
      resolve({ code: e ? ((e as { code?: number }).code ?? null) : 0, out, err });
    });
  });
}

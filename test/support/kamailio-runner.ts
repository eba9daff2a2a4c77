// Runs Debian's Kamailio, for the comparison bench (bench/kamailio), the example-script suite
// (test/examples) and nathelper's comparison: a config (a template's @NAME@ fields filled in), Kamailio in
// the foreground (-DD -E) with a runtime directory of its own (-Y), ready once its UDP socket is
// bound (read from /proc/net/udp), stopped with SIGTERM (its main process ends its workers).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MODULE_DIRS = ['/usr/lib/x86_64-linux-gnu/kamailio/modules', '/usr/lib/aarch64-linux-gnu/kamailio/modules', '/usr/lib/kamailio/modules'];

/** Where Debian put Kamailio's modules, undefined when it is not installed. */
export function kamailioModuleDir(): string | undefined {
  return MODULE_DIRS.find((d) => existsSync(join(d, 'tm.so')));
}

/** Why Kamailio cannot run here (the binary or one of `modules` missing, with the package to install), or undefined. */
export function kamailioMissing(modules: readonly string[], packages: string): string | undefined {
  if (spawnSync('kamailio', ['-v'], { stdio: 'ignore' }).error) return 'no `kamailio` binary on PATH (apt-get install kamailio)';
  const dir = kamailioModuleDir();
  if (!dir) return `no Kamailio module directory (looked in ${MODULE_DIRS.join(', ')})`;
  const absent = modules.filter((m) => !existsSync(join(dir, m)));
  return absent.length ? `Kamailio modules ${absent.join(', ')} absent from ${dir} (${packages})` : undefined;
}

export interface KamailioProcess {
  port: number;
  pid: number;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** A config template's @NAME@ fields filled in (MPATH: the module directory). */
export function fillKamailioTemplate(template: string, fields: Record<string, string>): string {
  const fill: Record<string, string> = { MPATH: kamailioModuleDir()!, ...fields };
  return readFileSync(template, 'utf8').replace(/@([A-Z_]+)@/g, (_, k: string) => fill[k] ?? `@${k}@`);
}

/**
 * Writes the config to a fresh directory and starts Kamailio on it; resolves once `port` is
 * bound (then `settleMs` more, for its workers' child_init).
 */
export async function runKamailio(config: string, port: number, opts: { label: string; startTimeoutMs?: number; settleMs?: number }): Promise<KamailioProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-kamailio-'));
  const cfg = join(dir, 'kamailio.cfg');
  writeFileSync(cfg, config);
  // -m/-M: shared and private memory in MB (Debian's defaults)
  const child = spawn('kamailio', ['-f', cfg, '-DD', '-E', '-Y', dir, '-m', '64', '-M', '8'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const limitMs = opts.startTimeoutMs ?? 15_000;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      // a Kamailio that never bound its socket is not left running
      clearInterval(poll);
      child.kill('SIGKILL');
      reject(new Error(`kamailio (${opts.label}) did not start in ${limitMs} ms; output:\n${out}`));
    }, limitMs);
    const poll = setInterval(() => {
      if (readFileSync('/proc/net/udp', 'utf8').includes(`:${port.toString(16).toUpperCase().padStart(4, '0')} `)) {
        clearInterval(poll);
        clearTimeout(timer);
        setTimeout(resolve, opts.settleMs ?? 0);
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`kamailio (${opts.label}) exited with ${code} before serving; output:\n${out}`));
    });
  });
  return {
    port,
    pid: child.pid!,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const hard = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(hard);
    },
  };
}

// A real rtpengine (Debian's rtpengine-daemon, user space only: --table=-1) for tests: its ng
// control port and its rtpproxy-compatible UDP control port on 127.0.0.1, media ports from a
// free range, in the foreground as a child of the test.
import { spawn, spawnSync } from 'node:child_process';
import { freePort } from './ports.js';

export interface RtpengineProcess {
  /** The ng protocol's UDP port (rtpengine_sock). */
  ngPort: number;
  /** The rtpproxy protocol's UDP port (rtpproxy_sock). */
  rtpproxyPort: number;
  output(): string;
  stop(): Promise<void>;
}

/** Why rtpengine cannot run here, or undefined. */
export function rtpengineMissing(): string | undefined {
  return spawnSync('rtpengine', ['--version'], { stdio: 'ignore' }).error ? 'no `rtpengine` binary (Debian package rtpengine-daemon; .ci/run installs it)' : undefined;
}

export async function startRtpengine(): Promise<RtpengineProcess> {
  const ngPort = await freePort();
  const rtpproxyPort = await freePort();
  // media ports: a block of 200 above a free port (rtpengine skips ports in use)
  const low = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn('rtpengine', [
    '--foreground', '--log-stderr', '--table=-1', '--interface=127.0.0.1',
    `--listen-ng=127.0.0.1:${ngPort}`, `--listen-udp=127.0.0.1:${rtpproxyPort}`,
    `--port-min=${low}`, `--port-max=${low + 200}`, '--delete-delay=0',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`rtpengine did not start in 10 s:\n${out}`))), 10_000);
    const look = () => {
      if (!out.includes('Startup complete')) return;
      clearTimeout(timer);
      child.stderr!.off('data', look);
      resolve();
    };
    child.stderr!.on('data', look);
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`rtpengine exited with ${code}:\n${out}`))));
  });
  return {
    ngPort, rtpproxyPort,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const hard = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(hard);
    },
  };
}

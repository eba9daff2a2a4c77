// Starts the real rtpengine (user space only) for a test: ng on one port, its rtpproxy-
// compatible control (--listen-udp) on another, its CLI on a third (the default 2224 would
// collide when two tests run at once), media ports in a small range. Absent binary:
// SKIP_RTPENGINE says why (the tests skip, saying so).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import dgram from 'node:dgram';
import { freePort } from './ports.js';

export const RTPENGINE_BIN = '/usr/bin/rtpengine';
export const SKIP_RTPENGINE: string | false = existsSync(RTPENGINE_BIN) ? false : `${RTPENGINE_BIN} is not installed (Debian package rtpengine-daemon; .ci/run installs it)`;

export interface RtpengineDaemon {
  ngPort: number;
  udpPort: number;
  proc: ChildProcess;
  stderr: () => string;
  stop(): Promise<void>;
}

export async function startRtpengine(): Promise<RtpengineDaemon> {
  const ngPort = await freePort();
  const udpPort = await freePort();
  const cliPort = await freePort();
  const base = 30000 + Math.floor(Math.random() * 15000) * 2;
  let err = '';
  const proc = spawn(RTPENGINE_BIN, [
    '--config-file=none', '--foreground', '--log-stderr', `--listen-cli=127.0.0.1:${cliPort}`, '--table=-1', '--interface=127.0.0.1',
    `--listen-ng=127.0.0.1:${ngPort}`, `--listen-udp=127.0.0.1:${udpPort}`,
    `--port-min=${base}`, `--port-max=${base + 200}`, '--log-level=5', '--delete-delay=0',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  proc.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-20000)));
  await waitForPong(ngPort, proc, () => err);
  return {
    ngPort, udpPort, proc, stderr: () => err,
    stop: async () => {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** Pings the ng port until rtpengine answers (at most 5 s). */
async function waitForPong(port: number, proc: ChildProcess, err: () => string): Promise<void> {
  const s = dgram.createSocket('udp4');
  try {
    for (let i = 0; i < 50; i++) {
      if (proc.exitCode !== null) throw new Error(`rtpengine exited (${proc.exitCode}): ${err()}`);
      const got = await new Promise<boolean>((resolve) => {
        const t = setTimeout(() => resolve(false), 100);
        s.once('message', (m) => {
          clearTimeout(t);
          resolve(m.toString().includes('pong'));
        });
        s.send('p1 d7:command4:pinge', port, '127.0.0.1');
      });
      if (got) return;
    }
    throw new Error(`rtpengine did not answer ping on ${port}: ${err()}`);
  } finally {
    s.close();
  }
}

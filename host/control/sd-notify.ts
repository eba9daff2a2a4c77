// systemd's readiness protocol (sd_notify): with Type=notify, systemd passes $NOTIFY_SOCKET, a
// unix datagram socket, and waits for "READY=1" on it; "STOPPING=1" says a stop has begun.
// Node has no unix datagram sockets, so the datagram is sent by systemd-notify (what many Node
// services do). It is then sent by a child process, not the main one: the unit needs
// NotifyAccess=all (the ksr-host launcher also runs the server as a child of its own).
import { execFile } from 'node:child_process';

export type NotifyOutcome = { sent: true } | { sent: false; reason: string };

/** How long systemd-notify may take: it only writes one datagram (--no-block: no barrier wait). */
const NOTIFY_TIMEOUT_MS = 2000;

/** Sends `state` ("READY=1", "STOPPING=1") to $NOTIFY_SOCKET; never throws, says why it did not send. */
export function sdNotify(state: string, env: NodeJS.ProcessEnv = process.env, timeoutMs = NOTIFY_TIMEOUT_MS): Promise<NotifyOutcome> {
  const socket = env.NOTIFY_SOCKET;
  if (!socket) return Promise.resolve({ sent: false, reason: 'NOTIFY_SOCKET is not set (not started by systemd with Type=notify)' });
  return new Promise((resolve) => {
    execFile('systemd-notify', ['--no-block', state], { env: { ...env, NOTIFY_SOCKET: socket }, timeout: timeoutMs }, (err, _out, stderr) => {
      if (!err) return resolve({ sent: true });
      const why = (err as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'systemd-notify is not installed (package systemd)'
        : `systemd-notify ${state} failed (${err.killed ? `no end within ${timeoutMs} ms` : `exit ${String(err.code)}`}): ${String(stderr).trim().slice(0, 200)}`;
      resolve({ sent: false, reason: `${why}; NOTIFY_SOCKET=${socket}` });
    });
  });
}

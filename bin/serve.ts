// Starts a server the way the command line asks: `workers` 1 in this thread (server.ts, as
// an in-process server always is), more in worker threads (worker-server.ts). Absent, one
// worker per core.
import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';
import type { Settings } from '../host/config/settings.js';
import { startServer } from './server.js';
import { startWorkerServer, type RunningServer } from './worker-server.js';
import { sdNotify } from '../host/control/sd-notify.js';

export function workerCount(settings: Settings): number {
  return settings.workers ?? availableParallelism();
}

export async function startServing(settings: Settings, log: Logger): Promise<RunningServer> {
  const server = await startShape(settings, log);
  // systemd (Type=notify): serving now; and at stop, that a stop has begun
  await tellSystemd('READY=1', log);
  return { reload: () => server.reload(), stop: async () => (await tellSystemd('STOPPING=1', log), server.stop()) };
}

async function startShape(settings: Settings, log: Logger): Promise<RunningServer> {
  const n = workerCount(settings);
  if (n >= 2) return startWorkerServer(settings, log, n);
  const server = await startServer(settings, log);
  return { reload: () => server.reload(), stop: () => server.stop() };
}

/** sd_notify when started by systemd; a line either way, since a unit waiting for READY=1 that never comes times out. */
async function tellSystemd(state: string, log: Logger): Promise<void> {
  if (!process.env.NOTIFY_SOCKET) return;
  const r = await sdNotify(state);
  if (r.sent) log.info({ state }, 'sd_notify sent');
  else log.warn({ state }, `sd_notify not sent: ${r.reason}`);
}

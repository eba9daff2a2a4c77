// Starts a server the way the command line asks: `workers` 1 in this thread (server.ts, as
// an in-process server always is), more in worker threads (worker-server.ts). Absent, one
// worker per core.
import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';
import type { Settings } from '../host/config/settings.js';
import { startServer } from './server.js';
import { startWorkerServer, type RunningServer } from './worker-server.js';

export function workerCount(settings: Settings): number {
  return settings.workers ?? availableParallelism();
}

export async function startServing(settings: Settings, log: Logger): Promise<RunningServer> {
  const n = workerCount(settings);
  if (n >= 2) return startWorkerServer(settings, log, n);
  const server = await startServer(settings, log);
  return { reload: () => server.manager.reload(), stop: () => server.stop() };
}

// The lines an operator watches a server's life by, the same words whichever command starts
// it: "stopping" when a signal or a call asks it to, "stopped" once every socket is closed and
// the runtime gone (so a systemd journal or a container log shows a clean end, and how long it took).
export interface LifecycleLog {
  info(obj: object, msg: string): void;
}

/** Logs "stopping"; the function returned logs "stopped" with the time it took. */
export function logStopping(log: LifecycleLog, reason: string): () => void {
  const t0 = performance.now();
  log.info({ reason }, 'stopping');
  return () => log.info({ stopMs: Math.round(performance.now() - t0) }, 'stopped');
}

// The last resort of the server process: an exception or a rejected promise nothing caught.
// Policy: log it loudly (level fatal, with the stack: it is a bug to report), count it
// (kemi.stats process.uncaughtExceptions / unhandledRejections), and keep serving — one
// failed operation must not drop every call in progress. A storm of uncaught exceptions
// (more than STORM_COUNT within STORM_WINDOW_MS) means the process itself is broken: it then
// exits with code 70 (EX_SOFTWARE) for its supervisor to restart it.
export interface FaultLog {
  fatal(obj: object, msg: string): void;
}

export const processFaults = { uncaughtExceptions: 0, unhandledRejections: 0 };

export const STORM_COUNT = 50;
export const STORM_WINDOW_MS = 10_000;
export const STORM_EXIT_CODE = 70;

let installed = false;

export function installProcessGuard(log: FaultLog, exit: (code: number) => void = (c) => process.exit(c)): void {
  if (installed) return;
  installed = true;
  const recent: number[] = [];
  process.on('uncaughtException', (err, origin) => {
    processFaults.uncaughtExceptions++;
    log.fatal({ err, origin, count: processFaults.uncaughtExceptions }, 'BUG: uncaught exception; the server keeps running (report this with the stack)');
    const now = Date.now();
    recent.push(now);
    while (recent.length > 0 && now - recent[0]! > STORM_WINDOW_MS) recent.shift();
    if (recent.length > STORM_COUNT) {
      log.fatal({ count: recent.length, windowMs: STORM_WINDOW_MS }, 'too many uncaught exceptions: the process is not sound, exiting for a restart');
      exit(STORM_EXIT_CODE);
    }
  });
  process.on('unhandledRejection', (reason) => {
    processFaults.unhandledRejections++;
    log.fatal({ err: reason, count: processFaults.unhandledRejections }, 'BUG: unhandled promise rejection; the server keeps running (report this with the stack)');
  });
}

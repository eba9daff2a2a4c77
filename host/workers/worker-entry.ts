// Which file a worker thread starts from. From the sources (run through tsx) a worker thread
// does not inherit the parent's loader on Node 20, so it starts from a small .mjs boot file
// that registers tsx and then imports the TypeScript entry. From dist/ (bin/build.mjs) the
// entry is compiled JavaScript and starts as it is: no tsx at run time.

/** True when this process runs the compiled dist/ tree, false when it runs the .ts sources. */
export const RUNNING_COMPILED = import.meta.url.endsWith('.js');

export interface WorkerEntryFiles {
  /** The .mjs boot file next to the caller's source, e.g. './bridge-worker-boot.mjs'. */
  boot: string;
  /** The entry module's name without extension, e.g. './bridge-worker'. */
  entry: string;
}

/** The file to give `new Worker()`, relative to the caller's own `import.meta.url`. */
export function workerEntry(callerUrl: string, files: WorkerEntryFiles): URL {
  return new URL(RUNNING_COMPILED ? `${files.entry}.js` : files.boot, callerUrl);
}

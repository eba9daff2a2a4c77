// The freshness of dist/ (bin/build.mjs writes it, bin/ksr-host.mjs checks it): the newest
// modification time among the run-time sources. Directories count too, so a deleted or renamed
// file makes dist/ stale as an edited one does. Stat only, no reads: a few ms for ~600 files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The folders compiled into dist/ (tsconfig.build.json's "include"), relative to the project. */
export const SOURCE_DIRS = ['bin', 'host', 'bindings', 'runtimes'];
export const STAMP_FILE = '.build-stamp';
// never run and rewritten by tools while the server runs (Python's byte code caches)
const SKIPPED = new Set(['__pycache__', 'node_modules']);

/** The newest mtime (ms) of the files and folders under the source folders of `root`. */
export function newestSourceMtime(root) {
  let newest = 0;
  const walk = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED.has(e.name) || e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const d of SOURCE_DIRS) walk(join(root, d));
  return newest;
}

/** The newest source mtime the last complete build compiled, or null (no build, or one cut short). */
export function readStamp(distDir) {
  try {
    const stamp = JSON.parse(readFileSync(join(distDir, STAMP_FILE), 'utf8'));
    return typeof stamp.newestSourceMtimeMs === 'number' ? stamp.newestSourceMtimeMs : null;
  } catch {
    return null;
  }
}

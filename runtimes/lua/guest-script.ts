// Runs the guest bundle in an isolate, with a V8 code cache. The cache is made after a first
// run: compiling the same source again in that isolate finds it in V8's compilation cache,
// with every function the run compiled, so the data covers more than the top level (a cache
// made at first compile holds only eagerly compiled code: ~40 ms start instead of ~20).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ivm from 'isolated-vm';
import { writeAtomically, type GuestBundle } from './bundle.js';

const FILENAME = 'ksr-lua-guest.js';
let codeCache: ivm.ExternalCopy<ArrayBuffer> | null = null;

/** What compileScriptSync returns when given cache options (the typings omit it). */
type CachingScript = ivm.Script & ivm.CachedDataResult & { cachedDataRejected?: boolean };

function cacheFile(bundle: GuestBundle): string {
  // V8 rejects data from another version or flag set; naming by version just avoids churn.
  return join(bundle.cacheDir, `lua-guest-${bundle.key}-${process.versions.v8}.v8cache`);
}

function cachedData(bundle: GuestBundle): ivm.ExternalCopy<ArrayBuffer> | null {
  if (codeCache) return codeCache;
  try {
    const bytes = readFileSync(cacheFile(bundle));
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    codeCache = new ivm.ExternalCopy(ab as ArrayBuffer);
  } catch {
    // none on disk yet
  }
  return codeCache;
}

/** Compiles and runs the guest (throws what the isolate throws, for the caller's guard). */
export function runGuest(isolate: ivm.Isolate, context: ivm.Context, bundle: GuestBundle, timeoutMs: number): void {
  const cached = cachedData(bundle);
  if (cached) {
    const script = isolate.compileScriptSync(bundle.code, { filename: FILENAME, cachedData: cached }) as CachingScript;
    if (!script.cachedDataRejected) {
      script.runSync(context, { timeout: timeoutMs });
      return;
    }
    codeCache = null;
  }
  isolate.compileScriptSync(bundle.code, { filename: FILENAME }).runSync(context, { timeout: timeoutMs });
  const warm = isolate.compileScriptSync(bundle.code, { filename: FILENAME, produceCachedData: true }) as CachingScript;
  if (warm.cachedData) {
    codeCache = warm.cachedData;
    writeAtomically(cacheFile(bundle), new Uint8Array(warm.cachedData.copy()));
  }
}

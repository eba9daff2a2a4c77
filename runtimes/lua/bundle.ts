// The guest script: guest/*.js bundled with fengari into one IIFE by esbuild, at first use.
// Built offline from node_modules and cached on disk (node_modules/.cache/ksr-host/), keyed
// by a hash of the guest sources and the fengari and esbuild versions, so a change rebuilds.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FACT_SEPARATOR } from '../../bindings/registry.js';
import { FACTS_SOURCE } from '../guest-facts.js';
import { FENGARI_PATCHES_KEY, FENGARI_SOURCES, patchFengari } from './fengari-patches.js';

const require = createRequire(import.meta.url);
const GUEST_DIR = join(dirname(fileURLToPath(import.meta.url)), 'guest');
const ENTRY = join(GUEST_DIR, 'main.js');
/** Node built-ins that fengari requires only on its Node paths, never taken inside an isolate. */
const NODE_ONLY = ['fs', 'path', 'os', 'child_process', 'crypto', 'readline-sync', 'tmp'];

export interface GuestBundle {
  code: string;
  /** Hash of everything the code was built from; names the cache files. */
  key: string;
  cacheDir: string;
}

let pending: Promise<GuestBundle> | null = null;

/** The bundled guest, built once per process (and once per change on disk). */
export function guestBundle(): Promise<GuestBundle> {
  pending ??= loadOrBuild().catch((e) => {
    pending = null;
    throw e;
  });
  return pending;
}

export function cacheDirectory(): string {
  const nodeModules = dirname(dirname(require.resolve('fengari/package.json')));
  return join(nodeModules, '.cache', 'ksr-host');
}

/**
 * fengari's luaconf, fixed at build time. LUAI_MAXSTACK: 50 000 slots instead of Lua's
 * 1 000 000. Runaway recursion in fengari (Lua in JavaScript) ran into the CPU limit before it
 * reached a million slots (at 100 000, about half the time), and the isolate holding them then
 * took tens of ms to throw away: the deep_stack attack held clients ~190-210 ms. At 50 000 it is
 * a "stack overflow" error the script sees at once (55-80 ms), as QuickJS's and Python's own
 * limits give. Routing scripts use a few hundred slots.
 */
const FENGARI_CONF = { LUAI_MAXSTACK: 50_000 };

/**
 * `import { makeFacts, FACT_SEPARATOR } from 'ksr:facts'` in the guest: the answers from the
 * message's facts every guest shares (../guest-facts.ts), with the host's separator.
 */
const FACTS_MODULE = `export const makeFacts = ${FACTS_SOURCE};\nexport const FACT_SEPARATOR = ${JSON.stringify(FACT_SEPARATOR)};\n`;

function bundleKey(): string {
  const h = createHash('sha256');
  h.update(`fengari ${require('fengari/package.json').version}; esbuild ${require('esbuild/package.json').version}\n`);
  h.update(`${JSON.stringify(FENGARI_CONF)}\n`);
  h.update(`${FENGARI_PATCHES_KEY}\n`);
  h.update(FACTS_MODULE);
  for (const f of readdirSync(GUEST_DIR).sort()) h.update(`${f}\n`).update(readFileSync(join(GUEST_DIR, f)));
  return h.digest('hex').slice(0, 16);
}

async function loadOrBuild(): Promise<GuestBundle> {
  const key = bundleKey();
  const cacheDir = cacheDirectory();
  const file = join(cacheDir, `lua-guest-${key}.js`);
  try {
    const code = readFileSync(file, 'utf8');
    touch(file);
    return { code, key, cacheDir };
  } catch {
    // not built yet
  }
  const code = await buildGuest();
  removeStale(cacheDir, key);
  writeAtomically(file, code);
  return { code, key, cacheDir };
}

/**
 * How long another key's bundle is kept. Checkouts that share one node_modules (git worktrees
 * of different branches) each have their own key: removing the other's at once made every
 * server process of each rebuild its bundle and code cache (~1-2 s at start).
 */
const STALE_AFTER_MS = 24 * 3600 * 1000;

/** Marks a cached bundle as used (its mtime): a bundle in use is never stale. */
function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // read-only cache: it is only ever removed by hand
  }
}

/**
 * Bundles of other guest sources unused for a day are removed, with their code caches (a
 * cache goes with its bundle: `lua-guest-KEY.js`, `lua-guest-KEY-V8VERSION.v8cache`).
 */
function removeStale(cacheDir: string, key: string): void {
  try {
    const before = Date.now() - STALE_AFTER_MS;
    const lastUsed = (k: string) => {
      try {
        return statSync(join(cacheDir, `lua-guest-${k}.js`)).mtimeMs;
      } catch {
        return 0;
      }
    };
    for (const f of readdirSync(cacheDir)) {
      const k = /^lua-guest-([0-9a-f]{16})/.exec(f)?.[1];
      if (k !== undefined && k !== key && lastUsed(k) < before) rmSync(join(cacheDir, f), { force: true });
    }
  } catch {
    // no cache directory yet
  }
}

/** The guest bundle's code (minified unless asked not to: for profiling, bench/). */
export async function buildGuest(minify = true): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify,
    legalComments: 'none',
    define: { 'process.env.FENGARICONF': JSON.stringify(JSON.stringify(FENGARI_CONF)) },
    external: NODE_ONLY,
    loader: { '.lua': 'text' },
    plugins: [
      {
        name: 'ksr-facts',
        setup(b) {
          b.onResolve({ filter: /^ksr:facts$/ }, () => ({ path: 'facts', namespace: 'ksr' }));
          b.onLoad({ filter: /.*/, namespace: 'ksr' }, () => ({ contents: FACTS_MODULE, loader: 'js' }));
        },
      },
      {
        name: 'fengari-patches',
        setup(b) {
          b.onLoad({ filter: FENGARI_SOURCES }, (args) => ({
            contents: patchFengari(readFileSync(args.path, 'utf8')).text,
            loader: 'js',
          }));
        },
      },
    ],
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`lua runtime: esbuild produced no output for ${ENTRY}`);
  return out.text;
}

/** Best effort: a read-only node_modules only costs a rebuild per process. */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch {
    // cache not writable: keep going from memory
  }
}

// The guest script: guest/*.js bundled with fengari into one IIFE by esbuild, at first use.
// Built offline from node_modules and cached on disk (node_modules/.cache/ksr-host/), keyed
// by a hash of the guest sources and the fengari and esbuild versions, so a change rebuilds.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FACT_SEPARATOR } from '../../bindings/registry.js';
import { FACTS_SOURCE } from '../guest-facts.js';

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
  h.update(FACTS_MODULE);
  for (const f of readdirSync(GUEST_DIR).sort()) h.update(`${f}\n`).update(readFileSync(join(GUEST_DIR, f)));
  return h.digest('hex').slice(0, 16);
}

async function loadOrBuild(): Promise<GuestBundle> {
  const key = bundleKey();
  const cacheDir = cacheDirectory();
  const file = join(cacheDir, `lua-guest-${key}.js`);
  try {
    return { code: readFileSync(file, 'utf8'), key, cacheDir };
  } catch {
    // not built yet
  }
  const code = await build();
  removeStale(cacheDir, key);
  writeAtomically(file, code);
  return { code, key, cacheDir };
}

/** Bundles and code caches of older guest sources are never read again. */
function removeStale(cacheDir: string, key: string): void {
  try {
    for (const f of readdirSync(cacheDir)) {
      if (f.startsWith('lua-guest-') && !f.includes(key)) rmSync(join(cacheDir, f), { force: true });
    }
  } catch {
    // no cache directory yet
  }
}

async function build(): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
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

#!/usr/bin/env node
// The build (`npm run build`, run by `npm install` through `prepare`): compiles bin/ host/
// bindings/ runtimes/ to dist/ with tsc (tsconfig.build.json, same layout), copies the files the
// code reads at run time next to itself (import.meta.url: Lua/Python guest code, .tsv data,
// plain .mjs workers), and writes dist/.build-stamp last, so that bin/ksr-host.mjs runs dist/
// only after a complete build of sources no newer than it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { newestSourceMtime, SOURCE_DIRS, STAMP_FILE } from './build-stamp.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
// Not copied: TypeScript (compiled instead), docs, and the .mjs files that exist only to run
// the sources (the launcher, tsx boot files, tsx's hooks): dist/ starts its workers from the
// compiled entries (host/workers/worker-entry.ts).
const NOT_COPIED = [/\.ts$/, /\.d\.mts$/, /\.md$/, /-boot\.mjs$/, /^bin\/[^/]+\.mjs$/, /(^|\/)__pycache__(\/|$)/];

function compile() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`tsc -p tsconfig.build.json: expected exit 0, got ${r.status ?? r.signal ?? r.error?.message}`);
}

function copyAssets() {
  let copied = 0;
  const walk = (dir) => {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${e.name}`;
      if (NOT_COPIED.some((re) => re.test(path))) continue;
      if (e.isDirectory()) walk(path);
      else if (e.isFile()) {
        mkdirSync(join(DIST, dir), { recursive: true });
        copyFileSync(join(ROOT, path), join(DIST, path));
        copied++;
      }
    }
  };
  for (const d of SOURCE_DIRS) walk(d);
  return copied;
}

/** dist/api-snapshot.json: the registry as `ksr-host api` prints it, made from the compiled registry. */
async function writeApiSnapshot() {
  const { createRegistry } = await import(pathToFileURL(join(DIST, 'bindings/modules/index.js')).href);
  const { apiSnapshot, API_SNAPSHOT_FILE } = await import(pathToFileURL(join(DIST, 'bin/api-list.js')).href);
  writeFileSync(join(DIST, API_SNAPSHOT_FILE), JSON.stringify(apiSnapshot(createRegistry())));
}

const started = Date.now();
// read before compiling: a source edited during the build leaves dist/ stale, never the reverse
const newest = newestSourceMtime(ROOT);
// no stamp while the tree is half written: launchers run the sources meanwhile
rmSync(join(DIST, STAMP_FILE), { force: true });
try {
  compile();
  const copied = copyAssets();
  await writeApiSnapshot();
  writeFileSync(join(DIST, STAMP_FILE), `${JSON.stringify({ newestSourceMtimeMs: newest, builtAt: new Date().toISOString() })}\n`);
  process.stdout.write(`ksr-host build: ${relative(process.cwd(), DIST) || '.'} compiled, ${copied} files copied, in ${Date.now() - started} ms\n`);
} catch (e) {
  process.stderr.write(`ksr-host build: ${e.message}\n`);
  process.exit(1);
}

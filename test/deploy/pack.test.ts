// What `npm pack` ships (package.json "files": the compiled dist/, not the TypeScript), and that
// the shipped files alone run: the tarball unpacked, with the repository's node_modules linked
// in (installing the tarball for real compiles the native modules, ~2 min:
// test/slow/pack-install.test.ts). dist/ is built first (`npm run build`, incremental).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const exec = promisify(execFile);
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface PackReport {
  filename: string;
  files: { path: string }[];
}

/** dist/ as the sources are now (npm pack runs `prepare` itself; here scripts are off, so the build is run once). */
let built: Promise<unknown> | null = null;
const buildOnce = () => (built ??= exec('npm', ['run', 'build'], { cwd: ROOT, timeout: 180_000, maxBuffer: 16 << 20 }));

async function npmPack(...args: string[]): Promise<PackReport> {
  await buildOnce();
  const { stdout } = await exec('npm', ['pack', '--json', '--ignore-scripts', ...args], { cwd: ROOT, timeout: 60_000, maxBuffer: 16 << 20 });
  const reports = JSON.parse(stdout) as PackReport[];
  assert.equal(reports.length, 1, `npm pack --json: expected one package, got ${reports.length}`);
  return reports[0]!;
}

/** Files the server reads at run time besides its imports: guests, launcher, typings, the unit. */
const MUST_SHIP = [
  'package.json', 'LICENSE', 'README.md', 'ARCHITECTURE.md',
  'bin/ksr-host.mjs', 'bin/build-stamp.mjs', 'dist/.build-stamp', 'dist/bin/cli.js', 'dist/bin/worker-thread.js',
  'dist/bindings/registry.js', 'dist/bindings/modules/index.js', 'dist/bindings/python-router.js', 'bindings/typings/ksr.d.ts',
  'dist/bindings/docs/functions/sanity.tsv',
  'dist/runtimes/lua/guest/main.js', 'dist/runtimes/lua/guest/prelude.lua', 'dist/runtimes/python/guest/ksr.py',
  'dist/runtimes/python/watchdog-worker.mjs', 'dist/host/http/fetch-worker.js', 'dist/host/store/bridge-worker.js',
  'sample-scripts/routing.lua', 'sample-scripts/routing.js', 'sample-scripts/routing.py',
  'deploy/ksr-host.service', 'deploy/Dockerfile', 'deploy/ksr-host.yaml',
];

test('npm pack ships the launcher, the compiled server (no TypeScript), LICENSE, and no tests or benches', { timeout: 240_000 }, async () => {
  const paths = new Set((await npmPack('--dry-run')).files.map((f) => f.path));
  for (const p of MUST_SHIP) assert.ok(paths.has(p), `npm pack --dry-run: expected ${p} in the package, not there`);
  const foreign = [...paths].filter((p) => /^(test|bench|\.ci|node_modules)\//.test(p) || /(^|\/)\.env|ksr-host\.db|ksr-host-state/.test(p));
  assert.deepEqual(foreign, [], 'npm pack --dry-run: test/, bench/, .ci/ or local state in the package');
  // the TypeScript sources and build-time files stay home: the package runs dist/ on plain node
  const sources = [...paths].filter((p) => /\.ts$/.test(p) && !/\.d\.ts$/.test(p));
  assert.deepEqual(sources, [], 'npm pack --dry-run: TypeScript sources in the package');
  for (const p of ['bindings/catalogue.tsv', 'dist/.tsbuildinfo', 'tsconfig.json']) {
    assert.ok(!paths.has(p), `npm pack --dry-run: ${p} is build-time only, found in the package`);
  }
});

/** Every compiled file the command line and the worker entries import, statically (esbuild's metafile). */
async function importedSources(): Promise<string[]> {
  await buildOnce();
  const entryPoints = ['dist/bin/cli.js', 'dist/bin/worker-thread.js', 'dist/runtimes/python/watchdog-worker.mjs',
    'dist/host/http/fetch-worker.js', 'dist/host/store/bridge-worker.js'].map((f) => join(ROOT, f));
  const result = await build({ entryPoints, absWorkingDir: ROOT, bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', packages: 'external', outdir: 'unused', logLevel: 'silent' });
  return Object.keys(result.metafile.inputs);
}

test('npm pack ships every compiled file the server imports', { timeout: 240_000 }, async () => {
  const paths = new Set((await npmPack('--dry-run')).files.map((f) => f.path));
  const missing = (await importedSources()).filter((p) => !paths.has(p));
  assert.deepEqual(missing, [], 'imported at run time but left out by package.json "files"');
});

test('the unpacked tarball runs: ksr-host --version and ksr-host api htable.sht_get', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-host-pack-'));
  try {
    const { filename } = await npmPack('--pack-destination', dir);
    await exec('tar', ['-xzf', join(dir, filename), '-C', dir], { timeout: 30_000 });
    const pkg = join(dir, 'package');
    // the repository's dependencies, so only the shipped sources are under test
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
    const bin = join(pkg, 'bin', 'ksr-host.mjs');
    const cli = (...args: string[]) => exec(process.execPath, [bin, ...args], { cwd: dir, timeout: 60_000 });
    assert.equal((await cli('--version')).stdout.trim(), VERSION);
    const api = (await cli('api', 'htable.sht_get')).stdout;
    assert.match(api, /KSR\.htable\.sht_get\([a-z_]+: str, [a-z_]+: str\): /, `ksr-host api htable.sht_get from the tarball printed:\n${api}`);
    // the sample script ships and checks (exit 0; exec rejects otherwise, with its stderr)
    await cli('check', join(pkg, 'sample-scripts', 'routing.lua'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// bin/ksr-host.mjs's choice between dist/ and the sources, in a small tree of its own (the real
// launcher and build-stamp.mjs; stand-in CLIs that say which one ran): dist/ when its stamp is
// not older than the sources, the sources through tsx otherwise (saying so when dist/ is stale,
// not when there is no build), and dist/ always when there are no sources (an installed package).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STALE_NOTE = 'ksr-host: dist/ is older than the sources; running them through tsx (npm run build to refresh)\n';
let tree = '';

before(() => {
  tree = mkdtempSync(join(tmpdir(), 'ksr-launcher-'));
  for (const dir of ['bin', 'host', 'bindings', 'runtimes', 'dist/bin']) mkdirSync(join(tree, dir), { recursive: true });
  for (const f of ['ksr-host.mjs', 'build-stamp.mjs', 'plain-names.mjs', 'plain-names-hooks.mjs']) copyFileSync(join(ROOT, 'bin', f), join(tree, 'bin', f));
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  writeFileSync(join(tree, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(tree, 'bin/cli.ts'), "const ran: string = 'sources';\nconsole.log(ran, process.argv.slice(2).join(' '));\n");
  writeFileSync(join(tree, 'dist/bin/cli.js'), "console.log('dist', process.argv.slice(2).join(' '));\n");
});

after(() => rmSync(tree, { recursive: true, force: true }));

/** Runs the launcher outside node --test's context, so that it says what it says to an operator. */
function launch(): { out: string; err: string } {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const r = spawnSync(process.execPath, [join(tree, 'bin/ksr-host.mjs'), '--version'], { cwd: tree, env, encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.status, 0, r.stderr);
  return { out: r.stdout, err: r.stderr };
}

function stamp(newestSourceMtimeMs: number): void {
  writeFileSync(join(tree, 'dist/.build-stamp'), JSON.stringify({ newestSourceMtimeMs }));
}

/** Every file and folder of the stand-in sources at one time (seconds since the epoch). */
function setSourceTimes(seconds: number): void {
  for (const p of ['bin', 'host', 'bindings', 'runtimes', ...['ksr-host.mjs', 'build-stamp.mjs', 'plain-names.mjs', 'plain-names-hooks.mjs', 'cli.ts'].map((f) => `bin/${f}`)]) utimesSync(join(tree, p), seconds, seconds);
}

test('no build: the sources, through tsx, without a note', () => {
  rmSync(join(tree, 'dist/.build-stamp'), { force: true });
  assert.deepEqual(launch(), { out: 'sources --version\n', err: '' });
});

test('a fresh build: dist/', () => {
  setSourceTimes(1_000_000);
  stamp(1_000_000 * 1000);
  assert.deepEqual(launch(), { out: 'dist --version\n', err: '' });
});

test('a source newer than the build: the sources, with one note on stderr', () => {
  setSourceTimes(1_000_000);
  stamp(1_000_000 * 1000);
  utimesSync(join(tree, 'bin/cli.ts'), 1_000_100, 1_000_100);
  assert.deepEqual(launch(), { out: 'sources --version\n', err: STALE_NOTE });
});

test('a file deleted since the build (its folder changed): the sources', () => {
  setSourceTimes(1_000_000);
  stamp(1_000_000 * 1000);
  utimesSync(join(tree, 'host'), 1_000_100, 1_000_100);
  assert.equal(launch().out, 'sources --version\n');
});

test('no sources next to dist/ (an installed package): dist/, whatever the stamp', () => {
  rmSync(join(tree, 'dist/.build-stamp'), { force: true });
  rmSync(join(tree, 'bin/cli.ts'));
  try {
    assert.deepEqual(launch(), { out: 'dist --version\n', err: '' });
  } finally {
    writeFileSync(join(tree, 'bin/cli.ts'), "const ran: string = 'sources';\nconsole.log(ran, process.argv.slice(2).join(' '));\n");
  }
});

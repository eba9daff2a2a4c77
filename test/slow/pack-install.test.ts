// The tarball installed as an operator would (`npm install -g`), into a temporary prefix: the
// `ksr-host` command it puts on the PATH works. Slow (~2 min: isolated-vm and better-sqlite3
// may compile) and uses npm's cache or registry, so it is kept out of npm test (2-3.5 min would take the suite past 20 min): npm run test:slow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const exec = promisify(execFile);
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

test('npm install -g of the packed tarball gives a working ksr-host', { timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-host-install-'));
  try {
    const { stdout } = await exec('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, timeout: 60_000 });
    const tgz = join(dir, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
    const prefix = join(dir, 'prefix');
    await exec('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tgz], { cwd: dir, timeout: 540_000, maxBuffer: 16 << 20 });
    const bin = join(prefix, 'bin', 'ksr-host');
    const cli = (...args: string[]) => exec(bin, args, { cwd: dir, timeout: 60_000 });
    assert.equal((await cli('--version')).stdout.trim(), VERSION);
    assert.match((await cli('api', 'htable.sht_get')).stdout, /KSR\.htable\.sht_get\(str, str\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

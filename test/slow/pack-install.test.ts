// The tarball installed as an operator would (`npm install -g`), into a temporary prefix: the
// `ksr-host` command it puts on the PATH works, from the compiled dist/ it ships (no TypeScript,
// no tsx), and serves SIP. Slow (~1.7 min: isolated-vm and better-sqlite3 may compile; npm's
// cache or registry), so it runs in npm test's second phase (test:alone), with the machine to itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '../support/ports.js';
import { optionsStatusFrom } from '../support/sip-client.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const exec = promisify(execFile);
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

test('npm install -g of the packed tarball gives a working ksr-host', { timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-host-install-'));
  try {
    // npm pack builds dist/ itself (prepare); scripts stay off here, so the build is run first
    await exec('npm', ['run', 'build'], { cwd: ROOT, timeout: 180_000, maxBuffer: 16 << 20 });
    const { stdout } = await exec('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, timeout: 60_000 });
    const tgz = join(dir, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
    const prefix = join(dir, 'prefix');
    await exec('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tgz], { cwd: dir, timeout: 540_000, maxBuffer: 16 << 20 });
    const bin = join(prefix, 'bin', 'ksr-host');
    const cli = (...args: string[]) => exec(bin, args, { cwd: dir, timeout: 60_000 });
    assert.equal((await cli('--version')).stdout.trim(), VERSION);
    assert.match((await cli('api', 'htable.sht_get')).stdout, /^KSR\.htable\.sht_get\([a-z_]+: str, [a-z_]+: str\): xval\n/);
    // the installed command serves: an OPTIONS over UDP gets 200 from its sample script
    const port = await freePort();
    const server = execFile(bin, ['run', '--script', join(prefix, 'lib', 'node_modules', 'ksr-host', 'sample-scripts', 'routing.js'), '--listen', `udp:127.0.0.1:${port}`, '--control', 'off', '--store', 'sqlite::memory:', '--state-dir', join(dir, 'state'), '--workers', '1'], { cwd: dir });
    try {
      let status = 0;
      for (const end = Date.now() + 30_000; status !== 200 && Date.now() < end; ) status = await optionsStatusFrom(port, '127.0.0.1');
      assert.equal(status, 200, 'the installed server answered no OPTIONS with 200 within 30 s');
    } finally {
      server.kill('SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

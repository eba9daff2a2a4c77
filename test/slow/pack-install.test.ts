// The tarball installed as an operator would (`npm install -g`), into a temporary prefix: the
// `ksr-host` command it puts on the PATH works, from the compiled dist/ it ships (no TypeScript,
// no tsx), and serves SIP. It runs in npm test's second phase (test:alone), with the machine to itself.
//
// The native modules (isolated-vm, better-sqlite3) come as prebuilt binaries, as they do for an
// operator whose machine reaches their GitHub releases: prebuild-install finds them in a local
// folder (npm_config_<package>_local_prebuilds), packed from the binaries this checkout's own
// install made. This machine reaches no GitHub, so without them both compiled from source
// here (2.4-3 min of the suite's 20); the compile itself is what `npm ci` does from a clean
// clone in .ci/run. KSR_TEST_PACK_COMPILE=1 compiles here too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '../support/ports.js';
import { optionsStatusFrom } from '../support/sip-client.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const exec = promisify(execFile);
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** A native dependency: the binary its loader requires, relative to its package folder. */
const NATIVE = [
  { name: 'isolated-vm', binary: 'out/isolated_vm.node' },
  { name: 'better-sqlite3', binary: 'build/Release/better_sqlite3.node' },
];

/**
 * Packs each native dependency's built binary as prebuild-install names a release asset
 * ({name}-v{version}-node-v{abi}-{platform}-{arch}.tar.gz, glibc), into `dir`; the environment
 * that points prebuild-install there. A binary that is missing is left out: that one compiles.
 */
function localPrebuilds(dir: string): NodeJS.ProcessEnv {
  mkdirSync(dir, { recursive: true });
  const env: NodeJS.ProcessEnv = {};
  for (const { name, binary } of NATIVE) {
    const pkgDir = join(ROOT, 'node_modules', name);
    if (!existsSync(join(pkgDir, binary))) continue;
    const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
    const asset = `${name}-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
    execFileSync('tar', ['czf', join(dir, asset), '-C', pkgDir, binary]);
    env[`npm_config_${name.replace(/[^a-zA-Z0-9]/g, '_')}_local_prebuilds`] = dir;
  }
  return env;
}

test('npm install -g of the packed tarball gives a working ksr-host', { timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-host-install-'));
  try {
    // npm pack builds dist/ itself (prepare); scripts stay off here, so the build is run first
    await exec('npm', ['run', 'build'], { cwd: ROOT, timeout: 180_000, maxBuffer: 16 << 20 });
    const { stdout } = await exec('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, timeout: 60_000 });
    const tgz = join(dir, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
    const prefix = join(dir, 'prefix');
    const prebuilds = process.env.KSR_TEST_PACK_COMPILE === '1' ? {} : localPrebuilds(join(dir, 'prebuilds'));
    await exec('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tgz], { cwd: dir, timeout: 540_000, maxBuffer: 16 << 20, env: { ...process.env, ...prebuilds } });
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

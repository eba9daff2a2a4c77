// deploy/: the systemd unit (systemd-analyze verify, when installed), the Dockerfile (built
// when a docker daemon answers; read for its essentials always) and the example config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfigFile } from '../../host/config/load-config.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const exec = promisify(execFile);
const read = (f: string) => readFileSync(join(ROOT, 'deploy', f), 'utf8');

async function answers(cmd: string, args: string[]): Promise<boolean> {
  try {
    await exec(cmd, args, { timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

/** `Key=value` lines of a unit, last one wins (as systemd reads a single-valued key). */
function unitKeys(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (m) keys.set(m[1]!, m[2]!);
  }
  return keys;
}

test('the unit starts ksr-host run as a notify service that reloads on SIGHUP', () => {
  const k = unitKeys(read('ksr-host.service'));
  assert.equal(k.get('Type'), 'notify');
  assert.equal(k.get('NotifyAccess'), 'all', 'READY=1 comes from systemd-notify, a child process');
  assert.equal(k.get('User'), 'ksr-host');
  assert.equal(k.get('ExecStart'), '/usr/bin/ksr-host run --config /etc/ksr-host/ksr-host.yaml');
  assert.equal(k.get('ExecReload'), '/bin/kill -HUP $MAINPID');
  assert.equal(k.get('Restart'), 'on-failure');
  assert.equal(k.get('StateDirectory'), 'ksr-host');
  assert.equal(k.get('ProtectSystem'), 'strict');
  assert.match(k.get('ReadWritePaths') ?? '', /\/var\/lib\/ksr-host/);
  assert.equal(k.get('MemoryDenyWriteExecute'), undefined, 'V8 JIT writes executable memory');
});

test('systemd-analyze verify finds nothing wrong in the unit', { timeout: 30_000 }, async (t) => {
  if (!(await answers('systemd-analyze', ['--version']))) return t.skip('systemd-analyze is not installed');
  // a copy whose ExecStart names a binary that exists here (verify checks it is executable);
  // the file keeps its name, as verify takes the unit name from it
  const dir = mkdtempSync(join(tmpdir(), 'ksr-host-unit-'));
  try {
    const unit = join(dir, 'ksr-host.service');
    writeFileSync(unit, read('ksr-host.service').replace(/^ExecStart=\/usr\/bin\/ksr-host /m, 'ExecStart=/bin/true '));
    const { stderr } = await exec('systemd-analyze', ['verify', unit], { timeout: 20_000 });
    // unknown keys and bad values are only warnings (exit 0): any line about our unit fails
    const ours = stderr.split('\n').filter((l) => l.includes('ksr-host.service'));
    assert.deepEqual(ours, [], `systemd-analyze verify ${unit}:\n${stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the Dockerfile: Node 20 slim, a non-root user, a health check, the launcher as entry point', () => {
  const text = read('Dockerfile');
  const lines = text.split('\n');
  const froms = lines.filter((l) => /^FROM /.test(l));
  assert.ok(froms.length > 0 && froms.every((l) => /^FROM node:20-bookworm-slim\b/.test(l)), `FROM lines: ${froms.join(' | ')}`);
  const users = lines.filter((l) => /^USER /.test(l));
  assert.equal(users.length, 1, 'one USER line');
  assert.doesNotMatch(users[0]!, /^USER\s+(root|0)(\s|:|$)/, 'the server must not run as root');
  assert.match(text, /^HEALTHCHECK .*\\\n\s+CMD node -e .*\/health/m);
  assert.match(text, /^RUN npm ci --omit=dev/m);
  assert.match(text, /^ENTRYPOINT \["node", "bin\/ksr-host\.mjs"\]$/m);
  assert.match(text, /^CMD \["run", "--config", "\/etc\/ksr-host\/ksr-host\.yaml"\]$/m);
  assert.match(text, /^EXPOSE 5060\/udp 5060\/tcp 5080\/tcp$/m);
});

test('the image runs the sources, so what runs them is installed by `npm ci --omit=dev`', () => {
  // The image copies the TypeScript sources and no dist/: the launcher then runs them through
  // tsx (bin/ksr-host.mjs), which must be a production dependency or the container cannot start.
  const text = read('Dockerfile');
  assert.doesNotMatch(text, /^COPY\s+(\S+\s+)*\.?\/?dist\b/m, 'the image copies dist/: then this test should check dist instead');
  assert.match(text, /^COPY bin \.\/bin$/m);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  assert.ok(pkg.dependencies.tsx, `tsx is in ${pkg.devDependencies.tsx ? 'devDependencies' : 'no dependency list'}: npm ci --omit=dev leaves it out of the image`);
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  assert.notEqual(lock.packages['node_modules/tsx']?.dev, true, 'package-lock.json marks tsx dev-only');
});

test('docker build succeeds', { timeout: 900_000 }, async (t) => {
  if (!(await answers('docker', ['info']))) return t.skip('no docker daemon answers (docker info failed)');
  await exec('docker', ['build', '-f', 'deploy/Dockerfile', '-t', 'ksr-host:test', '.'], { cwd: ROOT, timeout: 880_000, maxBuffer: 64 << 20 });
});

test('the example config loads, and keeps its state where the unit and the image give it a directory', () => {
  const settings = loadConfigFile(join(ROOT, 'deploy', 'ksr-host.yaml'));
  assert.equal(settings.stateDir, '/var/lib/ksr-host');
  assert.equal(settings.store, 'sqlite:/var/lib/ksr-host/ksr-host.db');
  assert.deepEqual(settings.control && { ip: settings.control.ip, port: settings.control.port }, { ip: '127.0.0.1', port: 5080 });
  assert.equal(settings.routing.script, '/etc/ksr-host/routing.lua');
});

// Where the command line finds its config (host/config/config-file.ts): --config FILE,
// $KSR_HOST_CONFIG, ./ksr-host.yaml, /etc/ksr-host/ksr-host.yaml, else the embedded defaults;
// and a command that only reads does not create a database that is not there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli-run.js';
import { findConfigFile, SYSTEM_CONFIG } from '../../host/config/config-file.js';

const root = mkdtempSync(join(tmpdir(), 'ksr-cli-config-'));
test.after(() => rmSync(root, { recursive: true, force: true }));

function freshDir(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  return dir;
}

const cli = (cwd: string, args: string[], env: Record<string, string> = {}) => runCli(args, { cwd, env });

test('the order: --config, $KSR_HOST_CONFIG, ./ksr-host.yaml, /etc/ksr-host/ksr-host.yaml, defaults', () => {
  const files = new Set(['/srv/flag.yaml', '/srv/env.yaml', '/here/ksr-host.yaml', SYSTEM_CONFIG]);
  const exists = (p: string) => files.has(p);
  const env = { KSR_HOST_CONFIG: '/srv/env.yaml' };
  assert.deepEqual(findConfigFile({ flag: '/srv/flag.yaml', env, cwd: '/here', exists }), { file: '/srv/flag.yaml', from: '--config' });
  assert.deepEqual(findConfigFile({ env, cwd: '/here', exists }), { file: '/srv/env.yaml', from: '$KSR_HOST_CONFIG' });
  assert.deepEqual(findConfigFile({ env: {}, cwd: '/here', exists }), { file: '/here/ksr-host.yaml', from: './ksr-host.yaml' });
  assert.deepEqual(findConfigFile({ env: {}, cwd: '/elsewhere', exists }), { file: SYSTEM_CONFIG, from: SYSTEM_CONFIG });
  assert.deepEqual(findConfigFile({ env: {}, cwd: '/elsewhere', exists: () => false }), { file: null, from: 'embedded defaults' });
  // relative names are the caller's directory's
  assert.deepEqual(findConfigFile({ flag: 'flag.yaml', env: {}, cwd: '/srv', exists }), { file: '/srv/flag.yaml', from: '--config' });
  // a file the operator named must be there: no silent fall back to another config
  assert.throws(() => findConfigFile({ flag: '/srv/typo.yaml', env, cwd: '/here', exists }), /^Error: --config names \/srv\/typo\.yaml: expected a config file there, found none$/);
  assert.throws(() => findConfigFile({ env: { KSR_HOST_CONFIG: 'gone.yaml' }, cwd: '/here', exists }), /\$KSR_HOST_CONFIG names gone\.yaml: expected a config file there, found none/);
});

test('user list and ul dump in an empty directory: no database there, said, exit 1, nothing created', async () => {
  const dir = freshDir('empty');
  const [list, dump] = await Promise.all([cli(dir, ['user', 'list']), cli(dir, ['ul', 'dump'])]);
  for (const r of [list, dump]) {
    assert.equal(r.code, 1, r.err);
    assert.equal(r.err, `ksr-host: no database at ${join(dir, 'ksr-host.db')} (store sqlite:./ksr-host.db); give --store URL or --config FILE, or create it with 'ksr-host user add'\n`);
  }
  assert.equal(existsSync(join(dir, 'ksr-host.db')), false);
  // user add may create it; list then reads it
  assert.equal((await cli(dir, ['user', 'add', 'alice@example.com', 'pw'])).code, 0);
  assert.deepEqual(await cli(dir, ['user', 'list']), { code: 0, out: 'alice@example.com\n', err: '' });
});

test('./ksr-host.yaml is used in its directory; $KSR_HOST_CONFIG over it; --config over both', async () => {
  const dir = freshDir('configs');
  const configFor = (name: string) => {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, `store: sqlite:${join(dir, `${name}.db`)}\n`);
    return file;
  };
  const local = configFor('ksr-host');
  const fromEnv = configFor('env');
  const fromFlag = configFor('flag');
  assert.equal((await cli(dir, ['user', 'add', 'local@example.com', 'pw'])).code, 0);
  assert.equal((await cli(dir, ['user', 'add', 'env@example.com', 'pw'], { KSR_HOST_CONFIG: fromEnv })).code, 0);
  assert.equal((await cli(dir, ['user', 'add', 'flag@example.com', 'pw', '--config', fromFlag], { KSR_HOST_CONFIG: fromEnv })).code, 0);
  for (const name of ['ksr-host', 'env', 'flag']) {
    const r = await cli(dir, ['user', 'list', '--store', `sqlite:${join(dir, `${name}.db`)}`]);
    assert.equal(r.out, `${name === 'ksr-host' ? 'local' : name}@example.com\n`);
  }
  const help = await cli(dir, ['run', '--help'], { KSR_HOST_CONFIG: fromEnv });
  assert.match(help.out, new RegExp(`Used now: ${fromEnv.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(from \\$KSR_HOST_CONFIG\\)`));
  assert.match((await cli(dir, ['run', '--help'])).out, new RegExp(`Used now: ${local.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(from \\./ksr-host\\.yaml\\)`));
});

test('--config or $KSR_HOST_CONFIG naming a missing file: a usage error saying so, exit 2', async () => {
  const dir = freshDir('missing');
  const [flag, env] = await Promise.all([
    cli(dir, ['user', 'list', '--config', 'nope.yaml']),
    cli(dir, ['rpc', 'core.version'], { KSR_HOST_CONFIG: join(dir, 'gone.yaml') }),
  ]);
  assert.deepEqual(flag, { code: 2, out: '', err: 'ksr-host: --config names nope.yaml: expected a config file there, found none\n' });
  assert.equal(env.code, 2);
  assert.match(env.err, /\$KSR_HOST_CONFIG names .*gone\.yaml: expected a config file there, found none/);
});

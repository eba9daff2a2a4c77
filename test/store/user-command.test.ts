// `ksr-host user ...` against SQLite (the real command line) and against Redis and PostgreSQL
// (the same command function), and the CSV reader of `user import`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { userCommand } from '../../bin/user-command.js';
import { openStore } from '../../host/store/open-store.js';
import { parseSubscriberCsv } from '../../host/store/subscriber-csv.js';
import { postgresUrl, redisUrl, stopSharedServices } from '../support/services.js';

const BIN = fileURLToPath(new URL('../../bin/ksr-host.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ksr-user-'));
test.after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopSharedServices();
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [BIN, ...args]);
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

test('the command line: add, list, passwd, rm, import on an SQLite file; errors and exit codes', async () => {
  const store = `sqlite:${join(dir, 'cli.db')}`;
  assert.deepEqual(await cli('user', 'add', 'alice@example.com', 'secret', '--store', store), { code: 0, out: 'added alice@example.com\n', err: '' });
  const dup = await cli('user', 'add', 'alice@example.com', 'x', '--store', store);
  assert.equal(dup.code, 1);
  assert.match(dup.err, /alice@example.com already exists/);
  const csv = join(dir, 'users.csv');
  writeFileSync(csv, 'user,domain,password\nbob,example.com,"pa,ss"\n');
  assert.equal((await cli('user', 'import', csv, '--store', store)).out, `imported 1 subscribers from ${csv}\n`);
  assert.equal((await cli('user', 'list', '--store', store)).out, 'alice@example.com\nbob@example.com\n');
  assert.equal((await cli('user', 'passwd', 'bob@example.com', 'new', '--store', store)).code, 0);
  assert.equal((await cli('user', 'rm', 'alice@example.com', '--store', store)).code, 0);
  const gone = await cli('user', 'rm', 'alice@example.com', '--store', store);
  assert.equal(gone.code, 1);
  assert.match(gone.err, /no subscriber alice@example.com/);
  const usage = await cli('user', 'add', 'alice', 'x', '--store', store);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /expected USER@DOMAIN, saw 'alice'/);

  const s = await openStore(store);
  assert.deepEqual(s.subscriber('bob', 'example.com')!.password, 'new');
  assert.equal(s.subscriber('alice', 'example.com'), null);
  await s.close();
});

test('the store comes from --config when --store is not given', async () => {
  const config = join(dir, 'ksr.yaml');
  writeFileSync(config, `store: sqlite:${join(dir, 'from-config.db')}\n`);
  assert.equal((await cli('user', 'add', 'carol@example.com', 'c', '--config', config)).code, 0);
  const s = await openStore(`sqlite:${join(dir, 'from-config.db')}`);
  assert.ok(s.subscriber('carol', 'example.com'));
  await s.close();
});

for (const [kind, url] of [['redis', () => redisUrl(3)], ['postgres', () => postgresUrl()]] as const) {
  test(`user commands on ${kind}: ha1/ha1b filled, passwd changes them, import, rm`, async () => {
    const store = await url();
    assert.equal(await userCommand(['add', 'alice@example.com', 'secret', '--store', store]), 'added alice@example.com');
    const csv = join(dir, `${kind}.csv`);
    writeFileSync(csv, Array.from({ length: 50 }, (_, i) => `u${i},example.com,p${i}`).join('\n'));
    assert.equal(await userCommand(['import', csv, '--store', store]), `imported 50 subscribers from ${csv}`);
    await userCommand(['passwd', 'alice@example.com', 'other', '--store', store]);
    await assert.rejects(userCommand(['passwd', 'nobody@example.com', 'x', '--store', store]), /no subscriber nobody@example.com/);
    const s = await openStore(store);
    try {
      assert.deepEqual(s.subscriber('alice', 'example.com'), {
        username: 'alice', domain: 'example.com', password: 'other',
        // MD5("alice:example.com:other"), MD5("alice@example.com:example.com:other")
        ha1: '2d34081271a883aef5f864df85802c3f',
        ha1b: '0d36dff584a2066de872f105d82485e9',
      });
      assert.equal(s.subscriber('u49', 'example.com')!.password, 'p49');
    } finally {
      await s.close();
    }
    assert.equal((await userCommand(['list', '--store', store])).split('\n').length, 51);
    assert.equal(await userCommand(['rm', 'u0@example.com', '--store', store]), 'removed u0@example.com');
  });
}

test('CSV: quoted fields, doubled quotes, header, comments, CRLF; errors name the line', () => {
  const rows = parseSubscriberCsv('user,domain,password\r\n# a comment\r\n\r\n"al""ice",example.com," p,w "\r\nbob , example.com ,x\r\n', 'u.csv');
  assert.deepEqual(rows, [
    { username: 'al"ice', domain: 'example.com', password: ' p,w ' },
    { username: 'bob', domain: 'example.com', password: 'x' },
  ]);
  assert.throws(() => parseSubscriberCsv('a,b,c\nd,e\n', 'u.csv'), /^Error: u\.csv:2: expected 3 fields user,domain,password, saw 2: d,e$/);
  assert.throws(() => parseSubscriberCsv('a,b,c\n"d,e,f\n', 'u.csv'), /u\.csv:2: a quoted field is not closed properly/);
  assert.throws(() => parseSubscriberCsv('\n\nbad user,example.com,x\n', 'u.csv'), /u\.csv:3: user name 'bad user'/);
  assert.throws(() => parseSubscriberCsv('a,example.com,\n', 'u.csv'), /u\.csv:1: the password of a@example.com is empty/);
});

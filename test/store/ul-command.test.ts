// `ksr-host ul dump|show|rm` straight from the store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulCommand } from '../../bin/ul-command.js';
import { openStore } from '../../host/store/open-store.js';
import { record } from './contract-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'ksr-ul-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('ul dump, show and rm on an SQLite file; use_domain from the config', async () => {
  const url = `sqlite:${join(dir, 'ul.db')}`;
  const s = await openStore(url);
  s.putLocation(record({ ruid: 'a1', expires: Date.UTC(2031, 0, 2) / 1000 }));
  s.putLocation(record({ ruid: 'a2', expires: 0 }));
  s.putLocation(record({ ruid: 'b1', username: 'bob', domain: 'example.com' }));
  await s.close();

  const dump = JSON.parse(await ulCommand(['dump', '--store', url])) as Array<{ ruid: string; expiresAt: string }>;
  assert.deepEqual(dump.map((r) => r.ruid).sort(), ['a1', 'a2', 'b1']);
  assert.equal(dump.find((r) => r.ruid === 'a1')!.expiresAt, '2031-01-02T00:00:00.000Z');
  assert.equal(dump.find((r) => r.ruid === 'a2')!.expiresAt, 'never');

  // without use_domain the domain given is ignored, as the server does
  const shown = JSON.parse(await ulCommand(['show', 'alice@example.com', '--store', url])) as Array<{ ruid: string }>;
  assert.deepEqual(shown.map((r) => r.ruid).sort(), ['a1', 'a2']);
  await assert.rejects(ulCommand(['show', 'bob', '--store', url]), /no bindings for bob/);
  const config = join(dir, 'ksr.yaml');
  writeFileSync(config, `store: ${url}\nusrloc:\n  use_domain: true\n`);
  assert.equal(await ulCommand(['rm', 'bob@example.com', '--config', config]), 'removed 1 bindings of bob@example.com');
  assert.equal(await ulCommand(['rm', 'alice', '--store', url]), 'removed 2 bindings of alice');
  assert.deepEqual(JSON.parse(await ulCommand(['dump', '--store', url])), []);
  await assert.rejects(ulCommand(['flush', '--store', url]), /ul: expected dump, show or rm, saw 'flush'/);
});

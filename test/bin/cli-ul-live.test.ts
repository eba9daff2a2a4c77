// `ksr-host ul add|rm` change live state: with a server answering at the control address they
// go through it (ul.add, ul.rm), so its memory changes at once; with none, they change the
// store; each says which it did. And `run` logs which config it started with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../support/cli-run.js';
import { openStore } from '../../host/store/open-store.js';
import { freePort } from '../support/ports.js';
import { startServerProcess } from '../support/server-process.js';

const SCRIPT = fileURLToPath(new URL('../../sample-scripts/routing.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ksr-cli-ul-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args, { cwd: dir });

test('with a running server: ul add and ul rm go through it and its memory changes at once', { timeout: 90_000 }, async () => {
  const server = await startServerProcess({ script: SCRIPT, engine: 'v8', config: () => ({}) });
  try {
    // the config the server started with is logged
    assert.match(server.output(), /"config":"[^"]*ksr-host\.yaml","from":"--config"[^\n]*"msg":"config"/);
    const control = ['--control', `127.0.0.1:${server.controlPort}`, '--state-dir', server.stateDir];
    const added = await cli('ul', 'add', 'erin', 'sip:erin@192.0.2.10:5090', '--expires', '600', '--q', '0.5', ...control);
    assert.deepEqual(added, { code: 0, out: `added sip:erin@192.0.2.10:5090 to erin through the running server at 127.0.0.1:${server.controlPort}\n`, err: '' });
    const seen = await server.rpc('ul.lookup', ['location', 'erin']);
    const contacts = (seen.result?.Contacts ?? []) as Array<{ Contact: { Address: string; Q: number } }>;
    assert.deepEqual(contacts.map((c) => [c.Contact.Address, c.Contact.Q]), [['sip:erin@192.0.2.10:5090', 0.5]], JSON.stringify(seen));

    const removed = await cli('ul', 'rm', 'erin', ...control);
    assert.deepEqual(removed, { code: 0, out: `removed 1 bindings of erin through the running server at 127.0.0.1:${server.controlPort}\n`, err: '' });
    const gone = await server.rpc('ul.lookup', ['location', 'erin']);
    assert.match(gone.error?.message ?? '', /AOR not found: erin/);

    // the server's own answer is the answer: an AoR it does not have is an error, not a store edit
    const again = await cli('ul', 'rm', 'erin', ...control);
    assert.equal(again.code, 1);
    assert.match(again.err, /^ksr-host: ul\.rm: .*AOR not found: erin/);
    // a change without the token is refused by the server, and the reason for no token is said
    const noToken = await cli('ul', 'rm', 'erin', '--control', `127.0.0.1:${server.controlPort}`, '--state-dir', join(dir, 'no-state'));
    assert.equal(noToken.code, 1);
    assert.match(noToken.err, /unauthorized[\s\S]*control token/);
  } finally {
    await server.stop();
  }
});

test('with no server at the control address: ul add and ul rm change the store, and say so', { timeout: 60_000 }, async () => {
  const url = `sqlite:${join(dir, 'offline.db')}`;
  const address = `127.0.0.1:${await freePort()}`;
  const opts = ['--store', url, '--control', address];
  assert.deepEqual(await cli('ul', 'add', 'frank', 'sip:frank@192.0.2.20', ...opts), {
    code: 0, out: `no server answered at ${address}: added sip:frank@192.0.2.20 to frank in the store ${url}\n`, err: '',
  });
  const s = await openStore(url);
  assert.deepEqual(s.locations({ username: 'frank', domain: '' }).map((r) => r.contact), ['sip:frank@192.0.2.20']);
  await s.close();
  assert.deepEqual(await cli('ul', 'rm', 'frank', ...opts), { code: 0, out: `no server answered at ${address}: removed 1 bindings of frank from the store ${url}\n`, err: '' });
  // --no-server: the store only, without asking
  assert.deepEqual(await cli('ul', 'rm', 'frank', '--store', url, '--no-server'), { code: 0, out: `removed 0 bindings of frank from the store ${url} (--no-server)\n`, err: '' });
});

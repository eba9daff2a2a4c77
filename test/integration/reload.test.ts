// Reload without restart: kemi.reload and SIGHUP load the file into a new runtime and swap it
// in between two messages; a script that fails to load is refused and the old one serves on.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { headerValue, request, statusOf, udpExchange } from '../support/sip-client.js';

const luaScript = (version: string) => `
function ksr_request_route()
  KSR.hdr.append_to_reply("X-Version: ${version}\\r\\n")
  KSR.sl.sl_send_reply(200, "OK")
end
`;

async function versionServed(port: number): Promise<string | undefined> {
  const [r] = await udpExchange(port, request('OPTIONS', port));
  assert.equal(statusOf(r!), 200);
  return headerValue(r!, 'X-Version');
}

describe('reload', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-reload-'));
  const file = join(dir, 'reload.lua');
  let server: ServerProcess;
  before(async () => {
    writeFileSync(file, luaScript('one'));
    server = await startServerProcess({ script: file });
  });
  after(async () => server?.stop());

  test('kemi.reload swaps in the new script', async () => {
    assert.equal(await versionServed(server.port), 'one');
    writeFileSync(file, luaScript('two'));
    const r = await server.rpc('kemi.reload');
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.equal(await versionServed(server.port), 'two');
  });

  test('a script that fails to load is refused with its error, the old one keeps serving', async () => {
    writeFileSync(file, 'function ksr_request_route(\n  this is not lua\nend\n');
    const r = await server.rpc('kemi.reload');
    assert.ok(r.error, 'reload of a broken script must fail');
    assert.match(r.error.message, /reload\.lua:\d+/);
    assert.equal(await versionServed(server.port), 'two');
  });

  test('SIGHUP reloads too', async () => {
    writeFileSync(file, luaScript('three'));
    server.child.kill('SIGHUP');
    let v: string | undefined;
    for (let i = 0; i < 50 && v !== 'three'; i++) {
      await sleep(100);
      v = await versionServed(server.port);
    }
    assert.equal(v, 'three');
  });
});

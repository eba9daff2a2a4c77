// permissions in a real server: a request from 127.0.0.2 (group 1 inline) and 127.0.0.4 (group 1
// in the store's address table) allowed, from 127.0.0.3 refused with 403; after the store gains
// 127.0.0.3, permissions.addressReload (every worker) lets it in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../support/server-process.js';
import { optionsStatusFrom } from '../support/sip-client.js';
import { openStore } from '../../host/store/open-store.js';
import { ADDRESS_TABLE } from '../../host/store/module-tables.js';

const dir = mkdtempSync(join(tmpdir(), 'ksr-perm-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const script = join(dir, 'perm.js');
writeFileSync(script, [
  'function ksr_request_route() {',
  '  if (KSR.permissions.allow_source_address(1) < 0) { KSR.sl.sl_send_reply(403, "Forbidden"); return; }',
  '  KSR.sl.sl_send_reply(200, "OK");',
  '}',
  '',
].join('\n'));

for (const workers of [1, 2]) {
  test(`workers ${workers}: allowed and refused sources; addressReload after a store change takes effect`, async () => {
    const file = join(dir, `w${workers}.db`);
    const seed = await openStore(`sqlite:${file}`);
    seed.insertRow(ADDRESS_TABLE, { grp: 1, ip_addr: '127.0.0.4', mask: 32, port: 0 });
    await seed.close();
    const server = await startServerProcess({
      script, workers,
      config: () => ({ store: `sqlite:${file}`, modules: { permissions: { address: [{ grp: 1, ip_addr: '127.0.0.2' }] } } }),
    });
    try {
      assert.equal(await optionsStatusFrom(server.port, '127.0.0.2'), 200);
      assert.equal(await optionsStatusFrom(server.port, '127.0.0.4'), 200, 'a row of the store');
      assert.equal(await optionsStatusFrom(server.port, '127.0.0.3'), 403);
      const store = await openStore(`sqlite:${file}`);
      store.insertRow(ADDRESS_TABLE, { grp: 1, ip_addr: '127.0.0.0', mask: 29, port: 0 });
      await store.close();
      assert.equal(await optionsStatusFrom(server.port, '127.0.0.3'), 403, 'not before the reload');
      assert.deepEqual(await server.rpc('permissions.addressReload'), { jsonrpc: '2.0', id: 1, result: 'Reload OK (3 entries)' });
      for (let i = 0; i < 4; i++) assert.equal(await optionsStatusFrom(server.port, '127.0.0.3'), 200, `request ${i} after the reload`);
      const subnets = await server.rpc('permissions.subnetDump');
      assert.deepEqual(subnets.result, [{ id: 0, group: 1, item: { ip: '127.0.0.0', mask: 29, port: 0, tag: '' } }]);
    } finally {
      await server.stop();
    }
  });
}

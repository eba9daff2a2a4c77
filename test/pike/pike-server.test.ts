// pike in a real server: a flood from 127.0.0.2 is answered 503 once past the density, another
// source still gets 200, the flooder gets 200 again once its rate falls; with one thread and
// with two workers counting into the shared table. pike.top over the control endpoint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../support/server-process.js';
import { optionsStatusFrom } from '../support/sip-client.js';

const dir = mkdtempSync(join(tmpdir(), 'ksr-pike-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const script = join(dir, 'pike.js');
writeFileSync(script, [
  'function ksr_request_route() {',
  '  if (KSR.pike.pike_check_req() < 0) { KSR.sl.sl_send_reply(503, "Flood"); return; }',
  '  KSR.sl.sl_send_reply(200, "OK");',
  '}',
  '',
].join('\n'));

for (const workers of [1, 2]) {
  test(`workers ${workers}: a flood from one address is blocked by pike and unblocked after`, async () => {
    const server = await startServerProcess({
      script, workers,
      config: () => ({ modules: { pike: { sampling_time_unit: 1, reqs_density_per_unit: 5, remove_latency: 10 } } }),
    });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push(await optionsStatusFrom(server.port, '127.0.0.2'));
      // the density is 5 per second: whatever second boundary falls inside the burst, some pass and the rest are refused
      assert.equal(codes[0], 200, codes.join(' '));
      assert.ok(codes.filter((c) => c === 503).length >= 4, codes.join(' '));
      assert.ok(codes.every((c) => c === 200 || c === 503), codes.join(' '));
      await server.waitForOutput(/PIKE - BLOCKing ip 127\.0\.0\.2/);
      assert.equal(await optionsStatusFrom(server.port, '127.0.0.3'), 200, 'another source is not blocked');
      const top = await server.rpc('pike.top', ['ALL']);
      assert.ok(top.result.list.some((r: { ip_addr: string }) => r.ip_addr === '127.0.0.2'), JSON.stringify(top));
      // one request every 400 ms is below the density: unblocked within a few windows
      let after = 0;
      for (let i = 0; i < 15 && after !== 200; i++) {
        await new Promise((r) => setTimeout(r, 400));
        after = await optionsStatusFrom(server.port, '127.0.0.2');
      }
      assert.equal(after, 200, server.output().slice(-2000));
      await server.waitForOutput(/PIKE - UNBLOCKing ip 127\.0\.0\.2/);
    } finally {
      await server.stop();
    }
  });
}

// The probe of issue 8: a script that creates the transaction (t_newtran) and then answers
// with KSR.sl.send_reply puts exactly one 404 on the wire, the transaction resends that same
// 404 when the OPTIONS is retransmitted, and no 408/500 follows when the transaction's
// lifetime ends. A real server process in each runtime, a real UDP client on loopback.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { request, statusOf } from '../support/sip-client.js';

/** The transaction's lifetime here: without the fix a 500 came when it ended. */
const LIFETIME_MS = 1000;

const JS = `function ksr_request_route() {
  if (KSR.tm.t_newtran() < 0) { KSR.sl.sl_send_reply(500, 'No Transaction'); return; }
  KSR.sl.send_reply(404, 'Not Here');
}`;

const RUNTIMES: Array<{ name: string; ext: string; engine?: 'v8' | 'quickjs'; text: string }> = [
  { name: 'v8', ext: 'js', engine: 'v8', text: JS },
  { name: 'quickjs', ext: 'js', engine: 'quickjs', text: JS },
  {
    name: 'lua',
    ext: 'lua',
    text: `function ksr_request_route()
  if KSR.tm.t_newtran() < 0 then KSR.sl.sl_send_reply(500, "No Transaction") return end
  KSR.sl.send_reply(404, "Not Here")
end`,
  },
  {
    name: 'python',
    ext: 'py',
    text: `def ksr_request_route():
    if KSR.tm.t_newtran() < 0:
        KSR.sl.sl_send_reply(500, "No Transaction")
        return
    KSR.sl.send_reply(404, "Not Here")
`,
  },
];

for (const rt of RUNTIMES) {
  describe(`t_newtran then sl.send_reply(404), ${rt.name}`, () => {
    let server: ServerProcess;
    before(async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'ksr-probe-')), `probe.${rt.ext}`);
      writeFileSync(file, rt.text);
      server = await startServerProcess({
        script: file,
        engine: rt.engine,
        startTimeoutMs: 60000,
        config: () => ({ tm: { max_noninv_lifetime_ms: LIFETIME_MS, t1_ms: 100 } }),
      });
    });
    after(async () => server?.stop());

    test('one 404 on the wire, the same 404 for the retransmission, no 500 after the lifetime', async () => {
      const sock = dgram.createSocket('udp4');
      await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
      const got: string[] = [];
      sock.on('message', (m) => got.push(m.toString('latin1')));
      try {
        const options = request('OPTIONS', server.port, { localPort: sock.address().port });
        const sentAt = Date.now();
        sock.send(options, server.port, '127.0.0.1');
        // the first reply (a cold interpreter may take a while), then a little more to see a second one
        for (let i = 0; i < 100 && got.length === 0; i++) await sleep(50);
        await sleep(200);
        assert.deepEqual(got.map(statusOf), [404], `one 404 for the OPTIONS; got:\n${got.join('\n---\n')}`);
        // the same bytes again: a retransmission of the request
        sock.send(options, server.port, '127.0.0.1');
        for (let i = 0; i < 40 && got.length < 2; i++) await sleep(50);
        assert.equal(got.length, 2, 'the retransmission was answered');
        assert.equal(got[1], got[0], 'with the same 404 (same To-tag and all)');
        // past the transaction's lifetime (when the 500 used to come) with a margin
        const until = sentAt + LIFETIME_MS + 1500;
        await sleep(Math.max(0, until - Date.now()));
        assert.deepEqual(got.map(statusOf), [404, 404], `nothing after the two 404s; got:\n${got.join('\n---\n')}`);
        const tm = (await server.rpc('tm.stats')).result;
        assert.ok(tm.retransmissionsAbsorbed >= 1, `the retransmission was absorbed by the transaction: ${JSON.stringify(tm)}`);
        assert.ok(tm.repliesLocal >= 1, `the 404 was a reply of the transaction: ${JSON.stringify(tm)}`);
      } finally {
        sock.close();
      }
    });
  });
}

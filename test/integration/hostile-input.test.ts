// Malformed input at the socket: answered with 400 when it can be, else dropped and counted;
// hostile TCP streams are closed; the server keeps serving through all of it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { request, statusOf, tcpExchange, udpExchange } from '../support/sip-client.js';

describe('hostile input', () => {
  let server: ServerProcess;
  before(async () => {
    const script = fileURLToPath(new URL('../../sample-scripts/routing.lua', import.meta.url));
    server = await startServerProcess({ script, extraArgs: [] });
  });
  after(async () => server?.stop());

  async function stillServes(): Promise<void> {
    const [r] = await udpExchange(server.port, request('OPTIONS', server.port));
    assert.equal(statusOf(r ?? ''), 200, 'server must still answer OPTIONS');
  }

  test('a request with a bad CSeq gets 400', async () => {
    const bad = request('OPTIONS', server.port).replace('CSeq: 1 OPTIONS', 'CSeq: one OPTIONS');
    const [r] = await udpExchange(server.port, bad);
    assert.equal(statusOf(r ?? ''), 400);
    await stillServes();
  });

  test('garbage is dropped and counted, never answered', async () => {
    const before = (await server.rpc('kemi.stats')).result.messages.malformedDropped;
    for (let i = 0; i < 50; i++) {
      const replies = await udpExchange(server.port, randomBytes(10 + i * 7), { waitMs: 20 });
      assert.equal(replies.length, 0);
    }
    const replies = await udpExchange(server.port, 'SIP/2.0 200\r\n\r\n', { waitMs: 50 });
    assert.equal(replies.length, 0);
    const afterCount = (await server.rpc('kemi.stats')).result.messages.malformedDropped;
    assert.ok(afterCount - before >= 50, `dropped ${afterCount - before}`);
    await stillServes();
  });

  test('a TCP stream without Content-Length is closed', async () => {
    const msg = request('OPTIONS', server.port, { transport: 'TCP' }).replace(/Content-Length: 0\r\n/, '');
    const r = await tcpExchange(server.port, [msg]);
    assert.equal(r.closedByServer, true);
    await stillServes();
  });

  test('an oversized TCP stream is closed', async () => {
    const huge = 'OPTIONS sip:x@127.0.0.1 SIP/2.0\r\n' + 'X-Junk: ' + 'a'.repeat(70000) + '\r\n';
    const r = await tcpExchange(server.port, [huge]);
    assert.equal(r.closedByServer, true);
    const stats = (await server.rpc('kemi.stats')).result;
    assert.ok(stats.transport.tcpStreamsDropped >= 2);
    await stillServes();
  });

  test('two pipelined requests on one TCP connection, split at odd places, both answered', async () => {
    const a = request('OPTIONS', server.port, { transport: 'TCP' });
    const b = request('OPTIONS', server.port, { transport: 'TCP' });
    const all = Buffer.from(a + b);
    const r = await tcpExchange(server.port, [all.subarray(0, 7), all.subarray(7, 200), all.subarray(200)], { waitMs: 1000, gapMs: 20 });
    assert.equal(r.data.match(/^SIP\/2\.0 200/gm)?.length, 2, r.data);
  });
});

// A real server with 2 workers: a value one worker sets (sht_sets) is read by the others, every
// sht_inc of the whole server counts once (distinct values 1..n across Call-IDs that dispatch
// spreads over both workers), and the control endpoint's htable.get / htable.sets see the same table.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const SCRIPT = `
function ksr_request_route() {
  if (KSR.is_method("MESSAGE")) {
    KSR.htable.sht_sets("t", "greeting", "hello-" + KSR.pv.get("$ci"));
    KSR.sl.sl_send_reply(200, "set");
    return;
  }
  const n = KSR.htable.sht_inc("cnt", "hits");
  const g = KSR.htable.sht_gete("t", "greeting");
  KSR.sl.sl_send_reply(200, "n=" + n + " g=" + g);
}
`;

function request(method: string, peerPort: number, callId: string): string {
  return [
    `${method} sip:bob@127.0.0.1 SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${peerPort};branch=z9hG4bK-${callId};rport`,
    `From: <sip:alice@127.0.0.1>;tag=${callId}`,
    'To: <sip:bob@127.0.0.1>',
    `Call-ID: ${callId}`,
    `CSeq: 1 ${method}`,
    'Max-Forwards: 70',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

describe('htable on a server with 2 workers', () => {
  let server: ServerProcess;
  const sock = dgram.createSocket('udp4');
  const got: string[] = [];

  before(async () => {
    const script = join(mkdtempSync(join(tmpdir(), 'ksr-htable-')), 'route.js');
    writeFileSync(script, SCRIPT);
    server = await startServerProcess({
      script, workers: 2, startTimeoutMs: 60_000,
      config: () => ({ modules: { htable: { tables: ['t=>size=4', { name: 'cnt', size: 4, initval: 0 }] } } }),
    });
    sock.on('message', (m) => got.push(m.toString('latin1')));
    await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  });
  after(async () => {
    sock.close();
    await server?.stop();
  });

  async function waitReplies(pred: (r: string) => boolean, n: number, ms = 8000): Promise<string[]> {
    const end = Date.now() + ms;
    while (Date.now() < end && got.filter(pred).length < n) await new Promise((r) => setTimeout(r, 20));
    return got.filter(pred);
  }

  test('a value set on one worker is read on every worker; inc counts once per request server-wide', async () => {
    const port = (sock.address() as { port: number }).port;
    sock.send(request('MESSAGE', port, 'setter-1'), server.port, '127.0.0.1');
    assert.equal((await waitReplies((r) => r.includes(' set\r\n'), 1)).length, 1);
    const n = 20;
    for (let i = 0; i < n; i++) sock.send(request('OPTIONS', port, `reader-${i}-${Math.random().toString(36).slice(2)}`), server.port, '127.0.0.1');
    const replies = await waitReplies((r) => r.includes(' n='), n);
    assert.equal(replies.length, n);
    const counts = replies.map((r) => Number(/ n=(\d+)/.exec(r)![1])).sort((a, b) => a - b);
    assert.deepEqual(counts, Array.from({ length: n }, (_, i) => i + 1), 'one shared counter across both workers');
    for (const r of replies) assert.match(r, / g=hello-setter-1\r\n/);

    const get = await server.rpc('htable.get', ['cnt', 'hits']);
    assert.deepEqual(get.result, { item: { name: 'hits', value: n, flags: 0, expire: 'NEVER' } });
    assert.equal((await server.rpc('htable.sets', ['t', 'greeting', 'from-rpc'])).error, undefined);
    sock.send(request('OPTIONS', port, 'after-rpc'), server.port, '127.0.0.1');
    const last = await waitReplies((r) => r.includes('g=from-rpc'), 1);
    assert.equal(last.length, 1);
    const none = await server.rpc('htable.get', ['nope', 'x']);
    assert.equal(none.error?.message, 'No such htable');
  });
});

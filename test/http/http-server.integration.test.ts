// A real server (one thread) routing by HTTP: a MESSAGE is routed by a JSON decision fetched
// with http_client.query (number-portability style); an INVITE is suspended by
// http_async_client.query and answered from the route that runs when the HTTP answer comes.
// OPTIONS from another source are answered while a slow async query waits (the async path does
// not stall the thread); during a slow synchronous query they wait — measured, bounded by the
// http_client timeout.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startTestHttpServer, type TestHttpServer } from './test-http-server.js';

const script = (http: string) => `
function ksr_request_route() {
  if (KSR.is_method("OPTIONS")) {
    KSR.sl.sl_send_reply(200, "alive");
    return;
  }
  if (KSR.is_method("MESSAGE")) {
    var path = KSR.pv.get("$rU") == "slow" ? "/slow?ms=3000" : "/json";
    var rc = KSR.http_client.query("${http}" + path, "$var(np)");
    if (rc == 200) {
      var d = JSON.parse(KSR.pv.get("$var(np)"));
      KSR.sl.sl_send_reply(200, "routed via " + d.carrier);
    } else {
      KSR.sl.sl_send_reply(503, "lookup failed " + rc);
    }
    return;
  }
  if (KSR.is_method("INVITE")) {
    KSR.tm.t_newtran();
    var p = KSR.pv.get("$rU") == "slow" ? "/slow?ms=1500" : "/status/404";
    var rc = KSR.http_async_client.query("${http}" + p, "HTTP_REPLY");
    if (rc == 0) return;
    KSR.sl.sl_send_reply(500, "query failed " + rc);
  }
}
function HTTP_REPLY() {
  if (KSR.pv.get("$http_ok") != 1) {
    KSR.tm.t_reply(503, "http error");
    return;
  }
  KSR.tm.t_reply(480, "decided " + KSR.pv.get("$http_rs") + " " + KSR.pv.get("$http_rb"));
}
`;

function request(method: string, user: string, peerPort: number, callId: string): string {
  return [
    `${method} sip:${user}@127.0.0.1 SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${peerPort};branch=z9hG4bK-${callId};rport`,
    `From: <sip:alice@127.0.0.1>;tag=${callId}`,
    `To: <sip:${user}@127.0.0.1>`,
    `Call-ID: ${callId}`,
    `CSeq: 1 ${method}`,
    'Contact: <sip:alice@127.0.0.1>',
    'Max-Forwards: 70',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

describe('http_client and http_async_client on a real server', () => {
  let server: ServerProcess;
  let http: TestHttpServer;
  const caller = dgram.createSocket('udp4');
  const prober = dgram.createSocket('udp4');
  const got: Array<{ at: number; text: string }> = [];
  const probes: Array<{ at: number; text: string }> = [];

  before(async () => {
    http = await startTestHttpServer();
    const file = join(mkdtempSync(join(tmpdir(), 'ksr-http-')), 'route.js');
    writeFileSync(file, script(http.base));
    server = await startServerProcess({
      script: file, workers: 1, startTimeoutMs: 60_000,
      config: () => ({ modules: { http_client: { connection_timeout: 1, query_result: 0 }, http_async_client: { connection_timeout: 3000 } } }),
    });
    caller.on('message', (m) => got.push({ at: performance.now(), text: m.toString('latin1') }));
    prober.on('message', (m) => probes.push({ at: performance.now(), text: m.toString('latin1') }));
    await new Promise<void>((r) => caller.bind(0, '127.0.0.1', () => r()));
    await new Promise<void>((r) => prober.bind(0, '127.0.0.2', () => r()));
  });
  after(async () => {
    caller.close();
    prober.close();
    await server?.stop();
    await http?.close();
  });

  const port = (s: dgram.Socket) => (s.address() as { port: number }).port;
  async function waitFor<T>(list: T[], pred: (x: T) => boolean, ms = 8000): Promise<T | undefined> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const hit = list.find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 10));
    }
    return undefined;
  }
  /** Sends an OPTIONS from 127.0.0.2 and resolves with its round trip in ms. */
  async function probe(tag: string): Promise<number> {
    const sent = performance.now();
    prober.send(request('OPTIONS', 'ping', port(prober), tag), server.port, '127.0.0.1');
    const r = await waitFor(probes, (p) => p.text.includes(`Call-ID: ${tag}`), 5000);
    assert.ok(r, `no answer to OPTIONS ${tag}`);
    return r.at - sent;
  }

  test('sync: the route uses the JSON decision; a slow server costs the timeout (1 s) and stalls the thread that long', async () => {
    caller.send(request('MESSAGE', '31612345678', port(caller), 'np-1'), server.port, '127.0.0.1');
    const ok = await waitFor(got, (g) => g.text.includes('Call-ID: np-1'));
    assert.match(ok!.text, /^SIP\/2\.0 200 routed via c1\r\n/, server.output().slice(-3000));

    const sent = performance.now();
    caller.send(request('MESSAGE', 'slow', port(caller), 'np-slow'), server.port, '127.0.0.1');
    await new Promise((r) => setTimeout(r, 100));
    const stalled = await probe('probe-during-sync');
    const failed = await waitFor(got, (g) => g.text.includes('Call-ID: np-slow'));
    assert.match(failed!.text, /^SIP\/2\.0 503 lookup failed 28\r\n/, server.output().slice(-3000));
    const took = failed!.at - sent;
    assert.ok(took >= 900 && took < 2000, `the slow lookup took the timeout, not the server's 3 s (${Math.round(took)} ms)`);
    assert.ok(stalled > 500, `an OPTIONS during a synchronous query waits for it (${Math.round(stalled)} ms)`);
    console.log(`# sync query: answered after ${Math.round(took)} ms; an OPTIONS meanwhile waited ${Math.round(stalled)} ms`);
  });

  test('async: the INVITE is suspended and answered from HTTP_REPLY; OPTIONS keep being answered meanwhile', async () => {
    caller.send(request('INVITE', 'fast', port(caller), 'inv-fast'), server.port, '127.0.0.1');
    const fast = await waitFor(got, (g) => g.text.includes('Call-ID: inv-fast') && / 480 /.test(g.text));
    assert.match(fast!.text, /^SIP\/2\.0 480 decided 404 status 404\r\n/);

    const sent = performance.now();
    caller.send(request('INVITE', 'slow', port(caller), 'inv-slow'), server.port, '127.0.0.1');
    await new Promise((r) => setTimeout(r, 100));
    const rtts: number[] = [];
    for (let i = 0; i < 5; i++) rtts.push(await probe(`probe-during-async-${i}`));
    const slow = await waitFor(got, (g) => g.text.includes('Call-ID: inv-slow') && / 480 /.test(g.text));
    assert.ok(slow, 'the slow INVITE is answered once the HTTP answer comes');
    assert.match(slow!.text, /^SIP\/2\.0 480 decided 200 late\r\n/);
    assert.ok(slow!.at - sent >= 1400, 'answered after the HTTP server answered');
    const answeredBefore = probes.filter((p) => p.text.includes('probe-during-async') && p.at < slow!.at).length;
    assert.equal(answeredBefore, 5, 'all OPTIONS were answered while the query waited');
    assert.ok(Math.max(...rtts) < 300, `OPTIONS round trips during the async query: ${rtts.map(Math.round).join(', ')} ms`);
  });
});

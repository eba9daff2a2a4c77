// Connection reuse with `workers: 2` on a real server process: the connections are the socket
// thread's, so a UA registered over TCP is reached over its connection by calls routed in
// either worker (Call-IDs picked for each), its replies find their worker by our Via branch,
// and once the connection is closed a call routed in either worker gets 480 at once (the
// socket thread's send failure comes back to the worker that sent).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { workerFor } from '../../host/workers/dispatch-key.js';
import { isReply, isRequest, makeRequest, Peer } from '../tm/harness.js';
import { freePort } from '../support/ports.js';
import { id, register, replyTo, TcpUa, WsUa } from './support.js';

const SCRIPT = `
function ksr_request_route() {
  if (KSR.is_REGISTER()) {
    if (KSR.is_TCPX()) KSR.nathelper.fix_nated_register();
    KSR.registrar.save("location", 0);
    return;
  }
  if (KSR.is_INVITE()) {
    KSR.rr.record_route();
    if (KSR.registrar.lookup("location") < 0) {
      KSR.sl.sl_send_reply(404, "Not Found");
      return;
    }
    KSR.tm.t_on_failure("ksr_failure_route");
    KSR.tm.t_relay();
    return;
  }
  KSR.sl.sl_send_reply(200, "OK");
}
function ksr_failure_route() {
  if (KSR.tm.t_check_status("408|477") > 0) KSR.tm.t_reply(480, "Temporarily Unavailable");
}
`;

/** Call-IDs whose INVITE the socket thread hands to worker 0 and to worker 1, `n` of each. */
function callIdsPerWorker(alice: Peer, n: number, ruri: string): string[] {
  const out: string[][] = [[], []];
  while (out[0]!.length < n || out[1]!.length < n) {
    const callId = id();
    const w = workerFor(Buffer.from(makeRequest('INVITE', alice, ruri, { callId })), 2, Buffer.from('none'));
    if (out[w]!.length < n) out[w]!.push(callId);
  }
  return [...out[0]!, ...out[1]!];
}

describe('connection reuse with workers: 2', () => {
  let server: ServerProcess;
  let wsPort = 0;
  before(async () => {
    const script = join(mkdtempSync(join(tmpdir(), 'ksr-conn-workers-')), 'route.js');
    writeFileSync(script, SCRIPT);
    wsPort = await freePort();
    server = await startServerProcess({
      script, workers: 2, extraArgs: ['--listen', `ws:127.0.0.1:${wsPort}`], config: () => ({ tm: { fr_timer_ms: 2000 } }), startTimeoutMs: 60_000,
    });
  });
  after(async () => {
    await server?.stop();
  });

  for (const transport of ['tcp', 'ws'] as const) test(`calls routed in either worker reach the ${transport.toUpperCase()}-registered UA over its connection; replies come back; closed: 480`, async () => {
    const bob = transport === 'tcp' ? await TcpUa.connect(server.port) : await WsUa.connect(wsPort);
    const alice = await Peer.open();
    try {
      bob.send(register(`bob${transport}`, transport));
      await bob.inbox.waitFor(isReply(200, 'REGISTER'), '200 to the REGISTER');
      for (const callId of callIdsPerWorker(alice, 2, `sip:bob${transport}@127.0.0.1`)) {
        alice.send(makeRequest('INVITE', alice, `sip:bob${transport}@127.0.0.1`, { callId }), server.port);
        const invite = await bob.inbox.waitFor((m) => isRequest('INVITE')(m) && m.callId() === `${callId}@test`, `the INVITE of ${callId} on bob's connection`);
        assert.equal(invite.headersNamed('record-route').length, 2);
        assert.match(invite.headersNamed('via')[0]!.value, new RegExp(`^SIP/2\\.0/${transport.toUpperCase()} 127\\.0\\.0\\.1:${transport === 'ws' ? wsPort : server.port};`));
        bob.send(replyTo(invite, 486, 'Busy Here', null));
        const busy = await alice.waitFor((m) => isReply(486, 'INVITE')(m) && m.callId() === `${callId}@test`, `486 for ${callId}`);
        assert.equal(busy.headersNamed('via').length, 1);
      }

      await bob.close();
      for (const callId of callIdsPerWorker(alice, 1, `sip:bob${transport}@127.0.0.1`)) {
        const started = Date.now();
        alice.send(makeRequest('INVITE', alice, `sip:bob${transport}@127.0.0.1`, { callId }), server.port);
        const r = await alice.waitFor((m) => !m.isRequest && m.status >= 300 && m.callId() === `${callId}@test`, `a final reply for ${callId}`, 3000);
        assert.equal(r.status, 480);
        assert.ok(Date.now() - started < 1500, `answered in ${Date.now() - started} ms`);
      }
    } finally {
      alice.close();
      await bob.close();
    }
  });
});

// The transport bridge UDP ↔ WebSocket on a real engine: a WS client (npm `ws`, subprotocol
// "sip") registers with an unreachable Contact as a browser does; a UDP UA calls it through
// ksr-host; the INVITE reaches the client over its own connection with two Record-Route entries
// (transport=ws on the WS side); 200/ACK/BYE flow both ways; scripts see ws ($proto, is_WS,
// is_proto("v"), $Rp); once the connection is closed the caller gets 480 at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freePort } from '../support/ports.js';
import { isReply, isRequest, makeRequest, Peer, type Route } from '../tm/harness.js';
import { CONNECTION_ROUTES, id, inDialog, recordRoutes, register, replyTo, startConnectionProxy, WsUa } from './support.js';

/** What the script saw of a message: $proto, $pr, $Rp, is_WS, is_WSX, is_proto("v"), into a reply header. */
const SEEN: Record<string, Route> = {
  ksr_request_route: (KSR, ctx) => {
    if (ctx.msg.method === 'OPTIONS') {
      const seen = [KSR('pv.get', '$proto'), KSR('pv.get', '$pr'), KSR('pv.get', '$Rp'), KSR('is_WS'), KSR('is_WSX'), KSR('is_proto', 'v'), KSR('is_UDP')].map(String).join(' ');
      KSR('hdr.append_to_reply', `X-Seen: ${seen}\r\n`);
      KSR('sl.sl_send_reply', 200, 'OK');
      return;
    }
    CONNECTION_ROUTES.ksr_request_route!(KSR, ctx);
  },
};

async function startWsProxy() {
  const wsPort = await freePort();
  const p = await startConnectionProxy({ ...CONNECTION_ROUTES, ...SEEN }, {}, [{ proto: 'ws', ip: '127.0.0.1', port: wsPort }]);
  return { ...p, wsPort };
}

test('scripts see a message over WS as Kamailio shows it: $proto/$pr ws, $Rp the WS port, is_WS, is_proto("v")', async () => {
  const { engine, wsPort } = await startWsProxy();
  const ua = await WsUa.connect(wsPort);
  try {
    ua.send(inDialog('OPTIONS', { ruri: 'sip:127.0.0.1', routes: [], via: 'SIP/2.0/WS uahost.invalid', from: '<sip:u@x>;tag=1', to: '<sip:127.0.0.1>', callId: id(), cseq: 1 }).replace(/^To: .*$/m, 'To: <sip:127.0.0.1>'));
    const ok = await ua.inbox.waitFor(isReply(200, 'OPTIONS'), '200 to the OPTIONS on the WebSocket');
    assert.equal(ok.header('x-seen')?.value, `ws ws ${wsPort} true true true false`);
    assert.equal(ok.topVia().params.get('received'), '127.0.0.1');
    assert.equal(ok.topVia().params.get('rport'), String(ua.localPort));
  } finally {
    await ua.close();
    await engine.stop();
  }
});

test('UDP caller → WS callee over its registered connection: double Record-Route (transport=ws), 200/ACK/BYE both ways', async () => {
  const { engine, port, wsPort } = await startWsProxy();
  const bob = await WsUa.connect(wsPort);
  const alice = await Peer.open();
  try {
    bob.send(register('bob', 'ws'));
    await bob.inbox.waitFor(isReply(200, 'REGISTER'), '200 to the REGISTER');
    const [rec] = engine.usrloc.contacts('location', engine.usrloc.aorOf('bob', '127.0.0.1'));
    assert.equal(rec?.received, `sip:127.0.0.1:${bob.localPort};transport=ws`);

    const callId = id();
    alice.send(makeRequest('INVITE', alice, 'sip:bob@127.0.0.1', { callId }), port);
    const invite = await bob.inbox.waitFor(isRequest('INVITE'), 'the INVITE on the WebSocket');
    assert.equal(invite.ruri, 'sip:bob@bobhost.invalid;transport=ws');
    assert.match(invite.headersNamed('via')[0]!.value, new RegExp(`^SIP/2\\.0/WS 127\\.0\\.0\\.1:${wsPort};branch=`));
    const rr = recordRoutes(invite);
    assert.equal(rr.length, 2, rr.join(' | '));
    assert.match(rr[0]!, new RegExp(`^<sip:127\\.0\\.0\\.1:${wsPort};transport=ws;r2=on;lr;ftag=`));
    assert.match(rr[1]!, new RegExp(`^<sip:127\\.0\\.0\\.1:${port};r2=on;lr;ftag=`));

    bob.send(replyTo(invite, 200, 'OK', 'sip:bob@bobhost.invalid;transport=ws'));
    const ok = await alice.waitFor(isReply(200, 'INVITE'), '200 to the INVITE over UDP');
    const target = ok.header('contact')!.value.replace(/^<|>$/g, '');
    assert.match(target, new RegExp(`;alias=127\\.0\\.0\\.1~${bob.localPort}~5`));
    const from = ok.header('from')!.value;
    const to = ok.header('to')!.value;

    alice.send(inDialog('ACK', { ruri: target, routes: recordRoutes(ok).reverse(), via: `SIP/2.0/UDP 127.0.0.1:${alice.port}`, from, to, callId: `${callId}@test`, cseq: 1 }), port);
    const ack = await bob.inbox.waitFor(isRequest('ACK'), 'the ACK on the WebSocket');
    assert.equal(ack.headersNamed('route').length, 0, 'both of our Route entries removed');

    bob.send(inDialog('BYE', { ruri: `sip:alice@127.0.0.1:${alice.port}`, routes: rr, via: 'SIP/2.0/WS bobhost.invalid', from: to, to: from, callId: `${callId}@test`, cseq: 1 }));
    const bye = await alice.waitFor(isRequest('BYE'), 'the BYE over UDP');
    assert.equal(bye.headersNamed('route').length, 0);
    alice.send(replyTo(bye, 200, 'OK', null), port);
    await bob.inbox.waitFor(isReply(200, 'BYE'), '200 to the BYE on the WebSocket');

    // the browser goes away: its binding is unreachable, the caller hears so at once
    await bob.close();
    const started = Date.now();
    alice.send(makeRequest('INVITE', alice, 'sip:bob@127.0.0.1'), port);
    const gone = await alice.waitFor((m) => !m.isRequest && m.status >= 300 && m.cseq().method === 'INVITE', 'a final reply once the WebSocket is closed', 3000);
    assert.equal(gone.status, 480);
    assert.ok(Date.now() - started < 1000, `answered in ${Date.now() - started} ms`);
  } finally {
    alice.close();
    await bob.close();
    await engine.stop();
  }
});

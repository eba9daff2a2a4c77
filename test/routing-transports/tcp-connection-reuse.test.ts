// Routing over connections with a real engine on loopback: a UA registered over TCP with an
// unreachable Contact (as a browser phone's) gets a call from a UDP UA over the connection it
// registered on, with two Record-Route entries (UDP in, TCP out); the dialog's ACK and BYE
// cross both ways by loose_route and the Contact aliases; a REGISTER's reply goes back on its
// connection with received/rport; a contact whose connection is gone is answered 480 promptly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isReply, isRequest, makeRequest, Peer } from '../tm/harness.js';
import { CONNECTION_ROUTES, id, inDialog, recordRoutes, register, replyTo, startConnectionProxy, TcpUa } from './support.js';

test('a REGISTER over TCP: 200 on its connection, the Via with received and rport, the binding with its connection', async () => {
  const { engine, port } = await startConnectionProxy(CONNECTION_ROUTES);
  const bob = await TcpUa.connect(port);
  try {
    bob.send(register('bob', 'tcp'));
    const ok = await bob.inbox.waitFor(isReply(200, 'REGISTER'), '200 to the REGISTER');
    const via = ok.topVia();
    assert.equal(via.params.get('received'), '127.0.0.1');
    assert.equal(via.params.get('rport'), String(bob.localPort));
    const [rec] = engine.usrloc.contacts('location', engine.usrloc.aorOf('bob', '127.0.0.1'));
    assert.ok(rec, 'the binding is saved');
    assert.equal(rec.received, `sip:127.0.0.1:${bob.localPort};transport=tcp`);
    assert.match(rec.socket, new RegExp(`^tcp:127\\.0\\.0\\.1:${port}$`));
    assert.ok(rec.connectionId > 0, `a connection id, got ${rec.connectionId}`);
  } finally {
    await bob.close();
    await engine.stop();
  }
});

test('UDP caller → TCP callee over its registered connection: double Record-Route, 200/ACK/BYE both ways', async () => {
  const { engine, port } = await startConnectionProxy(CONNECTION_ROUTES);
  const bob = await TcpUa.connect(port);
  const alice = await Peer.open();
  try {
    bob.send(register('bob', 'tcp'));
    await bob.inbox.waitFor(isReply(200, 'REGISTER'), '200 to the REGISTER');

    const callId = id();
    alice.send(makeRequest('INVITE', alice, 'sip:bob@127.0.0.1', { callId }), port);
    await alice.waitFor(isReply(100), '100 Trying');
    const invite = await bob.inbox.waitFor(isRequest('INVITE'), 'the INVITE on the registered connection');
    assert.equal(invite.ruri, 'sip:bob@bobhost.invalid;transport=tcp');
    assert.match(invite.headersNamed('via')[0]!.value, new RegExp(`^SIP/2\\.0/TCP 127\\.0\\.0\\.1:${port};branch=`));
    const rr = recordRoutes(invite);
    assert.equal(rr.length, 2, rr.join(' | '));
    assert.match(rr[0]!, new RegExp(`^<sip:127\\.0\\.0\\.1:${port};transport=tcp;r2=on;lr;ftag=`));
    assert.match(rr[1]!, new RegExp(`^<sip:127\\.0\\.0\\.1:${port};r2=on;lr;ftag=`));

    // bob answers; the proxy aliases his Contact (the reply came over a connection)
    bob.send(replyTo(invite, 180, 'Ringing', null));
    bob.send(replyTo(invite, 200, 'OK', 'sip:bob@bobhost.invalid;transport=tcp'));
    const ok = await alice.waitFor(isReply(200, 'INVITE'), '200 to the INVITE');
    const target = ok.header('contact')!.value.replace(/^<|>$/g, '');
    assert.match(target, new RegExp(`;alias=127\\.0\\.0\\.1~${bob.localPort}~2`));
    const aliceRoutes = recordRoutes(ok).reverse(); // a UAC uses the Record-Route in reverse
    const from = ok.header('from')!.value;
    const to = ok.header('to')!.value;

    // ACK and BYE from alice: loose_route removes both our entries, handle_ruri_alias finds bob's connection
    alice.send(inDialog('ACK', { ruri: target, routes: aliceRoutes, via: `SIP/2.0/UDP 127.0.0.1:${alice.port}`, from, to, callId: `${callId}@test`, cseq: 1 }), port);
    const ack = await bob.inbox.waitFor(isRequest('ACK'), 'the ACK over the connection');
    assert.equal(ack.ruri, 'sip:bob@bobhost.invalid;transport=tcp');
    assert.equal(ack.headersNamed('route').length, 0, 'both of our Route entries removed');

    // BYE from bob back to alice over UDP, through the route set as recorded
    const bye = inDialog('BYE', {
      ruri: `sip:alice@127.0.0.1:${alice.port}`, routes: recordRoutes(invite), via: 'SIP/2.0/TCP bobhost.invalid',
      from: to, to: from, callId: `${callId}@test`, cseq: 1,
    });
    bob.send(bye);
    const byeAtAlice = await alice.waitFor(isRequest('BYE'), 'the BYE over UDP');
    assert.equal(byeAtAlice.headersNamed('route').length, 0);
    assert.match(byeAtAlice.headersNamed('via')[0]!.value, /^SIP\/2\.0\/UDP /);
    alice.send(replyTo(byeAtAlice, 200, 'OK', null), port);
    const byeOk = await bob.inbox.waitFor(isReply(200, 'BYE'), '200 to the BYE on the connection');
    assert.equal(byeOk.headersNamed('via').length, 1, 'our Via removed');
  } finally {
    alice.close();
    await bob.close();
    await engine.stop();
  }
});

test('a callee whose connection is gone: the caller gets 480 at once, not a hang', async () => {
  const { engine, port } = await startConnectionProxy(CONNECTION_ROUTES);
  const alice = await Peer.open();
  try {
    for (const noConnect of [false, true]) {
      const carol = await TcpUa.connect(port);
      carol.send(register('carol', 'tcp'));
      await carol.inbox.waitFor(isReply(200, 'REGISTER'), '200 to the REGISTER');
      await carol.close();
      const started = Date.now();
      // reconnecting to the client's own port is refused (a client does not listen); with
      // set_forward_no_connect the send fails without trying
      alice.send(makeRequest('INVITE', alice, 'sip:carol@127.0.0.1', { headers: noConnect ? ['X-No-Connect: 1'] : [] }), port);
      const r = await alice.waitFor((m) => !m.isRequest && m.status >= 300 && m.cseq().method === 'INVITE' && alice.received.filter((x) => !x.isRequest && x.status >= 300).length === (noConnect ? 2 : 1), 'a final reply', 3000);
      assert.equal(r.status, 480, `no-connect ${noConnect}`);
      assert.ok(Date.now() - started < 2000, `answered in ${Date.now() - started} ms`);
    }
  } finally {
    alice.close();
    await engine.stop();
  }
});

// 2xx replies to an INVITE are forwarded whatever the transaction says (RFC 3261 §16.7 step 5:
// after a final response was sent upstream, any 2xx to an INVITE is still forwarded at once;
// §13.3.1.4: the callee retransmits its 2xx until the ACK, through the proxy, long after the
// INVITE transaction is gone).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isReply, isRequest, makeAck, makeReply, makeRequest, Peer, PROXY_ROUTES, startProxy, until } from './harness.js';

test('a 2xx that crosses the CANCEL of fr_inv_timer is relayed after the 408', async () => {
  const { engine, port } = await startProxy(PROXY_ROUTES, { frInvTimer: 300 });
  const caller = await Peer.open();
  const callee = await Peer.open();
  callee.onMessage = (m) => {
    if (m.isRequest && m.method === 'INVITE') callee.send(makeReply(m, 180, 'Ringing'), port);
    if (m.isRequest && m.method === 'CANCEL') {
      // the callee had answered before the CANCEL reached it
      callee.send(makeReply(m, 200, 'OK'), port);
      callee.send(makeReply(callee.received.find(isRequest('INVITE'))!, 200, 'OK'), port);
    }
  };
  try {
    const invite = makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${callee.port}`);
    caller.send(invite, port);
    const timeout = await caller.waitFor(isReply(408), '408');
    const ok = await caller.waitFor(isReply(200, 'INVITE'), 'the late 200 relayed');
    assert.equal(ok.vias().length, 1, 'our Via removed from the late 200');
    assert.match(ok.header('to')!.value, /tag=uas1/);
    caller.send(makeAck(invite, timeout), port);
    await until(() => engine.tm.size === 0, 'the table to empty');
  } finally {
    caller.close();
    callee.close();
    await engine.stop();
  }
});

test('2xx retransmissions are relayed by Via once the INVITE transaction is gone', async () => {
  const { engine, port } = await startProxy(PROXY_ROUTES);
  const caller = await Peer.open();
  const callee = await Peer.open();
  let ok: string | null = null;
  callee.onMessage = (m) => {
    if (m.isRequest && m.method === 'INVITE') {
      ok = makeReply(m, 200, 'OK');
      callee.send(ok, port);
    }
  };
  try {
    // the caller never ACKs: the callee keeps retransmitting its 200
    caller.send(makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${callee.port}`), port);
    await caller.waitFor(isReply(200, 'INVITE'), '200');
    await until(() => engine.tm.size === 0, 'the INVITE transaction to end (T4 after the 2xx)');
    callee.send(ok!, port);
    await until(() => caller.count(isReply(200, 'INVITE')) === 2, 'the retransmitted 200 relayed statelessly');
    const again = caller.received.filter(isReply(200, 'INVITE'))[1]!;
    assert.equal(again.vias().length, 1, 'our Via removed');
    assert.equal(again.vias()[0]!.port, caller.port);
    assert.equal(engine.tm.size, 0, 'no transaction made for it');
  } finally {
    caller.close();
    callee.close();
    await engine.stop();
  }
});

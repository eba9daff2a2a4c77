// INVITE transactions through a real engine over UDP: 100 Trying, provisional and 2xx relay,
// end-to-end ACK, retransmission absorption, negative replies with the hop-by-hop ACK, and the
// table emptying afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isReply, isRequest, makeAck, makeReply, makeRequest, Peer, PROXY_ROUTES, startProxy, until } from './harness.js';

test('INVITE → 100 Trying, 180 and 200 relayed, e2e ACK relayed, then the table empties', async () => {
  const { engine, port } = await startProxy(PROXY_ROUTES);
  const caller = await Peer.open();
  const callee = await Peer.open();
  callee.onMessage = (m) => {
    if (m.isRequest && m.method === 'INVITE') {
      callee.send(makeReply(m, 180, 'Ringing'), port);
      callee.send(makeReply(m, 200, 'OK'), port);
    }
  };
  try {
    const invite = makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${callee.port}`);
    caller.send(invite, port);
    await caller.waitFor(isReply(100), '100 Trying');
    await caller.waitFor(isReply(180), '180');
    const ok = await caller.waitFor(isReply(200), '200');
    const fwd = await callee.waitFor(isRequest('INVITE'), 'INVITE');
    const vias = fwd.vias();
    assert.equal(vias.length, 2, 'our Via on top of the caller\'s');
    assert.equal(vias[0]!.host, '127.0.0.1');
    assert.equal(vias[0]!.port, port);
    assert.match(vias[0]!.branch!, /^z9hG4bK/);
    assert.equal(vias[1]!.port, caller.port);
    assert.ok(fwd.header('record-route'), 'record_route added a Record-Route');
    // the relayed replies lost our Via
    assert.equal(ok.vias().length, 1);
    assert.equal(ok.vias()[0]!.port, caller.port);
    assert.equal(caller.count(isReply(100)), 1, '100 from the proxy, not the callee\'s');
    // the 2xx ACK goes end to end (a new transaction of the caller: new branch)
    const ack = makeAck(invite, ok).replace(/branch=z9hG4bK\w+/, 'branch=z9hG4bKack1');
    caller.send(ack, port);
    await callee.waitFor(isRequest('ACK'), 'ACK');
    await until(() => engine.tm.size === 0, 'the transaction table to empty');
    assert.equal(engine.tm.snapshot().timers, 0);
  } finally {
    caller.close();
    callee.close();
    await engine.stop();
  }
});

test('a retransmitted INVITE is absorbed and answered with the last reply', async () => {
  const { engine, port } = await startProxy(PROXY_ROUTES);
  const caller = await Peer.open();
  const callee = await Peer.open();
  let ringing = false;
  callee.onMessage = (m) => {
    if (m.isRequest && m.method === 'INVITE' && !ringing) {
      ringing = true;
      callee.send(makeReply(m, 180, 'Ringing'), port);
    }
  };
  try {
    const invite = makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${callee.port}`);
    caller.send(invite, port);
    await caller.waitFor(isReply(180), '180');
    caller.send(invite, port);
    await until(() => caller.count(isReply(180)) === 2, 'the 180 sent again for the retransmission');
    assert.equal(callee.count(isRequest('INVITE')), 1, 'the retransmission did not reach the callee');
    assert.equal(engine.tm.snapshot().retransmissionsAbsorbed, 1);
  } finally {
    caller.close();
    callee.close();
    await engine.stop();
  }
});

test('486: the proxy ACKs it hop by hop, relays it, absorbs the caller\'s ACK', async () => {
  const { engine, port } = await startProxy({ ...PROXY_ROUTES });
  const caller = await Peer.open();
  const callee = await Peer.open();
  callee.onMessage = (m) => {
    if (m.isRequest && m.method === 'INVITE') callee.send(makeReply(m, 486, 'Busy Here'), port);
  };
  try {
    const invite = makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${callee.port}`);
    caller.send(invite, port);
    const busy = await caller.waitFor(isReply(486), '486');
    const ack = await callee.waitFor(isRequest('ACK'), 'hop-by-hop ACK');
    const fwd = callee.received.find(isRequest('INVITE'))!;
    assert.equal(ack.topVia().branch, fwd.topVia().branch, 'the ACK of a non-2xx has the INVITE\'s branch');
    assert.equal(ack.ruri, fwd.ruri);
    assert.match(ack.header('to')!.value, /tag=uas1/);
    caller.send(makeAck(invite, busy), port);
    await until(() => engine.tm.size === 0, 'the transaction table to empty');
    assert.equal(callee.count(isRequest('ACK')), 1, 'the caller\'s ACK was absorbed');
  } finally {
    caller.close();
    callee.close();
    await engine.stop();
  }
});

test('INVITE over UDP is retransmitted (Timer A) until a provisional reply comes', async () => {
  const { engine, port } = await startProxy(PROXY_ROUTES);
  const caller = await Peer.open();
  const callee = await Peer.open();
  callee.onMessage = (m) => {
    if (m.isRequest && m.method === 'INVITE' && callee.count(isRequest('INVITE')) === 3) callee.send(makeReply(m, 180, 'Ringing'), port);
  };
  try {
    caller.send(makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${callee.port}`), port);
    await caller.waitFor(isReply(180), '180 after the third copy');
    const n = callee.count(isRequest('INVITE'));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(callee.count(isRequest('INVITE')), n, 'no more retransmissions after the 180');
    const branches = new Set(callee.received.filter(isRequest('INVITE')).map((m) => m.topVia().branch));
    assert.equal(branches.size, 1, 'retransmissions keep the branch');
  } finally {
    caller.close();
    callee.close();
    await engine.stop();
  }
});

// CANCEL and the timers: a CANCEL reaches every ringing branch and ends in 487; fr_timer with
// no reply at all gives a local 408; fr_inv_timer after a 180 cancels the branch and gives 408.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isReply, isRequest, makeAck, makeReply, makeRequest, Peer, PROXY_ROUTES, startProxy, until, type Route } from './harness.js';

test('CANCEL: 200 to it, CANCEL downstream on the ringing branch, 487 relayed and ACKed', async () => {
  const { engine, port } = await startProxy(PROXY_ROUTES);
  const caller = await Peer.open();
  const callee = await Peer.open();
  callee.onMessage = (m) => {
    if (m.isRequest && m.method === 'INVITE') callee.send(makeReply(m, 180, 'Ringing'), port);
    if (m.isRequest && m.method === 'CANCEL') {
      callee.send(makeReply(m, 200, 'OK'), port);
      const inv = callee.received.find(isRequest('INVITE'))!;
      callee.send(makeReply(inv, 487, 'Request Terminated'), port);
    }
  };
  try {
    const invite = makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${callee.port}`);
    caller.send(invite, port);
    await caller.waitFor(isReply(180), '180');
    const cancel = invite.replace(/^INVITE /, 'CANCEL ').replace(/CSeq: 1 INVITE/, 'CSeq: 1 CANCEL');
    caller.send(cancel, port);
    await caller.waitFor(isReply(200, 'CANCEL'), '200 for the CANCEL');
    const terminated = await caller.waitFor(isReply(487, 'INVITE'), '487');
    const down = await callee.waitFor(isRequest('CANCEL'), 'CANCEL downstream');
    const inv = callee.received.find(isRequest('INVITE'))!;
    assert.equal(down.topVia().branch, inv.topVia().branch, 'CANCEL has the INVITE branch\'s Via');
    assert.equal(down.ruri, inv.ruri);
    await callee.waitFor(isRequest('ACK'), 'ACK of the 487');
    assert.match(terminated.header('to')!.value, /tag=uas1/, 'the callee\'s 487 was relayed');
    caller.send(makeAck(invite, terminated), port);
    await until(() => engine.tm.size === 0, 'the table to empty');
  } finally {
    caller.close();
    callee.close();
    await engine.stop();
  }
});

test('no reply at all: 408 after fr_timer, and the failure route sees it as a timeout', async () => {
  const seen: Array<[number, number, number]> = [];
  const routes: Record<string, Route> = {
    ...PROXY_ROUTES,
    ksr_failure_route: (KSR) => {
      seen.push([KSR('pv.get', '$T_reply_code') as number, KSR('tm.t_branch_timeout') as number, KSR('tm.t_branch_replied') as number]);
    },
  };
  const { engine, port } = await startProxy(routes, { frTimer: 300 });
  const caller = await Peer.open();
  const silent = await Peer.open();
  try {
    caller.send(makeRequest('OPTIONS', caller, `sip:bob@127.0.0.1:${silent.port}`), port);
    await caller.waitFor(isReply(408), '408');
    assert.deepEqual(seen, [[408, 1, -1]]);
    assert.ok(silent.count(isRequest('OPTIONS')) >= 2, 'Timer E retransmitted the OPTIONS meanwhile');
    assert.equal(engine.tm.snapshot().branchTimeouts, 1);
  } finally {
    caller.close();
    silent.close();
    await engine.stop();
  }
});

test('180 then silence: fr_inv_timer cancels the branch and answers 408', async () => {
  const { engine, port } = await startProxy(PROXY_ROUTES, { frInvTimer: 300 });
  const caller = await Peer.open();
  const callee = await Peer.open();
  callee.onMessage = (m) => {
    if (m.isRequest && m.method === 'INVITE') callee.send(makeReply(m, 180, 'Ringing'), port);
    if (m.isRequest && m.method === 'CANCEL') {
      callee.send(makeReply(m, 200, 'OK'), port);
      callee.send(makeReply(callee.received.find(isRequest('INVITE'))!, 487, 'Request Terminated'), port);
    }
  };
  try {
    const invite = makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${callee.port}`);
    caller.send(invite, port);
    const timeout = await caller.waitFor(isReply(408), '408');
    await callee.waitFor(isRequest('CANCEL'), 'CANCEL on timeout');
    await callee.waitFor(isRequest('ACK'), 'ACK of the late 487');
    assert.equal(caller.count(isReply(487)), 0, 'the 487 after our CANCEL is not relayed');
    caller.send(makeAck(invite, timeout), port);
    await until(() => engine.tm.size === 0, 'the table to empty');
  } finally {
    caller.close();
    callee.close();
    await engine.stop();
  }
});

test('t_set_fr in the script shortens the timer of that transaction only', async () => {
  const routes: Record<string, Route> = {
    ksr_request_route: (KSR) => {
      KSR('tm.t_set_fr', 0, 150);
      KSR('tm.t_relay');
    },
  };
  const { engine, port } = await startProxy(routes, { frTimer: 60_000 });
  const caller = await Peer.open();
  const silent = await Peer.open();
  try {
    caller.send(makeRequest('MESSAGE', caller, `sip:bob@127.0.0.1:${silent.port}`), port);
    await caller.waitFor(isReply(408), '408 long before the 60 s default');
  } finally {
    caller.close();
    silent.close();
    await engine.stop();
  }
});

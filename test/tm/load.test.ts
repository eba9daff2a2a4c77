// Many calls in a row (INVITE/200/ACK, INVITE/486/ACK, MESSAGE/200, CANCELled INVITEs) and the
// transaction table afterwards: every entry, branch and timer is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isReply, isRequest, makeAck, makeReply, makeRequest, Peer, PROXY_ROUTES, startProxy, until } from './harness.js';

test('after 200 mixed transactions the table, the branch index and the timers are empty', async () => {
  const { engine, port } = await startProxy(PROXY_ROUTES);
  const caller = await Peer.open();
  const callee = await Peer.open();
  callee.onMessage = (m) => {
    if (!m.isRequest) return;
    const kind = m.header('x-kind')?.value;
    if (m.method === 'MESSAGE') callee.send(makeReply(m, 200, 'OK'), port);
    if (m.method === 'INVITE' && kind === 'ok') callee.send(makeReply(m, 200, 'OK'), port);
    if (m.method === 'INVITE' && kind === 'busy') callee.send(makeReply(m, 486, 'Busy Here'), port);
    if (m.method === 'INVITE' && kind === 'ring') callee.send(makeReply(m, 180, 'Ringing'), port);
    if (m.method === 'CANCEL') {
      callee.send(makeReply(m, 200, 'OK'), port);
      const inv = callee.received.find((x) => isRequest('INVITE')(x) && x.header('call-id')!.value === m.header('call-id')!.value)!;
      callee.send(makeReply(inv, 487, 'Request Terminated'), port);
    }
  };
  const kinds = ['ok', 'busy', 'msg', 'ring'] as const;
  try {
    const finals: Array<Promise<unknown>> = [];
    for (let i = 0; i < 200; i++) {
      const kind = kinds[i % 4]!;
      const callId = `load${i}`;
      const method = kind === 'msg' ? 'MESSAGE' : 'INVITE';
      const req = makeRequest(method, caller, `sip:bob@127.0.0.1:${callee.port}`, { callId, headers: [`X-Kind: ${kind}`] });
      const mine = (m: import('../../host/sip/message.js').SipMessage) => !m.isRequest && m.header('call-id')!.value === `${callId}@test`;
      caller.send(req, port);
      if (kind === 'ring') {
        await caller.waitFor((m) => mine(m) && m.status === 180, `180 of ${callId}`);
        caller.send(req.replace(/^INVITE /, 'CANCEL ').replace(/CSeq: 1 INVITE/, 'CSeq: 1 CANCEL'), port);
      }
      const final = await caller.waitFor((m) => mine(m) && m.status >= 200 && m.cseq().method === method, `final of ${callId}`);
      if (method === 'INVITE') {
        const ack = makeAck(req, final);
        caller.send(final.status < 300 ? ack.replace(/branch=z9hG4bK\w+/, `branch=z9hG4bKack${i}`) : ack, port);
      }
      finals.push(Promise.resolve(final.status));
    }
    const codes = await Promise.all(finals);
    assert.deepEqual([...new Set(codes)].sort(), [200, 486, 487]);
    assert.equal(caller.count(isReply(500)), 0);
    await until(() => engine.tm.size === 0, 'the table to empty', 10_000);
    const s = engine.tm.snapshot();
    assert.equal(s.branches, 0);
    assert.equal(s.timers, 0);
    assert.equal(s.created, s.freed);
    assert.equal(s.created, 250, '200 requests + 50 CANCELs');
  } finally {
    caller.close();
    callee.close();
    await engine.stop();
  }
});

// Effects of tm/tmx functions that a single message cannot show (the conformance table points
// here): tmx.t_suspend + tmx.t_continue resume a transaction from another message's route;
// tmx.t_cancel_callid cancels a pending INVITE's branches; tm.t_drop_replies in a failure route
// takes the replies so far out of the choice of the final reply; tm.t_clean frees transactions
// past their lifetime. Real engine, real UDP peers on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isReply, isRequest, makeReply, makeRequest, Peer, startProxy, until, type Route } from './harness.js';

test('tmx.t_suspend, then tmx.t_continue from another request: the resumed route answers the suspended INVITE', async () => {
  let suspended: { index: number; label: number } | null = null;
  const routes: Record<string, Route> = {
    ksr_request_route: (KSR, ctx) => {
      if (ctx.msg.method === 'INVITE') {
        assert.equal(KSR('tmx.t_suspend'), 1);
        suspended = { index: KSR('pv.get', '$T(id_index)') as number, label: KSR('pv.get', '$T(id_label)') as number };
        return;
      }
      // the OPTIONS: resume it (a wrong label resumes nothing), then answer the OPTIONS
      assert.equal(KSR('tmx.t_continue', suspended!.index, suspended!.label + 1, 'ksr_resume'), -1);
      assert.equal(KSR('tmx.t_continue', suspended!.index, suspended!.label, 'ksr_resume'), 1);
      KSR('sl.sl_send_reply', 200, 'Resumed it');
    },
    ksr_resume: (KSR) => {
      KSR('tm.t_reply', 404, 'Resumed Here');
    },
  };
  const { engine, port } = await startProxy(routes);
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('INVITE', caller, 'sip:bob@127.0.0.1'), port);
    await until(() => suspended !== null, 'the INVITE to be suspended');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(caller.count((m) => !m.isRequest && m.status >= 200), 0, 'no final reply while suspended');
    caller.send(makeRequest('OPTIONS', caller, 'sip:127.0.0.1'), port);
    const final = await caller.waitFor(isReply(404, 'INVITE'), 'the 404 of the resumed route');
    assert.equal(final.reason, 'Resumed Here');
    await caller.waitFor(isReply(200, 'OPTIONS'), 'the OPTIONS answered');
  } finally {
    caller.close();
    await engine.stop();
  }
});

test('tmx.t_cancel_callid: a ringing branch of the INVITE with that Call-ID and CSeq gets a CANCEL, the caller a 487', async () => {
  const callee = await Peer.open();
  const routes: Record<string, Route> = {
    ksr_request_route: (KSR, ctx) => {
      if (ctx.msg.method === 'INVITE') return void KSR('tm.t_relay');
      const [callId, cseq] = ctx.msg.header('x-cancel')!.value.split(' ');
      assert.equal(KSR('tmx.t_cancel_callid', 'nobody@test', cseq!, 0), -1, 'an unknown Call-ID cancels nothing');
      assert.equal(KSR('tmx.t_cancel_callid', callId!, cseq!, 0), 1);
      KSR('sl.sl_send_reply', 200, 'OK');
    },
  };
  const { engine, port } = await startProxy(routes);
  callee.onMessage = (m) => {
    if (m.isRequest && m.method === 'INVITE') callee.send(makeReply(m, 180, 'Ringing', 'tb'), port);
    if (m.isRequest && m.method === 'CANCEL') {
      callee.send(makeReply(m, 200, 'OK', 'tb'), port);
      const inv = callee.received.find(isRequest('INVITE'))!;
      callee.send(makeReply(inv, 487, 'Request Terminated', 'tb'), port);
    }
  };
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${callee.port}`, { callId: 'cancel-me' }), port);
    await caller.waitFor(isReply(180), '180 relayed');
    caller.send(makeRequest('OPTIONS', caller, 'sip:127.0.0.1', { headers: ['X-Cancel: cancel-me@test 1'] }), port);
    await callee.waitFor(isRequest('CANCEL'), 'the CANCEL on the branch');
    await caller.waitFor(isReply(487, 'INVITE'), 'the 487 upstream');
  } finally {
    callee.close();
    caller.close();
    await engine.stop();
  }
});

/** A first callee answering 603 (which would win over anything), a second answering 480. */
async function dropRepliesRun(mode: string): Promise<number> {
  const first = await Peer.open();
  const second = await Peer.open();
  const routes: Record<string, Route> = {
    ksr_request_route: (KSR) => {
      KSR('tm.t_on_failure', 'ksr_failure_route');
      KSR('tm.t_relay');
    },
    ksr_failure_route: (KSR) => {
      assert.equal(KSR('tm.t_drop_replies', mode), 1);
      KSR('pv.sets', '$ru', `sip:bob@127.0.0.1:${second.port}`);
      KSR('tm.t_relay');
    },
  };
  const { engine, port } = await startProxy(routes);
  const answer = (peer: Peer, code: number, reason: string) => {
    peer.onMessage = (m) => {
      if (m.isRequest && m.method === 'INVITE') peer.send(makeReply(m, code, reason, `t${code}`), port);
    };
  };
  answer(first, 603, 'Decline');
  answer(second, 480, 'Temporarily Unavailable');
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${first.port}`), port);
    const final = await caller.waitFor((m) => !m.isRequest && m.status >= 300, 'a final reply');
    await second.waitFor(isRequest('INVITE'), 'the second branch');
    return final.status;
  } finally {
    for (const p of [first, second, caller]) p.close();
    await engine.stop();
  }
}

test('tm.t_drop_replies in a failure route: the dropped 603 no longer decides the final reply; "n" drops nothing', async () => {
  assert.equal(await dropRepliesRun('a'), 480, 'the 603 was dropped: the second branch\'s 480 goes up');
  assert.equal(await dropRepliesRun('n'), 603, 'nothing dropped: the 603 still wins');
});

test('tm.t_clean frees the transactions past their lifetime, and only those', async () => {
  const silent = await Peer.open();
  const routes: Record<string, Route> = {
    ksr_request_route: (KSR, ctx) => {
      if (ctx.msg.header('x-clean')) {
        KSR('tm.t_clean');
        return void KSR('sl.sl_send_reply', 200, 'Cleaned');
      }
      if (ctx.msg.header('x-short')) KSR('tm.t_set_max_lifetime', 20, 20);
      KSR('tm.t_relay');
    },
  };
  // long timers: only t_clean can free the transactions within the test
  const { engine, port } = await startProxy(routes, { frTimer: 30_000, frInvTimer: 30_000 });
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('MESSAGE', caller, `sip:bob@127.0.0.1:${silent.port}`, { headers: ['X-Short: 1'] }), port);
    caller.send(makeRequest('MESSAGE', caller, `sip:carol@127.0.0.1:${silent.port}`), port);
    await until(() => silent.count(isRequest('MESSAGE')) >= 2, 'both MESSAGEs relayed');
    assert.equal(engine.tm.size, 2);
    await new Promise((r) => setTimeout(r, 60));
    caller.send(makeRequest('OPTIONS', caller, 'sip:127.0.0.1', { headers: ['X-Clean: 1'] }), port);
    await caller.waitFor(isReply(200, 'OPTIONS'), 'the cleaning request answered');
    assert.equal(engine.tm.size, 1, 'the transaction past its 20 ms lifetime is gone, the other is kept');
  } finally {
    silent.close();
    caller.close();
    await engine.stop();
  }
});

// Forking and the callbacks: parallel branches with best-response choice, serial forking from
// the failure route, branch route per branch (header added, drop), onreply route (drop of a
// provisional reply), branch-failure route, ksr_onsend_route with $snd, send failures (477),
// and a "reload" between the INVITE and its reply: the callbacks run by their NEW definition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { isReply, isRequest, makeReply, makeRequest, Peer, PROXY_ROUTES, startProxy, type Route } from './harness.js';
import { freePort } from '../support/ports.js';

function answering(peer: Peer, port: number, code: number, reason: string, tag: string): void {
  peer.onMessage = (m) => {
    if (m.isRequest && m.method === 'INVITE') peer.send(makeReply(m, code, reason, tag), port);
  };
}

test('parallel forking: a 6xx wins over a 4xx, each branch ACKed, one final upstream', async () => {
  const routes: Record<string, Route> = {
    ksr_request_route: (KSR) => {
      KSR('corex.append_branch_uri', `sip:b@127.0.0.1:${b.port}`);
      KSR('tm.t_relay');
    },
  };
  const a = await Peer.open();
  const b = await Peer.open();
  const { engine, port } = await startProxy(routes);
  answering(a, port, 486, 'Busy Here', 'ta');
  answering(b, port, 603, 'Decline', 'tb');
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('INVITE', caller, `sip:a@127.0.0.1:${a.port}`), port);
    const final = await caller.waitFor((m) => !m.isRequest && m.status >= 300, 'a final reply');
    assert.equal(final.status, 603);
    assert.match(final.header('to')!.value, /tag=tb/);
    await a.waitFor(isRequest('ACK'), 'ACK on branch a');
    await b.waitFor(isRequest('ACK'), 'ACK on branch b');
    assert.equal(caller.count((m) => !m.isRequest && m.status >= 300), 1, 'one final reply upstream');
  } finally {
    for (const p of [a, b, caller]) p.close();
    await engine.stop();
  }
});

test('parallel forking: the lowest class wins (404 over 503), a 2xx cancels the other branch', async () => {
  const a = await Peer.open();
  const b = await Peer.open();
  const c = await Peer.open();
  const routes: Record<string, Route> = {
    ksr_request_route: (KSR, ctx) => {
      for (const p of ctx.msg.header('x-more')!.value.split(',')) KSR('corex.append_branch_uri', `sip:x@127.0.0.1:${p.trim()}`);
      KSR('tm.t_relay');
    },
  };
  const { engine, port } = await startProxy(routes);
  answering(a, port, 503, 'Unavailable', 'ta');
  answering(b, port, 404, 'Not Found', 'tb');
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('INVITE', caller, `sip:a@127.0.0.1:${a.port}`, { headers: [`X-More: ${b.port}`] }), port);
    assert.equal((await caller.waitFor((m) => !m.isRequest && m.status >= 300, 'final')).status, 404);

    // a rings, c answers: the 200 goes up and a gets a CANCEL
    a.onMessage = (m) => {
      if (m.isRequest && m.method === 'INVITE') a.send(makeReply(m, 180, 'Ringing', 'ta'), port);
      if (m.isRequest && m.method === 'CANCEL') a.send(makeReply(m, 200, 'OK', 'ta'), port);
    };
    let cInvite = false;
    c.onMessage = (m) => {
      if (m.isRequest && m.method === 'INVITE') cInvite = true;
    };
    const caller2 = await Peer.open();
    try {
      caller2.send(makeRequest('INVITE', caller2, `sip:a@127.0.0.1:${a.port}`, { headers: [`X-More: ${c.port}`] }), port);
      await caller2.waitFor(isReply(180), '180 from a');
      await c.waitFor(isRequest('INVITE'), 'INVITE on c');
      assert.ok(cInvite);
      const cInv = c.received.find(isRequest('INVITE'))!;
      c.send(makeReply(cInv, 200, 'OK', 'tc'), port);
      await caller2.waitFor(isReply(200), '200 from c');
      await a.waitFor(isRequest('CANCEL'), 'CANCEL to the ringing branch');
    } finally {
      caller2.close();
    }
  } finally {
    for (const p of [a, b, c, caller]) p.close();
    await engine.stop();
  }
});

test('serial forking: 486 → failure route → second callee answers', async () => {
  const first = await Peer.open();
  const second = await Peer.open();
  let failureRuns = 0;
  const routes: Record<string, Route> = {
    ...PROXY_ROUTES,
    ksr_failure_route: (KSR) => {
      failureRuns++;
      assert.equal(KSR('tmx.t_is_failure_route'), 1);
      assert.equal(KSR('corex.is_faked_msg'), 1);
      if (KSR('tm.t_is_canceled') === 1) KSR('x.exit');
      if (KSR('tm.t_check_status', '486|408') === 1) {
        KSR('pv.sets', '$ru', `sip:bob@127.0.0.1:${second.port}`);
        KSR('tm.t_on_failure', 'ksr_failure_route');
        KSR('tm.t_relay');
      }
    },
  };
  const { engine, port } = await startProxy(routes);
  answering(first, port, 486, 'Busy Here', 't1');
  answering(second, port, 200, 'OK', 't2');
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${first.port}`), port);
    const ok = await caller.waitFor(isReply(200), '200 from the second callee');
    assert.match(ok.header('to')!.value, /tag=t2/);
    assert.equal(caller.count(isReply(486)), 0, 'the 486 stayed in the proxy');
    assert.equal(failureRuns, 1);
    const inv2 = second.received.find(isRequest('INVITE'))!;
    assert.equal(inv2.ruri, `sip:bob@127.0.0.1:${second.port}`);
    assert.ok(inv2.header('record-route'), 'the request of the failure route keeps its Record-Route');
  } finally {
    for (const p of [first, second, caller]) p.close();
    await engine.stop();
  }
});

test('branch route: a header per branch, $T_branch_idx, and drop discards a branch', async () => {
  const a = await Peer.open();
  const b = await Peer.open();
  const routes: Record<string, Route> = {
    ksr_request_route: (KSR) => {
      KSR('corex.append_branch_uri', `sip:b@127.0.0.1:${b.port}`);
      KSR('tm.t_on_branch', 'ksr_branch_route');
      KSR('tm.t_relay');
    },
    ksr_branch_route: (KSR) => {
      assert.equal(KSR('tmx.t_is_branch_route'), 1);
      KSR('hdr.append', `X-Branch: ${KSR('pv.get', '$T_branch_idx')}\r\n`);
      if (KSR('pv.get', '$rU') === 'b') KSR('x.drop');
    },
  };
  const { engine, port } = await startProxy(routes);
  answering(a, port, 404, 'Not Found', 'ta');
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('INVITE', caller, `sip:a@127.0.0.1:${a.port}`), port);
    await caller.waitFor(isReply(404), '404');
    assert.equal(a.received.find(isRequest('INVITE'))!.header('x-branch')?.value, '0');
    assert.equal(b.count(isRequest('INVITE')), 0, 'the dropped branch was not sent');
  } finally {
    for (const p of [a, b, caller]) p.close();
    await engine.stop();
  }
});

test('onreply route sees each reply; a dropped 180 is not relayed', async () => {
  const codes: number[] = [];
  const callee = await Peer.open();
  const routes: Record<string, Route> = {
    ksr_request_route: (KSR) => {
      KSR('tm.t_on_reply', 'ksr_onreply');
      KSR('tm.t_relay');
    },
    ksr_onreply: (KSR) => {
      assert.equal(KSR('tmx.t_is_reply_route'), 1);
      codes.push(KSR('pv.get', '$T_reply_code') as number);
      if (KSR('pv.get', '$rs') === 180) KSR('x.drop');
    },
  };
  const { engine, port } = await startProxy(routes);
  callee.onMessage = (m) => {
    if (m.isRequest && m.method === 'INVITE') {
      callee.send(makeReply(m, 180, 'Ringing'), port);
      setTimeout(() => callee.send(makeReply(m, 183, 'Progress'), port), 20);
      setTimeout(() => callee.send(makeReply(m, 200, 'OK'), port), 40);
    }
  };
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${callee.port}`), port);
    await caller.waitFor(isReply(200), '200');
    assert.deepEqual(codes, [180, 183, 200]);
    assert.equal(caller.count(isReply(180)), 0);
    assert.equal(caller.count(isReply(183)), 1);
  } finally {
    callee.close();
    caller.close();
    await engine.stop();
  }
});

test('branch-failure route runs per negative reply with the event name', async () => {
  const seen: string[] = [];
  const a = await Peer.open();
  const routes: Record<string, Route> = {
    ksr_request_route: (KSR) => {
      KSR('tm.t_on_branch_failure', 'ksr_bf');
      KSR('tm.t_relay');
    },
    ksr_bf: (KSR, _ctx, arg) => {
      seen.push(`${arg}:${KSR('pv.get', '$T_reply_code')}:${KSR('pv.get', '$T_rpl($rr)')}`);
    },
  };
  const { engine, port } = await startProxy(routes);
  answering(a, port, 480, 'Temporarily Unavailable', 'ta');
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('INVITE', caller, `sip:a@127.0.0.1:${a.port}`), port);
    await caller.waitFor(isReply(480), '480');
    assert.deepEqual(seen, ['tm:branch-failure:480:Temporarily Unavailable']);
  } finally {
    a.close();
    caller.close();
    await engine.stop();
  }
});

test('ksr_onsend_route reads $snd(...) and its drop discards the send', async () => {
  const seen: Array<Record<string, unknown>> = [];
  const callee = await Peer.open();
  const routes: Record<string, Route> = {
    ksr_request_route: (KSR) => {
      KSR('tm.t_relay');
    },
    ksr_onsend_route: (KSR) => {
      seen.push({
        ip: KSR('pv.get', '$snd(ip)'), port: KSR('pv.get', '$snd(port)'), proto: KSR('pv.get', '$snd(proto)'),
        len: KSR('pv.get', '$snd(len)'), buf: String(KSR('pv.get', '$snd(buf)')).split('\r\n')[0],
      });
      if (KSR('is_MESSAGE')) KSR('x.drop');
    },
  };
  const { engine, port } = await startProxy(routes, { frTimer: 200 });
  callee.onMessage = (m) => {
    if (m.isRequest && m.method === 'OPTIONS') callee.send(makeReply(m, 200, 'OK'), port);
  };
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('OPTIONS', caller, `sip:bob@127.0.0.1:${callee.port}`), port);
    await caller.waitFor(isReply(200), '200');
    const opt = callee.received.find(isRequest('OPTIONS'))!;
    assert.deepEqual(seen[0], { ip: '127.0.0.1', port: callee.port, proto: 1, len: opt.buf.length, buf: `OPTIONS sip:bob@127.0.0.1:${callee.port} SIP/2.0` });
    caller.send(makeRequest('MESSAGE', caller, `sip:bob@127.0.0.1:${callee.port}`), port);
    await caller.waitFor((m) => !m.isRequest && m.cseq().method === 'MESSAGE' && m.status >= 300, 'a final for the MESSAGE');
    assert.equal(callee.count(isRequest('MESSAGE')), 0, 'dropped in ksr_onsend_route');
  } finally {
    callee.close();
    caller.close();
    await engine.stop();
  }
});

test('TCP connect refused and no listener for the family: 477 in the failure route', async () => {
  const codes: number[] = [];
  const closed = await freePort();
  const routes: Record<string, Route> = {
    ksr_request_route: (KSR, ctx) => {
      KSR('tm.t_on_failure', 'ksr_failure_route');
      KSR('pv.sets', '$ru', ctx.msg.header('x-target')!.value);
      KSR('tm.t_relay');
    },
    ksr_failure_route: (KSR) => {
      codes.push(KSR('pv.get', '$T_reply_code') as number);
      KSR('tm.t_reply', 503, 'Nobody There');
    },
  };
  const { engine, port } = await startProxy(routes);
  const caller = await Peer.open();
  // make sure nothing listens there
  await new Promise<void>((r) => {
    const s = net.createServer().listen(closed, '127.0.0.1', () => s.close(() => r()));
  });
  try {
    caller.send(makeRequest('MESSAGE', caller, 'sip:x@127.0.0.1', { headers: [`X-Target: sip:x@127.0.0.1:${closed};transport=tcp`] }), port);
    await caller.waitFor(isReply(503), '503 from the failure route');
    caller.send(makeRequest('MESSAGE', caller, 'sip:x@127.0.0.1', { headers: ['X-Target: sip:x@[::1]:5060'] }), port);
    await caller.waitFor((m) => isReply(503)(m) && caller.count(isReply(503)) === 2, 'second 503');
    assert.deepEqual(codes, [477, 477]);
    assert.equal(engine.tm.snapshot().branchSendFailures, 2);
  } finally {
    caller.close();
    await engine.stop();
  }
});

test('a reload between the INVITE and its reply: the failure route of the new script runs', async () => {
  const callee = await Peer.open();
  const ran: string[] = [];
  const { engine, router, port } = await startProxy({
    ...PROXY_ROUTES,
    ksr_failure_route: () => void ran.push('old'),
  });
  callee.onMessage = (m) => {
    if (m.isRequest && m.method === 'INVITE') {
      router.routes = { ...PROXY_ROUTES, ksr_failure_route: (KSR) => {
        ran.push('new');
        KSR('tm.t_reply', 404, 'Reloaded');
      } };
      callee.send(makeReply(m, 486, 'Busy Here'), port);
    }
  };
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${callee.port}`), port);
    await caller.waitFor(isReply(404), '404 from the new failure route');
    assert.deepEqual(ran, ['new']);
  } finally {
    callee.close();
    caller.close();
    await engine.stop();
  }
});

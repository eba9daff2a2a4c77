// Stateless forwarding through a real engine: KSR.forward / forward_uri add our Via (same
// branch for a retransmission), Record-Route when asked, and replies that belong to no
// transaction go back by the Via below ours (received/rport honoured).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage } from '../../host/sip/message.js';
import { isReply, isRequest, makeReply, makeRequest, Peer, startProxy, type Route } from '../tm/harness.js';

test('KSR.forward: our Via on top, deterministic branch, reply relayed by Via', async () => {
  const callee = await Peer.open();
  const routes: Record<string, Route> = {
    ksr_request_route: (KSR) => {
      KSR('add_local_rport');
      KSR('rr.record_route');
      KSR('forward');
    },
  };
  const { engine, port } = await startProxy(routes);
  callee.onMessage = (m) => {
    if (m.isRequest && m.method === 'MESSAGE') callee.send(makeReply(m, 202, 'Accepted'), port);
  };
  const caller = await Peer.open();
  try {
    const msg = makeRequest('MESSAGE', caller, `sip:bob@127.0.0.1:${callee.port}`);
    caller.send(msg, port);
    const reply = await caller.waitFor(isReply(202), '202 relayed statelessly');
    assert.equal(reply.vias().length, 1, 'our Via removed from the reply');
    const fwd = await callee.waitFor(isRequest('MESSAGE'), 'MESSAGE');
    assert.equal(fwd.vias()[0]!.port, port);
    assert.ok(fwd.vias()[0]!.params.has('rport'), 'add_local_rport put ;rport in our Via');
    assert.ok(fwd.header('record-route'));
    caller.send(msg, port);
    await callee.waitFor((m) => isRequest('MESSAGE')(m) && callee.count(isRequest('MESSAGE')) === 2, 'the retransmission, forwarded again');
    const [a, b] = callee.received.filter(isRequest('MESSAGE'));
    assert.equal(a!.topVia().branch, b!.topVia().branch, 'same branch for the same request');
    assert.equal(engine.tm.size, 0, 'no transaction for stateless forwarding');
  } finally {
    callee.close();
    caller.close();
    await engine.stop();
  }
});

test('KSR.forward_uri sends to the given URI, not the R-URI', async () => {
  const callee = await Peer.open();
  const routes: Record<string, Route> = {
    ksr_request_route: (KSR) => {
      KSR('forward_uri', `sip:127.0.0.1:${callee.port}`);
    },
  };
  const { engine, port } = await startProxy(routes);
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('OPTIONS', caller, 'sip:nobody@192.0.2.1'), port);
    const fwd = await callee.waitFor(isRequest('OPTIONS'), 'OPTIONS');
    assert.equal(fwd.ruri, 'sip:nobody@192.0.2.1', 'the R-URI is unchanged');
  } finally {
    callee.close();
    caller.close();
    await engine.stop();
  }
});

test('a reply whose top Via is not ours is not relayed', async () => {
  const { engine, port } = await startProxy({ ksr_request_route: () => {} });
  const stranger = await Peer.open();
  const victim = await Peer.open();
  try {
    const fake = makeReply(
      SipMessageOf(makeRequest('OPTIONS', victim, 'sip:x@127.0.0.1')).withVia(`Via: SIP/2.0/UDP 192.0.2.99:5060;branch=z9hG4bKzz`),
      200, 'OK',
    );
    stranger.send(fake, port);
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(victim.received.length, 0);
  } finally {
    stranger.close();
    victim.close();
    await engine.stop();
  }
});

/** A request with one more Via on top, as a stranger's reply would carry. */
function SipMessageOf(text: string) {
  return {
    withVia(via: string): SipMessage {
      return SipMessage.parse(Buffer.from(text.replace(/^(.*\r\n)/, `$1${via}\r\n`)));
    },
  };
}

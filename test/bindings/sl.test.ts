import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage } from '../../host/sip/message.js';
import { makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from './ksr-call.js';

/** A 200 that came back to us: our Via on top, the caller's below it. */
const RELAYED_200 = [
  'SIP/2.0 200 OK',
  'Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-ours',
  'Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-caller;received=192.0.2.10;rport=5070',
  'From: <sip:alice@localhost>;tag=1',
  'To: <sip:bob@example.com>;tag=2',
  'Call-ID: fwd-1@192.0.2.10',
  'CSeq: 1 OPTIONS',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

test('sl_send_reply sends an RFC 3261 reply to the request', () => {
  const ctx = makeContext('register');
  assert.equal(ksrOn(ctx)('sl.sl_send_reply', 401, 'Unauthorized'), 1);
  assert.equal(ctx.replied, true);
  const r = SipMessage.parse(ctx.core.replies[0]!.buf);
  assert.equal(r.status, 401);
  assert.equal(r.reason, 'Unauthorized');
  assert.equal(r.callId(), 'reg-1@192.0.2.10');
  assert.equal(r.topVia().branch, 'z9hG4bK-reg-1');
  assert.ok(r.to().tag, 'a To-tag is added');
});

test('send_reply and send_reply_mode reply statelessly without a transaction', () => {
  const ctx = makeContext('options');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('sl.send_reply', 200, 'OK'), 1);
  assert.equal(ksr('sl.send_reply_mode', 202, 'Accepted', 0), 1);
  assert.deepEqual(ctx.core.replies.map((r) => SipMessage.parse(r.buf).status), [200, 202]);
});

for (const fn of ['sl.sl_send_reply', 'sl.send_reply', 'sl.send_reply_mode', 'sl.sl_reply_error', 'sl.send_reply_error']) {
  test(`${fn} after t_newtran answers through the transaction: recorded, resent, and only once`, () => {
    const ctx = makeContext('options');
    const ksr = ksrOn(ctx);
    const tm = ctx.core.tm;
    try {
      assert.equal(ksr('tm.t_newtran'), 1);
      const args = fn.endsWith('error') ? [] : fn.endsWith('mode') ? [404, 'Not Here', 0] : [404, 'Not Here'];
      const code = fn.endsWith('error') ? 500 : 404;
      assert.equal(ksr(fn, ...args), 1);
      const t = tm.transactionOf(ctx)!;
      assert.equal(t.finalCode, code, 'the transaction recorded the reply as its final one');
      assert.equal(ksr('tm.t_get_status_code'), code);
      // a second final reply is refused by the transaction, so never two finals on the wire
      assert.equal(ksr(fn, ...args), -1);
      assert.equal(ctx.core.replies.length, 1);
      // the retransmitted request is absorbed and answered with the same reply
      const again = makeContext('options', { core: ctx.core });
      assert.equal(ksrOn(again)('tm.t_newtran'), 0);
      assert.deepEqual(ctx.core.replies.map((r) => r.code), [code, code]);
      assert.deepEqual(ctx.core.replies[1]!.buf, ctx.core.replies[0]!.buf);
    } finally {
      tm.stop();
    }
  });
}

test('send_reply in an onreply route answers the transaction\'s request', () => {
  const req = makeContext('options');
  const tm = req.core.tm;
  try {
    assert.equal(ksrOn(req)('tm.t_newtran'), 1);
    const reply = makeContext(RELAYED_200, { core: req.core });
    reply.transaction = tm.transactionOf(req);
    reply.routeType = 'onreply';
    assert.equal(ksrOn(reply)('sl.send_reply', 480, 'Later'), 1);
    assert.equal(req.core.replies.length, 1);
    const sent = SipMessage.parse(req.core.replies[0]!.buf);
    assert.equal(sent.status, 480);
    assert.equal(sent.callId(), req.msg.callId(), 'a reply to the request, not to the reply');
    assert.equal(tm.transactionOf(req)!.finalCode, 480);
  } finally {
    tm.stop();
  }
});

test('send_reply_mode flags 1 and 2 are set_reply_no_connect and set_reply_close for the request', () => {
  const ctx = makeContext('options');
  assert.equal(ksrOn(ctx)('sl.send_reply_mode', 404, 'Not Here', 3), 1);
  assert.equal(ctx.replyNoConnect, true);
  assert.equal(ctx.replyClose, true);
  const plain = makeContext('options');
  assert.equal(ksrOn(plain)('sl.send_reply_mode', 404, 'Not Here', 0), 1);
  assert.equal(plain.replyNoConnect || plain.replyClose, false);
});

test('no reply to an ACK, to a reply, or with a code outside 100..699', () => {
  const ack = makeContext(makeContext('options').msg.buf.toString().replace(/OPTIONS/g, 'ACK'));
  assert.equal(ksrOn(ack)('sl.sl_send_reply', 200, 'OK'), -1);
  assert.equal(ack.core.replies.length, 0);
  const rep = makeContext('reply200');
  assert.equal(ksrOn(rep)('sl.sl_send_reply', 200, 'OK'), -1);
  const bad = makeContext('options');
  assert.equal(ksrOn(bad)('sl.sl_send_reply', 99, 'X'), -1);
  assert.equal(ksrOn(bad)('sl.sl_send_reply', 700, 'X'), -1);
  assert.equal(bad.core.replies.length, 0);
});

test('sl_reply_error / send_reply_error answer 500', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('sl.sl_reply_error'), 1);
  assert.equal(ksr('sl.send_reply_error'), 1);
  assert.deepEqual(ctx.core.replies.map((r) => SipMessage.parse(r.buf).status), [500, 500]);
});


test('sl_forward_reply relays the reply statelessly, with a new code and reason of the same class', () => {
  const ctx = makeContext(RELAYED_200);
  const ksr = ksrOn(ctx);
  assert.equal(ksr('sl.sl_forward_reply', '', ''), 1);
  assert.equal(ksr('sl.sl_forward_reply', '202', 'Taken'), 1);
  assert.equal(ksr('sl.sl_forward_reply', '', 'Only The Reason'), 1);
  const sent = ctx.core.sent.map((s) => ({ msg: SipMessage.parse(s.buf), dst: s.dst }));
  assert.equal(sent.length, 3);
  for (const s of sent) {
    assert.deepEqual(s.dst, { proto: 'udp', ip: '192.0.2.10', port: 5070 }, 'to the next Via (received/rport)');
    assert.equal(s.msg.vias().length, 1, 'our Via removed');
    assert.equal(s.msg.topVia().branch, 'z9hG4bK-caller');
  }
  assert.deepEqual(sent.map((s) => `${s.msg.status} ${s.msg.reason}`), ['200 OK', '202 Taken', '200 Only The Reason']);
  assert.equal(ctx.msg.status, 200, 'the received reply itself is unchanged');
});

test('sl_forward_reply refuses another class, a malformed code, and a request', () => {
  const ctx = makeContext(RELAYED_200);
  const ksr = ksrOn(ctx);
  assert.equal(ksr('sl.sl_forward_reply', '404', 'Not Found'), -1);
  assert.equal(ksr('sl.sl_forward_reply', '20', ''), -1);
  assert.equal(ksr('sl.sl_forward_reply', '2x0', ''), -1);
  assert.equal(ctx.core.sent.length, 0);
  assert.ok(ctx.core.logs.some((l) => l.level === 'error' && /code class cannot change \(200 to 404\)/.test(l.text)));
  const req = makeContext('options');
  assert.equal(ksrOn(req)('sl.sl_forward_reply', '', ''), -1);
  assert.ok(req.core.logs.some((l) => /expected a reply/.test(l.text)));
});

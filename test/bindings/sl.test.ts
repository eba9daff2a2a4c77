import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage } from '../../host/sip/message.js';
import { makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from './ksr-call.js';

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

test('send_reply and send_reply_mode reply statelessly too', () => {
  const ctx = makeContext('options');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('sl.send_reply', 200, 'OK'), 1);
  assert.equal(ksr('sl.send_reply_mode', 202, 'Accepted', 1), 1);
  assert.deepEqual(ctx.core.replies.map((r) => SipMessage.parse(r.buf).status), [200, 202]);
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

test('sl_forward_reply is not available yet: -1 and an error log', () => {
  const ctx = makeContext('reply200');
  assert.equal(ksrOn(ctx)('sl.sl_forward_reply', '200', 'OK'), -1);
  assert.ok(ctx.core.logs.some((l) => l.level === 'error' && /sl_forward_reply/.test(l.text)));
});

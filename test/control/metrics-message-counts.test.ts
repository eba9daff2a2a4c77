// host/core/message-counts.ts on its own: what a sent buffer counts as (read from its first
// bytes), the bounded labels (other, 100..699), and a snapshot that lists only what was seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageCounts, SIP_METHODS, methodSlot } from '../../host/core/message-counts.js';

const b = (s: string) => Buffer.from(s, 'latin1');

test('received: each standard method by name, anything else as other; codes outside 100..699 nowhere', () => {
  const c = new MessageCounts();
  for (const m of SIP_METHODS) c.requestReceived(m);
  c.requestReceived('INVITE');
  c.requestReceived('invite'); // methods are case-sensitive (RFC 3261 §7.1): not INVITE
  c.requestReceived('X'.repeat(5000));
  c.replyReceived(180);
  c.replyReceived(699);
  c.replyReceived(99);
  c.replyReceived(700);
  const s = c.snapshot();
  assert.equal(s.requestsIn.INVITE, 2);
  assert.equal(s.requestsIn.other, 2);
  assert.equal(Object.keys(s.requestsIn).length, SIP_METHODS.length + 1);
  assert.deepEqual(s.repliesIn, { 180: 1, 699: 1 });
  assert.deepEqual(s.requestsOut, {});
  assert.deepEqual(s.repliesOut, {});
});

test('sent: replies by the code of their status line, requests by the method of their request line', () => {
  const c = new MessageCounts();
  c.sent(b('SIP/2.0 200 OK\r\nVia: x\r\n\r\n'));
  c.sent(b('SIP/2.0 486 Busy Here\r\n\r\n'));
  c.sent(b('INVITE sip:a@b SIP/2.0\r\n\r\n'));
  c.sent(b('INVITEX sip:a@b SIP/2.0\r\n\r\n')); // not INVITE: a method of its own, other
  c.sent(b('ACK sip:a@b SIP/2.0\r\n\r\n'));
  c.sent(b('KDMQ sip:a@b SIP/2.0\r\n\r\n'));
  c.sent(Buffer.alloc(4, 0)); // a NAT keepalive: not SIP, counted nowhere
  c.sent(b('\r\n\r\n'));
  c.sent(b('SIP/2.0 2x0 Bad\r\n'));
  c.replySent(401);
  const s = c.snapshot();
  assert.deepEqual(s.repliesOut, { 200: 1, 401: 1, 486: 1 });
  assert.deepEqual(s.requestsOut, { INVITE: 1, ACK: 1, other: 2 });
});

test('methodSlot: the parser\'s kept strings and equal strings made elsewhere give the same slot', () => {
  assert.equal(methodSlot('REGISTER'), SIP_METHODS.indexOf('REGISTER'));
  assert.equal(methodSlot(['REG', 'ISTER'].join('')), SIP_METHODS.indexOf('REGISTER'));
  assert.equal(methodSlot(''), SIP_METHODS.length);
});

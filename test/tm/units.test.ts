// The pure parts of tm: best-response choice, matching keys, CANCEL/ACK built from the request
// as sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickBest } from '../../host/tm/best-response.js';
import { dialogKey, replyKey, serverKey } from '../../host/tm/keys.js';
import { buildAck, buildCancel } from '../../host/tm/uac-requests.js';
import { SipMessage } from '../../host/sip/message.js';
import { FIXTURES } from '../support/sip-fixtures.js';

const parse = (s: string) => SipMessage.parse(Buffer.from(s));

test('best response: 6xx first, then lowest class, received before local, then branch order', () => {
  const o = (index: number, code: number, local = false) => ({ index, code, local });
  assert.equal(pickBest([o(0, 486), o(1, 603), o(2, 302)])!.index, 1);
  assert.equal(pickBest([o(0, 503), o(1, 404), o(2, 480)])!.index, 1);
  assert.equal(pickBest([o(0, 408, true), o(1, 486)])!.index, 1);
  assert.equal(pickBest([o(0, 486), o(1, 404)])!.index, 0, 'same class: the first branch');
  assert.equal(pickBest([o(0, 500), o(1, 477, true)])!.index, 1, 'a local 4xx still beats a received 5xx');
  assert.equal(pickBest([]), null);
});

test('server keys: RFC 3261 by branch, sent-by and method; ACK and CANCEL find the INVITE', () => {
  const inv = parse(FIXTURES.invite);
  const ack = parse(FIXTURES.invite.replace('INVITE sip:', 'ACK sip:').replace('314159 INVITE', '314159 ACK'));
  const cancel = parse(FIXTURES.invite.replace('INVITE sip:', 'CANCEL sip:').replace('314159 INVITE', '314159 CANCEL'));
  assert.equal(serverKey(ack), serverKey(inv));
  assert.notEqual(serverKey(cancel), serverKey(inv));
  assert.equal(serverKey(cancel, 'INVITE'), serverKey(inv));
  const other = parse(FIXTURES.invite.replace('branch=z9hG4bK-inv-1', 'branch=z9hG4bK-inv-2'));
  assert.notEqual(serverKey(other), serverKey(inv));
  assert.equal(dialogKey(ack), dialogKey(inv));
});

test('server keys: RFC 2543 requests (no magic cookie) by Call-ID, From-tag, CSeq, R-URI, Via', () => {
  const old = FIXTURES.invite.replace('branch=z9hG4bK-inv-1', 'branch=1234');
  const a = parse(old);
  const retrans = parse(old);
  const ack = parse(old.replace('INVITE sip:', 'ACK sip:').replace('314159 INVITE', '314159 ACK').replace('To: Bob <sip:bob@example.com>', 'To: Bob <sip:bob@example.com>;tag=ours'));
  const other = parse(old.replace('CSeq: 314159', 'CSeq: 314160'));
  assert.match(serverKey(a)!, /^2543/);
  assert.equal(serverKey(retrans), serverKey(a));
  assert.equal(serverKey(ack), serverKey(a), 'the ACK carries our To-tag and still matches');
  assert.notEqual(serverKey(other), serverKey(a));
});

test('reply key: top Via branch and CSeq method', () => {
  assert.deepEqual(replyKey(parse(FIXTURES.reply200)), { branch: 'z9hG4bK-inv-1', method: 'INVITE' });
});

test('CANCEL and ACK are built from the request as sent: R-URI, top Via, Route set, CSeq number', () => {
  const sent = parse(
    FIXTURES.invite
      .replace('Via: SIP/2.0/UDP 192.0.2.10', 'Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKours.0\r\nVia: SIP/2.0/UDP 192.0.2.10')
      .replace('Supported:', 'Route: <sip:next.example.com;lr>\r\nSupported:'),
  );
  const cancel = parse(buildCancel(sent, 'SIP;cause=200;text="Call completed elsewhere"').toString());
  assert.equal(cancel.method, 'CANCEL');
  assert.equal(cancel.ruri, sent.ruri);
  assert.equal(cancel.vias().length, 1);
  assert.equal(cancel.topVia().branch, 'z9hG4bKours.0');
  assert.deepEqual(cancel.cseq(), { seq: 314159, method: 'CANCEL' });
  assert.equal(cancel.header('route')!.value, '<sip:next.example.com;lr>');
  assert.match(cancel.header('reason')!.value, /cause=200/);
  assert.equal(cancel.header('to')!.value, sent.header('to')!.value);
  const reply = parse(FIXTURES.reply200.replace('200 OK', '486 Busy Here'));
  const ack = parse(buildAck(sent, reply).toString());
  assert.equal(ack.method, 'ACK');
  assert.deepEqual(ack.cseq(), { seq: 314159, method: 'ACK' });
  assert.match(ack.header('to')!.value, /tag=b55/, 'To with the tag of the reply');
  assert.equal(ack.topVia().branch, 'z9hG4bKours.0');
  assert.equal(ack.body().length, 0);
});

test('t_check_trans: a request meets its transaction among others; a miss by branch, a freed one is gone, RFC 2543 keys still match', async () => {
  const { RecordingCore, makeContext } = await import('../support/sip-fixtures.js');
  const core = new RecordingCore();
  const options = (branch: string) => FIXTURES.options.replace(/branch=[^;\r\n]+/, `branch=${branch}`);
  const created = ['z9hG4bK-a', 'z9hG4bK-b', 'z9hG4bK-c'].map((b) => {
    const ctx = makeContext(options(b), { core });
    assert.equal(core.tm.newTransaction(ctx), 1);
    return ctx.transaction!;
  });
  assert.equal(core.tm.checkTrans(makeContext(options('z9hG4bK-b'), { core })), 0, 'a retransmission is absorbed');
  assert.equal(core.tm.checkTrans(makeContext(options('z9hG4bK-new'), { core })), -1, 'a branch with no transaction misses');
  core.tm.release(created[1]!);
  assert.equal(core.tm.checkTrans(makeContext(options('z9hG4bK-b'), { core })), -1, 'a freed transaction is not met again');
  assert.equal(core.tm.checkTrans(makeContext(options('z9hG4bK-a'), { core })), 0, 'the others still are');
  // RFC 2543 (no cookie): keyed by Call-ID, From-tag, CSeq, R-URI and Via
  const old = makeContext(options('old-style-1'), { core });
  assert.equal(core.tm.newTransaction(old), 1);
  assert.equal(core.tm.checkTrans(makeContext(options('old-style-1'), { core })), 0);
  core.tm.stop();
  assert.equal(core.tm.checkTrans(makeContext(options('z9hG4bK-a'), { core })), -1, 'an emptied table meets nothing');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildErrorReply } from '../../host/sip/reply.js';

const req = [
  'INVITE sip:bob@b SIP/2.0', 'v: SIP/2.0/UDP 1.2.3.4;branch=z9hG4bKx', 'Via: SIP/2.0/UDP 5.6.7.8;branch=z9hG4bKy',
  'f: <sip:a@a>;tag=1', 't: <sip:b@b>', 'i: abc', 'CSeq: x INVITE', '', '',
].join('\r\n');

test('copies Via (all), From, To (+tag), Call-ID and CSeq as text', () => {
  const r = buildErrorReply(Buffer.from(req), 'Bad CSeq')!.toString();
  assert.match(r, /^SIP\/2\.0 400 Bad CSeq\r\n/);
  assert.equal(r.match(/^Via: /gm)?.length, 2);
  assert.match(r, /\r\nTo: <sip:b@b>;tag=\S+\r\n/);
  assert.match(r, /\r\nCall-ID: abc\r\n/);
  assert.match(r, /\r\nCSeq: x INVITE\r\n/);
});

test('nothing to answer: replies, ACKs, no Via, junk', () => {
  assert.equal(buildErrorReply(Buffer.from('SIP/2.0 200 OK\r\n\r\n'), 'x'), null);
  assert.equal(buildErrorReply(Buffer.from(req.replace('INVITE sip', 'ACK sip')), 'x'), null);
  assert.equal(buildErrorReply(Buffer.from(req.replace(/^v: .*\r\nVia: .*\r\n/m, '')), 'x'), null);
  assert.equal(buildErrorReply(Buffer.from([0, 1, 2, 255]), 'x'), null);
});

test('a missing Call-ID (From, To, CSeq) is left out, the request still answered', () => {
  const r = buildErrorReply(Buffer.from(req.replace('i: abc\r\n', '')), 'Missing Call-ID')!.toString();
  assert.match(r, /^SIP\/2\.0 400 Missing Call-ID\r\n/);
  assert.doesNotMatch(r, /Call-ID:/);
  assert.match(r, /\r\nCSeq: x INVITE\r\n/);
});

test('a request line with extra or trailing spaces is still answered; a status line never', () => {
  for (const line of ['INVITE  sip:bob@b  SIP/2.0', 'INVITE sip:bob@b SIP/2.0  ', 'INVITE sip:bob@b; lr SIP/2.0', 'INVITE <sip:bob@b> SIP/2.0']) {
    assert.match(String(buildErrorReply(Buffer.from(req.replace('INVITE sip:bob@b SIP/2.0', line)), 'x')), /^SIP\/2\.0 400 x\r\n/, line);
  }
  for (const line of ['SIP/2.0 200 OK', 'INVITE sip:bob@b', 'INVITE SIP/2.0', 'IN VITE', '<x> sip:a SIP/2.0']) {
    assert.equal(buildErrorReply(Buffer.from(req.replace('INVITE sip:bob@b SIP/2.0', line)), 'x'), null, line);
  }
});

test('a 64 KB request line of blanks is judged in linear time', () => {
  const t0 = process.hrtime.bigint();
  buildErrorReply(Buffer.from('A b' + ' '.repeat(65000) + 'x\r\nVia: SIP/2.0/UDP h\r\n\r\n'), 'x');
  assert.ok(Number(process.hrtime.bigint() - t0) / 1e6 < 200);
});

test('the reason phrase is made printable', () => {
  const r = buildErrorReply(Buffer.from(req), 'bad\r\nInjected: 1')!.toString();
  assert.doesNotMatch(r, /\r\nInjected/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage } from '../../host/sip/message.js';
import { builtMessage, makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from './ksr-call.js';

test('hdr.remove is a lump: the header stays visible to is_present/get, gone from the built message', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('hdr.remove', 'Record-Route'), 1);
  assert.equal(ksr('hdr.is_present', 'Record-Route'), 1);
  assert.equal(ksr('hdr.get', 'Record-Route'), '<sip:p1.example.com;lr>');
  const out = SipMessage.parse(Buffer.from(builtMessage(ctx)));
  assert.equal(out.hasHeader('record-route'), false);
  assert.equal(out.headersNamed('via').length, 2);
  assert.equal(ksr('hdr.remove', 'X-None'), -1);
});

test('hdr.remove matches compact forms', () => {
  const ctx = makeContext('invite');
  assert.equal(ksrOn(ctx)('hdr.remove', 'm'), 1);
  assert.equal(SipMessage.parse(Buffer.from(builtMessage(ctx))).hasHeader('contact'), false);
});

test('append goes after the last header, insert before the first; CRLF added when missing', () => {
  const ctx = makeContext('options');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('hdr.append', 'X-Last: 1\r\n'), 1);
  assert.equal(ksr('hdr.insert', 'X-First: 2'), 1);
  const out = SipMessage.parse(Buffer.from(builtMessage(ctx)));
  assert.equal(out.headers[0]!.name, 'X-First');
  assert.equal(out.headers.at(-1)!.name, 'X-Last');
  assert.equal(out.header('x-first')!.value, '2');
  assert.equal(ksr('hdr.is_present', 'X-Last'), -1, 'an appended header is not visible before msg_apply_changes');
});

test('append_after / insert_before anchor at the named header, or at the end / start without it', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('hdr.append_after', 'X-A: a\r\n', 'Call-ID'), 1);
  assert.equal(ksr('hdr.insert_before', 'X-B: b\r\n', 'CSeq'), 1);
  const names = SipMessage.parse(Buffer.from(builtMessage(ctx))).headers.map((h) => h.name);
  assert.deepEqual(names.slice(names.indexOf('Call-ID'), names.indexOf('Call-ID') + 3), ['Call-ID', 'X-A', 'X-B']);
  const c2 = makeContext('options');
  ksrOn(c2)('hdr.append_after', 'X-End: 1', 'No-Such');
  assert.equal(SipMessage.parse(Buffer.from(builtMessage(c2))).headers.at(-1)!.name, 'X-End');
});

test('rmappend and rminsert remove then add', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('hdr.rmappend', 'Supported', 'Supported: path\r\n'), 1);
  assert.equal(ksr('hdr.rminsert', 'Max-Forwards', 'Max-Forwards: 5\r\n'), 1);
  const out = SipMessage.parse(Buffer.from(builtMessage(ctx)));
  assert.deepEqual(out.headersNamed('supported').map((h) => h.value), ['path']);
  assert.equal(out.headers[0]!.value, '5');
  assert.equal(out.maxForwards(), 5);
});

test('append_to_reply lines reach locally generated replies', () => {
  const ctx = makeContext('register');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('hdr.append_to_reply', 'X-Reply: yes'), 1);
  assert.deepEqual(ctx.replyLumps, ['X-Reply: yes\r\n']);
  assert.equal(ksr('sl.sl_send_reply', 200, 'OK'), 1);
  const reply = SipMessage.parse(ctx.core.replies[0]!.buf);
  assert.equal(reply.header('x-reply')!.value, 'yes');
});

test('get / gete / getw and the _idx variants follow the null modes', () => {
  const ksr = ksrOn(makeContext('invite'));
  assert.equal(ksr('hdr.get', 'X-None'), null);
  assert.equal(ksr('hdr.gete', 'X-None'), '');
  assert.equal(ksr('hdr.getw', 'X-None'), '<null>');
  assert.equal(ksr('hdr.get', 'v'), 'SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-inv-1');
  assert.equal(ksr('hdr.get_idx', 'Via', 1), 'SIP/2.0/TCP 198.51.100.7:5060;branch=z9hG4bK-inv-0');
  assert.equal(ksr('hdr.get_idx', 'Via', -1), 'SIP/2.0/TCP 198.51.100.7:5060;branch=z9hG4bK-inv-0');
  assert.equal(ksr('hdr.get_idx', 'Via', -2), 'SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-inv-1');
  assert.equal(ksr('hdr.get_idx', 'Via', 2), null);
  assert.equal(ksr('hdr.gete_idx', 'Via', 5), '');
  assert.equal(ksr('hdr.getw_idx', 'Via', -3), '<null>');
});

test('match_content ops eq|ne|sw|in and hidx f|l|a|o', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  const m = (op: string, v: string, w: string) => ksr('hdr.match_content', 'Record-Route', op, v, w);
  assert.equal(m('eq', '<SIP:p1.example.com;lr>', 'f'), true);
  assert.equal(m('eq', '<sip:p1.example.com;lr>', 'l'), false);
  assert.equal(m('sw', '<sip:p2', 'l'), true);
  assert.equal(m('in', 'example.com', 'a'), true);
  assert.equal(m('in', 'p2.', 'a'), false);
  assert.equal(m('in', 'p2.', 'o'), true);
  assert.equal(m('ne', '<sip:p1.example.com;lr>', 'f'), false);
  assert.equal(m('ne', 'x', 'a'), true);
  assert.equal(ksr('hdr.match_content', 'X-None', 'eq', 'x', 'f'), false);
  assert.equal(m('re', 'x', 'f'), false);
  assert.ok(ctx.core.logs.some((l) => l.level === 'error' && /unknown op "re"/.test(l.text)));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage } from '../../host/sip/message.js';
import { PV_CACHE_LIMIT } from '../../host/core/pv.js';
import { builtMessage, makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from './ksr-call.js';

test('core PVs of a request read the received message, ints as numbers', () => {
  const ksr = ksrOn(makeContext('invite', { srcIp: '192.0.2.10', srcPort: 5062, proto: 'udp' }));
  const expected: Record<string, string | number | null> = {
    $ru: 'sip:bob@example.com:5080;transport=udp', $rU: 'bob', $rd: 'example.com', $rp: 5080, $rz: 'sip',
    $fu: 'sip:alice@localhost', $fU: 'alice', $fd: 'localhost', $fn: 'Alice Liddell', $ft: '1928301774',
    $tu: 'sip:bob@example.com', $tU: 'bob', $td: 'example.com', $tn: 'Bob', $tt: null,
    $ci: 'a84b4c76e66710@192.0.2.10', $cs: 314159, $rm: 'INVITE', $rs: null, $rr: null,
    $si: '192.0.2.10', $sp: 5062, $Ri: '127.0.0.1', $Rp: 5060, $pr: 'udp', $proto: 'udp', $ua: null, $du: null,
    '$hdr(Record-Route)': '<sip:p1.example.com;lr>', '$hdrc(Record-Route)': 2, '$hdrc(X-None)': 0,
  };
  for (const [name, value] of Object.entries(expected)) assert.equal(ksr('pv.get', name), value, name);
  assert.match(ksr('pv.get', '$rb') as string, /^v=0\r\n/);
  assert.match(ksr('pv.get', '$mb') as string, /^INVITE sip:bob@example\.com/);
  assert.equal(ksr('pv.get', '$ml'), makeContext('invite').msg.buf.length);
});

test('reply PVs: $rs int, $rr, $rm from CSeq, $ru null', () => {
  const ksr = ksrOn(makeContext('reply200'));
  assert.equal(ksr('pv.get', '$rs'), 200);
  assert.equal(ksr('pv.get', '$rr'), 'OK');
  assert.equal(ksr('pv.get', '$rm'), 'INVITE');
  assert.equal(ksr('pv.get', '$ru'), null);
  assert.equal(ksr('pv.get', '$tt'), 'b55');
});

test('$rp is 5060 when the R-URI has no port', () => {
  assert.equal(ksrOn(makeContext('register'))('pv.get', '$rp'), 5060);
});

test('null modes: get, gete, getw, getvn, getvs, geti, getl, is_null', () => {
  const ksr = ksrOn(makeContext('register'));
  assert.equal(ksr('pv.get', '$avp(none)'), null);
  assert.equal(ksr('pv.gete', '$avp(none)'), '');
  assert.equal(ksr('pv.getw', '$avp(none)'), '<null>');
  assert.equal(ksr('pv.getvn', '$avp(none)', 7), 7);
  assert.equal(ksr('pv.getvs', '$avp(none)', 'dflt'), 'dflt');
  assert.equal(ksr('pv.geti', '$avp(none)'), 0);
  assert.equal(ksr('pv.getl', '$avp(none)'), 0);
  assert.equal(ksr('pv.is_null', '$avp(none)'), true);
  assert.equal(ksr('pv.is_null', '$ru'), false);
  assert.equal(ksr('pv.getvs', '$fU', 'x'), 'alice');
  assert.equal(ksr('pv.geti', '$cs'), 1);
  assert.equal(ksr('pv.geti', '$fU'), 0, 'a non-numeric string reads as 0');
});

test('invalid names read as null and are logged', () => {
  const ctx = makeContext('register');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pv.get', '$nosuch'), null);
  assert.equal(ksr('pv.get', 'ru'), null);
  assert.equal(ksr('pv.getw', '$var'), '<null>');
  assert.equal(ksr('pv.sets', '$nosuch', 'x'), false);
  assert.ok(ctx.core.logs.filter((l) => l.level === 'error').length >= 3);
});

test('$var: unset reads int 0; seti/sets/setl keep the type; unset resets to 0', () => {
  const ksr = ksrOn(makeContext('register'));
  assert.equal(ksr('pv.get', '$var(n)'), 0);
  assert.equal(ksr('pv.seti', '$var(n)', 42), true);
  assert.equal(ksr('pv.get', '$var(n)'), 42);
  assert.equal(ksr('pv.sets', '$var(s)', 'text'), true);
  assert.equal(ksr('pv.get', '$var(s)'), 'text');
  assert.equal(ksr('pv.setl', '$var(l)', '9000000000'), true);
  assert.equal(ksr('pv.getl', '$var(l)'), 9000000000);
  assert.equal(ksr('pv.unset', '$var(s)'), true);
  assert.equal(ksr('pv.get', '$var(s)'), 0);
});

test('$avp pushes values, newest first; unset removes them all', () => {
  const ctx = makeContext('register');
  const ksr = ksrOn(ctx);
  ksr('pv.sets', '$avp(a)', 'one');
  ksr('pv.seti', '$avp(a)', 2);
  assert.equal(ksr('pv.get', '$avp(a)'), 2);
  assert.deepEqual(ctx.avps.get('a'), [2, 'one']);
  assert.equal(ksr('pv.unset', '$avp(a)'), true);
  assert.equal(ksr('pv.get', '$avp(a)'), null);
});

test('R-URI writes set the new URI; read-only PVs refuse writes', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pv.sets', '$rU', 'carol'), true);
  assert.equal(ksr('pv.sets', '$rd', 'example.net'), true);
  assert.equal(ksr('pv.seti', '$rp', 5099), true);
  assert.equal(ksr('pv.get', '$ru'), 'sip:carol@example.net:5099;transport=udp');
  assert.equal(ctx.newUri, 'sip:carol@example.net:5099;transport=udp');
  assert.equal(ksr('pv.sets', '$ru', 'sip:dave@example.org'), true);
  assert.equal(ksr('pv.get', '$rU'), 'dave');
  assert.equal(ksr('pv.sets', '$ru', 'not a uri'), false);
  assert.equal(ksr('pv.seti', '$ru', 1), false);
  assert.equal(ksr('pv.sets', '$ci', 'x'), false);
  assert.equal(ksr('pv.sets', '$si', '1.2.3.4'), false);
  assert.equal(ksr('pv.sets', '$du', 'sip:10.0.0.1:5060'), true);
  assert.equal(ctx.dstUri, 'sip:10.0.0.1:5060');
  assert.equal(ksr('pv.unset', '$du'), true);
  assert.equal(ctx.dstUri, null);
});

test('From/To writes are lumps on the header; reads keep the received value', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pv.sets', '$fU', 'mallory'), true);
  assert.equal(ksr('pv.get', '$fU'), 'alice');
  assert.equal(ksr('pv.sets', '$tn', 'Robert'), true);
  const out = SipMessage.parse(Buffer.from(builtMessage(ctx)));
  assert.equal(out.from().uri!.user, 'mallory');
  assert.equal(out.from().tag, '1928301774');
  assert.equal(out.from().display, 'Alice Liddell');
  assert.equal(out.to().display, 'Robert');
  assert.equal(out.to().uriText, 'sip:bob@example.com');
});

test('$fu / $td / $fn on a From without angle brackets', () => {
  const raw = makeContext('options').msg.buf.toString().replace('From: <sip:probe@127.0.0.1:5099>;tag=p1', 'From: sip:probe@127.0.0.1:5099;tag=p1');
  const ctx = makeContext(raw);
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pv.sets', '$fn', 'Probe'), true);
  const out = SipMessage.parse(Buffer.from(builtMessage(ctx)));
  assert.equal(out.from().display, 'Probe');
  assert.equal(out.from().tag, 'p1');
  const c2 = makeContext('invite');
  assert.equal(ksrOn(c2)('pv.sets', '$fu', 'sip:eve@example.org'), true);
  assert.equal(SipMessage.parse(Buffer.from(builtMessage(c2))).from().uriText, 'sip:eve@example.org');
  const c3 = makeContext('invite');
  assert.equal(ksrOn(c3)('pv.sets', '$td', 'example.net'), true);
  assert.equal(SipMessage.parse(Buffer.from(builtMessage(c3))).to().uri!.host, 'example.net');
});

test('the PV name cache is bounded: dynamic names do not grow it without end', () => {
  const ctx = makeContext('register');
  const ksr = ksrOn(ctx);
  for (let i = 0; i < PV_CACHE_LIMIT * 2; i++) ksr('pv.sets', `$var(dyn_${i})`, 'x');
  assert.ok(ctx.core.pvs.cacheSize <= PV_CACHE_LIMIT, `cache holds ${ctx.core.pvs.cacheSize} names`);
  assert.equal(ksr('pv.get', '$var(dyn_0)'), 'x', 'an evicted name parses again');
});

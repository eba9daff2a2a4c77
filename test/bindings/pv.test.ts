import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage } from '../../host/sip/message.js';
import { PV_CACHE_LIMIT } from '../../host/core/pv.js';
import { builtMessage, FIXTURES, makeContext } from '../support/sip-fixtures.js';
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

test('issue 10 PVs on the INVITE: flags, branches, message facts, original R-URI', () => {
  const ctx = makeContext('invite', { srcIp: '192.0.2.10', srcPort: 5062, proto: 'udp' });
  const ksr = ksrOn(ctx);
  const expected: Record<string, string | number | null> = {
    $bf: 0, $bF: '00000000', $mf: 0, $mF: '00000000', $sf: 0, $sF: '00000000', $br: null, $bR: null, $ds: null,
    $dd: null, $dp: null, $dP: null, $fs: null, $ai: null, $pu: null, $pU: null, $pd: null, $pn: null, $di: null, $re: null, $rt: null,
    $mt: 1, $rv: 'SIP/2.0', $cl: 134, $bs: 134, $cT: 'application/sdp', $su: 'sip:192.0.2.10:5062',
    $ou: 'sip:bob@example.com:5080;transport=udp', $oU: 'bob', $od: 'example.com', $op: 5080, $oP: 'udp', $rP: 'udp', $pp: process.pid,
  };
  for (const [name, value] of Object.entries(expected)) assert.equal(ksr('pv.get', name), value, name);
  assert.equal(ksr('pv.get', '$Ts'), Math.floor(ctx.rcv.receivedAt / 1000));
  assert.match(ksr('pv.get', '$Tf') as string, /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$/);
  assert.ok(Math.abs((ksr('pv.get', '$TS') as number) - Date.now() / 1000) < 5);
  assert.equal(typeof ksr('pv.get', '$mi'), 'number');
  assert.equal(ksr('pv.get', '$mi'), ksr('pv.get', '$mi'), 'one id per message');
  assert.equal(ksrOn(makeContext('reply200'))('pv.get', '$mt'), 2);
  assert.equal(ksrOn(makeContext('register'))('pv.get', '$cl'), 0);
  assert.equal(ksrOn(makeContext('register'))('pv.get', '$bs'), 0);
});

test('flags PVs: ints set, strings refused, unset clears; hex forms', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pv.seti', '$mf', 5), true);
  assert.equal(ctx.flags, 5);
  assert.equal(ksr('pv.get', '$mF'), '00000005');
  assert.equal(ksr('pv.seti', '$bF', 255), true);
  assert.equal(ksr('pv.get', '$bf'), 255);
  assert.equal(ksr('pv.get', '$bF'), '000000ff');
  assert.equal(ksr('pv.seti', '$sf', 2), true);
  assert.equal(ctx.sflags, 2);
  assert.equal(ksr('pv.sets', '$sf', '2'), false, 'flags take ints only');
  assert.equal(ksr('pv.unset', '$mf'), true);
  assert.equal(ctx.flags, 0);
  assert.ok(ctx.core.logs.some((l) => l.text.includes('KSR.pv.sets') && l.text.includes('$sf')));
});

test('$br appends a branch; $bR, $ds and $du parts', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pv.sets', '$br', 'sip:b1@example.net'), true);
  assert.equal(ksr('pv.sets', '$br', 'not a uri'), false);
  ctx.branches.push({ uri: 'sip:b2@example.net', dstUri: null, path: null, q: 0.5, flags: 0 });
  assert.equal(ksr('pv.get', '$br'), 'sip:b1@example.net');
  assert.equal(ksr('pv.get', '$bR'), 'sip:b1@example.net, <sip:b2@example.net>;q=0.5');
  assert.equal(ksr('pv.get', '$ds'), 'Contact: <sip:b1@example.net>, <sip:b2@example.net>;q=0.5');
  ksr('pv.sets', '$rU', 'carol');
  assert.equal(ksr('pv.get', '$ds'), 'Contact: <sip:carol@example.com:5080;transport=udp>, <sip:b1@example.net>, <sip:b2@example.net>;q=0.5');
  ksr('pv.sets', '$du', 'sip:10.0.0.1:5070;transport=tcp');
  assert.equal(ksr('pv.get', '$dd'), '10.0.0.1');
  assert.equal(ksr('pv.get', '$dp'), '5070');
  assert.equal(ksr('pv.get', '$dP'), 'tcp');
  ksr('pv.sets', '$du', 'sips:proxy.example.net');
  assert.equal(ksr('pv.get', '$dp'), 5061);
  assert.equal(ksr('pv.get', '$dP'), 'tls');
});

test('identity headers: $ai (indexable), $pu $pU $pd $pn, $di, $re, $rt', () => {
  const raw = makeContext('invite').msg.buf.toString().replace('Supported: timer, 100rel\r\n', [
    'P-Asserted-Identity: "Alice" <sip:alice@pai.example.com>, <tel:+15551234>',
    'P-Preferred-Identity: "Al Ice" <sip:al@ppi.example.com>',
    'Diversion: <sip:dv@example.org>;reason=unconditional',
    'Remote-Party-ID: "R" <sip:rpid@example.org>;party=calling',
    'Refer-To: <sip:target@example.org>',
    '',
  ].join('\r\n'));
  const ksr = ksrOn(makeContext(raw));
  assert.equal(ksr('pv.get', '$ai'), 'sip:alice@pai.example.com');
  assert.equal(ksr('pv.get', '$(ai[1])'), 'tel:+15551234');
  assert.equal(ksr('pv.get', '$(ai[-1])'), 'tel:+15551234');
  assert.equal(ksr('pv.get', '$(ai[2])'), null);
  assert.equal(ksr('pv.get', '$pu'), 'sip:al@ppi.example.com');
  assert.equal(ksr('pv.get', '$pU'), 'al');
  assert.equal(ksr('pv.get', '$pd'), 'ppi.example.com');
  assert.equal(ksr('pv.get', '$pn'), 'Al Ice');
  assert.equal(ksr('pv.get', '$di'), 'sip:dv@example.org');
  assert.equal(ksr('pv.get', '$re'), 'sip:rpid@example.org');
  assert.equal(ksr('pv.get', '$rt'), 'sip:target@example.org');
  assert.equal(ksr('pv.sets', '$ai', 'sip:x@y'), false, 'read-only');
});

test('indexes: $(hdr(Via)[i]), [-1], [*]; $(avp(x)[i]) reads and writes', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pv.get', '$(hdr(Via)[0])'), 'SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-inv-1');
  assert.equal(ksr('pv.get', '$(hdr(Via)[1])'), 'SIP/2.0/TCP 198.51.100.7:5060;branch=z9hG4bK-inv-0');
  assert.equal(ksr('pv.get', '$(hdr(Via)[-1])'), 'SIP/2.0/TCP 198.51.100.7:5060;branch=z9hG4bK-inv-0');
  assert.equal(ksr('pv.get', '$(hdr(Via)[2])'), null);
  assert.equal(ksr('pv.get', '$(hdr(Via)[*])'), 'SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-inv-1,SIP/2.0/TCP 198.51.100.7:5060;branch=z9hG4bK-inv-0');
  assert.equal(ksr('pv.get', '$(hdr(X-None)[*])'), null);
  ksr('pv.sets', '$avp(a)', 'one');
  ksr('pv.seti', '$avp(a)', 2);
  ksr('pv.sets', '$avp(a)', 'three');
  assert.equal(ksr('pv.get', '$(avp(a)[0])'), 'three');
  assert.equal(ksr('pv.get', '$(avp(a)[2])'), 'one');
  assert.equal(ksr('pv.get', '$(avp(a)[-1])'), 'one');
  assert.equal(ksr('pv.get', '$(avp(a)[*])'), 'three,2,one');
  ksr('pv.seti', '$var(i)', 1);
  assert.equal(ksr('pv.get', '$(avp(a)[$var(i)])'), 2);
  assert.equal(ksr('pv.sets', '$(avp(a)[1])', 'two'), true);
  assert.deepEqual(ctx.avps.get('a'), ['three', 'two', 'one']);
  assert.equal(ksr('pv.unset', '$(avp(a)[0])'), true);
  assert.deepEqual(ctx.avps.get('a'), ['two', 'one']);
  assert.equal(ksr('pv.sets', '$(avp(a)[5])', 'x'), false);
  assert.equal(ksr('pv.sets', '$(avp(a)[*])', 'only'), true);
  assert.deepEqual(ctx.avps.get('a'), ['only']);
  assert.equal(ksr('pv.get', '$(ru[0])'), null, '$ru has no index: invalid name');
});

test('names that do not parse are logged with what was expected and where', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  for (const bad of ['$(ru{uri.user)', '$(ru{s.nosuch})', '$(ru{x.len})', '$hdr()', '$(hdr(Via)[x])', '$(ru{s.substr,a,1})', '$ru)', '$(ru']) {
    assert.equal(ksr('pv.get', bad), null, bad);
  }
  const errors = ctx.core.logs.filter((l) => l.level === 'error').map((l) => l.text);
  assert.equal(errors.length, 8);
  assert.ok(errors.every((e) => e.startsWith('KSR.pv: ')));
  assert.ok(errors.some((e) => /s\.nosuch|'nosuch'/.test(e)), errors.join('\n'));
  assert.ok(errors.some((e) => /position \d+/.test(e)));
  assert.equal(ksr('pv.sets', '$(fU{s.len})', 'x'), false, 'a name with transformations cannot be assigned');
});

test('transformation chains stay in the bounded cache', () => {
  const ctx = makeContext('register');
  const ksr = ksrOn(ctx);
  for (let i = 0; i < PV_CACHE_LIMIT * 2; i++) ksr('pv.get', `$(fU{s.substr,0,${i % 7}}{s.len}{s.int})`.replace('0,', `${i % 3},`) + ' '.repeat(0));
  for (let i = 0; i < PV_CACHE_LIMIT * 2; i++) ksr('pv.get', `$(var(v${i}){s.len})`);
  assert.ok(ctx.core.pvs.cacheSize <= PV_CACHE_LIMIT);
});

test('$rc and $retcode: the last int a KSR function returned for this message (0 before any)', () => {
  const ctx = makeContext(FIXTURES.invite);
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pv.get', '$rc'), 0);
  assert.equal(ksr('hdr.is_present', 'X-None'), -1);
  assert.equal(ksr('pv.get', '$rc'), -1);
  assert.equal(ksr('hdr.is_present', 'Via'), 1);
  assert.equal(ksr('pv.get', '$retcode'), 1);
  // a function returning a str or bool leaves it as it was
  assert.equal(ksr('hdr.get', 'Call-ID'), 'a84b4c76e66710@192.0.2.10');
  assert.equal(ksr('pv.get', '$rc'), 1);
  assert.equal(ksr('pv.get', '$rc'), 1);
});

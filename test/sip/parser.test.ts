import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage } from '../../host/sip/message.js';
import { SipParseError } from '../../host/sip/errors.js';
import { crlf, REGISTER, INVITE, INVITE_BODY, OPTIONS, REPLY_200 } from './fixtures.js';

test('REGISTER: first line, header index, parsed bodies', () => {
  const m = SipMessage.parse(REGISTER);
  assert.equal(m.isRequest, true);
  assert.equal(m.method, 'REGISTER');
  assert.equal(m.ruri, 'sip:example.com');
  assert.equal(m.version, 'SIP/2.0');
  assert.equal(m.status, 0);
  assert.equal(m.headers.length, 10);
  assert.equal(m.topVia().host, '192.0.2.10');
  assert.equal(m.topVia().port, 5060);
  assert.equal(m.topVia().branch, 'z9hG4bK776asdhds');
  assert.equal(m.topVia().params.get('rport'), '');
  assert.equal(m.topVia().protocol, 'SIP/2.0/UDP');
  assert.equal(m.topVia().transport, 'UDP');
  assert.equal(m.from().display, 'Alice');
  assert.equal(m.from().tag, '1928301774');
  assert.equal(m.from().uri?.user, 'alice');
  assert.equal(m.to().tag, undefined);
  assert.equal(m.callId(), 'a84b4c76e66710@pc33.example.com');
  assert.deepEqual(m.cseq(), { seq: 314159, method: 'REGISTER' });
  assert.equal(m.maxForwards(), 70);
  assert.equal(m.expires(), 7200);
  assert.equal(m.contentLength(), 0);
  const c = m.contacts();
  assert.equal(c.star, false);
  assert.equal(c.list.length, 1);
  assert.equal(c.list[0].uri?.host, '192.0.2.10');
  assert.equal(c.list[0].params.get('expires'), '3600');
  const [cred] = m.authorization('authorization');
  assert.equal(cred.scheme, 'Digest');
  assert.equal(cred.params.get('username'), 'alice');
  assert.equal(cred.params.get('algorithm'), 'MD5');
  assert.equal(cred.params.get('uri'), 'sip:example.com');
  assert.deepEqual(m.authorization('proxy-authorization'), []);
  assert.equal(m.ruriParsed().host, 'example.com');
  assert.equal(m.body().length, 0);
});

test('header offsets are byte offsets of the original buffer', () => {
  const m = SipMessage.parse(REGISTER);
  for (const h of m.headers) {
    const line = REGISTER.toString('latin1', h.start, h.end);
    assert.ok(line.endsWith('\r\n'), `line of ${h.name} ends with CRLF`);
    assert.ok(line.startsWith(h.name + ':'));
    assert.equal(REGISTER.toString('utf8', h.valueStart, h.valueEnd), h.value);
  }
  assert.equal(m.headers[0].start, m.firstHeaderOffset);
  assert.equal(REGISTER.toString('latin1', m.headersEnd, m.bodyOffset), '\r\n');
  assert.equal(REGISTER.toString('latin1', m.ruriStart, m.ruriEnd), 'sip:example.com');
});

test('INVITE: body, Content-Type, routes', () => {
  const m = SipMessage.parse(INVITE);
  assert.equal(m.body().toString(), INVITE_BODY);
  assert.equal(m.contentType(), 'application/sdp');
  assert.deepEqual(m.recordRoutes().map((r) => r.uri?.host), ['p1.example.com', 'p2.example.com']);
  assert.equal(m.recordRoutes()[0].uri?.params.has('lr'), true);
  assert.deepEqual(m.routes().map((r) => r.uriText), ['sip:p3.example.com;lr']);
  assert.equal(m.to().display, 'Bob');
  assert.equal(m.maxForwards(), 70);
});

test('OPTIONS and a 200 reply', () => {
  const o = SipMessage.parse(OPTIONS);
  assert.equal(o.method, 'OPTIONS');
  assert.equal(o.topVia().transport, 'TCP');
  assert.equal(o.header('accept')?.value, 'application/sdp');
  const r = SipMessage.parse(REPLY_200);
  assert.equal(r.isRequest, false);
  assert.equal(r.status, 200);
  assert.equal(r.reason, 'OK');
  assert.equal(r.method, '');
  assert.equal(r.ruri, '');
  assert.equal(r.vias().length, 2);
  assert.equal(r.topVia().params.get('received'), '198.51.100.1');
  assert.equal(r.to().tag, 'a6c85cf');
  assert.equal(r.cseq().method, 'INVITE');
  assert.throws(() => r.ruriParsed(), SipParseError);
});

test('reply reason phrase may hold spaces and UTF-8, or be empty', () => {
  const r = SipMessage.parse(crlf('SIP/2.0 486 Busy Here — später\nCSeq: 1 INVITE\n\n'));
  assert.equal(r.reason, 'Busy Here — später');
  assert.equal(SipMessage.parse(crlf('SIP/2.0 200\nCSeq: 1 INVITE\n\n')).reason, '');
});

test('compact forms map to full names, names are case-insensitive', () => {
  const m = SipMessage.parse(crlf(`INVITE sip:b@h SIP/2.0
v: SIP/2.0/UDP h1;branch=z9hG4bK1
f: <sip:a@h>;tag=1
t: <sip:b@h>
i: cid1
CSEQ: 2 INVITE
m: <sip:a@10.0.0.1>
l: 0
c: application/sdp
k: timer
s: hello
e: gzip
o: presence
u: dialog
r: <sip:x@h>
b: <sip:y@h>
x: 1800
MAX-forwards: 12

`));
  const names = m.headers.map((h) => h.lname);
  assert.deepEqual(names, ['via', 'from', 'to', 'call-id', 'cseq', 'contact', 'content-length', 'content-type', 'supported', 'subject', 'content-encoding', 'event', 'allow-events', 'refer-to', 'referred-by', 'session-expires', 'max-forwards']);
  assert.equal(m.headers[0].name, 'v');
  assert.equal(m.header('Via')?.name, 'v');
  assert.equal(m.header('v')?.value, 'SIP/2.0/UDP h1;branch=z9hG4bK1');
  assert.equal(m.header('CALL-ID')?.value, 'cid1');
  assert.equal(m.header('i')?.value, 'cid1');
  assert.equal(m.hasHeader('Session-Expires'), true);
  assert.equal(m.hasHeader('x-nope'), false);
  assert.equal(m.callId(), 'cid1');
  assert.equal(m.cseq().seq, 2);
  assert.equal(m.maxForwards(), 12);
  assert.equal(m.contentType(), 'application/sdp');
});

test('folded header lines (LWS) are unfolded in value, offsets span the lines', () => {
  const buf = crlf(`OPTIONS sip:h SIP/2.0
Via: SIP/2.0/UDP h1
  ;branch=z9hG4bK1
Subject: I know you're there,
\tpick up the phone
From: <sip:a@h>;tag=1
To:
 <sip:b@h>
Call-ID: c
CSeq: 1 OPTIONS

`);
  const m = SipMessage.parse(buf);
  assert.equal(m.header('subject')?.value, "I know you're there, pick up the phone");
  assert.equal(m.topVia().branch, 'z9hG4bK1');
  assert.equal(m.to().uri?.user, 'b');
  const s = m.header('subject')!;
  assert.equal(buf.toString('latin1', s.start, s.end), "Subject: I know you're there,\r\n\tpick up the phone\r\n");
  assert.equal(m.headers.length, 6);
});

test('several Via values on one line and over several lines, in order; IPv6 Vias', () => {
  const m = SipMessage.parse(crlf(`SIP/2.0 180 Ringing
Via: SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bK1;received=2001:db8::9 , SIP/2.0/TCP h2:5061;branch=z9hG4bK2
Via: SIP / 2.0 / TLS [::1];branch=z9hG4bK3;rport=5000,SIP/2.0/UDP h4
CSeq: 1 INVITE

`));
  const v = m.vias();
  assert.deepEqual(v.map((x) => [x.host, x.port, x.transport, x.branch]), [
    ['2001:db8::9', 5070, 'UDP', 'z9hG4bK1'],
    ['h2', 5061, 'TCP', 'z9hG4bK2'],
    ['::1', 0, 'TLS', 'z9hG4bK3'],
    ['h4', 0, 'UDP', undefined],
  ]);
  assert.equal(v[0].params.get('received'), '2001:db8::9');
  assert.equal(v[2].params.get('rport'), '5000');
  assert.equal(v[2].protocol, 'SIP/2.0/TLS');
  const top = m.topViaLineValues()!;
  assert.equal(top.ranges.length, 2);
  assert.ok(m.buf.toString('latin1', top.ranges[1][0], top.ranges[1][1]).startsWith('SIP/2.0/TCP h2'));
});

test('comma lists: commas inside quotes and <> are not separators', () => {
  const m = SipMessage.parse(crlf(`REGISTER sip:h SIP/2.0
Via: SIP/2.0/UDP h1;branch=z9hG4bK1
From: "Smith, John \\"JJ\\"" <sip:j@h>;tag=9
To: <sip:j@h>
Call-ID: c
CSeq: 1 REGISTER
Contact: "A, B" <sip:a@h;x=1,2>;q=0.5, <sip:b@h>;+sip.instance="<urn:uuid:1,2>"
Contact: sip:c@h;expires=10

`));
  assert.equal(m.from().display, 'Smith, John "JJ"');
  const list = m.contacts().list;
  assert.equal(list.length, 3);
  assert.equal(list[0].display, 'A, B');
  assert.equal(list[0].uriText, 'sip:a@h;x=1,2');
  assert.equal(list[0].params.get('q'), '0.5');
  assert.equal(list[1].params.get('+sip.instance'), '"<urn:uuid:1,2>"');
  // addr-spec form: params after the URI are header params
  assert.equal(list[2].uriText, 'sip:c@h');
  assert.equal(list[2].params.get('expires'), '10');
  assert.equal(list[2].uri?.params.size, 0);
});

test('Contact: * and Expires: 0', () => {
  const m = SipMessage.parse(crlf(`REGISTER sip:h SIP/2.0
Via: SIP/2.0/UDP h1;branch=z9hG4bK1
From: <sip:a@h>;tag=1
To: <sip:a@h>
Call-ID: c
CSeq: 2 REGISTER
Contact: *
Expires: 0

`));
  assert.deepEqual(m.contacts(), { star: true, list: [] });
  assert.equal(m.expires(), 0);
});

test('absent optional headers give undefined', () => {
  const m = SipMessage.parse(crlf(`OPTIONS sip:h SIP/2.0
Via: SIP/2.0/UDP h1;branch=z9hG4bK1
From: <sip:a@h>;tag=1
To: <sip:a@h>
Call-ID: c
CSeq: 2 OPTIONS

`));
  assert.equal(m.maxForwards(), undefined);
  assert.equal(m.contentLength(), undefined);
  assert.equal(m.expires(), undefined);
  assert.equal(m.contentType(), undefined);
  assert.deepEqual(m.routes(), []);
  assert.deepEqual(m.contacts(), { star: false, list: [] });
});

test('binary body with NUL and non-UTF-8 bytes survives byte for byte', () => {
  const body = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a, 0x0d, 0x0a, 0xc3, 0x28, 0x00, 0x41]);
  const head = crlf(`MESSAGE sip:b@h SIP/2.0
Via: SIP/2.0/UDP h1;branch=z9hG4bK1
From: "Zoë" <sip:a@h>;tag=1
To: <sip:b@h>
Call-ID: c
CSeq: 1 MESSAGE
Content-Type: application/octet-stream
Content-Length: ${body.length}

`);
  const buf = Buffer.concat([head, body]);
  const m = SipMessage.parse(buf);
  assert.equal(m.bodyOffset, head.length);
  assert.deepEqual(m.body(), body);
  assert.equal(m.from().display, 'Zoë');
  // the From line holds a 2-byte char: offsets after it are still byte offsets
  assert.equal(buf.toString('latin1', m.header('to')!.start, m.header('to')!.end), 'To: <sip:b@h>\r\n');
});

test('missing Content-Length: the body is the rest of the datagram', () => {
  const m = SipMessage.parse(Buffer.concat([crlf('MESSAGE sip:b@h SIP/2.0\nCSeq: 1 MESSAGE\n\n'), Buffer.from('hello\r\n')]));
  assert.equal(m.body().toString(), 'hello\r\n');
  assert.equal(m.contentLength(), undefined);
});

test('a body longer than Content-Length is truncated to it', () => {
  const m = SipMessage.parse(Buffer.concat([crlf('MESSAGE sip:b@h SIP/2.0\nCSeq: 1 MESSAGE\nContent-Length: 3\n\n'), Buffer.from('abcdef')]));
  assert.equal(m.body().toString(), 'abc');
  assert.equal(m.buf.length, m.bodyOffset + 3);
});

test('bare LF line endings are accepted', () => {
  const m = SipMessage.parse(Buffer.from('OPTIONS sip:h SIP/2.0\nVia: SIP/2.0/UDP h1;branch=z9hG4bK1\nFrom: <sip:a@h>;tag=1\nTo: <sip:a@h>\nCall-ID: c\nCSeq: 2 OPTIONS\nContent-Length: 2\n\nhi'));
  assert.equal(m.callId(), 'c');
  assert.equal(m.body().toString(), 'hi');
  assert.equal(m.headers.length, 6);
  assert.equal(m.bodyOffset - m.headersEnd, 1);
});

test('leading CRLFs before the first line are skipped', () => {
  const m = SipMessage.parse(Buffer.concat([Buffer.from('\r\n\r\n'), OPTIONS]));
  assert.equal(m.method, 'OPTIONS');
  assert.equal(m.buf.toString('latin1', m.ruriStart, m.ruriEnd), 'sip:carol@chicago.example.com');
});

test('parsed values are cached (same object on each call)', () => {
  const m = SipMessage.parse(INVITE);
  assert.equal(m.vias(), m.vias());
  assert.equal(m.from(), m.from());
  assert.equal(m.contacts(), m.contacts());
});

test('unknown SIP version parses (the core answers 505)', () => {
  const m = SipMessage.parse(crlf('OPTIONS sip:h SIP/7.0\nCSeq: 1 OPTIONS\n\n'));
  assert.equal(m.version, 'SIP/7.0');
});

test('accessors on malformed headers throw SipParseError, canReply when the rest is fine', () => {
  const m = SipMessage.parse(crlf(`INVITE sip:b@h SIP/2.0
Via: SIP/2.0/UDP h1;branch=z9hG4bK1
From: <sip:a@h>;tag=1
To: <sip:b@h>
Call-ID: c
CSeq: 1 INVITE
Max-Forwards: seventy
Contact: <sip:a@h
Expires: -1

`));
  for (const f of [() => m.maxForwards(), () => m.contacts(), () => m.expires()]) {
    assert.throws(f, (e: unknown) => e instanceof SipParseError && e.canReply === true);
  }
  assert.equal(m.topVia().host, 'h1');
});

test('header values: one decode of an ASCII message, UTF-8 per value otherwise, a non-ASCII body changes neither', () => {
  const head = (from: string) => crlf(`MESSAGE sip:bob@example.com SIP/2.0
Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-utf
From: ${from};tag=a1
To: <sip:bob@example.com>
Call-ID: utf-values-1@192.0.2.10
CSeq: 1 MESSAGE
Content-Type: text/plain
`);
  const body = Buffer.from('héllo wörld ✓', 'utf8');
  for (const [from, display] of [['"Bob" <sip:bob@example.com>', 'Bob'], ['"Zoë Ünïcode ✓" <sip:zoe@example.com>', 'Zoë Ünïcode ✓']] as const) {
    for (const withBody of [false, true]) {
      const buf = Buffer.concat([Buffer.from(head(from) + `Content-Length: ${withBody ? body.length : 0}\r\n\r\n`, 'utf8'), withBody ? body : Buffer.alloc(0)]);
      const m = SipMessage.parse(buf);
      assert.equal(m.from().display, display);
      assert.equal(m.from().tag, 'a1');
      assert.equal(m.callId(), 'utf-values-1@192.0.2.10');
      assert.equal(m.header('content-type')!.value, 'text/plain');
      for (const h of m.headers) assert.equal(h.value, buf.toString('utf8', h.valueStart, h.valueEnd), h.lname);
      assert.deepEqual(m.body(), withBody ? body : Buffer.alloc(0));
    }
  }
});

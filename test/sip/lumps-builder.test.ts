import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lumps } from '../../host/sip/lumps.js';
import { SipMessage } from '../../host/sip/message.js';
import { buildRequest, buildForwardedReply } from '../../host/sip/builder.js';
import { crlf, INVITE, INVITE_BODY, REPLY_200, REGISTER } from './fixtures.js';

const B = (s: string) => Buffer.from(s);

test('lumps: insert, delete, replace at original offsets', () => {
  const buf = B('0123456789');
  const l = new Lumps();
  l.insert(0, '<');
  l.delete(2, 4);
  l.replace(6, 8, 'xy-z');
  l.insert(10, '>');
  assert.equal(l.size, 5); // replace counts as a delete and an insert
  assert.equal(l.apply(buf).toString(), '<0145xy-z89>');
  // the source is untouched; apply twice gives the same
  assert.equal(buf.toString(), '0123456789');
  assert.equal(l.apply(buf).toString(), '<0145xy-z89>');
  l.clear();
  assert.equal(l.size, 0);
  assert.equal(l.apply(buf).toString(), '0123456789');
});

test('lumps: several inserts at one offset keep call order', () => {
  const l = new Lumps();
  l.insert(1, 'a');
  l.insert(3, 'X');
  l.insert(1, 'b');
  l.insert(1, B('c'));
  assert.equal(l.apply(B('0123')).toString(), '0abc12X3');
});

test('lumps: overlapping deletes merge and never throw; inserts inside them still land', () => {
  const l = new Lumps();
  l.delete(2, 6);
  l.delete(4, 8);
  l.delete(3, 5);
  l.replace(5, 7, 'R');
  assert.equal(l.apply(B('0123456789')).toString(), '01R89');
  const l2 = new Lumps();
  l2.replace(0, 4, 'A');
  l2.replace(0, 4, 'B');
  assert.equal(l2.apply(B('abcdef')).toString(), 'ABef');
});

test('lumps: offsets past the end are clamped at apply, bad offsets are refused', () => {
  const l = new Lumps();
  l.insert(100, '!');
  l.delete(3, 50);
  assert.equal(l.apply(B('abcdef')).toString(), 'abc!');
  assert.throws(() => l.insert(-1, 'x'), RangeError);
  assert.throws(() => l.delete(5, 2), RangeError);
  assert.throws(() => l.insert(1.5, 'x'), RangeError);
});

test('lumps: binary data is inserted byte for byte', () => {
  const l = new Lumps();
  l.insert(1, Buffer.from([0, 0xff, 0x80]));
  assert.deepEqual([...l.apply(B('ab'))], [0x61, 0, 0xff, 0x80, 0x62]);
});

test('buildRequest: new R-URI, our Via on top, script lumps applied', () => {
  const m = SipMessage.parse(INVITE);
  const lumps = new Lumps();
  const subj = m.header('max-forwards')!;
  lumps.replace(subj.valueStart, subj.valueEnd, '69');
  lumps.insert(m.headersEnd, 'X-Added: 1\r\n');
  lumps.insert(m.firstHeaderOffset, 'X-First: 1\r\n');
  const out = buildRequest(m, lumps, { ruri: 'sip:bob@192.0.2.4:5060', via: 'Via: SIP/2.0/UDP 198.51.100.1;branch=z9hG4bKnew' });
  const o = SipMessage.parse(out);
  assert.equal(o.ruri, 'sip:bob@192.0.2.4:5060');
  assert.equal(o.headers[0].value, 'SIP/2.0/UDP 198.51.100.1;branch=z9hG4bKnew');
  assert.equal(o.headers[1].name, 'X-First');
  assert.deepEqual(o.vias().map((v) => v.branch), ['z9hG4bKnew', 'z9hG4bKnashds8']);
  assert.equal(o.maxForwards(), 69);
  assert.equal(o.header('x-added')?.value, '1');
  assert.equal(o.body().toString(), INVITE_BODY);
  assert.equal(o.contentLength(), Buffer.byteLength(INVITE_BODY));
  // the lumps object given by the caller is not changed by the builder
  assert.equal(lumps.size, 4);
});

test('buildRequest: Content-Length follows a changed body', () => {
  const m = SipMessage.parse(INVITE);
  const lumps = new Lumps();
  lumps.delete(m.bodyOffset, m.buf.length);
  lumps.insert(m.bodyOffset, 'v=0\r\nX\r\n');
  const o = SipMessage.parse(buildRequest(m, lumps, {}));
  assert.equal(o.contentLength(), 8);
  assert.equal(o.body().toString(), 'v=0\r\nX\r\n');
  assert.equal(o.headers.length, m.headers.length);
});

test('buildRequest: Content-Length added when it was missing, replaced when the line was deleted', () => {
  const m = SipMessage.parse(Buffer.concat([crlf('MESSAGE sip:b@h SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nCSeq: 1 MESSAGE\n\n'), B('hello')]));
  const o = SipMessage.parse(buildRequest(m, new Lumps(), {}));
  assert.equal(o.contentLength(), 5);
  assert.equal(o.body().toString(), 'hello');

  const m2 = SipMessage.parse(INVITE);
  const cl = m2.header('content-length')!;
  const l2 = new Lumps();
  l2.delete(cl.start, cl.end);
  l2.delete(m2.bodyOffset, m2.buf.length);
  const o2 = SipMessage.parse(buildRequest(m2, l2, {}));
  assert.equal(o2.headersNamed('content-length').length, 1);
  assert.equal(o2.contentLength(), 0);
  assert.equal(o2.body().length, 0);
});

test('buildRequest: removeTopVia drops only the first value of a multi-value line', () => {
  const m = SipMessage.parse(crlf(`INVITE sip:b@h SIP/2.0
Via: SIP/2.0/UDP h1;branch=z9hG4bK1, SIP/2.0/UDP h2;branch=z9hG4bK2
Via: SIP/2.0/UDP h3;branch=z9hG4bK3
CSeq: 1 INVITE
Content-Length: 0

`));
  const o = SipMessage.parse(buildRequest(m, new Lumps(), { removeTopVia: true }));
  assert.deepEqual(o.vias().map((v) => v.host), ['h2', 'h3']);
  const o2 = SipMessage.parse(buildRequest(o, new Lumps(), { removeTopVia: true }));
  assert.deepEqual(o2.vias().map((v) => v.host), ['h3']);
  assert.equal(o2.headers.length, 3);
});

test('buildForwardedReply removes the top Via and applies lumps', () => {
  const m = SipMessage.parse(REPLY_200);
  const lumps = new Lumps();
  lumps.insert(m.headersEnd, 'X-Reply: yes\r\n');
  const o = SipMessage.parse(buildForwardedReply(m, lumps));
  assert.equal(o.status, 200);
  assert.deepEqual(o.vias().map((v) => v.host), ['pc33.example.com']);
  assert.equal(o.header('x-reply')?.value, 'yes');
  assert.equal(o.contentLength(), 0);
});

test('build without lumps reproduces the message byte for byte (Content-Length already right)', () => {
  const m = SipMessage.parse(REGISTER);
  assert.deepEqual(buildRequest(m, new Lumps(), {}), REGISTER);
});

test('CR/LF in builder options cannot inject header lines', () => {
  const m = SipMessage.parse(REGISTER);
  const out = buildRequest(m, new Lumps(), { ruri: 'sip:x@h\r\nX-Evil: 1', via: 'Via: SIP/2.0/UDP h;branch=z9hG4bKa\r\nX-Evil: 2' });
  assert.equal(out.includes('\nX-Evil'), false);
  const o = SipMessage.parse(buildRequest(m, new Lumps(), { via: 'Via: SIP/2.0/UDP h;branch=z9hG4bKa\r\nX-Evil: 2' }));
  assert.equal(o.hasHeader('x-evil'), false);
  assert.equal(o.headers.length, m.headers.length + 1);
});

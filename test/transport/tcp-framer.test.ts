import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FramingError, TcpFramer } from '../../host/transport/tcp-framer.js';

const limits = { maxMessageBytes: 4096, maxHeaders: 20 };
const msg = (body = '') => `OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\nl: ${body.length}\r\n\r\n${body}`;

/** Every message of one push, and the error after them (thrown if any). */
function pushAll(f: TcpFramer, chunk: Buffer): string[] {
  const r = f.push(chunk);
  if (r.error) throw r.error;
  return r.messages.map((b) => b.toString('latin1'));
}

test('frames messages split at any byte and pipelined', () => {
  const stream = Buffer.from(msg('hello') + '\r\n\r\n' + msg() + msg('x'));
  for (const step of [1, 2, 7, 50, stream.length]) {
    const f = new TcpFramer(limits);
    const out: string[] = [];
    for (let i = 0; i < stream.length; i += step) out.push(...pushAll(f, stream.subarray(i, i + step)));
    assert.deepEqual(out, [msg('hello'), msg(), msg('x')], `step ${step}`);
    assert.equal(f.pending, 0);
    assert.equal(f.pendingSince, null);
  }
});

test('keeps a body with CRLFCRLF inside intact (binary safe)', () => {
  const body = 'a\r\n\r\nb\x00\xff';
  const f = new TcpFramer(limits);
  const [m] = pushAll(f, Buffer.from(msg(body), 'latin1'));
  assert.equal(m, msg(body));
});

test('refuses a stream without Content-Length, a bad one, too many headers, or too large', () => {
  assert.throws(() => pushAll(new TcpFramer(limits), Buffer.from('OPTIONS sip:a SIP/2.0\r\nVia: x\r\n\r\n')), FramingError);
  assert.throws(() => pushAll(new TcpFramer(limits), Buffer.from('OPTIONS sip:a SIP/2.0\r\nContent-Length: -5\r\n\r\n')), FramingError);
  const many = 'OPTIONS sip:a SIP/2.0\r\n' + 'X: y\r\n'.repeat(30) + 'Content-Length: 0\r\n\r\n';
  assert.throws(() => pushAll(new TcpFramer(limits), Buffer.from(many)), /header lines/);
  assert.throws(() => pushAll(new TcpFramer(limits), Buffer.from(msg().replace('l: 0', 'l: 99999'))), /exceeds the limit/);
  const f = new TcpFramer(limits);
  assert.throws(() => {
    for (let i = 0; i < 100; i++) pushAll(f, Buffer.from('x'.repeat(100)));
  }, /larger than 4096/);
});

test('hands out every complete message before bytes that cannot be framed, then fails for good', () => {
  const junk = 'GARBAGE NO HEADERS\r\nX: y\r\n\r\n';
  const f = new TcpFramer(limits);
  const r = f.push(Buffer.from(msg() + msg('ab') + junk + msg()));
  assert.deepEqual(r.messages.map((b) => b.toString()), [msg(), msg('ab')]);
  assert.ok(r.error instanceof FramingError);
  assert.match(r.error.message, /Content-Length/);
  // the stream cannot resynchronise: the message after the junk is never handed out
  assert.throws(() => f.next(), FramingError);
  assert.ok(f.push(Buffer.from(msg())).error instanceof FramingError);
});

test('a complete message before an oversized one is handed out first', () => {
  const f = new TcpFramer(limits);
  const r = f.push(Buffer.from(msg('x') + 'OPTIONS sip:a SIP/2.0\r\nX: ' + 'a'.repeat(5000)));
  assert.deepEqual(r.messages.map((b) => b.toString()), [msg('x')]);
  assert.match(r.error?.message ?? '', /larger than 4096/);
});

test('RFC 4475 dblreq over TCP: both requests are handed out, then the stray bytes after them fail', () => {
  // the RFC's message (section 3.1.2.2): a REGISTER, an empty line, then an INVITE whose body
  // is 150 bytes as announced but one byte of its last line ("C") is left over after it
  const dat = readFileSync(new URL('./fixtures/dblreq.dat', import.meta.url));
  const f = new TcpFramer({ maxMessageBytes: 65535, maxHeaders: 256 });
  const r = f.push(dat);
  assert.equal(r.messages.length, 2);
  assert.match(r.messages[0]!.toString('latin1'), /^REGISTER sip:example\.com SIP\/2\.0\r\n[\s\S]*Content-Length: 0\r\n\r\n$/);
  assert.match(r.messages[1]!.toString('latin1'), /^INVITE sip:joe@example\.com SIP\/2\.0\r\n/);
  assert.match(r.error?.message ?? '', /no Content-Length/);
});

test('receivedAt is when the last byte of a message came; pendingSince when the message in progress began', () => {
  const f = new TcpFramer(limits);
  const a = Buffer.from(msg('hello'));
  f.append(a.subarray(0, 10), 1000);
  assert.equal(f.next(), null);
  assert.equal(f.pendingSince, 1000);
  f.append(Buffer.concat([a.subarray(10), Buffer.from(msg().slice(0, 5))]), 2000);
  const m = f.next();
  assert.equal(m?.receivedAt, 2000);
  assert.equal(m?.buf.toString(), msg('hello'));
  assert.equal(f.next(), null);
  assert.equal(f.pendingSince, 2000, 'the next message began in the chunk read at 2000');
  f.append(Buffer.from(msg().slice(5)), 3000);
  assert.equal(f.next()?.receivedAt, 3000);
  assert.equal(f.pendingSince, null);
});

test('keepalives between messages are skipped and leave nothing pending', () => {
  const f = new TcpFramer(limits);
  assert.deepEqual(pushAll(f, Buffer.from('\r\n\r\n')), []);
  assert.equal(f.pending, 0);
  assert.equal(f.pendingSince, null);
});

test('a deep pipeline read in many chunks before any message is taken frames every message once', () => {
  const all = Buffer.from(Array.from({ length: 3000 }, (_, i) => msg(String(i))).join(''));
  const f = new TcpFramer({ maxMessageBytes: 65535, maxHeaders: 20 });
  for (let i = 0; i < all.length; i += 65536) f.append(all.subarray(i, i + 65536), i);
  assert.equal(f.pending, all.length);
  const out: string[] = [];
  for (let m = f.next(); m; m = f.next()) out.push(m.buf.toString());
  assert.equal(out.length, 3000);
  assert.equal(out[2999], msg('2999'));
  assert.equal(out.join(''), all.toString());
  assert.equal(f.pending, 0);
});

test('RFC 4475 mcl01 over TCP: Content-Length headers that disagree end the stream; equal ones are accepted', () => {
  const mcl01 = readFileSync(new URL('../sip/rfc4475/mcl01.dat', import.meta.url));
  assert.throws(() => pushAll(new TcpFramer({ maxMessageBytes: 65535, maxHeaders: 256 }), mcl01), /Content-Length headers that disagree/);
  const twice = msg('abc').replace('l: 3', 'l: 3\r\nContent-Length: 3');
  assert.deepEqual(pushAll(new TcpFramer(limits), Buffer.from(twice)), [twice]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FramingError, TcpFramer } from '../../host/transport/tcp-framer.js';

const limits = { maxMessageBytes: 4096, maxHeaders: 20 };
const msg = (body = '') => `OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\nl: ${body.length}\r\n\r\n${body}`;

test('frames messages split at any byte and pipelined', () => {
  const stream = Buffer.from(msg('hello') + '\r\n\r\n' + msg() + msg('x'));
  for (const step of [1, 2, 7, 50, stream.length]) {
    const f = new TcpFramer(limits);
    const out: string[] = [];
    for (let i = 0; i < stream.length; i += step) out.push(...f.push(stream.subarray(i, i + step)).map((b) => b.toString()));
    assert.deepEqual(out, [msg('hello'), msg(), msg('x')], `step ${step}`);
    assert.equal(f.pending, 0);
  }
});

test('keeps a body with CRLFCRLF inside intact (binary safe)', () => {
  const body = 'a\r\n\r\nb\x00\xff';
  const f = new TcpFramer(limits);
  const [m] = f.push(Buffer.from(msg(body), 'latin1'));
  assert.equal(m!.toString('latin1'), msg(body));
});

test('refuses a stream without Content-Length, a bad one, too many headers, or too large', () => {
  assert.throws(() => new TcpFramer(limits).push(Buffer.from('OPTIONS sip:a SIP/2.0\r\nVia: x\r\n\r\n')), FramingError);
  assert.throws(() => new TcpFramer(limits).push(Buffer.from('OPTIONS sip:a SIP/2.0\r\nContent-Length: -5\r\n\r\n')), FramingError);
  const many = 'OPTIONS sip:a SIP/2.0\r\n' + 'X: y\r\n'.repeat(30) + 'Content-Length: 0\r\n\r\n';
  assert.throws(() => new TcpFramer(limits).push(Buffer.from(many)), /header lines/);
  assert.throws(() => new TcpFramer(limits).push(Buffer.from(msg().replace('l: 0', 'l: 99999'))), /exceeds the limit/);
  const f = new TcpFramer(limits);
  assert.throws(() => {
    for (let i = 0; i < 100; i++) f.push(Buffer.from('x'.repeat(100)));
  }, /larger than 4096/);
});

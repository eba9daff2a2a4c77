import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from './ksr-call.js';

test('set_advertised_address / port are kept for Via and Record-Route; a bad port is refused', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('set_advertised_address', 'pub.example.com'), 1);
  assert.equal(ksr('set_advertised_port', '5080'), 1);
  assert.equal(ksr('set_advertised_port', '70000'), -1);
  assert.equal(ksr('set_advertised_address', ''), -1);
  assert.deepEqual([ctx.advertisedAddress, ctx.advertisedPort], ['pub.example.com', '5080']);
});

// What the flags and aliases do to real connections: test/transport/connection-flags.test.ts
test('connection flags are set on the context', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  for (const f of ['set_forward_close', 'set_forward_no_connect', 'set_reply_close', 'set_reply_no_connect']) assert.equal(ksr(f), true);
  assert.deepEqual([ctx.forwardClose, ctx.forwardNoConnect, ctx.replyClose, ctx.replyNoConnect], [true, true, true, true]);
});

test('add_tcp_alias / add_tcp_alias_via only over a stream transport', () => {
  assert.equal(ksrOn(makeContext('invite'))('add_tcp_alias', 5070), -1, 'UDP');
  const tcp = makeContext('invite', { proto: 'tcp', conId: 3 });
  assert.equal(ksrOn(tcp)('add_tcp_alias', 5070), 1);
  assert.equal(ksrOn(tcp)('add_tcp_alias', 0), -1);
  const via = makeContext('invite', { proto: 'tcp', conId: 3 });
  assert.equal(ksrOn(via)('add_tcp_alias_via'), 1);
  assert.deepEqual(tcp.core.tcpAliases, [[3, 5070]], 'the connection it came on, aliased at that port');
  assert.deepEqual(via.core.tcpAliases, [[3, 5060]], 'the top Via port');
  const gone = makeContext('invite', { proto: 'tcp', conId: 0 });
  assert.equal(ksrOn(gone)('add_tcp_alias', 5070), -1, 'the connection is gone');
});

test('to_* test the next hop: $du, else the R-URI; a forced protocol wins', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.deepEqual(['to_UDP', 'to_TCP', 'to_IPv4', 'to_IPv6'].map((f) => ksr(f)), [true, false, true, false]);
  ksr('setdsturi', 'sip:[2001:db8::5];transport=tls');
  assert.deepEqual(['to_UDP', 'to_TLS', 'to_IPv4', 'to_IPv6'].map((f) => ksr(f)), [false, true, false, true]);
  ksr('setdsturi', 'sip:10.0.0.1;transport=ws');
  assert.deepEqual(['to_WS', 'to_WSX', 'to_WSS', 'to_SCTP'].map((f) => ksr(f)), [true, true, false, false]);
  ctx.forcedProto = 'tcp';
  assert.equal(ksr('to_TCP'), true);
});

test('to_* on a reply test the Via it goes back to (the second one)', () => {
  const reply = makeContext(makeContext('reply200').msg.buf.toString().replace(
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-inv-1\r\n',
    'Via: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK-ours\r\nVia: SIP/2.0/TCP [2001:db8::7]:5060;branch=z9hG4bK-inv-1\r\n',
  ));
  const ksr = ksrOn(reply);
  assert.deepEqual(['to_TCP', 'to_UDP', 'to_IPv6'].map((f) => ksr(f)), [true, false, true]);
  assert.equal(ksrOn(makeContext('reply200'))('to_UDP'), false, 'a single Via: nowhere to go');
});

test('route(name) runs the named script function on the same message; exit in it ends the caller', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  const seen: string[] = [];
  ctx.core.routes.set('sub', (c, arg) => void seen.push(`sub ${c === ctx} ${arg}`));
  ctx.core.routes.set('ends', (c) => void (c.stopped = true));
  assert.equal(ksr('route', 'sub'), 1);
  assert.deepEqual(seen, ['sub true undefined']);
  assert.equal(ksr('route', 'nosuch'), -1);
  assert.ok(ctx.core.logs.some((l) => /no script function "nosuch"/.test(l.text)));
  assert.deepEqual(ksr('route', 'ends'), { ksrSignal: 'stop' });
});

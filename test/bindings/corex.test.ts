import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext } from '../support/sip-fixtures.js';
import { copyContext } from '../../host/core/context-copy.js';
import { createRegistry } from '../../bindings/modules/index.js';
import { parseSocketSpec } from '../../host/corex/socket-spec.js';
import { VIA_SWITCH } from '../../host/corex/via-switches.js';
import { ksrOn } from './ksr-call.js';

test('setxflag / resetxflag / isxflagset: 64 flags in two words; above 63 or negative -1', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('corex.isxflagset', 40), -1);
  assert.equal(ksr('corex.setxflag', 40), 1);
  assert.equal(ksr('corex.setxflag', 0), 1);
  assert.equal(ksr('corex.setxflag', 63), 1);
  assert.deepEqual(ctx.xflags, [1, (1 << 8 | 1 << 31) >>> 0]);
  assert.equal(ksr('corex.isxflagset', 40), 1);
  assert.equal(ksr('corex.isxflagset', 8), -1, 'flag 8 is not flag 40');
  assert.equal(ksr('corex.resetxflag', 40), 1);
  assert.equal(ksr('corex.isxflagset', 40), -1);
  assert.equal(ksr('corex.isxflagset', 63), 1);
  for (const bad of [64, -1, 1e12]) {
    assert.equal(ksr('corex.setxflag', bad), -1, String(bad));
    assert.equal(ksr('corex.isxflagset', bad), -1, String(bad));
    assert.equal(ksr('corex.resetxflag', bad), -1, String(bad));
  }
  assert.equal(ctx.flags, 0, 'the message flags are another set');
});

test('xflags are carried to tm copies (failure route), and a copy does not leak back', () => {
  const ctx = makeContext('invite');
  ksrOn(ctx)('corex.setxflag', 33);
  const copy = copyContext(ctx, 'failure');
  assert.equal(ksrOn(copy)('corex.isxflagset', 33), 1);
  ksrOn(copy)('corex.setxflag', 34);
  assert.equal(ksrOn(ctx)('corex.isxflagset', 34), -1);
});

test('tmx.t_flush_xflags: -1 without a transaction, else the xflags go onto its request', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('tmx.t_flush_xflags'), -1);
  assert.equal(ksr('tm.t_newtran'), 1);
  ksr('corex.setxflag', 50);
  const t = ctx.core.tm.transactionOf(ctx)!;
  assert.equal(ksr('tmx.t_flush_xflags'), 1);
  assert.equal(ksrOn(t.saved)('corex.isxflagset', 50), 1);
});

test('socket specs read as Kamailio\'s [proto:]host[:port]', () => {
  assert.deepEqual(parseSocketSpec('udp:127.0.0.1:5060'), { proto: 'udp', host: '127.0.0.1', port: 5060 });
  assert.deepEqual(parseSocketSpec('127.0.0.1'), { proto: null, host: '127.0.0.1', port: 0 });
  assert.deepEqual(parseSocketSpec('tcp:[2001:DB8::1]:5070'), { proto: 'tcp', host: '2001:db8::1', port: 5070 });
  for (const bad of ['udp:', 'udp:1.2.3.4:x', 'udp:1.2.3.4:70000', '[::1', '::1', 'a b']) assert.equal(parseSocketSpec(bad), null, bad);
});

test('set_send_socket: a listen socket is recorded; none matching warns and returns 1; bad text -1; "" resets', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('corex.set_send_socket', 'udp:127.0.0.1:5060'), 1);
  assert.deepEqual(ctx.sendSocket, { proto: 'udp', ip: '127.0.0.1', port: 5060 });
  assert.equal(ksr('corex.set_send_socket', 'udp:198.51.100.1:5060'), 1);
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.corex\.set_send_socket: no listen socket matches "udp:198\.51\.100\.1:5060"/);
  assert.deepEqual(ctx.sendSocket, { proto: 'udp', ip: '127.0.0.1', port: 5060 }, 'kept');
  assert.equal(ksr('corex.set_send_socket', 'udp:127.0.0.1:notaport'), -1);
  assert.equal(ksr('corex.set_send_socket', ''), 1);
  assert.equal(ctx.sendSocket, null);
  assert.equal(ksr('corex.set_send_socket', 'tcp:127.0.0.1'), 1, 'no port: the listener\'s');
  assert.deepEqual(ctx.sendSocket, { proto: 'tcp', ip: '127.0.0.1', port: 5060 });
});

test('set_send_socket_name: the listen socket of that name is forced; unknown: a warning, 1, kept; "" resets', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('corex.set_send_socket_name', 's1'), 1);
  assert.deepEqual(ctx.sendSocket, { proto: 'udp', ip: '127.0.0.1', port: 5070 });
  assert.equal(ksr('corex.set_send_socket_name', 'lan'), 1, 'an unknown name: a warning and 1, as Kamailio');
  assert.equal(ctx.core.logs.at(-1)!.level, 'warn');
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.corex\.set_send_socket_name: no listen socket is named "lan"/);
  assert.deepEqual(ctx.sendSocket, { proto: 'udp', ip: '127.0.0.1', port: 5070 }, 'kept');
  assert.equal(ksr('corex.set_send_socket_name', 'S1'), 1, 'names are case-sensitive');
  assert.equal(ctx.core.logs.at(-1)!.level, 'warn');
  assert.equal(ksr('corex.set_send_socket_name', 'x'.repeat(100_000)), 1, 'a huge name is just unknown');
  assert.equal(ksr('corex.set_send_socket_name', 's\u00001'), 1, 'a NUL in the name is just unknown');
  assert.deepEqual(ctx.sendSocket, { proto: 'udp', ip: '127.0.0.1', port: 5070 });
  assert.equal(ksr('corex.set_send_socket_name', ''), 1);
  assert.equal(ctx.sendSocket, null);
  assert.equal(ksr('corex.set_send_socket_name', 's0'), 1);
  assert.deepEqual(ctx.sendSocket, { proto: 'udp', ip: '127.0.0.1', port: 5060 });
});

test('is_socket_name: 1 when any listen socket has that name (not only the received one), else -1; "" -1 and an error', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('corex.is_socket_name', 's0'), 1);
  assert.equal(ksr('corex.is_socket_name', 's1'), 1, 'the message came in on s0');
  assert.equal(ksr('corex.is_socket_name', 'lan'), -1);
  assert.equal(ksr('corex.is_socket_name', 'S0'), -1);
  assert.equal(ctx.core.logs.length, 0, 'no log for an unknown name');
  assert.equal(ksr('corex.is_socket_name', ''), -1);
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.corex\.is_socket_name: expected a socket name, got ""/);
});

test('set_recv_socket: the message is taken as received on that listen socket ($Ri, $Rp, $pr)', () => {
  const ctx = makeContext('invite', { rcvIp: '198.51.100.1', rcvPort: 5099 });
  const ksr = ksrOn(ctx);
  assert.equal(ksr('corex.set_recv_socket', 'tcp:127.0.0.1:5060'), 1);
  assert.deepEqual([ksr('pv.get', '$Ri'), ksr('pv.get', '$Rp'), ksr('pv.get', '$pr')], ['127.0.0.1', 5060, 'tcp']);
  assert.equal(ksr('corex.set_recv_socket', 'udp:203.0.113.9:5060'), 1, 'no such socket: unchanged');
  assert.equal(ksr('pv.get', '$Ri'), '127.0.0.1');
  assert.equal(ksr('corex.set_recv_socket', 'bad spec'), -1);
  assert.equal(ksr('corex.set_recv_socket_name', 'wan'), 1, 'an unknown name: a warning and 1, unchanged');
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.corex\.set_recv_socket_name: no listen socket is named "wan"/);
  assert.deepEqual([ksr('pv.get', '$Ri'), ksr('pv.get', '$Rp'), ksr('pv.get', '$pr')], ['127.0.0.1', 5060, 'tcp']);
  assert.equal(ksr('corex.set_recv_socket_name', 's1'), 1);
  assert.deepEqual([ksr('pv.get', '$Ri'), ksr('pv.get', '$Rp'), ksr('pv.get', '$pr')], ['127.0.0.1', 5070, 'udp']);
  assert.equal(ksr('kx.get_rcv_sock_name'), 's1');
});

test('set_source_address: $si/$sp become the address given; names and junk -1', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('corex.set_source_address', 'udp:203.0.113.7:5070'), 1);
  assert.deepEqual([ksr('pv.get', '$si'), ksr('pv.get', '$sp')], ['203.0.113.7', 5070]);
  assert.equal(ksr('corex.set_source_address', '[2001:db8::7]'), 1);
  assert.deepEqual([ksr('pv.get', '$si'), ksr('pv.get', '$sp')], ['2001:db8::7', 0]);
  assert.equal(ksr('corex.set_source_address', 'proxy.example.com:5060'), -1);
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.corex\.set_source_address: expected an IP address/);
  assert.equal(ksr('corex.set_source_address', ''), -1);
  assert.equal(ksr('pv.get', '$si'), '2001:db8::7');
});

test('sendx: the data goes to the URI as with send_data; a bad socket spec -1', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('corex.sendx', 'sip:198.51.100.5:5090', 'udp:127.0.0.1:5060', 'PING'), 1);
  assert.equal(ksr('corex.sendx', 'sip:198.51.100.5:5090', '', 'PONG'), 1);
  assert.deepEqual(ctx.core.sent.map((s) => [s.buf.toString(), s.dst.ip, s.dst.port]), [['PING', '198.51.100.5', 5090], ['PONG', '198.51.100.5', 5090]]);
  assert.equal(ksr('corex.sendx', 'sip:198.51.100.5', 'udp:[::1', 'x'), -1);
  assert.equal(ksr('corex.sendx', 'not a uri', '', 'x'), -1);
  assert.equal(ctx.core.sent.length, 2);
});

test('via_* switches are set by a non-zero argument, cleared by 0, carried to tm copies', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('corex.via_add_srvid', 1), 1);
  assert.equal(ksr('corex.via_add_xavp_params', 5), 1);
  assert.equal(ksr('corex.via_use_xavp_fields', 1), 1);
  assert.equal(ksr('corex.via_reply_add_xavp_params', 1), 1);
  assert.equal(ctx.viaSwitches, 15);
  assert.equal(ksr('corex.via_add_xavp_params', 0), 1);
  assert.equal(ctx.viaSwitches, 15 & ~VIA_SWITCH.addXavpParams);
  assert.equal(copyContext(ctx, 'branch').viaSwitches, ctx.viaSwitches);
});

test('file_read / file_write never reach the file system: Kamailio\'s answers for an unreadable file', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('corex.file_read', '/etc/passwd'), '');
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.corex\.file_read: cannot open file "\/etc\/passwd": scripts have no file system access/);
  assert.equal(ksr('corex.file_write', '/tmp/ksr-host-never', 'x'), -1);
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.corex\.file_write: /);
});

test('forward_uac*: declared, -1 with a log line, nothing sent', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('corex.forward_uac'), -1);
  assert.equal(ksr('corex.forward_uac_branch', 0), -1);
  assert.equal(ksr('corex.forward_uac_uri', 'sip:198.51.100.5'), -1);
  assert.equal(ksr('corex.forward_uac_uri_branch', 'sip:198.51.100.5', 1), -1);
  assert.equal(ctx.core.sent.length, 0);
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.corex\.forward_uac_uri_branch: /);
});

test('every corex function of the catalogue is declared', () => {
  const registry = createRegistry();
  for (const name of [
    'setxflag', 'resetxflag', 'isxflagset', 'set_send_socket', 'set_send_socket_name', 'set_recv_socket', 'set_recv_socket_name',
    'set_source_address', 'sendx', 'via_add_srvid', 'via_add_xavp_params', 'via_use_xavp_fields', 'via_reply_add_xavp_params',
    'file_read', 'file_write', 'forward_uac', 'forward_uac_branch', 'forward_uac_uri', 'forward_uac_uri_branch',
  ]) assert.ok(registry.find(`corex.${name}`), name);
});

test('hostile arguments give failure codes, never a crash', () => {
  for (const arg of ['', '\u0000', 'x'.repeat(100_000), '\uD800', 'udp:[:::]:1']) {
    const ksr = ksrOn(makeContext('invite'));
    for (const fn of ['corex.set_send_socket', 'corex.set_recv_socket', 'corex.set_source_address', 'corex.set_send_socket_name', 'corex.file_read']) {
      const r = ksr(fn, arg);
      assert.ok(typeof r === 'number' || typeof r === 'string', fn);
    }
    assert.equal(typeof ksr('corex.sendx', arg, arg, arg), 'number');
  }
});

test('via_add_srvid / via_add_xavp_params: the forwarded request byte for byte, and sendx sends from the socket given', async () => {
  const { buildOutgoingRequest } = await import('../../host/forward/build-request.js');
  const ctx = makeContext('options');
  const ksr = ksrOn(ctx);
  const target = { proto: 'udp' as const, ip: '192.0.2.99', port: 5060 };
  const plain = buildOutgoingRequest(ctx, target, 'z9hG4bKx')!.buf.toString();
  ksr('pv.sets', '$xavp(via=>k)', 'v');
  assert.equal(ksr('corex.via_add_srvid', 1), 1);
  assert.equal(ksr('corex.via_add_xavp_params', 1), 1);
  const built = buildOutgoingRequest(ctx, target, 'z9hG4bKx')!.buf.toString();
  assert.equal(built, plain.replace('Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKx\r\n', 'Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKx;srvid=7;k=v\r\n'));
  assert.notEqual(built, plain);
  const core = ctx.core as unknown as { sent: Array<{ dst: { from?: unknown } }> };
  assert.equal(ksr('corex.sendx', 'sip:127.0.0.1:5099', 'udp:127.0.0.1:5060', 'x'), 1);
  assert.deepEqual(core.sent.at(-1)!.dst.from, { ip: '127.0.0.1', port: 5060 });
  assert.equal(ksr('corex.sendx', 'sip:127.0.0.1:5099', 'udp:127.0.0.1:5999', 'x'), -1, 'not one of ours');
});

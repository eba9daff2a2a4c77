import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from './ksr-call.js';

test('log functions reach the engine logger at their level; KSR.log maps names, unknown → error', () => {
  const ctx = makeContext('register');
  const ksr = ksrOn(ctx);
  for (const f of ['dbg', 'info', 'notice', 'warn', 'err', 'crit']) assert.equal(ksr(f, `t-${f}`), null);
  ksr('log', 'warn', 'lw');
  ksr('log', 'bogus', 'lb');
  assert.deepEqual(ctx.core.logs.map((l) => `${l.level}:${l.text}`), [
    'debug:t-dbg', 'info:t-info', 'notice:t-notice', 'warn:t-warn', 'error:t-err', 'crit:t-crit', 'warn:lw', 'error:lb',
  ]);
});

test('set_drop sets the flag without stopping', () => {
  const ctx = makeContext('register');
  const ksr = ksrOn(ctx);
  ksr('set_drop');
  assert.equal(ctx.dropped, true);
  assert.equal(ctx.stopped, false);
});

test('is_myself on hosts, URIs and message parts', () => {
  const ksr = ksrOn(makeContext('options', { srcIp: '127.0.0.1', srcPort: 5060 }));
  assert.equal(ksr('is_myself', 'localhost'), true);
  assert.equal(ksr('is_myself', 'sip:127.0.0.1:5060'), true);
  assert.equal(ksr('is_myself', 'sip:127.0.0.1:5070'), false);
  assert.equal(ksr('is_myself', 'example.com'), false);
  assert.equal(ksr('is_myself_ruri'), true);
  assert.equal(ksr('is_myself_turi'), true);
  assert.equal(ksr('is_myself_furi'), false, 'From has port 5099');
  assert.equal(ksr('is_myself_duri'), false);
  assert.equal(ksr('is_myself_nhuri'), true);
  assert.equal(ksr('setdsturi', 'sip:example.com'), true);
  assert.equal(ksr('is_myself_nhuri'), false);
  assert.equal(ksr('is_myself_suri'), true);
  assert.equal(ksr('is_myself_srcip'), true);
  const other = ksrOn(makeContext('invite'));
  assert.equal(other('is_myself_ruri'), false);
  assert.equal(other('is_myself_srcip'), false);
});

test('message, branch and script flags; 0..31 only', () => {
  const ctx = makeContext('register');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('setflag', 31), true);
  assert.equal(ksr('isflagset', 31), true);
  assert.equal(ctx.flags, 0x80000000);
  assert.equal(ksr('resetflag', 31), true);
  assert.equal(ksr('isflagset', 31), false);
  assert.equal(ksr('setflag', 32), false);
  assert.equal(ksr('setflag', -1), false);
  assert.equal(ksr('setbflag', 3), true);
  assert.equal(ksr('isbiflagset', 3, 0), true);
  assert.equal(ksr('setbiflag', 4, 2), true);
  assert.equal(ksr('isbiflagset', 4, 2), true);
  assert.equal(ksr('isbflagset', 4), false);
  assert.equal(ksr('resetbiflag', 4, 2), true);
  assert.equal(ksr('isbiflagset', 4, 2), false);
  assert.equal(ksr('setbiflag', 1, 99), false);
  assert.equal(ksr('resetbflag', 3), true);
  assert.equal(ksr('isbflagset', 3), false);
  assert.equal(ksr('setsflag', 0), true);
  assert.equal(ksr('issflagset', 0), true);
  assert.equal(ksr('resetsflag', 0), true);
  assert.equal(ksr('issflagset', 0), false);
  assert.equal(ctx.flags, 0);
});

test('seturi / setuser / sethost and the destination URI', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('setuser', 'carol'), true);
  assert.equal(ksr('sethost', 'example.net'), true);
  assert.equal(ctx.newUri, 'sip:carol@example.net:5080;transport=udp');
  assert.equal(ksr('seturi', 'sip:x@y.example'), true);
  assert.equal(ctx.ruri, 'sip:x@y.example');
  assert.equal(ksr('seturi', '::bad'), false);
  assert.equal(ksr('isdsturiset'), false);
  assert.equal(ksr('setdsturi', 'sip:10.0.0.1'), true);
  assert.equal(ksr('isdsturiset'), true);
  assert.equal(ksr('resetdsturi'), true);
  assert.equal(ksr('isdsturiset'), false);
});

test('force_rport and add_local_rport', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('force_rport'), true);
  assert.equal(ctx.forceRport, true);
  assert.equal(ctx.addLocalRport, false);
  assert.equal(ksr('add_local_rport'), true);
  assert.equal(ctx.addLocalRport, true);
});

test('method tests: is_method lists, is_method_in letters, is_<METHOD>, replies by CSeq', () => {
  const inv = ksrOn(makeContext('invite'));
  assert.equal(inv('is_method', 'invite'), true);
  assert.equal(inv('is_method', 'BYE|INVITE'), true);
  assert.equal(inv('is_method', 'BYE|CANCEL'), false);
  assert.equal(inv('is_method_in', 'rbi'), true);
  assert.equal(inv('is_method_in', 'RB'), false);
  assert.equal(inv('is_INVITE'), true);
  assert.equal(inv('is_REGISTER'), false);
  const reg = ksrOn(makeContext('register'));
  assert.equal(reg('is_REGISTER'), true);
  assert.equal(reg('is_method_in', 'R'), true);
  const rep = ksrOn(makeContext('reply200'));
  assert.equal(rep('is_INVITE'), true);
  assert.equal(rep('is_method_in', 'I'), true);
  const foo = ksrOn(makeContext(makeContext('options').msg.buf.toString().replace(/OPTIONS/g, 'FOO')));
  assert.equal(foo('is_method', 'foo'), true);
  assert.equal(foo('is_method_in', 'IABCMREPSNOFGUKDTV'), false);
});

test('transport tests', () => {
  const udp = ksrOn(makeContext('register'));
  assert.equal(udp('is_UDP'), true);
  assert.equal(udp('is_TCP'), false);
  assert.equal(udp('is_proto', 'tu'), true);
  assert.equal(udp('is_proto', 'tevw'), false);
  assert.equal(udp('is_IPv4'), true);
  assert.equal(udp('is_IPv6'), false);
  const wss = ksrOn(makeContext('register', { proto: 'wss', srcIp: '2001:db8::1' }));
  assert.equal(wss('is_WSS'), true);
  assert.equal(wss('is_WSX'), true);
  assert.equal(wss('is_TCPX'), true);
  assert.equal(wss('is_WS'), false);
  assert.equal(wss('is_proto', 'w'), true);
  assert.equal(wss('is_IPv6'), true);
  const tls = ksrOn(makeContext('register', { proto: 'tls' }));
  assert.equal(tls('is_TLS'), true);
  assert.equal(tls('is_proto', 'e'), true);
  assert.equal(tls('is_SCTP'), false);
});

test('ports and debug level', () => {
  const ksr = ksrOn(makeContext('register', { srcPort: 5062, rcvPort: 5060 }));
  assert.equal(ksr('is_src_port', 5062), true);
  assert.equal(ksr('is_src_port', 5060), false);
  assert.equal(ksr('is_dst_port', 5060), true);
  assert.equal(ksr('get_debug'), 2);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { ksrOn } from './ksr-call.js';
import { createRegistry } from '../../bindings/modules/index.js';

test('URI and address getters with null modes', () => {
  const ksr = ksrOn(makeContext('register'));
  assert.equal(ksr('kx.get_ruri'), 'sip:localhost');
  assert.equal(ksr('kx.get_ruser'), null);
  assert.equal(ksr('kx.gete_ruser'), '');
  assert.equal(ksr('kx.getw_ruser'), '<null>');
  assert.equal(ksr('kx.get_rhost'), 'localhost');
  assert.equal(ksr('kx.get_furi'), 'sip:alice@localhost');
  assert.equal(ksr('kx.get_fuser'), 'alice');
  assert.equal(ksr('kx.get_thost'), 'localhost');
  assert.equal(ksr('kx.get_cturi'), 'sip:alice@192.0.2.10:5062');
  assert.equal(ksr('kx.get_duri'), null);
  assert.equal(ksr('kx.getw_duri'), '<null>');
  assert.equal(ksr('kx.get_nhuri'), 'sip:localhost');
  assert.equal(ksr('kx.get_ua'), 'fixture-phone/1.0');
  assert.equal(ksr('kx.get_au'), 'alice');
  assert.equal(ksr('kx.get_method'), 'REGISTER');
  assert.equal(ksr('kx.get_callid'), 'reg-1@192.0.2.10');
});

test("get_callid answers '' for a message without Call-ID (Kamailio's null mode EMPTY), not null", () => {
  const raw = 'OPTIONS sip:localhost SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-nocid\r\nFrom: <sip:a@localhost>;tag=1\r\nTo: <sip:localhost>\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n';
  assert.equal(ksrOn(makeContext(raw))('kx.get_callid'), '');
});

test('ouri keeps the received R-URI after a change; nhuri prefers the destination URI', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  ksr('seturi', 'sip:new@example.org');
  assert.equal(ksr('kx.get_ruri'), 'sip:new@example.org');
  assert.equal(ksr('kx.get_ouri'), 'sip:bob@example.com:5080;transport=udp');
  ksr('setdsturi', 'sip:10.1.1.1:5060');
  assert.equal(ksr('kx.get_nhuri'), 'sip:10.1.1.1:5060');
  assert.equal(ksr('kx.get_duri'), 'sip:10.1.1.1:5060');
});

test('socket getters', () => {
  const ksr = ksrOn(makeContext('register', { proto: 'tcp', srcIp: '2001:db8::5', srcPort: 40000, conId: 7 }));
  assert.equal(ksr('kx.get_srcip'), '2001:db8::5');
  assert.equal(ksr('kx.get_srcport'), 40000);
  assert.equal(ksr('kx.get_srcuri'), 'sip:[2001:db8::5]:40000;transport=tcp');
  assert.equal(ksr('kx.get_srcaddr_sock'), 'tcp:[2001:db8::5]:40000');
  assert.equal(ksr('kx.get_rcvip'), '127.0.0.1');
  assert.equal(ksr('kx.get_rcvport'), 5060);
  assert.equal(ksr('kx.get_rcvaddr_sock'), 'tcp:127.0.0.1:5060');
  assert.equal(ksr('kx.get_rcvadvip'), '127.0.0.1');
  assert.equal(ksr('kx.get_rcvadvport'), 5060);
  assert.equal(ksr('kx.get_proto'), 'tcp');
  assert.equal(ksr('kx.get_protoid'), 2);
  assert.equal(ksr('kx.get_conid'), 7);
  assert.equal(ksr('kx.get_send_sock'), null);
  assert.equal(ksr('kx.get_send_sock_name'), null);
  assert.equal(ksr('kx.get_send_sock_port'), 0);
  assert.equal(ksr('kx.get_rcv_sock_name'), null);
  assert.equal(ksrOn(makeContext('register'))('kx.get_conid'), -1);
});

test('message getters: status, body, buffer, type, timestamp', () => {
  const inv = makeContext('invite');
  const ksr = ksrOn(inv);
  assert.equal(ksr('kx.get_status'), -1);
  assert.equal(ksr('kx.gets_status'), null);
  assert.match(ksr('kx.get_body') as string, /^v=0\r\n/);
  assert.equal(ksr('kx.get_bodylen'), inv.msg.body().length);
  assert.equal(ksr('kx.get_msglen'), inv.msg.buf.length);
  assert.equal(ksr('kx.get_msgbuf'), inv.msg.buf.toString());
  assert.equal(ksr('kx.get_msgtype'), 1);
  const before = Math.floor(Date.now() / 1000);
  const ts = ksr('kx.get_timestamp') as number;
  assert.ok(ts >= before && ts <= before + 1, `timestamp ${ts}`);
  const rep = ksrOn(makeContext('reply200'));
  assert.equal(rep('kx.get_status'), 200);
  assert.equal(rep('kx.gets_status'), '200');
  assert.equal(rep('kx.get_msgtype'), 2);
  assert.equal(rep('kx.get_body'), null);
  assert.equal(rep('kx.gete_body'), '');
  assert.equal(rep('kx.getw_body'), '<null>');
  assert.equal(rep('kx.get_bodylen'), 0);
  assert.equal(rep('kx.get_method'), 'INVITE');
  assert.equal(rep('kx.get_ruri'), null);
});

test('defines are read from the engine; the host environment is never exposed', () => {
  const core = new RecordingCore({ WITH_AUTH: '1', PORT: '5070', NAME: 'x' });
  const ksr = ksrOn(makeContext('register', { core }));
  assert.equal(ksr('kx.get_def', 'PORT'), '5070');
  assert.equal(ksr('kx.get_def', 'NOPE'), '', "Kamailio's null mode EMPTY: '' for a name not defined");
  assert.equal(ksr('kx.get_defn', 'PORT'), 5070);
  assert.equal(ksr('kx.get_defn', 'NAME'), 0);
  assert.equal(ksr('kx.ifdef', 'WITH_AUTH'), true);
  assert.equal(ksr('kx.ifndef', 'WITH_AUTH'), false);
  assert.equal(ksr('kx.ifndef', 'NOPE'), true);
  // get_env/get_envn read every variable as unset ('' and 0, Kamailio's answers), logging once
  process.env.KSR_HOST_TEST_SECRET = '42';
  try {
    assert.equal(ksr('kx.get_env', 'KSR_HOST_TEST_SECRET'), '');
    assert.equal(ksr('kx.get_env', 'PATH'), '');
    assert.equal(ksr('kx.get_envn', 'KSR_HOST_TEST_SECRET'), 0);
  } finally {
    delete process.env.KSR_HOST_TEST_SECRET;
  }
  assert.match(createRegistry().find('kx.get_env')!.status, /^partial: /);
});

test('get_send_sock*: the socket corex.set_send_socket forced, else null / 0', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('kx.get_send_sock'), null);
  assert.equal(ksr('kx.get_send_sock_port'), 0);
  assert.equal(ksr('corex.set_send_socket', 'udp:127.0.0.1:5060'), 1);
  assert.equal(ksr('kx.get_send_sock'), 'udp:127.0.0.1:5060');
  assert.equal(ksr('kx.get_send_sock_port'), 5060);
  assert.equal(ksr('kx.get_send_sock_name'), 's0', 'the name of the listen socket at that address');
  assert.equal(ksr('corex.set_send_socket', 'tcp:127.0.0.1:5060'), 1);
  assert.equal(ksr('kx.get_send_sock_name'), null, 'a listen socket without a name');
  assert.equal(ksr('corex.set_send_socket_name', 's1'), 1);
  assert.deepEqual([ksr('kx.get_send_sock'), ksr('kx.get_send_sock_port'), ksr('kx.get_send_sock_name')], ['udp:127.0.0.1:5070', 5070, 's1']);
  assert.equal(ksr('corex.set_send_socket', ''), 1);
  assert.equal(ksr('kx.get_send_sock'), null);
  assert.equal(ksr('kx.get_send_sock_name'), null);
});

test('get_rcv_sock_name: the name of the listen socket the message came in on, else null', () => {
  assert.equal(ksrOn(makeContext('invite'))('kx.get_rcv_sock_name'), 's0');
  assert.equal(ksrOn(makeContext('invite', { rcvPort: 5070 }))('kx.get_rcv_sock_name'), 's1');
  assert.equal(ksrOn(makeContext('invite', { proto: 'tcp' }))('kx.get_rcv_sock_name'), null, 'the TCP listener has no name');
  assert.equal(ksrOn(makeContext('invite', { rcvIp: '198.51.100.1' }))('kx.get_rcv_sock_name'), null, 'no listen socket there');
  assert.equal(ksrOn(makeContext('invite', { proto: 'tls', rcvPort: 5061 }))('kx.get_rcv_sock_name'), null);
});

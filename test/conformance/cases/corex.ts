// Conformance rows (written with ../case-kit.ts): corex (and the kx / tmx functions that read
// or flush what it sets), issue 10.
import type { ConformanceCase } from '../cases.js';
import { I, N, S, c, call, v } from '../case-kit.js';

const SEND_SOCKET = call('corex.set_send_socket', 'udp:127.0.0.1:5060');

export const COREX_CASES: ConformanceCase[] = [
  c('corex.setxflag', [40], I(1), { host: { fields: { xflags: [0, 256] } } }),
  c('corex.setxflag', [64], I(-1), { name: 'corex.setxflag(64) is refused and sets none', host: { fields: { xflags: null } } }),
  c('corex.resetxflag', [40], I(1), { setup: [call('corex.setxflag', 40), call('corex.setxflag', 1)], host: { fields: { xflags: [2, 0] } } }),
  v('corex.isxflagset', [40], I(1), { setup: [call('corex.setxflag', 40)] }),
  v('corex.isxflagset', [8], I(-1), { setup: [call('corex.setxflag', 40)], name: 'corex.isxflagset(8) with flag 40 set' }),
  c('tmx.t_flush_xflags', [], I(-1), { host: { transaction: null } }),
  c('tmx.t_flush_xflags', [], I(1), { fixture: 'options', setup: [call('tm.t_newtran'), call('corex.setxflag', 50)], host: { transaction: {}, fields: { xflags: [0, 262144] } } }),
  c('corex.set_send_socket', ['udp:127.0.0.1:5060'], I(1), { host: { fields: { sendSocket: { proto: 'udp', ip: '127.0.0.1', port: 5060 } } } }),
  c('corex.set_send_socket', ['udp:198.51.100.1'], I(1), { name: 'corex.set_send_socket of no listen socket', host: { fields: { sendSocket: null }, log: { level: 'warn', text: 'no listen socket matches' } } }),
  c('corex.set_send_socket', ['udp:1.2.3.4:x'], I(-1), { host: { fields: { sendSocket: null } } }),
  c('corex.set_send_socket_name', ['lan'], I(1), { setup: [SEND_SOCKET], host: { fields: { sendSocket: { proto: 'udp', ip: '127.0.0.1', port: 5060 } } } }),
  c('corex.set_send_socket_name', [''], I(1), { setup: [SEND_SOCKET], host: { fields: { sendSocket: null } } }),
  // the test core listens on udp 127.0.0.1:5060 "s0", udp 127.0.0.1:5070 "s1", tcp 127.0.0.1:5060 (sip-fixtures.ts)
  c('corex.set_send_socket_name', ['s1'], I(1), { host: { fields: { sendSocket: { proto: 'udp', ip: '127.0.0.1', port: 5070 } } } }),
  c('corex.set_send_socket_name', ['s1'], I(1), { name: 'corex.set_send_socket_name shows in the forwarded Via', host: { forwarded: { contains: ['Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-conformance\r\n'] } } }),
  c('corex.set_send_socket_name', ['S1'], I(1), { name: 'corex.set_send_socket_name is case-sensitive', host: { fields: { sendSocket: null }, log: { level: 'warn', text: 'no listen socket is named "S1"' } } }),
  c('corex.set_recv_socket_name', ['s1'], I(1), { rcv: { proto: 'tcp', rcvIp: '198.51.100.1', rcvPort: 5099 }, host: { pv: { $Ri: '127.0.0.1', $Rp: 5070, $pr: 'udp' } } }),
  v('corex.is_socket_name', ['s1'], I(1)),
  v('corex.is_socket_name', ['lan'], I(-1)),
  v('corex.is_socket_name', [''], I(-1), { host: { log: { level: 'error', text: 'expected a socket name' } } }),
  c('corex.set_recv_socket', ['tcp:127.0.0.1:5060'], I(1), { rcv: { rcvIp: '198.51.100.1', rcvPort: 5099 }, host: { pv: { $Ri: '127.0.0.1', $Rp: 5060, $pr: 'tcp' } } }),
  c('corex.set_recv_socket_name', ['wan'], I(1), { rcv: { rcvIp: '198.51.100.1' }, host: { pv: { $Ri: '198.51.100.1' } } }),
  c('corex.set_source_address', ['udp:203.0.113.7:5070'], I(1), { host: { pv: { $si: '203.0.113.7', $sp: 5070 } } }),
  c('corex.set_source_address', ['proxy.example.com'], I(-1), { host: { pv: { $si: '192.0.2.10' } } }),
  c('corex.sendx', ['sip:127.0.0.1:5099', 'udp:127.0.0.1:5060', 'hello'], I(1), { host: { sent: { count: 1, to: 'udp:127.0.0.1:5099', contains: ['hello'] } } }),
  c('corex.sendx', ['sip:127.0.0.1:5099', 'udp:[::1', 'hello'], I(-1), { host: { sent: { count: 0 } } }),
  c('corex.sendx', ['sip:127.0.0.1:5099', 'udp:198.51.100.1:5060', 'hello'], I(-1), { name: 'corex.sendx from a socket that is not ours', host: { sent: { count: 0 }, log: { level: 'error', text: 'no listen socket matches' } } }),
  c('corex.set_send_socket', ['udp:127.0.0.1:5060'], I(1), { name: 'corex.set_send_socket shows in the forwarded Via', host: { forwarded: { contains: ['Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-conformance\r\n'] } } }),
  // the test core's server_id is 7, xavp_via_params "via", xavp_via_fields "viaf" (sip-fixtures.ts)
  c('corex.via_add_srvid', [1], I(1), { host: { fields: { viaSwitches: 1 }, forwarded: { contains: ['Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-conformance;srvid=7\r\n'] } } }),
  c('corex.via_add_srvid', [0], I(1), { name: 'corex.via_add_srvid(0) clears it', setup: [call('corex.via_add_srvid', 1)], host: { fields: { viaSwitches: 0 }, forwarded: { contains: ['Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-conformance\r\n'], lacks: ['srvid'] } } }),
  c('corex.via_add_xavp_params', [1], I(1), {
    setup: [call('pv.sets', '$xavp(via=>tag)', 'abc'), call('pv.seti', '$xavp(via[0]=>n)', 5)],
    host: { fields: { viaSwitches: 2 }, forwarded: { contains: ['Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-conformance;n=5;tag=abc\r\n'] } },
  }),
  c('corex.via_add_xavp_params', [1], I(1), { name: 'corex.via_add_xavp_params with no such xavp adds nothing', host: { fields: { viaSwitches: 2 }, forwarded: { contains: ['Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-conformance\r\n'] } } }),
  c('corex.via_use_xavp_fields', [1], I(1), {
    setup: [call('pv.sets', '$xavp(viaf=>address)', 'edge.example.com'), call('pv.sets', '$xavp(viaf[0]=>port)', '5099')],
    host: { fields: { viaSwitches: 4 }, forwarded: { contains: ['Via: SIP/2.0/UDP edge.example.com:5099;branch=z9hG4bK-conformance\r\n'] } },
  }),
  c('corex.via_reply_add_xavp_params', [0], I(1), { setup: [call('corex.via_reply_add_xavp_params', 1)], host: { fields: { viaSwitches: 0 } } }),
  v('corex.file_read', ['/etc/passwd'], S('')),
  v('corex.file_write', ['/tmp/ksr-host-file', 'data'], I(-1)),
  c('corex.forward_uac', [], I(-1), { host: { sent: { count: 0 } } }),
  c('corex.forward_uac_branch', [0], I(-1), { host: { sent: { count: 0 } } }),
  c('corex.forward_uac_uri', ['sip:127.0.0.1:5099'], I(-1), { host: { sent: { count: 0 } } }),
  c('corex.forward_uac_uri_branch', ['sip:127.0.0.1:5099', 0], I(-1), { host: { sent: { count: 0 } } }),
  v('kx.get_env', ['PATH'], S('')),
  v('kx.get_envn', ['PATH'], I(0)),
  v('kx.get_send_sock', [], S('udp:127.0.0.1:5060'), { setup: [SEND_SOCKET], name: 'kx.get_send_sock after set_send_socket' }),
  v('kx.get_send_sock_port', [], I(5060), { setup: [SEND_SOCKET], name: 'kx.get_send_sock_port after set_send_socket' }),
  v('kx.get_send_sock_name', [], S('s0'), { setup: [SEND_SOCKET], name: 'kx.get_send_sock_name after set_send_socket' }),
  v('kx.get_send_sock_name', [], S('s1'), { setup: [call('corex.set_send_socket_name', 's1')], name: 'kx.get_send_sock_name after set_send_socket_name' }),
  v('kx.get_send_sock_name', [], N),
  v('kx.get_rcv_sock_name', [], S('s0')),
  v('kx.get_rcv_sock_name', [], N, { rcv: { proto: 'tcp' }, name: 'kx.get_rcv_sock_name on the unnamed TCP listener' }),
];

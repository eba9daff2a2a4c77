// Conformance rows of KSR.permissions (written with ../case-kit.ts). TEST_MODULE_CONFIG.permissions:
// group 1 = 127.0.0.1/32, group 2 = 10.0.0.0/8 port 5060 (tag carrier), group 3 = ::1 (tag v6)
// and gw.example.com; trusted: 127.0.0.1 any proto, From ^sip:alice@ (tag alice-peer);
// 192.0.2.1 tcp (tag tcp-only); tags go to $avp(s:peer_tag).
import type { ConformanceCase } from '../cases.js';
import { c, v, I } from '../case-kit.js';

const TAG = '$avp(s:peer_tag)';
const NO_TAG = { pv: { [TAG]: null } };
const local = { srcIp: '127.0.0.1', srcPort: 5062 };

export const PERMISSIONS_CASES: ConformanceCase[] = [
  c('permissions.allow_source_address', [1], I(1), { rcv: local, name: 'permissions.allow_source_address(1) from 127.0.0.1 (the example scripts)', host: NO_TAG }),
  c('permissions.allow_source_address', [1], I(-1), { name: 'permissions.allow_source_address(1) from 192.0.2.10', host: NO_TAG }),
  c('permissions.allow_source_address', [2], I(1), { rcv: { srcIp: '10.20.30.40', srcPort: 5060 }, name: 'permissions.allow_source_address(2): subnet, port, tag', host: { pv: { [TAG]: 'carrier' } } }),
  c('permissions.allow_source_address', [2], I(-1), { rcv: { srcIp: '10.20.30.40', srcPort: 5061 }, name: 'permissions.allow_source_address(2): another port', host: NO_TAG }),
  c('permissions.allow_address', [2, '10.1.2.3', 5060], I(1), { host: { pv: { [TAG]: 'carrier' } } }),
  c('permissions.allow_address', [2, '11.1.2.3', 5060], I(-1), { host: NO_TAG }),
  c('permissions.allow_address', [3, '[0:0::1]', 9], I(1), { host: { pv: { [TAG]: 'v6' } }, name: 'permissions.allow_address IPv6' }),
  c('permissions.allow_address', [3, 'gw.example.com', 9], I(1), { name: 'permissions.allow_address domain name', host: NO_TAG }),
  v('permissions.allow_source_address_group', [], I(1), { rcv: local }),
  v('permissions.allow_source_address_group', [], I(-1), { name: 'permissions.allow_source_address_group: no group' }),
  c('permissions.allow_address_group', ['10.0.0.1', 5060], I(2), { host: { pv: { [TAG]: 'carrier' } } }),
  c('permissions.allow_address_group', ['10.0.0.1', 5070], I(-1), { host: NO_TAG }),
  c('permissions.allow_trusted', [], I(1), { rcv: local, name: 'permissions.allow_trusted: 127.0.0.1, From alice', host: { pv: { [TAG]: 'alice-peer' } } }),
  c('permissions.allow_trusted', [], I(-1), { fixture: 'options', rcv: local, name: 'permissions.allow_trusted: From pattern does not match', host: NO_TAG }),
  c('permissions.allow_trusted', [], I(-1), { rcv: { srcIp: '192.0.2.1', proto: 'udp' }, name: 'permissions.allow_trusted: a tcp rule, a udp request', host: NO_TAG }),
  c('permissions.allow_trusted', [], I(1), { rcv: { srcIp: '192.0.2.1', proto: 'tcp', conId: 1 }, name: 'permissions.allow_trusted: a tcp rule, a tcp request', host: { pv: { [TAG]: 'tcp-only' } } }),
];

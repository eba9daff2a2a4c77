// Conformance rows of KSR.nathelper (written with ../case-kit.ts): a simulated NAT (the request
// comes from 127.0.0.2:5070, the UA wrote its private 192.168.1.20:5062) and no NAT (the
// fixtures as received from 192.0.2.10). Rewrites are stated byte for byte.
import type { ConformanceCase } from '../cases.js';
import { FIXTURES } from '../../support/sip-fixtures.js';
import { I, c, v } from '../case-kit.js';

const NAT = { srcIp: '127.0.0.2', srcPort: 5070 };
const REGISTER_CONTACT = 'Contact: <sip:alice@192.0.2.10:5062>;expires=3600';
const PRIVATE_CONTACT = 'Contact: <sip:alice@192.168.1.20:5062>;expires=3600';
const registerWith = (contact: string): string => FIXTURES.register.replace(REGISTER_CONTACT, contact);
const INVITE_RURI = 'sip:bob@example.com:5080;transport=udp';
const INVITE_CONTACT = 'Contact: <sip:alice@192.0.2.10>';
/** The invite fixture's SDP with every 192.0.2.10 replaced, Content-Length unchanged (same length). */
const sdpRewritten = (body: string): string => {
  const head = FIXTURES.invite.slice(0, FIXTURES.invite.indexOf('\r\n\r\n') + 4);
  return head.replace(/Content-Length: \d+/, `Content-Length: ${Buffer.byteLength(body)}`) + body;
};
const INVITE_BODY = FIXTURES.invite.slice(FIXTURES.invite.indexOf('\r\n\r\n') + 4);
const natRegister = { fixture: 'register' as const, edit: [REGISTER_CONTACT, PRIVATE_CONTACT] as [string, string], rcv: NAT };

export const NATHELPER_CASES: ConformanceCase[] = [
  // nat_uac_test: 1 Contact private, 2 source != Via host, 16 source port != Via port
  c('nathelper.nat_uac_test', [19], I(1), { ...natRegister, name: 'nathelper.nat_uac_test(19) behind a NAT', valueOnly: true }),
  c('nathelper.nat_uac_test', [19], I(-1), { fixture: 'register', name: 'nathelper.nat_uac_test(19) without NAT', valueOnly: true }),
  c('nathelper.nat_uac_test', [1], I(1), { ...natRegister, name: 'nathelper.nat_uac_test(1): private Contact', valueOnly: true }),
  c('nathelper.nat_uac_test', [16], I(1), { name: 'nathelper.nat_uac_test(16): source port 5062, Via without port', valueOnly: true }),
  c('nathelper.nat_uac_test', [8 | 32 | 64], I(-1), { rcv: NAT, name: 'nathelper.nat_uac_test(104): public SDP and source, UDP', valueOnly: true }),
  v('nathelper.is_rfc1918', ['192.168.1.20'], I(1)),
  v('nathelper.is_rfc1918', ['100.64.0.1'], I(1)),
  v('nathelper.is_rfc1918', ['192.0.2.10'], I(-1)),
  v('nathelper.is_rfc1918', ['fd00::1'], I(-1)),
  c('nathelper.fix_nated_contact', [], I(1), {
    ...natRegister,
    host: { builtExact: registerWith('Contact: <sip:alice@127.0.0.2:5070>;expires=3600') },
  }),
  c('nathelper.fix_nated_contact', [], I(-1), { fixture: 'options', name: 'nathelper.fix_nated_contact without Contact', host: { builtExact: FIXTURES.options } }),
  c('nathelper.fix_nated_register', [], I(1), { ...natRegister, host: { pv: { '$avp(RECEIVED)': 'sip:127.0.0.2:5070' } } }),
  c('nathelper.fix_nated_register', [], I(1), {
    ...natRegister, rcv: { ...NAT, proto: 'tcp' }, name: 'nathelper.fix_nated_register over TCP',
    host: { pv: { '$avp(RECEIVED)': 'sip:127.0.0.2:5070;transport=tcp' } },
  }),
  c('nathelper.add_rcv_param', [0], I(1), {
    ...natRegister,
    host: { builtExact: registerWith('Contact: <sip:alice@192.168.1.20:5062>;expires=3600;received="sip:127.0.0.2:5070"') },
  }),
  c('nathelper.add_rcv_param', [1], I(1), {
    ...natRegister,
    host: { builtExact: registerWith('Contact: <sip:alice@192.168.1.20:5062;received=sip:127.0.0.2:5070>;expires=3600') },
  }),
  c('nathelper.add_contact_alias', [], I(1), {
    ...natRegister,
    host: { builtExact: registerWith('Contact: <sip:alice@192.168.1.20:5062;alias=127.0.0.2~5070~1>;expires=3600') },
  }),
  c('nathelper.add_contact_alias', [], I(2), {
    fixture: 'register', edit: [REGISTER_CONTACT, 'Contact: <sip:alice@192.0.2.10:5062;transport=udp>;expires=3600'], name: 'nathelper.add_contact_alias: the Contact is the source',
    host: { builtExact: registerWith('Contact: <sip:alice@192.0.2.10:5062;transport=udp>;expires=3600') },
  }),
  // Kamailio 5.6 compares the transport parameter as written: none never matches, even over UDP
  c('nathelper.add_contact_alias', [], I(1), {
    fixture: 'register', name: 'nathelper.add_contact_alias: the source, but no transport parameter',
    host: { builtExact: registerWith('Contact: <sip:alice@192.0.2.10:5062;alias=192.0.2.10~5062~1>;expires=3600') },
  }),
  c('nathelper.add_contact_alias_addr', ['203.0.113.9', '5090', 'tls'], I(1), {
    ...natRegister,
    host: { builtExact: registerWith('Contact: <sip:alice@192.168.1.20:5062;alias=203.0.113.9~5090~3>;expires=3600') },
  }),
  c('nathelper.add_contact_alias_addr', ['203.0.113.9', '5090', 'foo'], I(-1), {
    ...natRegister, name: 'nathelper.add_contact_alias_addr with an unknown protocol', host: { builtExact: registerWith(PRIVATE_CONTACT) },
  }),
  c('nathelper.set_contact_alias', [], I(1), {
    ...natRegister, rcv: { ...NAT, proto: 'tcp' },
    host: { builtExact: registerWith('Contact: <sip:alice@192.168.1.20:5062;alias=127.0.0.2~5070~2>;expires=3600') },
  }),
  c('nathelper.set_contact_alias_trim', [], I(1), {
    fixture: 'register', edit: [REGISTER_CONTACT, 'Contact: <sip:alice@192.168.1.20:5062;alias=10.0.0.1~5060~1>;expires=3600'], rcv: NAT,
    host: { builtExact: registerWith('Contact: <sip:alice@192.168.1.20:5062;alias=127.0.0.2~5070~1>;expires=3600') },
  }),
  c('nathelper.handle_ruri_alias', [], I(1), {
    edit: [INVITE_RURI, 'sip:bob@192.168.1.30:5062;alias=127.0.0.3~5072~2;ob'],
    host: { dstUri: 'sip:127.0.0.3:5072;transport=tcp', ruri: 'sip:bob@192.168.1.30:5062;ob' },
  }),
  c('nathelper.handle_ruri_alias', [], I(2), { name: 'nathelper.handle_ruri_alias without alias', host: { dstUri: null, ruri: INVITE_RURI } }),
  c('nathelper.handle_ruri_alias_mode', [1], I(1), {
    edit: [INVITE_RURI, 'sip:bob@h;alias=1.1.1.1~1~1;alias=2.2.2.2~2~1'],
    host: { dstUri: 'sip:2.2.2.2:2', ruri: 'sip:bob@h;alias=1.1.1.1~1~1' },
  }),
  c('nathelper.handle_ruri_alias_mode', [0], I(-1), {
    edit: [INVITE_RURI, 'sip:bob@h;alias=1.1.1.1~1'], name: 'nathelper.handle_ruri_alias_mode(0) with a malformed alias',
    host: { dstUri: null, ruri: 'sip:bob@h;alias=1.1.1.1~1' },
  }),
  c('nathelper.set_alias_to_pv', ['$avp(aliasuri)'], I(1), {
    edit: [INVITE_CONTACT, 'Contact: <sip:alice@192.168.1.20:5062;alias=127.0.0.2~5070~5>'],
    host: { pv: { '$avp(aliasuri)': 'sip:127.0.0.2:5070;transport=ws' } },
  }),
  c('nathelper.set_alias_to_pv', ['$avp(aliasuri)'], I(-1), { name: 'nathelper.set_alias_to_pv without alias', host: { pv: { '$avp(aliasuri)': null } } }),
  c('nathelper.fix_nated_sdp', [2], I(1), {
    rcv: NAT,
    host: { builtExact: sdpRewritten(INVITE_BODY.replace('c=IN IP4 192.0.2.10', 'c=IN IP4 127.0.0.2').replace(/\r\n$/, '\r\na=oldmediaip:192.0.2.10\r\n')) },
  }),
  c('nathelper.fix_nated_sdp', [5], I(2), {
    rcv: NAT, name: 'nathelper.fix_nated_sdp(5): direction and nortpproxy lines only',
    host: { builtExact: sdpRewritten(INVITE_BODY.replace(/\r\n$/, '\r\na=direction:active\r\na=nortpproxy:yes\r\n')) },
  }),
  c('nathelper.fix_nated_sdp_ip', [10, '203.0.113.7'], I(1), {
    rcv: NAT,
    host: {
      builtExact: sdpRewritten(
        INVITE_BODY.replace('c=IN IP4 192.0.2.10', 'c=IN IP4 203.0.113.7').replace('IN IP4 192.0.2.10', 'IN IP4 203.0.113.7')
          .replace(/\r\n$/, '\r\na=oldmediaip:192.0.2.10\r\na=oldmediaip:192.0.2.10\r\n'),
      ),
    },
  }),
  c('nathelper.fix_nated_sdp', [2], I(-1), { fixture: 'options', rcv: NAT, name: 'nathelper.fix_nated_sdp without SDP', host: { builtExact: FIXTURES.options } }),
];

// KSR.nathelper through the Dispatcher: return codes, edge cases and the message as it would
// leave (lumps applied, Content-Length fixed), on a simulated NAT (source 127.0.0.2:5070, the
// UA's own view 192.168.1.20:5062) and without one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWithLumps } from '../../host/sip/builder.js';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import type { MsgContext } from '../../host/core/context.js';
import { inetAton, isPrivateIPv4 } from '../../host/nathelper/rfc1918.js';
import { parseNathelperSettings } from '../../host/nathelper/settings.js';

const crlf = (lines: string[]) => lines.join('\r\n');
const NAT = { srcIp: '127.0.0.2', srcPort: 5070 } as const;

const SDP = crlf(['v=0', 'o=ua 1 1 IN IP4 192.168.1.20', 's=-', 'c=IN IP4 192.168.1.20', 't=0 0', 'm=audio 4000 RTP/AVP 0', 'a=rtpmap:0 PCMU/8000', '']);

function invite(contact = '<sip:alice@192.168.1.20:5062>', via = '192.168.1.20:5062', body = SDP): string {
  return crlf([
    'INVITE sip:bob@127.0.0.1 SIP/2.0',
    `Via: SIP/2.0/UDP ${via};branch=z9hG4bK-nat-1;rport`,
    'Max-Forwards: 70',
    'From: <sip:alice@127.0.0.1>;tag=nat1',
    'To: <sip:bob@127.0.0.1>',
    'Call-ID: nat-1',
    'CSeq: 1 INVITE',
    `Contact: ${contact}`,
    'Content-Type: application/sdp',
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ]);
}

const built = (ctx: MsgContext) => buildWithLumps(ctx.msg, ctx.lumps).toString();

test('is_rfc1918: RFC 1918, RFC 6598, RFC 7335 (+192.0.0.0/24 in nat_addr_mode 1); IPv6 and names are not', () => {
  const ksr = ksrOn(makeContext('invite'));
  for (const a of ['10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.20', '100.64.0.1', '100.127.255.254', '192.0.0.5', '192.0.0.200'])
    assert.equal(ksr('nathelper.is_rfc1918', a), 1, a);
  for (const a of ['172.32.0.1', '100.128.0.1', '192.0.2.10', '127.0.0.1', '8.8.8.8', '', 'fd00::1', 'example.com', '192.168.1.300'])
    assert.equal(ksr('nathelper.is_rfc1918', a), -1, a);
  assert.equal(inetAton('10.1'), 10 * 2 ** 24 + 1);
  assert.equal(isPrivateIPv4('192.0.0.200', false), false);
  assert.equal(isPrivateIPv4('0xc0.0250.1.1'), true, 'inet_aton forms: hex and octal parts');
});

test('nat_uac_test(19) on a NATed INVITE is 1; each bit alone as Kamailio tests it', () => {
  const ctx = makeContext(invite(), NAT);
  const ksr = ksrOn(ctx);
  assert.equal(ksr('nathelper.nat_uac_test', 19), 1);
  for (const bit of [1, 2, 4, 8, 16, 128, 256]) assert.equal(ksr('nathelper.nat_uac_test', bit), 1, `bit ${bit}`);
  for (const bit of [32, 64, 512]) assert.equal(ksr('nathelper.nat_uac_test', bit), -1, `bit ${bit}`);
  assert.equal(ksr('nathelper.nat_uac_test', 0), -1);
});

test('nat_uac_test(19) on a plain request from 127.0.0.1 (no NAT) is -1', () => {
  const ctx = makeContext(invite('<sip:alice@127.0.0.1:5062>', '127.0.0.1:5062', SDP.replace(/192\.168\.1\.20/g, '127.0.0.1')), { srcIp: '127.0.0.1', srcPort: 5062 });
  const ksr = ksrOn(ctx);
  assert.equal(ksr('nathelper.nat_uac_test', 19), -1);
  assert.equal(ksr('nathelper.nat_uac_test', 1 | 2 | 4 | 8 | 16 | 32 | 64 | 128 | 256 | 512), -1);
  // no port in Via / Contact means 5060
  const c2 = makeContext(invite('<sip:alice@127.0.0.1>', '127.0.0.1'), { srcIp: '127.0.0.1', srcPort: 5060 });
  assert.equal(ksrOn(c2)('nathelper.nat_uac_test', 16 | 128), -1);
  assert.equal(ksrOn(makeContext(invite(), { srcIp: '192.168.1.20', srcPort: 5062 }))('nathelper.nat_uac_test', 32), 1);
  assert.equal(ksrOn(makeContext(invite(), { ...NAT, proto: 'ws' }))('nathelper.nat_uac_test', 64), 1);
});

test('nat_uac_test: a Via host that is a name differs from the source (no DNS); IPv6 compared as addresses', () => {
  assert.equal(ksrOn(makeContext(invite('<sip:a@ua.example>', 'ua.example:5062'), { srcIp: '127.0.0.1', srcPort: 5062 }))('nathelper.nat_uac_test', 2), 1);
  assert.equal(ksrOn(makeContext(invite('<sip:a@[2001:db8::1]:5062>', '[2001:db8:0::1]:5062'), { srcIp: '2001:db8::1', srcPort: 5062 }))('nathelper.nat_uac_test', 2 | 16 | 128), -1);
});

test('fix_nated_contact: host:port of the Contact URI become the source, user and params kept; twice is -1', () => {
  const ctx = makeContext(invite('"A" <sip:alice@192.168.1.20:5062;transport=udp;maddr=192.168.1.1;ob>;expires=60'), NAT);
  const ksr = ksrOn(ctx);
  assert.equal(ksr('nathelper.fix_nated_contact'), 1);
  assert.equal(ksr('nathelper.fix_nated_contact'), -1);
  assert.match(built(ctx), /\r\nContact: "A" <sip:alice@127\.0\.0\.2:5070;transport=udp;ob>;expires=60\r\n/);
  assert.match(ctx.core.logs.at(-1)!.text, /twice/);
  const noContact = makeContext('options');
  assert.equal(ksrOn(noContact)('nathelper.fix_nated_contact'), -1);
  const star = makeContext(invite('*'), NAT);
  assert.equal(ksrOn(star)('nathelper.fix_nated_contact'), -1);
  const v6 = makeContext(invite('<sip:alice@192.168.1.20>'), { srcIp: '2001:db8::5', srcPort: 5070 });
  assert.equal(ksrOn(v6)('nathelper.fix_nated_contact'), 1);
  assert.match(built(v6), /Contact: <sip:alice@\[2001:db8::5\]:5070>\r\n/);
});

test('fix_nated_register pushes sip:IP:PORT[;transport=X] into the received AVP (registrar received_avp)', () => {
  const ctx = makeContext(invite(), NAT);
  const ksr = ksrOn(ctx);
  assert.equal(ksr('nathelper.fix_nated_register'), 1);
  assert.equal(ksr('pv.get', '$avp(RECEIVED)'), 'sip:127.0.0.2:5070');
  const tcp = makeContext(invite(), { ...NAT, proto: 'tcp' });
  assert.equal(ksrOn(tcp)('nathelper.fix_nated_register'), 1);
  assert.equal(ksrOn(tcp)('pv.get', '$avp(RECEIVED)'), 'sip:127.0.0.2:5070;transport=tcp');
  const own = makeContext(invite(), { ...NAT, core: new RecordingCore(undefined, 2, { moduleConfig: { nathelper: { received_avp: '$avp(i:42)' } } }) });
  assert.equal(ksrOn(own)('nathelper.fix_nated_register'), 1);
  assert.equal(ksrOn(own)('pv.get', '$avp(42)'), 'sip:127.0.0.2:5070');
  const off = makeContext(invite(), { ...NAT, core: new RecordingCore(undefined, 2, { moduleConfig: { nathelper: { received_avp: '' } } }) });
  assert.equal(ksrOn(off)('nathelper.fix_nated_register'), 1);
  assert.equal(off.avps.size, 0);
});

test('add_rcv_param: header parameter (quoted) on every Contact, or URI parameter for UDP', () => {
  const reg = crlf(['REGISTER sip:127.0.0.1 SIP/2.0', 'Via: SIP/2.0/UDP 192.168.1.20:5062;branch=z9hG4bK-r', 'From: <sip:alice@127.0.0.1>;tag=r', 'To: <sip:alice@127.0.0.1>', 'Call-ID: r1', 'CSeq: 1 REGISTER',
    'Contact: <sip:alice@192.168.1.20:5062>;expires=60, <sip:alice@192.168.1.20:5063>', 'Content-Length: 0', '', '']);
  const ctx = makeContext(reg, NAT);
  assert.equal(ksrOn(ctx)('nathelper.add_rcv_param', 0), 1);
  assert.match(built(ctx), /Contact: <sip:alice@192\.168\.1\.20:5062>;expires=60;received="sip:127\.0\.0\.2:5070", <sip:alice@192\.168\.1\.20:5063>;received="sip:127\.0\.0\.2:5070"\r\n/);
  const uri = makeContext(reg, NAT);
  assert.equal(ksrOn(uri)('nathelper.add_rcv_param', 1), 1);
  assert.match(built(uri), /Contact: <sip:alice@192\.168\.1\.20:5062;received=sip:127\.0\.0\.2:5070>;expires=60, <sip:alice@192\.168\.1\.20:5063;received=sip:127\.0\.0\.2:5070>\r\n/);
  assert.equal(ksrOn(makeContext(reg, { ...NAT, proto: 'tcp' }))('nathelper.add_rcv_param', 1), -1);
});

test('add_contact_alias: ;alias=IP~PORT~PROTO after host:port; 2 when the Contact is the source; <> added when missing', () => {
  const ctx = makeContext(invite('<sip:alice@192.168.1.20:5062;ob>'), NAT);
  const ksr = ksrOn(ctx);
  assert.equal(ksr('nathelper.add_contact_alias'), 1);
  assert.match(built(ctx), /Contact: <sip:alice@192\.168\.1\.20:5062;alias=127\.0\.0\.2~5070~1;ob>\r\n/);
  assert.equal(ksrOn(makeContext(invite('<sip:alice@127.0.0.2:5070;transport=udp>'), NAT))('nathelper.add_contact_alias'), 2);
  // Kamailio 5.6 compares the transport parameter as written: without one the Contact never matches
  assert.equal(ksrOn(makeContext(invite('<sip:alice@127.0.0.2:5070>'), NAT))('nathelper.add_contact_alias'), 1);
  assert.equal(ksrOn(makeContext(invite('<sip:alice@127.0.0.2:5070;transport=tcp>'), NAT))('nathelper.add_contact_alias'), 1);
  const bare = makeContext(invite('sip:alice@192.168.1.20:5062'), { ...NAT, proto: 'tcp' });
  assert.equal(ksrOn(bare)('nathelper.add_contact_alias'), 1);
  assert.match(built(bare), /Contact: <sip:alice@192\.168\.1\.20:5062;alias=127\.0\.0\.2~5070~2>\r\n/);
  assert.equal(ksrOn(makeContext('options', NAT))('nathelper.add_contact_alias'), 2);
});

test('add_contact_alias_addr: arguments checked; alias from them', () => {
  const ctx = makeContext(invite(), NAT);
  const ksr = ksrOn(ctx);
  assert.equal(ksr('nathelper.add_contact_alias_addr', 'x.y', '5060', 'udp'), -1);
  assert.equal(ksr('nathelper.add_contact_alias_addr', '1.2.3.4', '0', 'udp'), -1);
  assert.equal(ksr('nathelper.add_contact_alias_addr', '1.2.3.4', '70000', 'udp'), -1);
  assert.equal(ksr('nathelper.add_contact_alias_addr', '1.2.3.4', '5060', 'foo'), -1);
  assert.equal(ksr('nathelper.add_contact_alias_addr', '[1.2.3.4]', '5060', 'udp'), -1, 'brackets only around IPv6');
  assert.equal(ksr('nathelper.add_contact_alias_addr', '::ffff:1.2.3.4', '5060', 'udp'), -1, 'no embedded IPv4 (str2ip6)');
  assert.equal(ksr('nathelper.add_contact_alias_addr', '1.2.3.4', '5060x', 'udp'), -1);
  assert.equal(ksr('nathelper.add_contact_alias_addr', '203.0.113.9', '5090', 'TLS'), 1);
  assert.match(built(ctx), /Contact: <sip:alice@192\.168\.1\.20:5062;alias=203\.0\.113\.9~5090~3>\r\n/);
});

test('set_contact_alias appends ;alias=source to the whole URI (<> added); the _trim variant replaces an old alias', () => {
  const ctx = makeContext(invite('sip:alice@192.168.1.20:5062;ob'), NAT);
  const ksr = ksrOn(ctx);
  assert.equal(ksr('nathelper.set_contact_alias'), 1);
  assert.equal(ksr('nathelper.set_contact_alias'), -1, 'twice');
  assert.match(built(ctx), /Contact: <sip:alice@192\.168\.1\.20:5062;alias=127\.0\.0\.2~5070~1>;ob\r\n/);
  const t = makeContext(invite('<sip:alice@192.168.1.20:5062;alias=10.0.0.1~5060~1;ob>'), NAT);
  assert.equal(ksrOn(t)('nathelper.set_contact_alias_trim'), 1);
  assert.match(built(t), /Contact: <sip:alice@192\.168\.1\.20:5062;ob;alias=127\.0\.0\.2~5070~1>\r\n/);
  assert.equal(ksrOn(makeContext('options', NAT))('nathelper.set_contact_alias'), -1);
});

test('no Contact header (an ACK, a BYE): set_contact_alias and fix_nated_contact answer -1 and log nothing, as Kamailio; a malformed one is logged', () => {
  const ack = makeContext(invite().replace('INVITE sip:bob@127.0.0.1 SIP/2.0', 'ACK sip:bob@127.0.0.1 SIP/2.0').replace(/^Contact:.*\r\n/m, ''), NAT);
  assert.equal(ack.msg.header('contact'), undefined, 'the fixture has no Contact');
  for (const f of ['nathelper.set_contact_alias', 'nathelper.set_contact_alias_trim', 'nathelper.fix_nated_contact']) assert.equal(ksrOn(ack)(f), -1, f);
  assert.deepEqual(ack.core.logs, [], 'nothing logged');
  const bad = makeContext(invite('<sip:alice@192.168.1.20:5062'), NAT);
  assert.equal(ksrOn(bad)('nathelper.set_contact_alias'), -1);
  assert.match(bad.core.logs.at(-1)?.text ?? '', /expected a Contact with a SIP URI/);
});

test('handle_ruri_alias: $du from the alias, the parameter removed from the R-URI; 2 without; -1 malformed', () => {
  const req = (ruri: string) => invite().replace('INVITE sip:bob@127.0.0.1 SIP/2.0', `INVITE ${ruri} SIP/2.0`);
  const ctx = makeContext(req('sip:alice@192.168.1.20:5062;alias=127.0.0.2~5070~2;ob'), NAT);
  const ksr = ksrOn(ctx);
  assert.equal(ksr('nathelper.handle_ruri_alias'), 1);
  assert.equal(ctx.dstUri, 'sip:127.0.0.2:5070;transport=tcp');
  assert.equal(ctx.ruri, 'sip:alice@192.168.1.20:5062;ob');
  assert.equal(ksr('nathelper.handle_ruri_alias'), 2);
  const udp = makeContext(req('sip:alice@192.168.1.20:5062;alias=127.0.0.2~5070~1'), NAT);
  assert.equal(ksrOn(udp)('nathelper.handle_ruri_alias'), 1);
  assert.equal(udp.dstUri, 'sip:127.0.0.2:5070');
  assert.equal(udp.ruri, 'sip:alice@192.168.1.20:5062');
  const two = makeContext(req('sip:a@h;alias=1.1.1.1~1~1;alias=2.2.2.2~2~1'), NAT);
  assert.equal(ksrOn(two)('nathelper.handle_ruri_alias_mode', 1), 1);
  assert.equal(two.dstUri, 'sip:2.2.2.2:2');
  assert.equal(two.ruri, 'sip:a@h;alias=1.1.1.1~1~1');
  const first = makeContext(req('sip:a@h;alias=1.1.1.1~1~1;alias=2.2.2.2~2~1'), NAT);
  assert.equal(ksrOn(first)('nathelper.handle_ruri_alias_mode', 0), 1);
  assert.equal(first.dstUri, 'sip:1.1.1.1:1');
  for (const bad of ['sip:a@h;alias=1.1.1.1', 'sip:a@h;alias=1.1.1.1~5060', 'sip:a@h;alias=1.1.1.1~5060~9', 'sip:a@h;alias=1.1.1.1~5060~12'])
    assert.equal(ksrOn(makeContext(req(bad), NAT))('nathelper.handle_ruri_alias'), -1, bad);
  assert.equal(ksrOn(makeContext(req('sip:a@h'), NAT))('nathelper.handle_ruri_alias'), 2);
});

test('set_alias_to_pv: the Contact alias as a SIP URI into the PV', () => {
  const ctx = makeContext(invite('<sip:alice@192.168.1.20:5062;alias=127.0.0.2~5070~3>'), NAT);
  const ksr = ksrOn(ctx);
  assert.equal(ksr('nathelper.set_alias_to_pv', '$avp(aliasuri)'), 1);
  assert.equal(ksr('pv.get', '$avp(aliasuri)'), 'sip:127.0.0.2:5070;transport=tls');
  const udp = makeContext(invite('<sip:alice@192.168.1.20:5062;alias=127.0.0.2~5070~1;ob>'), NAT);
  assert.equal(ksrOn(udp)('nathelper.set_alias_to_pv', '$avp(a)'), 1);
  assert.equal(ksrOn(udp)('pv.get', '$avp(a)'), 'sip:127.0.0.2:5070;transport=udp', 'Kamailio writes transport=udp too');
  const two = makeContext(invite('<sip:a@h;alias=1.2.3.4~5~1>, <sip:b@h>'), NAT);
  assert.equal(ksrOn(two)('nathelper.set_alias_to_pv', '$avp(a)'), -1, 'one contact in the header only');
  assert.equal(ksrOn(makeContext(invite(), NAT))('nathelper.set_alias_to_pv', '$avp(x)'), -1);
  assert.equal(ksr('nathelper.set_alias_to_pv', '$ci'), -1, 'read-only PV');
});

test('fix_nated_sdp: flags 1|2|4|8, byte for byte, Content-Length fixed; return codes', () => {
  const ctx = makeContext(invite(), NAT);
  assert.equal(ksrOn(ctx)('nathelper.fix_nated_sdp', 15), 1);
  const body = crlf(['v=0', 'o=ua 1 1 IN IP4 127.0.0.2', 's=-', 'c=IN IP4 127.0.0.2', 't=0 0', 'm=audio 4000 RTP/AVP 0', 'a=rtpmap:0 PCMU/8000',
    'a=direction:active', 'a=nortpproxy:yes', 'a=oldmediaip:192.168.1.20', 'a=oldmediaip:192.168.1.20', '']);
  assert.equal(built(ctx), invite().replace(/Content-Length: \d+\r\n\r\n[\s\S]*$/, `Content-Length: ${body.length}\r\n\r\n${body}`));
  const same = makeContext(invite(), { srcIp: '192.168.1.20', srcPort: 5062 });
  assert.equal(ksrOn(same)('nathelper.fix_nated_sdp', 2), 2, 'nothing replaced');
  assert.equal(ksrOn(makeContext(invite(), NAT))('nathelper.fix_nated_sdp', 4), 2);
  assert.equal(ksrOn(makeContext('options', NAT))('nathelper.fix_nated_sdp', 2), -1, 'no body');
  const ip = makeContext(invite(), NAT);
  assert.equal(ksrOn(ip)('nathelper.fix_nated_sdp_ip', 2, '203.0.113.7'), 1);
  assert.match(built(ip), /c=IN IP4 203\.0\.113\.7\r\n[\s\S]*a=oldmediaip:192\.168\.1\.20\r\n$/);
  assert.equal(ksrOn(makeContext(invite(), NAT))('nathelper.fix_nated_sdp_ip', 2, '1.2.3.4\r\nX: y'), -1);
  const nulled = makeContext(invite(undefined, undefined, SDP.replace('c=IN IP4 192.168.1.20', 'c=IN IP4 0.0.0.0')), NAT);
  assert.equal(ksrOn(nulled)('nathelper.fix_nated_sdp', 2), 2, 'a hold address stays');
  const v6 = makeContext(invite(undefined, undefined, SDP.replace('c=IN IP4 192.168.1.20', 'c=IN IP6 fd00::1')), NAT);
  assert.equal(ksrOn(v6)('nathelper.fix_nated_sdp', 2), -1);
});

test('$rr_count and $rr_top_count', () => {
  const ksr = ksrOn(makeContext('invite'));
  assert.equal(ksr('pv.get', '$rr_count'), 2);
  assert.equal(ksr('pv.get', '$rr_top_count'), 1);
  assert.equal(ksrOn(makeContext(invite(), NAT))('pv.get', '$rr_top_count'), 0);
});

test('settings: Kamailio names and defaults; bad values name the key', () => {
  const s = parseNathelperSettings({ natping_interval: 30, ping_nated_only: 1, nat_bflag: 6, sipping_bflag: 7, sipping_from: 'sip:pinger@kamailio.org' });
  assert.equal(s.sipping_method, 'OPTIONS');
  assert.throws(() => parseNathelperSettings({ natping_interval: -1 }), /modules\.nathelper\.natping_interval: expected an integer 0\.\.86400, got -1/);
  assert.throws(() => parseNathelperSettings({ natping_interval: 10, ping_nated_only: 1 }), /nat_bflag/);
  assert.throws(() => parseNathelperSettings({ natping_interval: 10, sipping_bflag: 3 }), /sipping_from/);
  assert.throws(() => parseNathelperSettings({ bogus: 1 }), /modules\.nathelper\.bogus: unknown parameter/);
  assert.throws(() => parseNathelperSettings({ received_avp: '$var(x)' }), /received_avp/);
  assert.equal(parseNathelperSettings({ nortpproxy_str: 'a=sdpmangled:yes\r\n' }).nortpproxy_str, 'a=sdpmangled:yes');
});

test('a UTF-8 user part survives fix_nated_contact and set_contact_alias byte for byte', () => {
  const ctx = makeContext(invite('<sip:al%C3%A9@192.168.1.20:5062>').replace('From: <sip:alice', 'From: "Zoë" <sip:alice'), NAT);
  const c2 = makeContext(invite('"Zoë" <sip:zoë@192.168.1.20:5062>'), NAT);
  assert.equal(ksrOn(c2)('nathelper.fix_nated_contact'), 1);
  assert.match(built(c2), /Contact: "Zoë" <sip:zoë@127\.0\.0\.2:5070>\r\n/);
  const c3 = makeContext(invite('"Zoë" <sip:zoë@192.168.1.20:5062>'), NAT);
  assert.equal(ksrOn(c3)('nathelper.set_contact_alias'), 1);
  assert.match(built(c3), /Contact: "Zoë" <sip:zoë@192\.168\.1\.20:5062;alias=127\.0\.0\.2~5070~1>\r\n/);
  assert.equal(ksrOn(ctx)('nathelper.fix_nated_contact'), 1);
});

test('fix_nated_sdp finds the SDP part of a multipart body', () => {
  const body = crlf(['--b1', 'Content-Type: application/sdp', '', SDP.trimEnd(), '--b1', 'Content-Type: text/plain', '', 'hello', '--b1--', '']);
  const msg = invite(undefined, undefined, body).replace('Content-Type: application/sdp', 'Content-Type: multipart/mixed;boundary=b1');
  const ctx = makeContext(msg, NAT);
  assert.equal(ksrOn(ctx)('nathelper.fix_nated_sdp', 2 | 4), 1);
  const out = built(ctx);
  assert.match(out, /c=IN IP4 127\.0\.0\.2\r\n/);
  assert.match(out, /a=rtpmap:0 PCMU\/8000\r\na=nortpproxy:yes\r\na=oldmediaip:192\.168\.1\.20\r\n--b1\r\nContent-Type: text\/plain/);
  assert.equal(ksrOn(makeContext(msg, NAT))('nathelper.nat_uac_test', 8), 1, 'flag 8 reads the SDP part too');
});

test('fix_nated_sdp flags 2 and 8 rewrite a=rtcp addresses first, once (Kamailio 5.6); lines without one skipped', () => {
  const body = SDP.replace('a=rtpmap:0 PCMU/8000\r\n', 'a=rtpmap:0 PCMU/8000\r\na=rtcp-mux\r\na=rtcp:4001\r\na=rtcp:4001 IN IP4 192.168.1.40\r\n');
  const ctx = makeContext(invite(undefined, undefined, body), NAT);
  assert.equal(ksrOn(ctx)('nathelper.fix_nated_sdp', 10), 1);
  assert.match(built(ctx), /o=ua 1 1 IN IP4 127\.0\.0\.2\r\n[\s\S]*c=IN IP4 127\.0\.0\.2\r\n[\s\S]*a=rtcp-mux\r\na=rtcp:4001\r\na=rtcp:4001 IN IP4 127\.0\.0\.2\r\na=oldmediaip:192\.168\.1\.40\r\na=oldmediaip:192\.168\.1\.20\r\na=oldmediaip:192\.168\.1\.20\r\n$/);
  const v6 = makeContext(invite(undefined, undefined, SDP.replace('a=rtpmap:0 PCMU/8000\r\n', 'a=rtpmap:0 PCMU/8000\r\na=rtcp:4001 IN IP6 fd00::1\r\n')), NAT);
  assert.equal(ksrOn(v6)('nathelper.fix_nated_sdp', 8), 1);
  assert.match(built(v6), /a=rtcp:4001 IN IP6 127\.0\.0\.2\r\na=oldmediaip6:fd00::1\r\na=oldmediaip:192\.168\.1\.20\r\n$/);
});

test('the Contact looked at is the last one of the first Contact line (Kamailio get_contact_uri)', () => {
  const ctx = makeContext(invite('<sip:a@192.168.1.20>, <sip:b@192.168.1.21>'), NAT);
  assert.equal(ksrOn(ctx)('nathelper.fix_nated_contact'), 1);
  assert.match(built(ctx), /Contact: <sip:a@192\.168\.1\.20>, <sip:b@127\.0\.0\.2:5070>\r\n/);
  assert.equal(ksrOn(makeContext(invite('<sip:a@192.168.1.20>, <sip:b@8.8.8.8>'), NAT))('nathelper.nat_uac_test', 1), -1);
  assert.equal(ksrOn(makeContext(invite('<sip:a@8.8.8.8>, <sip:b@192.168.1.20>'), NAT))('nathelper.nat_uac_test', 1), 1);
});

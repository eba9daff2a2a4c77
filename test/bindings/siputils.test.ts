import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage } from '../../host/sip/message.js';
import { FIXTURES, makeContext } from '../support/sip-fixtures.js';
import { buildWithLumps } from '../../host/sip/builder.js';
import type { MsgContext } from '../../host/core/context.js';
import { dateHeaderFresh } from '../../host/siputils/message-checks.js';
import { ksrOn } from './ksr-call.js';

test('has_totag, is_request, is_reply, is_sip, is_http', () => {
  const inv = ksrOn(makeContext('invite'));
  const rep = ksrOn(makeContext('reply200'));
  assert.deepEqual([inv('siputils.has_totag'), rep('siputils.has_totag')], [-1, 1]);
  assert.deepEqual([inv('siputils.is_request'), rep('siputils.is_request')], [1, -1]);
  assert.deepEqual([inv('siputils.is_reply'), rep('siputils.is_reply')], [-1, 1]);
  assert.deepEqual([inv('siputils.is_sip'), inv('siputils.is_http')], [1, -1]);
});

test('is_first_hop: one Via for a request; for a reply, no Record-Route or our own on top (not from ourselves)', () => {
  assert.equal(ksrOn(makeContext('invite'))('siputils.is_first_hop'), -1, 'two Vias');
  assert.equal(ksrOn(makeContext('register'))('siputils.is_first_hop'), 1);
  assert.equal(ksrOn(makeContext('reply200'))('siputils.is_first_hop'), 1, 'no Record-Route');
  const withRr = (rr: string) => makeContext(makeContext('reply200').msg.buf.toString().replace('Contact:', `Record-Route: ${rr}\r\nContact:`));
  assert.equal(ksrOn(withRr('<sip:127.0.0.1;lr>'))('siputils.is_first_hop'), 1);
  assert.equal(ksrOn(withRr('<sip:198.51.100.1;lr>'))('siputils.is_first_hop'), -1, 'not ours');
  assert.equal(ksrOn(withRr('<sip:proxy.example.com;lr>'))('siputils.is_first_hop_mode', 0), -1, 'not an IP address');
  const loop = withRr('<sip:127.0.0.1:5060;lr>');
  loop.rcv.srcIp = '127.0.0.1';
  loop.rcv.srcPort = 5060;
  assert.equal(ksrOn(loop)('siputils.is_first_hop'), -1, 'came from ourselves');
  // mode 1: the top Record-Route being ours is enough, a name too, and no loop check
  assert.equal(ksrOn(withRr('<sip:localhost;lr>'))('siputils.is_first_hop_mode', 1), 1);
  assert.equal(ksrOn(withRr('<sip:localhost;lr>'))('siputils.is_first_hop_mode', 0), -1);
  assert.equal(ksrOn(loop)('siputils.is_first_hop_mode', 1), 1);
  assert.equal(ksrOn(withRr('<sip:198.51.100.1;lr>'))('siputils.is_first_hop_mode', 1), -1);
});

test('uri_param (no value), uri_param_value, uri_param_any, uri_param_rm, add_uri_param on the R-URI', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('siputils.uri_param', 'transport'), -1, 'has a value');
  assert.equal(ksr('siputils.uri_param_value', 'transport', 'udp'), 1);
  assert.equal(ksr('siputils.uri_param_value', 'transport', 'tcp'), -1);
  assert.equal(ksr('siputils.uri_param_any', 'Transport'), 1);
  assert.equal(ksr('siputils.add_uri_param', 'nat'), 1);
  assert.equal(ctx.newUri, 'sip:bob@example.com:5080;transport=udp;nat');
  assert.equal(ksr('siputils.uri_param', 'nat'), 1, 'reads the R-URI in force');
  assert.equal(ksr('siputils.uri_param_rm', 'transport'), 1);
  assert.equal(ctx.newUri, 'sip:bob@example.com:5080;nat');
  assert.equal(ksr('siputils.uri_param_rm', 'transport'), -1);
  assert.equal(ksr('siputils.add_uri_param', 'bad param'), -1);
});

test('string classifiers', () => {
  const ksr = ksrOn(makeContext('options'));
  assert.deepEqual(['+4930123', '0049', '+', '12a', ''].map((s) => ksr('siputils.is_tel_number', s)), [1, 1, -1, -1, -1]);
  assert.deepEqual(['123', '-1', '', '1.5'].map((s) => ksr('siputils.is_numeric', s)), [1, -1, -1, -1]);
  assert.deepEqual(['abc123', 'ab-c', ''].map((s) => ksr('siputils.is_alphanum', s)), [1, -1, -1]);
  assert.equal(ksr('siputils.is_alphanumex', 'ab-c_1', '-_'), 1);
  assert.equal(ksr('siputils.is_alphanumex', 'ab-c_1', '-'), -1);
  assert.deepEqual(['sip:a@b', 'tel:+123', 'http://x', 'sip:'].map((s) => ksr('siputils.is_uri', s)), [1, 1, -1, -1]);
});

test('cmp_uri per RFC 3261 §19.1.4, cmp_aor on user/host/port, cmp_hdr_name with compact forms', () => {
  const ksr = ksrOn(makeContext('options'));
  assert.equal(ksr('siputils.cmp_uri', 'sip:bob@EXAMPLE.com;transport=UDP', 'sip:bob@example.com;transport=udp'), 1);
  assert.equal(ksr('siputils.cmp_uri', 'sip:bob@example.com', 'sip:bob@example.com:5060'), -1, 'explicit port differs');
  assert.equal(ksr('siputils.cmp_uri', 'sip:bob@example.com', 'sip:bob@example.com;transport=tcp'), -1);
  assert.equal(ksr('siputils.cmp_uri', 'sip:bob@example.com;foo=1', 'sip:bob@example.com'), 1, 'other params only compared when in both');
  assert.equal(ksr('siputils.cmp_uri', 'sip:BOB@example.com', 'sip:bob@example.com'), -1, 'user is case-sensitive');
  assert.equal(ksr('siputils.cmp_uri', 'junk', 'sip:bob@example.com'), -2);
  assert.equal(ksr('siputils.cmp_aor', 'sip:bob@example.com;transport=tcp', 'sips:bob@EXAMPLE.com:5060'), 1);
  assert.equal(ksr('siputils.cmp_aor', 'sip:bob@example.com', 'sip:alice@example.com'), -1);
  assert.equal(ksr('siputils.cmp_hdr_name', 'v', 'Via'), 1);
  assert.equal(ksr('siputils.cmp_hdr_name', 'X-A', 'x-b'), -1);
});

test('is_user reads the credentials; is_gruu the R-URI; sip_parse_headers the whole message', () => {
  const reg = ksrOn(makeContext('register'));
  assert.equal(reg('siputils.is_user', 'alice'), 1);
  assert.equal(reg('siputils.is_user', 'bob'), -1);
  assert.equal(reg('siputils.is_gruu'), -1);
  assert.equal(ksrOn(makeContext('options'))('siputils.sip_parse_headers'), 1);
  const pub = makeContext(makeContext('options').msg.buf.toString().replace('OPTIONS sip:127.0.0.1:5060', 'OPTIONS sip:a@127.0.0.1;gr=urn:uuid:1'));
  assert.equal(ksrOn(pub)('siputils.is_gruu'), 1);
  const tmp = makeContext(makeContext('options').msg.buf.toString().replace('OPTIONS sip:127.0.0.1:5060', 'OPTIONS sip:a@127.0.0.1;gr'));
  assert.equal(ksrOn(tmp)('siputils.is_gruu'), 2);
  const bad = makeContext(makeContext('options').msg.buf.toString().replace('Max-Forwards: 0', 'Max-Forwards: lots'));
  assert.equal(ksrOn(bad)('siputils.sip_parse_headers'), -1);
});

test('options_reply answers an OPTIONS to the server itself with 200 and what it accepts', () => {
  const ctx = makeContext('options');
  assert.equal(ksrOn(ctx)('siputils.options_reply'), 1);
  const r = SipMessage.parse(ctx.core.replies[0]!.buf);
  assert.equal(r.status, 200);
  assert.match(r.header('allow')!.value, /INVITE/);
  assert.equal(ksrOn(makeContext('invite'))('siputils.options_reply'), -1);
  const toUser = makeContext(makeContext('options').msg.buf.toString().replace('OPTIONS sip:127.0.0.1:5060', 'OPTIONS sip:bob@127.0.0.1:5060'));
  assert.equal(ksrOn(toUser)('siputils.options_reply'), -1);
});

test('hdr_date_check: a GMT Date at most tdiff seconds old', () => {
  const at = Date.parse('Sat, 13 Nov 2010 23:29:00 GMT');
  const withDate = (d: string) => makeContext(makeContext('options').msg.buf.toString().replace('Max-Forwards: 0', `Date: ${d}`));
  const ctx = withDate('Sat, 13 Nov 2010 23:29:00 GMT');
  assert.equal(dateHeaderFresh(ctx, 10, at + 5000), true);
  assert.equal(dateHeaderFresh(ctx, 10, at + 11000), false);
  assert.equal(dateHeaderFresh(withDate('Sat, 13 Nov 2010 23:29:00 +0100'), 10, at), false, 'not GMT');
  assert.equal(ksrOn(ctx)('siputils.hdr_date_check', 60), -1, 'that date is long past');
  assert.equal(ksrOn(withDate(new Date().toUTCString()))('siputils.hdr_date_check', 3600), 1);
  assert.equal(ksrOn(makeContext('options'))('siputils.hdr_date_check', 60), -1, 'no Date');
});

// ---- Kamailio's Contact encodings (host/siputils/contact-encoding.ts, contact-param.ts) ----

const built = (ctx: MsgContext): string => buildWithLumps(ctx.msg, ctx.lumps).toString('latin1');
/** The register fixture with its Contact line replaced. */
const registerWith = (contact: string): string => FIXTURES.register.replace('Contact: <sip:alice@192.0.2.10:5062>;expires=3600', contact);

test('encode_contact: sip:PREFIX*user*pass*host*port*transport@public_ip, in place, every URI of the first Contact header', () => {
  const ctx = makeContext('register');
  assert.equal(ksrOn(ctx)('siputils.encode_contact', 'enc', '203.0.113.1'), 1);
  assert.equal(built(ctx), registerWith('Contact: <sip:enc*alice**192.0.2.10*5062*@203.0.113.1>;expires=3600'));
  // password, transport, an addr-spec without <>, two addresses; other URI params are dropped (Kamailio's FIXME)
  // (without <>, ";transport=udp" belongs to the header, not to the URI)
  const two = makeContext(registerWith('Contact: sip:bob:pw@[2001:db8::1]:5070;transport=udp;expires=60, "B" <sip:b2@host.example;transport=TCP;ob>\r\nContact: <sip:other@192.0.2.99>'));
  assert.equal(ksrOn(two)('siputils.encode_contact', 'p', 'pub.example.com:5080'), 1);
  assert.equal(built(two), registerWith('Contact: sip:p*bob*pw*[2001:db8::1]*5070*@pub.example.com:5080;transport=udp;expires=60, "B" <sip:p*b2**host.example**TCP@pub.example.com:5080>\r\nContact: <sip:other@192.0.2.99>'));
});

test('encode_contact failures: no Contact (-1), unparsable Contact (-4), sips: (-505), a URI too short (-1)', () => {
  const opt = makeContext('options');
  assert.equal(ksrOn(opt)('siputils.encode_contact', 'e', '1.2.3.4'), -1);
  assert.match(opt.core.logs.at(-1)!.text, /^KSR\.siputils\.encode_contact: no Contact header present/);
  assert.equal(ksrOn(makeContext(registerWith('Contact: <sip:a@b')))('siputils.encode_contact', 'e', '1.2.3.4'), -4);
  const sips = makeContext(registerWith('Contact: <sips:alice@192.0.2.10>'));
  assert.equal(ksrOn(sips)('siputils.encode_contact', 'e', '1.2.3.4'), -505, 'Kamailio hands "ips:..." to its URI parser');
  assert.equal(sips.lumps.size, 0);
  assert.equal(ksrOn(makeContext(registerWith('Contact: <s>')))('siputils.encode_contact', 'e', '1.2.3.4'), -1);
  assert.equal(ksrOn(makeContext(registerWith('Contact: *')))('siputils.encode_contact', 'e', '1.2.3.4'), 1, 'a star has no URI to encode');
});

test('decode_contact: the R-URI encoded by Kamailio decodes into a new R-URI, what follows the address kept', () => {
  const ctx = makeContext(FIXTURES.invite.replace('INVITE sip:bob@example.com:5080;transport=udp', 'INVITE sip:enc*bob*secret*198.51.100.20*5070*tcp@203.0.113.1;lr'));
  const ksr = ksrOn(ctx);
  assert.equal(ksr('siputils.decode_contact'), 1);
  assert.equal(ctx.newUri, 'sip:bob:secret@198.51.100.20:5070;transport=tcp;lr');
  assert.equal(ksr('pv.get', '$ru'), 'sip:bob:secret@198.51.100.20:5070;transport=tcp;lr');
  const noUser = makeContext(FIXTURES.invite.replace('sip:bob@example.com:5080;transport=udp', 'sip:x***10.0.0.1**@h'));
  assert.equal(ksrOn(noUser)('siputils.decode_contact'), 1);
  assert.equal(noUser.newUri, 'sip:10.0.0.1');
});

test('decode_contact failures keep the R-URI: Kamailio codes -26 (too few fields), -24 (too many), -23 (no @), -2 (no host), -3 (password without user), -1 reply', () => {
  const withRuri = (ruri: string) => makeContext(FIXTURES.invite.replace('sip:bob@example.com:5080;transport=udp', ruri));
  const cases: Array<[string, number]> = [
    ['sip:bob@example.com', -26], ['sip:a*b*c*d*e*f*g@h', -24], ['sip:a*b*c*d*e*f', -23], ['sip:a*b*c**5060*@h', -2], ['sip:a**pw*1.2.3.4**@h', -3],
  ];
  for (const [ruri, code] of cases) {
    const ctx = withRuri(ruri);
    assert.equal(ksrOn(ctx)('siputils.decode_contact'), code, ruri);
    assert.equal(ctx.newUri, null, ruri);
  }
  assert.equal(ksrOn(makeContext('reply200'))('siputils.decode_contact'), -1);
});

test('decode_contact_header undoes encode_contact; a contact Kamailio encoded decodes byte for byte', () => {
  const enc = makeContext('register');
  ksrOn(enc)('siputils.encode_contact', 'enc', '203.0.113.1');
  const dec = makeContext(built(enc));
  assert.equal(ksrOn(dec)('siputils.decode_contact_header'), 1);
  assert.equal(built(dec), FIXTURES.register);
  const kam = makeContext(registerWith('Contact: "A" <sip:KAM*alice*pw*10.1.2.3*5062*udp@198.51.100.1;gr>;expires=60'));
  assert.equal(ksrOn(kam)('siputils.decode_contact_header'), 1);
  assert.equal(built(kam), registerWith('Contact: "A" <sip:alice:pw@10.1.2.3:5062;transport=udp;gr>;expires=60'));
  const plain = makeContext('register');
  assert.equal(ksrOn(plain)('siputils.decode_contact_header'), -26, 'not an encoded contact');
  assert.equal(plain.lumps.size, 0);
  assert.equal(ksrOn(makeContext('options'))('siputils.decode_contact_header'), -1);
});

test('contact_param_encode: <saddr;pname=Base64URL(uri)> without padding; an addr-spec gets its own <>', () => {
  const ctx = makeContext('register');
  assert.equal(ksrOn(ctx)('siputils.contact_param_encode', 'ksu', 'sip:1.2.3.4:5060;transport=tcp'), 1);
  const b64 = Buffer.from('sip:alice@192.0.2.10:5062').toString('base64url');
  assert.equal(b64, 'c2lwOmFsaWNlQDE5Mi4wLjIuMTA6NTA2Mg');
  assert.equal(built(ctx), registerWith(`Contact: <sip:1.2.3.4:5060;transport=tcp;ksu=${b64}>;expires=3600`));
  const bare = makeContext(registerWith('Contact: sip:bob@10.0.0.1;expires=30'));
  assert.equal(ksrOn(bare)('siputils.contact_param_encode', 'k', 'sip:p.example'), 1);
  assert.equal(built(bare), registerWith(`Contact: <sip:p.example;k=${Buffer.from('sip:bob@10.0.0.1').toString('base64url')}>;expires=30`));
  assert.equal(ksrOn(makeContext('options'))('siputils.contact_param_encode', 'k', 'sip:p'), 1, 'no Contact: nothing to do');
  const huge = makeContext(registerWith(`Contact: <sip:${'u'.repeat(800)}@h>`));
  assert.equal(ksrOn(huge)('siputils.contact_param_encode', 'k', 'sip:p'), -1, 'more than Kamailio\'s 1023-byte buffer once encoded');
  assert.equal(huge.lumps.size, 0);
  const long = makeContext(registerWith(`Contact: <sip:${'u'.repeat(700)}@h>`));
  assert.equal(ksrOn(long)('siputils.contact_param_encode', 'k', `sip:${'p'.repeat(100)}`), -2, 'the new URI would not fit MAX_URI_SIZE');
});

test('contact_param_encode_alias: the URI with ;alias=srcip~srcport~proto, then encoded', () => {
  const ctx = makeContext('register', { proto: 'tcp', srcIp: '2001:db8::9', srcPort: 40000 });
  assert.equal(ksrOn(ctx)('siputils.contact_param_encode_alias', 'ksu', 'sip:1.2.3.4'), 1);
  const b64 = Buffer.from('sip:alice@192.0.2.10:5062;alias=[2001:db8::9]~40000~2').toString('base64url');
  assert.equal(built(ctx), registerWith(`Contact: <sip:1.2.3.4;ksu=${b64}>;expires=3600`));
});

test('contact_param_decode / contact_param_decode_ruri: the URI back from the parameter; absent parameter 1, bad value -1', () => {
  const b64 = Buffer.from('sip:alice@192.0.2.10:5062;ob').toString('base64url');
  const ctx = makeContext(registerWith(`Contact: <sip:1.2.3.4;KSU=${b64};lr>;expires=3600`));
  assert.equal(ksrOn(ctx)('siputils.contact_param_decode', 'ksu'), 1, 'names compare case-insensitively');
  assert.equal(built(ctx), registerWith('Contact: <sip:alice@192.0.2.10:5062;ob>;expires=3600'));
  const none = makeContext('register');
  assert.equal(ksrOn(none)('siputils.contact_param_decode', 'ksu'), 1);
  assert.equal(none.lumps.size, 0);
  const bad = makeContext(registerWith('Contact: <sip:1.2.3.4;ksu=a+b/c>'));
  assert.equal(ksrOn(bad)('siputils.contact_param_decode', 'ksu'), -1, 'not Base64URL');
  assert.match(bad.core.logs.at(-1)!.text, /^KSR\.siputils\.contact_param_decode: cannot decode parameter ksu/);
  const inv = makeContext(FIXTURES.invite.replace('sip:bob@example.com:5080;transport=udp', `sip:1.2.3.4;ksu=${b64}`));
  assert.equal(ksrOn(inv)('siputils.contact_param_decode_ruri', 'ksu'), 1);
  assert.equal(inv.newUri, 'sip:alice@192.0.2.10:5062;ob');
  const plain = makeContext('invite');
  assert.equal(ksrOn(plain)('siputils.contact_param_decode_ruri', 'ksu'), 1);
  assert.equal(plain.newUri, null);
  assert.equal(ksrOn(makeContext(FIXTURES.invite.replace('transport=udp', 'ksu=%%%')))('siputils.contact_param_decode_ruri', 'ksu'), -1);
});

test('contact_param_rm / contact_param_check: the parameter of the Contact URIs', () => {
  const ctx = makeContext(registerWith('Contact: <sip:alice@192.0.2.10:5062;ksu=abc;lr>;expires=3600, <sip:b@h;KSU>'));
  const ksr = ksrOn(ctx);
  assert.equal(ksr('siputils.contact_param_check', 'ksu'), 1);
  assert.equal(ksr('siputils.contact_param_check', 'expires'), -1, 'a header parameter is not a URI parameter');
  assert.equal(ksr('siputils.contact_param_rm', 'ksu'), 1);
  assert.equal(built(ctx), registerWith('Contact: <sip:alice@192.0.2.10:5062;lr>;expires=3600, <sip:b@h>'));
  assert.equal(ksrOn(makeContext('options'))('siputils.contact_param_check', 'ksu'), -1);
  assert.equal(ksrOn(makeContext('options'))('siputils.contact_param_rm', 'ksu'), 1);
});

test('contact encodings take hostile arguments without crashing', () => {
  for (const arg of ['', '\u0000', 'x'.repeat(100_000), '\uFFFD\uD800', 'a;b=c>']) {
    for (const [fn, ...args] of [
      ['siputils.encode_contact', arg, arg], ['siputils.contact_param_encode', arg, arg], ['siputils.contact_param_encode_alias', arg, arg],
      ['siputils.contact_param_decode', arg], ['siputils.contact_param_decode_ruri', arg], ['siputils.contact_param_rm', arg], ['siputils.contact_param_check', arg],
    ] as Array<[string, ...string[]]>) {
      const r = ksrOn(makeContext('register'))(fn, ...args);
      assert.equal(typeof r, 'number', `${fn}(${JSON.stringify(arg.slice(0, 10))})`);
    }
  }
});

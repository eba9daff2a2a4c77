import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage } from '../../host/sip/message.js';
import { makeContext } from '../support/sip-fixtures.js';
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

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUri, tryParseUri, formatUri, uriTransport } from '../../host/sip/uri.js';
import { SipParseError } from '../../host/sip/errors.js';

test('sip URI with user, password, host, port, params, headers', () => {
  const u = parseUri('sip:alice:secret@Example.COM:5070;transport=TCP;lr;Maddr=10.0.0.1?subject=hi&priority=urgent');
  assert.equal(u.scheme, 'sip');
  assert.equal(u.user, 'alice');
  assert.equal(u.password, 'secret');
  assert.equal(u.host, 'Example.COM');
  assert.equal(u.hostType, 'name');
  assert.equal(u.port, 5070);
  assert.deepEqual([...u.params], [['transport', 'TCP'], ['lr', ''], ['maddr', '10.0.0.1']]);
  assert.deepEqual([...u.headers], [['subject', 'hi'], ['priority', 'urgent']]);
  assert.equal(uriTransport(u), 'tcp');
  assert.equal(u.raw, 'sip:alice:secret@Example.COM:5070;transport=TCP;lr;Maddr=10.0.0.1?subject=hi&priority=urgent');
});

test('host kinds: name, IPv4, IPv6 with and without port', () => {
  assert.equal(parseUri('sip:h.example.com').hostType, 'name');
  const v4 = parseUri('sip:bob@192.0.2.4:5060');
  assert.deepEqual([v4.host, v4.hostType, v4.port, v4.user], ['192.0.2.4', 'ipv4', 5060, 'bob']);
  const v6 = parseUri('sip:bob@[2001:db8::10]:5070;transport=udp');
  assert.deepEqual([v6.host, v6.hostType, v6.port], ['2001:db8::10', 'ipv6', 5070]);
  const v6np = parseUri('sips:[::1]');
  assert.deepEqual([v6np.host, v6np.hostType, v6np.port, v6np.user], ['::1', 'ipv6', 0, '']);
  assert.equal(parseUri('sip:256.1.1.1').hostType, 'name');
});

test('sips and transport defaults', () => {
  assert.equal(uriTransport(parseUri('sip:a@h')), 'udp');
  assert.equal(uriTransport(parseUri('sips:a@h')), 'tls');
  assert.equal(uriTransport(parseUri('sips:a@h;transport=tcp')), 'tls');
  assert.equal(uriTransport(parseUri('sip:a@h;transport=ws')), 'ws');
  assert.equal(parseUri('SIPS:a@h').scheme, 'sips');
});

test('tel URIs', () => {
  const t = parseUri('tel:+1-201-555-0123;phone-context=example.com;ext=22');
  assert.equal(t.scheme, 'tel');
  assert.equal(t.user, '+1-201-555-0123');
  assert.equal(t.host, '');
  assert.equal(t.params.get('phone-context'), 'example.com');
  assert.equal(formatUri(t), 'tel:+1-201-555-0123;phone-context=example.com;ext=22');
  assert.equal(parseUri('tel:7042;phone-context=+1-555').user, '7042');
});

test('escapes in user and password are decoded, and re-escaped on format', () => {
  const u = parseUri('sip:sip%3Auser%40example.com:p%61ss%20word@example.org;other-param=summit');
  assert.equal(u.user, 'sip:user@example.com');
  assert.equal(u.password, 'pass word');
  const f = formatUri(u);
  assert.equal(f, 'sip:sip%3Auser%40example.com:pass%20word@example.org;other-param=summit');
  assert.equal(parseUri(f).user, 'sip:user@example.com');
  const utf = parseUri('sip:J%C3%BCrgen@h');
  assert.equal(utf.user, 'Jürgen');
  assert.equal(formatUri(utf), 'sip:J%C3%BCrgen@h');
});

test('user part with telephone-subscriber params and unreserved chars', () => {
  const u = parseUri('sip:+1234;phone-context=x.com@gw.example.com;user=phone');
  assert.equal(u.user, '+1234;phone-context=x.com');
  assert.equal(u.host, 'gw.example.com');
  assert.equal(u.params.get('user'), 'phone');
  assert.equal(formatUri(u), 'sip:+1234;phone-context=x.com@gw.example.com;user=phone');
});

test('formatUri round-trips the usual shapes', () => {
  for (const s of ['sip:a@h', 'sip:a@h:5060', 'sips:a:b@[2001:db8::1]:5061;transport=tcp', 'sip:h;lr', 'sip:a@h?x=1&y=2', 'sip:192.0.2.1:5080;maddr=h']) {
    assert.equal(formatUri(parseUri(s)), s);
  }
});

test('malformed URIs throw SipParseError; tryParseUri gives null', () => {
  const bad = [
    '', 'alice@example.com', 'http://example.com', 'mailto:a@b', ':a@b', 'sip:', 'sip:a@', 'sip:@h', 'sip::p@h',
    'sip:a@h:0', 'sip:a@h:65536', 'sip:a@h:port', 'sip:a@h:', 'sip:a@[2001:db8::1', 'sip:a@[not-v6]', 'sip:a b@h',
    'sip:a@h;', 'sip:a@h;=x', 'sip:%zz@h', 'sip:a%4@h', 'sip:a@ho<st', 'sip:a@h\r\nVia: x', 'tel:', 'tel:12 34', 'sip:a@h$x',
  ];
  for (const s of bad) {
    assert.throws(() => parseUri(s), SipParseError, `expected ${JSON.stringify(s)} to be rejected`);
    assert.equal(tryParseUri(s), null);
  }
});

test('params keep the first of duplicates, names lower-cased, values as written', () => {
  const u = parseUri('sip:h;Foo=Bar;foo=baz;X');
  assert.deepEqual([...u.params], [['foo', 'Bar'], ['x', '']]);
});

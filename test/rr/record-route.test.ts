import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext } from '../support/sip-fixtures.js';
import {
  addRrParam, recordRoute, recordRouteAdvertised, recordRouteLines, recordRoutePreset, removeRecordRoute,
} from '../../host/rr/record-route.js';
import { looseRoute, direction } from '../../host/rr/loose-route.js';
import { parseNameAddr } from '../../host/sip/name-addr.js';

const UDP4 = { proto: 'udp', ip: '192.0.2.1', port: 5060 };
const TCP4 = { proto: 'tcp', ip: '192.0.2.1', port: 5060 };
const UDP6 = { proto: 'udp', ip: '2001:db8::1', port: 5070 };
const FTAG = ';ftag=1928301774'; // the From tag of the invite fixture

test('nothing asked: no lines', () => {
  assert.deepEqual(recordRouteLines(makeContext('invite'), UDP4, UDP4), []);
});

test('same socket in and out: one line facing the next hop, ;lr and the From tag', () => {
  const ctx = makeContext('invite');
  assert.equal(recordRoute(ctx), true);
  assert.deepEqual(recordRouteLines(ctx, UDP4, UDP4), [`Record-Route: <sip:192.0.2.1:5060;lr${FTAG}>\r\n`]);
  assert.deepEqual(recordRouteLines(ctx, TCP4, TCP4), [`Record-Route: <sip:192.0.2.1:5060;transport=tcp;lr${FTAG}>\r\n`]);
});

test('UDP in, TCP out: two lines with r2=on, the outbound (TCP) one on top', () => {
  const ctx = makeContext('invite');
  recordRoute(ctx);
  assert.deepEqual(recordRouteLines(ctx, UDP4, TCP4), [
    `Record-Route: <sip:192.0.2.1:5060;transport=tcp;r2=on;lr${FTAG}>\r\n`,
    `Record-Route: <sip:192.0.2.1:5060;r2=on;lr${FTAG}>\r\n`,
  ]);
});

test('IPv4 in, IPv6 out: two lines, the IPv6 address in brackets', () => {
  const ctx = makeContext('invite');
  recordRoute(ctx);
  assert.deepEqual(recordRouteLines(ctx, UDP4, UDP6), [
    `Record-Route: <sip:[2001:db8::1]:5070;r2=on;lr${FTAG}>\r\n`,
    `Record-Route: <sip:192.0.2.1:5060;r2=on;lr${FTAG}>\r\n`,
  ]);
});

test('record_route_params and add_rr_param, before and after, are appended in order', () => {
  const ctx = makeContext('invite');
  assert.equal(addRrParam(ctx, 'early=1'), true);
  recordRoute(ctx, ';p=2');
  assert.equal(addRrParam(ctx, ';late=3'), true);
  assert.equal(addRrParam(ctx, 'bad>'), false);
  assert.deepEqual(recordRouteLines(ctx, UDP4, UDP4), [`Record-Route: <sip:192.0.2.1:5060;lr${FTAG};early=1;p=2;late=3>\r\n`]);
});

test('a second record_route is refused with an error log; remove_record_route forgets it', () => {
  const ctx = makeContext('invite');
  assert.equal(recordRoute(ctx), true);
  assert.equal(recordRoute(ctx), false);
  assert.ok(ctx.core.logs.some((l) => l.level === 'error' && /double attempt/.test(l.text)));
  removeRecordRoute(ctx);
  assert.deepEqual(recordRouteLines(ctx, UDP4, TCP4), []);
  assert.equal(recordRoute(ctx), true, 'allowed again after remove_record_route');
});

test('not for a reply', () => {
  assert.equal(recordRoute(makeContext('reply200')), false);
});

test('preset: the address as given (sip: optional); two addresses make a double RR in call order', () => {
  const one = makeContext('invite');
  assert.equal(recordRoutePreset(one, 'sip:proxy.example.com:5090;transport=tcp', null), true);
  assert.deepEqual(recordRouteLines(one, UDP4, TCP4), [`Record-Route: <sip:proxy.example.com:5090;transport=tcp;lr${FTAG}>\r\n`]);
  const two = makeContext('invite');
  recordRoutePreset(two, '203.0.113.1:5060;transport=tcp', '10.0.0.1:5060');
  assert.deepEqual(recordRouteLines(two, UDP4, UDP4), [
    `Record-Route: <sip:203.0.113.1:5060;transport=tcp;r2=on;lr${FTAG}>\r\n`,
    `Record-Route: <sip:10.0.0.1:5060;r2=on;lr${FTAG}>\r\n`,
  ]);
  assert.equal(recordRoutePreset(makeContext('invite'), '', null), false);
});

test('advertised address (rr) and set_advertised_address/port (core) replace the socket address', () => {
  const rr = makeContext('invite');
  recordRouteAdvertised(rr, 'public.example.com:5080');
  assert.deepEqual(recordRouteLines(rr, UDP4, UDP4), [`Record-Route: <sip:public.example.com:5080;lr${FTAG}>\r\n`]);
  const core = makeContext('invite');
  core.advertisedAddress = '198.51.100.1';
  core.advertisedPort = '5999';
  recordRoute(core);
  const lines = recordRouteLines(core, UDP4, TCP4);
  assert.equal(lines[0], `Record-Route: <sip:198.51.100.1:5999;transport=tcp;r2=on;lr${FTAG}>\r\n`);
  assert.equal(lines[1], `Record-Route: <sip:192.0.2.1:5060;r2=on;lr${FTAG}>\r\n`, 'the inbound side keeps the socket address');
});

test('round trip: our double RR comes back as Route and loose_route consumes both, direction from ftag', () => {
  const inv = makeContext('invite');
  recordRoute(inv);
  const local = { proto: 'udp', ip: '127.0.0.1', port: 5060 };
  const rrLines = recordRouteLines(inv, local, { ...local, proto: 'tcp' });
  // the callee's BYE carries the Record-Route set as Route, in the same order
  const routes = rrLines.map((l) => l.replace(/^Record-Route: /, 'Route: ')).join('');
  const bye = makeContext([
    'BYE sip:alice@192.0.2.10 SIP/2.0',
    'Via: SIP/2.0/TCP 192.0.2.20:5060;branch=z9hG4bK-b1',
    routes.trimEnd(),
    'From: Bob <sip:bob@example.com>;tag=b55',
    'To: "Alice Liddell" <sip:alice@localhost>;tag=1928301774',
    'Call-ID: a84b4c76e66710@192.0.2.10',
    'CSeq: 1 BYE',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n'));
  assert.equal(looseRoute(bye), 1);
  assert.equal(bye.dstUri, null, 'no Route left: the R-URI is the next hop');
  assert.equal(direction(bye), 'upstream');
  assert.equal(parseNameAddr(rrLines[0]!.slice('Record-Route: '.length).trim()).uri?.params.get('r2'), 'on');
});

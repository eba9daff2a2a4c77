import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtMessage, makeContext } from '../support/sip-fixtures.js';
import { recordRouteLines } from '../../host/rr/record-route.js';
import { ksrOn } from './ksr-call.js';

const SOCK = { proto: 'udp', ip: '127.0.0.1', port: 5060 };

function bye(routes: string, fromTag = 'a1'): string {
  return [
    'BYE sip:bob@192.0.2.20 SIP/2.0',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1',
    `Route: ${routes}`,
    `From: <sip:alice@example.com>;tag=${fromTag}`,
    'To: <sip:bob@example.com>;tag=b1',
    'Call-ID: c1',
    'CSeq: 2 BYE',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

test('record_route, record_route_params, add_rr_param: one Record-Route with every param', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('rr.add_rr_param', ';a=1'), 1);
  assert.equal(ksr('rr.record_route_params', 'b=2'), 1);
  assert.equal(ksr('rr.record_route'), -1, 'a second attempt is refused');
  assert.deepEqual(recordRouteLines(ctx, SOCK, SOCK), ['Record-Route: <sip:127.0.0.1:5060;lr;ftag=1928301774;a=1;b=2>\r\n']);
  assert.equal(ksr('rr.remove_record_route'), 1);
  assert.deepEqual(recordRouteLines(ctx, SOCK, SOCK), []);
});

test('record_route_preset: "" as second address means one line; two make a double RR', () => {
  const one = makeContext('invite');
  assert.equal(ksrOn(one)('rr.record_route_preset', '10.0.0.1:5070', ''), 1);
  assert.equal(recordRouteLines(one, SOCK, SOCK).length, 1);
  const two = makeContext('invite');
  assert.equal(ksrOn(two)('rr.record_route_preset', '10.0.0.1', '10.0.0.2'), 1);
  assert.deepEqual(recordRouteLines(two, SOCK, SOCK).map((l) => /<sip:([^;]+)/.exec(l)![1]), ['10.0.0.1', '10.0.0.2']);
  const p1 = makeContext('invite');
  assert.equal(ksrOn(p1)('rr.record_route_preset_one', 'sip:10.0.0.3'), 1);
  assert.match(recordRouteLines(p1, SOCK, SOCK)[0]!, /^Record-Route: <sip:10\.0\.0\.3;lr;ftag=/);
  const adv = makeContext('invite');
  assert.equal(ksrOn(adv)('rr.record_route_advertised_address', 'pub.example.com'), 1);
  assert.match(recordRouteLines(adv, SOCK, SOCK)[0]!, /^Record-Route: <sip:pub\.example\.com;lr;/);
});

test('loose_route, next_hop_route, check_route_param, is_direction on an in-dialog request', () => {
  const ctx = makeContext(bye('<sip:127.0.0.1;lr;ftag=a1;nat=yes>, <sip:p2.example.com;lr>'));
  const ksr = ksrOn(ctx);
  assert.equal(ksr('rr.next_hop_route'), -1);
  assert.equal(ksr('rr.loose_route'), 1);
  assert.equal(ctx.dstUri, 'sip:p2.example.com;lr');
  assert.equal(ksr('rr.next_hop_route'), 1);
  assert.equal(ksr('rr.check_route_param', 'nat=yes'), 1);
  assert.equal(ksr('rr.check_route_param', 'nat=no'), -1);
  assert.equal(ksr('rr.is_direction', 'downstream'), 1);
  assert.equal(ksr('rr.is_direction', 'UPSTREAM'), -1);
  assert.equal(ksr('rr.is_direction', 'sideways'), -1);
  assert.ok(ctx.core.logs.some((l) => /unknown direction/.test(l.text)));
  assert.ok(builtMessage(ctx).includes('Route: <sip:p2.example.com;lr>\r\n'));
});

test('is_direction upstream: the From tag is not the ftag', () => {
  const ctx = makeContext(bye('<sip:127.0.0.1;lr;ftag=a1>', 'b1'));
  const ksr = ksrOn(ctx);
  ksr('rr.loose_route');
  assert.equal(ksr('rr.is_direction', 'upstream'), 1);
});

test('loose_route_mode(1) skips strict-router recovery; loose_route_preloaded is 1 only for our lone preloaded Route', () => {
  const strict = makeContext(bye('<sip:p5.example.com;lr>, <sip:bob@192.0.2.20>').replace('BYE sip:bob@192.0.2.20', 'BYE sip:127.0.0.1'));
  assert.equal(ksrOn(strict)('rr.loose_route_mode', 1), 1);
  assert.equal(strict.newUri, null);
  const inv = makeContext('invite', {});
  const pre = makeContext(builtMessage(inv).replace('Record-Route: <sip:p1.example.com;lr>', 'Route: <sip:127.0.0.1;lr>').replace('Record-Route: <sip:p2.example.com;lr>\r\n', ''));
  assert.equal(ksrOn(pre)('rr.loose_route_preloaded'), 1);
  assert.equal(ksrOn(makeContext(bye('<sip:127.0.0.1;lr>')))('rr.loose_route_preloaded'), -1);
});

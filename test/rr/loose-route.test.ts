import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtMessage, makeContext } from '../support/sip-fixtures.js';
import { checkRouteParam, direction, looseRoute } from '../../host/rr/loose-route.js';
import { SipMessage } from '../../host/sip/message.js';

// RecordingCore's "myself" is 127.0.0.1 / localhost on port 5060 (or no port).
function request(opts: { ruri?: string; routes?: string[]; toTag?: string | null; fromTag?: string; method?: string }): string {
  const { ruri = 'sip:bob@192.0.2.20:5062', routes = [], toTag = 'b55', fromTag = '1928301774', method = 'BYE' } = opts;
  return [
    `${method} ${ruri} SIP/2.0`,
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-bye-1',
    'Max-Forwards: 70',
    ...routes.map((r) => `Route: ${r}`),
    `From: <sip:alice@example.com>;tag=${fromTag}`,
    `To: <sip:bob@example.com>${toTag ? `;tag=${toTag}` : ''}`,
    'Call-ID: dlg-1@192.0.2.10',
    `CSeq: 2 ${method}`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

const routesOut = (ctx: ReturnType<typeof makeContext>): string[] =>
  SipMessage.parse(Buffer.from(builtMessage(ctx))).headersNamed('route').map((h) => h.value);

test('no Route header: -1 and nothing changes', () => {
  const ctx = makeContext(request({}));
  assert.equal(looseRoute(ctx), -1);
  assert.equal(ctx.dstUri, null);
  assert.equal(ctx.lumps.size, 0);
});

test('our Route only, in dialog: removed, 1, the next hop is the R-URI', () => {
  const ctx = makeContext(request({ routes: ['<sip:127.0.0.1:5060;lr;ftag=1928301774>'] }));
  assert.equal(looseRoute(ctx), 1);
  assert.equal(ctx.dstUri, null);
  assert.equal(ctx.newUri, null);
  assert.deepEqual(routesOut(ctx), []);
  assert.equal(ctx.routeNextHop, false);
  assert.equal(ctx.routedParams, 'lr;ftag=1928301774');
});

test('our Route then further Routes: $du is the next one, the rest stays', () => {
  const ctx = makeContext(request({ routes: ['<sip:127.0.0.1;lr>, <sip:p2.example.com;lr>', '<sip:p3.example.com;lr>'] }));
  assert.equal(looseRoute(ctx), 1);
  assert.equal(ctx.dstUri, 'sip:p2.example.com;lr');
  assert.equal(ctx.routeNextHop, true);
  assert.deepEqual(routesOut(ctx), ['<sip:p2.example.com;lr>', '<sip:p3.example.com;lr>']);
});

test('both lines of our double Record-Route are removed (r2=on), even when the second shows another address', () => {
  const ctx = makeContext(request({
    routes: ['<sip:127.0.0.1:5060;r2=on;lr;ftag=x>', '<sip:10.9.9.9:5060;transport=tcp;r2=on;lr;ftag=x>', '<sip:p9.example.com;lr>'],
  }));
  assert.equal(looseRoute(ctx), 1);
  assert.equal(ctx.dstUri, 'sip:p9.example.com;lr');
  assert.deepEqual(routesOut(ctx), ['<sip:p9.example.com;lr>']);
});

test('double RR on one line, nothing after: both go, the R-URI is the next hop', () => {
  const ctx = makeContext(request({ routes: ['<sip:127.0.0.1;r2=on;lr>,<sip:127.0.0.1;transport=tcp;r2=on;lr>'] }));
  assert.equal(looseRoute(ctx), 1);
  assert.deepEqual(routesOut(ctx), []);
  assert.equal(ctx.dstUri, null);
});

test('a value at the start of a line goes with its comma; the last one with the comma before it', () => {
  const first = makeContext(request({ routes: ['<sip:127.0.0.1;r2=on;lr>, <sip:127.0.0.1;transport=tcp;r2=on;lr> , <sip:p2.example.com;lr>'] }));
  assert.equal(looseRoute(first), 1);
  assert.deepEqual(routesOut(first), ['<sip:p2.example.com;lr>']);
  const last = makeContext(request({ ruri: 'sip:127.0.0.1;lr', routes: ['<sip:p5.example.com;lr>, <sip:bob@192.0.2.20:5062>'] }));
  assert.equal(looseRoute(last), 1);
  assert.deepEqual(routesOut(last), ['<sip:p5.example.com;lr>']);
});

test('a preloaded Route to someone else is left in place', () => {
  const ctx = makeContext(request({ routes: ['<sip:p1.example.com;lr>,<sip:p2.example.com;lr>'] }));
  assert.equal(looseRoute(ctx), 1);
  assert.equal(ctx.dstUri, 'sip:p1.example.com;lr');
  assert.deepEqual(routesOut(ctx), ['<sip:p1.example.com;lr>,<sip:p2.example.com;lr>']);
});

test('next hop is a strict router: it becomes the R-URI, the old R-URI goes last in the Route set', () => {
  const ctx = makeContext(request({ routes: ['<sip:127.0.0.1;lr>', '<sip:strict.example.com>', '<sip:p4.example.com;lr>'] }));
  assert.equal(looseRoute(ctx), 1);
  assert.equal(ctx.newUri, 'sip:strict.example.com');
  assert.equal(ctx.dstUri, null);
  assert.deepEqual(routesOut(ctx), ['<sip:p4.example.com;lr>', '<sip:bob@192.0.2.20:5062>']);
  assert.ok(builtMessage(ctx).startsWith('BYE sip:bob@192.0.2.20:5062 SIP/2.0'), 'the builder, not loose_route, rewrites the first line');
});

test('previous hop was a strict router (R-URI is ours): the last Route becomes the R-URI', () => {
  const ctx = makeContext(request({
    ruri: 'sip:127.0.0.1;lr;ftag=1928301774;x=1',
    routes: ['<sip:p5.example.com;lr>', '<sip:bob@192.0.2.20:5062>'],
  }));
  assert.equal(looseRoute(ctx), 1);
  assert.equal(ctx.newUri, 'sip:bob@192.0.2.20:5062');
  assert.equal(ctx.dstUri, 'sip:p5.example.com;lr');
  assert.deepEqual(routesOut(ctx), ['<sip:p5.example.com;lr>']);
  assert.equal(ctx.routedParams, 'lr;ftag=1928301774;x=1');
  assert.equal(checkRouteParam(ctx, 'x=1'), true);
});

test('strict router before us and a strict one after: behave as a strict router', () => {
  const ctx = makeContext(request({ ruri: 'sip:127.0.0.1', routes: ['<sip:strict2.example.com>', '<sip:bob@192.0.2.20>'] }));
  assert.equal(looseRoute(ctx), 1);
  assert.equal(ctx.newUri, 'sip:strict2.example.com');
  assert.deepEqual(routesOut(ctx), ['<sip:bob@192.0.2.20>']);
});

test('loose_route_mode(1) does not recover from a strict router', () => {
  const ctx = makeContext(request({ ruri: 'sip:127.0.0.1', routes: ['<sip:p5.example.com;lr>', '<sip:bob@192.0.2.20>'] }));
  assert.equal(looseRoute(ctx, 1), 1);
  assert.equal(ctx.newUri, null);
  assert.equal(ctx.dstUri, 'sip:p5.example.com;lr');
});

test('initial request with only our Route (preloaded): removed, -3', () => {
  const ctx = makeContext(request({ method: 'INVITE', toTag: null, routes: ['<sip:127.0.0.1;lr>'] }));
  assert.equal(looseRoute(ctx), -3);
  assert.deepEqual(routesOut(ctx), []);
});

test('initial request with a preloaded Route to someone else: $du is it, 1', () => {
  const ctx = makeContext(request({ method: 'INVITE', toTag: null, routes: ['<sip:outbound.example.com;lr>'] }));
  assert.equal(looseRoute(ctx), 1);
  assert.equal(ctx.dstUri, 'sip:outbound.example.com;lr');
  assert.equal(ctx.routedParams, null);
});

test('an unparsable Route: -1 and an error log', () => {
  const ctx = makeContext(request({ routes: ['<sip:127.0.0.1;lr'] }));
  assert.equal(looseRoute(ctx), -1);
  assert.ok(ctx.core.logs.some((l) => l.level === 'error' && /Route/.test(l.text)));
});

test('check_route_param: a case-insensitive regex over ";params" of the Route we consumed', () => {
  const ctx = makeContext(request({ routes: ['<sip:127.0.0.1;lr;ftag=abc;nat=yes>'] }));
  assert.equal(checkRouteParam(ctx, 'nat=yes'), false, 'nothing consumed yet');
  looseRoute(ctx);
  assert.equal(checkRouteParam(ctx, ';NAT=yes'), true);
  assert.equal(checkRouteParam(ctx, '^;lr;'), true);
  assert.equal(checkRouteParam(ctx, 'nat=no'), false);
  assert.equal(checkRouteParam(ctx, '('), false);
  assert.ok(ctx.core.logs.some((l) => /bad regular expression/.test(l.text)));
});

test('direction: downstream when the From tag is the ftag, upstream otherwise', () => {
  const down = makeContext(request({ routes: ['<sip:127.0.0.1;lr;ftag=1928301774>'] }));
  looseRoute(down);
  assert.equal(direction(down), 'downstream');
  const up = makeContext(request({ fromTag: 'b55', routes: ['<sip:127.0.0.1;lr;ftag=1928301774>'] }));
  looseRoute(up);
  assert.equal(direction(up), 'upstream');
  const none = makeContext(request({ fromTag: 'zzz', routes: ['<sip:127.0.0.1;lr>'] }));
  looseRoute(none);
  assert.equal(direction(none), 'downstream', 'no ftag: downstream, as Kamailio');
});

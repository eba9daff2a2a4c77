// What the routing layer decides for TLS, WS and WSS, without sockets: the transport a URI asks
// for, where a reply goes, our Via and Record-Route for a send over each protocol, the WS/WSS
// choice for ";transport=ws" (what nathelper's aliases and Kamailio's Record-Route write for
// both), and $snd(proto) numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { isConnectionProto, parseUri, sendProtoOf, transportParamOf } from '../../host/sip/uri.js';
import { resolveLiteral } from '../../host/dns/resolve-target.js';
import { replyDestination } from '../../host/core/reply-destination.js';
import { recordRoute, recordRouteLines } from '../../host/rr/record-route.js';
import { sendRequest, type SendOutcome } from '../../host/forward/send-request.js';
import { replyNextHop } from '../../host/forward/stateless.js';
import { handleRuriAlias } from '../../host/nathelper/alias.js';
import type { Proto } from '../../host/transport/types.js';

const FTAG = ';ftag=1928301774'; // the From tag of the invite fixture

/** A core listening on udp/tcp 5060, tls 5061 and the WebSocket ports given (null: no such listener). */
class ListenersCore extends RecordingCore {
  constructor(private readonly wsPorts: { ws: number | null; wss: number | null }) {
    super();
  }

  override localAddress(proto: Proto, ipv6: boolean): { ip: string; port: number } | null {
    if (ipv6 || proto === 'sctp') return null;
    const port = proto === 'ws' || proto === 'wss' ? this.wsPorts[proto] : proto === 'tls' ? 5061 : 5060;
    return port === null ? null : { ip: '127.0.0.1', port };
  }
}

function sendNow(ctx: ReturnType<typeof makeContext>): SendOutcome {
  let out: SendOutcome | null = null;
  sendRequest(ctx, 'z9hG4bKtest', (o) => (out = o));
  assert.ok(out, 'a literal next hop is sent synchronously');
  return out;
}

const topVia = (buf: Buffer): string => /^Via: (.*)$/m.exec(buf.toString('latin1'))![1]!;
const recordRoutes = (buf: Buffer): string[] => [...buf.toString('latin1').matchAll(/^Record-Route: (.*)\r$/gm)].map((m) => m[1]!);

test('the transport a next-hop URI asks for, and the ;transport= we write for each protocol', () => {
  const cases: Array<[string, string | null]> = [
    ['sip:a@10.0.0.1', null], ['sip:a@10.0.0.1;transport=UDP', 'udp'], ['sip:a@10.0.0.1;transport=tcp', 'tcp'],
    ['sip:a@10.0.0.1;transport=tls', 'tls'], ['sip:a@10.0.0.1;transport=ws', 'ws'], ['sip:a@10.0.0.1;transport=wss', 'wss'],
    ['sips:a@10.0.0.1', 'tls'], ['sips:a@10.0.0.1;transport=ws', 'wss'], ['sip:a@10.0.0.1;transport=sctp', null],
  ];
  for (const [uri, proto] of cases) assert.equal(sendProtoOf(parseUri(uri)), proto, uri);
  assert.deepEqual(['udp', 'tcp', 'tls', 'ws', 'wss'].map(transportParamOf), ['', ';transport=tcp', ';transport=tls', ';transport=ws', ';transport=ws']);
  assert.deepEqual(['udp', 'tcp', 'tls', 'ws', 'wss', 'sctp'].filter(isConnectionProto), ['tcp', 'tls', 'ws', 'wss']);
});

test('literal next hops over TLS, WS and WSS: their protocol, and their default ports (5061 for TLS and sips:, else 5060)', () => {
  assert.deepEqual(resolveLiteral(parseUri('sip:10.0.0.1;transport=tls')), { proto: 'tls', ip: '10.0.0.1', port: 5061 });
  assert.deepEqual(resolveLiteral(parseUri('sip:10.0.0.1;transport=ws')), { proto: 'ws', ip: '10.0.0.1', port: 5060 });
  assert.deepEqual(resolveLiteral(parseUri('sip:10.0.0.1:8443;transport=wss')), { proto: 'wss', ip: '10.0.0.1', port: 8443 });
  assert.deepEqual(resolveLiteral(parseUri('sips:10.0.0.1;transport=ws')), { proto: 'wss', ip: '10.0.0.1', port: 5061 });
  assert.deepEqual(resolveLiteral(parseUri('sip:10.0.0.1;transport=tcp'), 'ws'), { proto: 'ws', ip: '10.0.0.1', port: 5060 });
});

test('a reply to a request over TLS, WS or WSS goes back on its connection, in its protocol; over UDP to the source', () => {
  for (const proto of ['tcp', 'tls', 'ws', 'wss'] as const) {
    const ctx = makeContext('invite', { proto, srcIp: '192.0.2.10', srcPort: 40123, conId: 17 });
    assert.deepEqual(replyDestination(ctx, ctx.msg.topVia(), 200), { proto, ip: '192.0.2.10', port: 40123, conId: 17 }, proto);
  }
  const udp = makeContext('invite', { srcPort: 40123 });
  assert.equal(replyDestination(udp, udp.msg.topVia()).proto, 'udp');
});

test('a relayed reply whose next Via says WS, WSS or TLS goes to its received/rport in that protocol', () => {
  for (const t of ['WS', 'WSS', 'TLS']) {
    const reply = [
      'SIP/2.0 200 OK',
      'Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKours',
      `Via: SIP/2.0/${t} df7jal23ls0d.invalid;branch=z9hG4bKtheirs;received=192.0.2.44;rport=50001`,
      'From: <sip:a@x>;tag=1', 'To: <sip:b@x>;tag=2', 'Call-ID: c1', 'CSeq: 1 INVITE', 'Content-Length: 0', '', '',
    ].join('\r\n');
    assert.deepEqual(replyNextHop(makeContext(reply)), { proto: t.toLowerCase(), ip: '192.0.2.44', port: 50001 }, t);
  }
});

test('Record-Route, UDP in and WSS or TLS out: two entries with r2=on, WSS written transport=ws as Kamailio does', () => {
  const udp = { proto: 'udp', ip: '192.0.2.1', port: 5060 };
  for (const [out, param] of [[{ proto: 'wss', ip: '192.0.2.1', port: 8443 }, ';transport=ws'], [{ proto: 'tls', ip: '192.0.2.1', port: 5061 }, ';transport=tls']] as const) {
    const ctx = makeContext('invite');
    recordRoute(ctx);
    assert.deepEqual(recordRouteLines(ctx, udp, out), [
      `Record-Route: <sip:192.0.2.1:${out.port}${param};r2=on;lr${FTAG}>\r\n`,
      `Record-Route: <sip:192.0.2.1:5060;r2=on;lr${FTAG}>\r\n`,
    ]);
    // and back: the WebSocket side in, UDP out
    const back = makeContext('invite');
    recordRoute(back);
    assert.deepEqual(recordRouteLines(back, out, udp), [
      `Record-Route: <sip:192.0.2.1:5060;r2=on;lr${FTAG}>\r\n`,
      `Record-Route: <sip:192.0.2.1:${out.port}${param};r2=on;lr${FTAG}>\r\n`,
    ]);
  }
});

test('Record-Route: the same protocol on another port is another socket (two entries, as Kamailio)', () => {
  const ctx = makeContext('invite');
  recordRoute(ctx);
  assert.equal(recordRouteLines(ctx, { proto: 'udp', ip: '192.0.2.1', port: 5060 }, { proto: 'udp', ip: '192.0.2.1', port: 5070 }).length, 2);
});

test('a request sent over WS, WSS or TLS: our Via says so with that listener address, Record-Route doubled from UDP', () => {
  for (const [hop, proto, port] of [['sip:192.0.2.9:8080;transport=ws', 'ws', 8080], ['sip:192.0.2.9:8443;transport=wss', 'wss', 8443], ['sip:192.0.2.9;transport=tls', 'tls', 5061]] as const) {
    const core = new ListenersCore({ ws: 8080, wss: 8443 });
    const ctx = makeContext('invite', { core });
    ctx.dstUri = hop;
    recordRoute(ctx);
    const o = sendNow(ctx);
    assert.equal(o.ok, true, hop);
    assert.equal(core.sent[0]!.dst.proto, proto);
    assert.match(topVia(core.sent[0]!.buf), new RegExp(`^SIP/2\\.0/${proto.toUpperCase()} 127\\.0\\.0\\.1:${port};branch=z9hG4bKtest`));
    const rr = recordRoutes(core.sent[0]!.buf);
    assert.equal(rr.length, recordRoutes(ctx.msg.buf).length + 2, hop);
    assert.match(rr[0]!, new RegExp(`^<sip:127\\.0\\.0\\.1:${port};transport=${proto === 'wss' ? 'ws' : proto};r2=on;lr`));
    assert.match(rr[1]!, /^<sip:127\.0\.0\.1:5060;r2=on;lr/);
  }
});

test(';transport=ws toward a server with only a WSS listener (or only WS for wss) goes out over the one it has', () => {
  const wssOnly = new ListenersCore({ ws: null, wss: 8443 });
  const a = makeContext('invite', { core: wssOnly });
  a.dstUri = 'sip:192.0.2.9:50000;transport=ws';
  assert.equal(sendNow(a).ok, true);
  assert.equal(wssOnly.sent[0]!.dst.proto, 'wss');
  assert.match(topVia(wssOnly.sent[0]!.buf), /^SIP\/2\.0\/WSS 127\.0\.0\.1:8443;/);
  const wsOnly = new ListenersCore({ ws: 8080, wss: null });
  const b = makeContext('invite', { core: wsOnly });
  b.dstUri = 'sip:192.0.2.9:50000;transport=wss';
  assert.equal(sendNow(b).ok, true);
  assert.equal(wsOnly.sent[0]!.dst.proto, 'ws');
});

test('no listener for the protocol: the branch fails at once (477) with the reason', () => {
  const core = new ListenersCore({ ws: null, wss: null });
  const ctx = makeContext('invite', { core });
  ctx.dstUri = 'sip:192.0.2.9:50000;transport=ws';
  const o = sendNow(ctx);
  assert.equal(o.ok, false);
  assert.equal(!o.ok && o.code, 477);
  assert.match(!o.ok ? o.reason : '', /no WS listener toward 192\.0\.2\.9/);
  assert.equal(core.sent.length, 0);
});

test('handle_ruri_alias with a WSS alias (proto 6): $du transport=ws, sent over the WSS listener', () => {
  const core = new ListenersCore({ ws: null, wss: 8443 });
  const invite = makeContext('invite', { core }).msg.buf.toString('latin1').replace(/^INVITE \S+/, 'INVITE sip:bob@df7jal23ls0d.invalid;alias=192.0.2.50~50123~6;transport=ws');
  const ctx = makeContext(invite, { core });
  assert.equal(handleRuriAlias(ctx, 0, 'alias', () => {}), 1);
  assert.equal(ctx.dstUri, 'sip:192.0.2.50:50123;transport=ws');
  assert.equal(sendNow(ctx).ok, true);
  assert.deepEqual({ ...core.sent[0]!.dst }, { proto: 'wss', ip: '192.0.2.50', port: 50123 });
  assert.match(core.sent[0]!.buf.toString('latin1'), /^INVITE sip:bob@df7jal23ls0d\.invalid;transport=ws SIP\/2\.0/);
});

// DNS failover: a next hop that resolves to several targets (SRV records, or several A
// records) is tried target after target when a branch cannot be sent (TCP connect refused),
// times out without any reply, or gets a 503; t_set_disable_failover(1) and t_relay's flag
// 0x4 turn it off. A real engine, the test DNS server, real UDP and TCP peers on loopback.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SipMessage } from '../../host/sip/message.js';
import { clearDnsCache, setDnsServers } from '../../host/dns/resolve-target.js';
import { TinyDnsServer, type ZoneRecord } from '../dns/tiny-dns-server.js';
import { freePort } from '../support/ports.js';
import { isReply, isRequest, makeReply, makeRequest, Peer, startProxy, until, type Route } from './harness.js';

const zone = new Map<string, ZoneRecord[]>();
const dns = new TinyDnsServer(zone);
before(async () => setDnsServers([await dns.start()]));
after(() => dns.close());
beforeEach(() => {
  clearDnsCache();
  zone.clear();
});

/** Two SRV targets on loopback, first `first` then `second` (priorities 10 and 20). */
function srv(name: string, proto: 'udp' | 'tcp', first: number, second: number): void {
  zone.set(`_sip._${proto}.${name}`, [
    { type: 'SRV', priority: 20, weight: 0, port: second, target: `b.${name}` },
    { type: 'SRV', priority: 10, weight: 0, port: first, target: `a.${name}` },
  ]);
  zone.set(`a.${name}`, [{ type: 'A', address: '127.0.0.1' }]);
  zone.set(`b.${name}`, [{ type: 'A', address: '127.0.0.1' }]);
}

const header = (ctx: { msg: SipMessage }, name: string): string => ctx.msg.header(name)?.value ?? '';

const ROUTES: Record<string, Route> = {
  ksr_request_route: (KSR, ctx) => {
    const off = header(ctx, 'x-failover-off');
    if (off === 'function') KSR('tm.t_set_disable_failover', 1);
    if (off === 'flag') KSR('tm.t_relay_to_flags', 4);
    else KSR('tm.t_relay');
  },
  ksr_onsend_route: (KSR, ctx) => {
    const refused = header(ctx, 'x-onsend-drop-port');
    if (refused && String(KSR('pv.get', '$snd(port)')) === refused) KSR('x.drop');
  },
};

/** A TCP peer that answers every request with 200 and keeps what it got. */
async function tcpUas(port = 0, host = '127.0.0.1'): Promise<{ server: net.Server; port: number; got: SipMessage[] }> {
  const got: SipMessage[] = [];
  const server = net.createServer((sock) => {
    let buf = Buffer.alloc(0);
    sock.on('error', () => {});
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (let end = buf.indexOf('\r\n\r\n'); end >= 0; end = buf.indexOf('\r\n\r\n')) {
        const m = SipMessage.parse(buf.subarray(0, end + 4));
        buf = buf.subarray(end + 4);
        got.push(m);
        if (m.isRequest && m.method !== 'ACK') sock.write(makeReply(m, 200, 'OK'));
      }
    });
  });
  await new Promise<void>((r) => server.listen(port, host, () => r()));
  return { server, port: (server.address() as net.AddressInfo).port, got };
}

test('no reply at the first SRV target: after fr_timer the second one gets the request and its 200 goes back', async () => {
  const silent = await Peer.open();
  const answering = await Peer.open();
  answering.onMessage = (m) => m.isRequest && answering.send(makeReply(m, 200, 'OK'), proxy.port);
  srv('timeout.test', 'udp', silent.port, answering.port);
  const proxy = await startProxy(ROUTES);
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('OPTIONS', caller, 'sip:svc@timeout.test'), proxy.port);
    await silent.waitFor(isRequest('OPTIONS'), 'the OPTIONS at the first target');
    const at = Date.now();
    await answering.waitFor(isRequest('OPTIONS'), 'the OPTIONS at the second target', 3000);
    assert.ok(Date.now() - at >= 400, 'the second target only after the first timed out (fr_timer 600 ms)');
    await caller.waitFor(isReply(200, 'OPTIONS'), 'the 200 from the second target');
    await sleep(300);
    assert.deepEqual(caller.received.map((m) => m.status), [200], 'one final reply, no 408');
    assert.equal(proxy.engine.tm.snapshot().dnsFailovers, 1);
  } finally {
    for (const p of [silent, answering, caller]) p.close();
    await proxy.engine.stop();
  }
});

test('a 503 from the first SRV target: the second one is tried, the caller never sees the 503', async () => {
  const busy = await Peer.open();
  const answering = await Peer.open();
  busy.onMessage = (m) => m.isRequest && busy.send(makeReply(m, 503, 'Service Unavailable'), proxy.port);
  answering.onMessage = (m) => m.isRequest && answering.send(makeReply(m, 200, 'OK'), proxy.port);
  srv('busy.test', 'udp', busy.port, answering.port);
  const proxy = await startProxy(ROUTES);
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('OPTIONS', caller, 'sip:svc@busy.test'), proxy.port);
    await caller.waitFor(isReply(200, 'OPTIONS'), 'the 200 from the second target');
    assert.equal(busy.count(isRequest('OPTIONS')), 1);
    assert.equal(answering.count(isRequest('OPTIONS')), 1);
    await sleep(200);
    assert.deepEqual(caller.received.map((m) => m.status), [200]);
  } finally {
    for (const p of [busy, answering, caller]) p.close();
    await proxy.engine.stop();
  }
});

test('TCP connect refused at the first SRV target: the second one gets the request', async () => {
  const refused = await freePort(); // nothing listens there
  const uas = await tcpUas();
  srv('refused.test', 'tcp', refused, uas.port);
  const proxy = await startProxy(ROUTES);
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('OPTIONS', caller, 'sip:svc@refused.test;transport=tcp'), proxy.port);
    await caller.waitFor(isReply(200, 'OPTIONS'), 'the 200 from the TCP peer');
    assert.equal(uas.got.filter((m) => m.isRequest).length, 1);
    assert.equal(proxy.engine.tm.snapshot().dnsFailovers, 1);
  } finally {
    caller.close();
    uas.server.close();
    await proxy.engine.stop();
  }
});

test('several A records: the next address is tried when the first refuses the connection', async () => {
  const uas = await tcpUas(0, '127.0.0.1');
  zone.set('multi.test', [{ type: 'A', address: '127.0.0.2' }, { type: 'A', address: '127.0.0.1' }]);
  const proxy = await startProxy(ROUTES);
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('OPTIONS', caller, `sip:svc@multi.test:${uas.port};transport=tcp`), proxy.port);
    await caller.waitFor(isReply(200, 'OPTIONS'), 'the 200 from 127.0.0.1');
    assert.equal(uas.got.filter((m) => m.isRequest).length, 1);
    assert.equal(proxy.engine.tm.snapshot().dnsFailovers, 1, 'first 127.0.0.2 (refused), then 127.0.0.1');
  } finally {
    caller.close();
    uas.server.close();
    await proxy.engine.stop();
  }
});

test('a send the onsend route drops: the next target is tried (as Kamailio)', async () => {
  const first = await Peer.open();
  const second = await Peer.open();
  second.onMessage = (m) => m.isRequest && second.send(makeReply(m, 200, 'OK'), proxy.port);
  srv('onsend.test', 'udp', first.port, second.port);
  const proxy = await startProxy(ROUTES);
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('OPTIONS', caller, 'sip:svc@onsend.test', { headers: [`X-Onsend-Drop-Port: ${first.port}`] }), proxy.port);
    await caller.waitFor(isReply(200, 'OPTIONS'), 'the 200 from the second target');
    assert.equal(first.count(isRequest('OPTIONS')), 0, 'dropped before it left');
    assert.equal(proxy.engine.tm.snapshot().dnsFailovers, 1);
  } finally {
    for (const p of [first, second, caller]) p.close();
    await proxy.engine.stop();
  }
});

for (const off of ['function', 'flag']) {
  test(`failover disabled (${off === 'function' ? 't_set_disable_failover(1)' : 't_relay_to_flags(0x4)'}): the 503 stands, the second target gets nothing`, async () => {
    const busy = await Peer.open();
    const answering = await Peer.open();
    busy.onMessage = (m) => m.isRequest && busy.send(makeReply(m, 503, 'Service Unavailable'), proxy.port);
    answering.onMessage = (m) => m.isRequest && answering.send(makeReply(m, 200, 'OK'), proxy.port);
    srv('off.test', 'udp', busy.port, answering.port);
    const proxy = await startProxy(ROUTES);
    const caller = await Peer.open();
    try {
      caller.send(makeRequest('OPTIONS', caller, 'sip:svc@off.test', { headers: [`X-Failover-Off: ${off}`] }), proxy.port);
      const final = await caller.waitFor((m) => !m.isRequest && m.status >= 200, 'a final reply');
      assert.ok(final.status >= 500, `the failure is answered, got ${final.status}`);
      await sleep(300);
      assert.equal(answering.count(isRequest('OPTIONS')), 0, 'the second target was not tried');
      assert.equal(proxy.engine.tm.snapshot().dnsFailovers, 0);
    } finally {
      for (const p of [busy, answering, caller]) p.close();
      await proxy.engine.stop();
    }
  });
}

test('every target fails: the last outcome is the answer', async () => {
  const busy1 = await Peer.open();
  const busy2 = await Peer.open();
  for (const p of [busy1, busy2]) p.onMessage = (m) => m.isRequest && p.send(makeReply(m, 503, 'Service Unavailable'), proxy.port);
  srv('allbusy.test', 'udp', busy1.port, busy2.port);
  const proxy = await startProxy(ROUTES);
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('OPTIONS', caller, 'sip:svc@allbusy.test'), proxy.port);
    const final = await caller.waitFor((m) => !m.isRequest && m.status >= 200, 'a final reply');
    assert.ok(final.status >= 500);
    await until(() => busy2.count(isRequest('OPTIONS')) === 1, 'the second target tried');
    assert.equal(busy1.count(isRequest('OPTIONS')), 1);
    await sleep(200);
    assert.equal(caller.received.filter((m) => !m.isRequest && m.status >= 200).length, 1, 'one final reply');
  } finally {
    for (const p of [busy1, busy2, caller]) p.close();
    await proxy.engine.stop();
  }
});

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { parseUri } from '../../host/sip/uri.js';
import { clearDnsCache, resolveLiteral, resolveTarget, setDnsServers } from '../../host/dns/resolve-target.js';
import { TinyDnsServer, type ZoneRecord } from './tiny-dns-server.js';

const zone = new Map<string, ZoneRecord[]>([
  ['_sip._udp.srv.test', [
    { type: 'SRV', priority: 20, weight: 0, port: 5090, target: 'backup.srv.test' },
    { type: 'SRV', priority: 10, weight: 5, port: 5080, target: 'light.srv.test' },
    { type: 'SRV', priority: 10, weight: 50, port: 5070, target: 'heavy.srv.test' },
  ]],
  ['_sip._tcp.srv.test', [{ type: 'SRV', priority: 1, weight: 1, port: 5071, target: 'heavy.srv.test' }]],
  ['_sip._tcp.tcponly.test', [{ type: 'SRV', priority: 1, weight: 1, port: 6000, target: 'heavy.srv.test' }]],
  ['srv.test', [{ type: 'A', address: '192.0.2.99' }]],
  ['heavy.srv.test', [{ type: 'A', address: '192.0.2.1', ttl: 60 }, { type: 'AAAA', address: '2001:db8::1' }]],
  ['light.srv.test', [{ type: 'A', address: '192.0.2.2' }]],
  ['backup.srv.test', [{ type: 'A', address: '192.0.2.3' }]],
  ['plain.test', [{ type: 'A', address: '198.51.100.5' }, { type: 'A', address: '198.51.100.6' }]],
  ['v6only.test', [{ type: 'AAAA', address: '2001:db8:0:1::7' }]],
  ['empty.test', []],
]);

const server = new TinyDnsServer(zone);

before(async () => setDnsServers([await server.start()]));
after(() => server.close());
beforeEach(() => clearDnsCache());

const uri = (s: string) => parseUri(s);

test('resolveLiteral: IPv4, IPv6 and localhost without a look-up; names are not literals', () => {
  assert.deepEqual(resolveLiteral(uri('sip:bob@192.0.2.7')), { proto: 'udp', ip: '192.0.2.7', port: 5060 });
  assert.deepEqual(resolveLiteral(uri('sip:[2001:db8::9]:5070;transport=tcp')), { proto: 'tcp', ip: '2001:db8::9', port: 5070 });
  assert.deepEqual(resolveLiteral(uri('sip:localhost:5099')), { proto: 'udp', ip: '127.0.0.1', port: 5099 });
  assert.deepEqual(resolveLiteral(uri('sips:10.0.0.1')), { proto: 'tls', ip: '10.0.0.1', port: 5061 });
  assert.deepEqual(resolveLiteral(uri('sip:10.0.0.1;transport=TLS')), { proto: 'tls', ip: '10.0.0.1', port: 5061 });
  assert.deepEqual(resolveLiteral(uri('sip:10.0.0.1;transport=tcp'), 'udp'), { proto: 'udp', ip: '10.0.0.1', port: 5060 });
  assert.equal(resolveLiteral(uri('sip:example.com')), null);
  assert.equal(resolveLiteral(uri('sip:10.0.0.1;transport=sctp')), null);
  assert.equal(resolveLiteral(uri('tel:+4930123')), null);
});

test('a literal resolves to itself and asks the DNS nothing', async () => {
  const before = server.questions.length;
  assert.deepEqual(await resolveTarget(uri('sip:10.1.2.3:5080')), [{ proto: 'udp', ip: '10.1.2.3', port: 5080 }]);
  assert.equal(server.questions.length, before);
});

test('SRV: ordered by priority then weight, each target through A/AAAA, UDP before TCP', async () => {
  const got = await resolveTarget(uri('sip:alice@srv.test'));
  assert.deepEqual(got, [
    { proto: 'udp', ip: '192.0.2.1', port: 5070 },
    { proto: 'udp', ip: '2001:db8::1', port: 5070 },
    { proto: 'udp', ip: '192.0.2.2', port: 5080 },
    { proto: 'udp', ip: '192.0.2.3', port: 5090 },
    { proto: 'tcp', ip: '192.0.2.1', port: 5071 },
    { proto: 'tcp', ip: '2001:db8::1', port: 5071 },
  ]);
});

test('SRV for the transport the URI or the caller asks for only', async () => {
  assert.deepEqual(await resolveTarget(uri('sip:srv.test;transport=tcp')), [
    { proto: 'tcp', ip: '192.0.2.1', port: 5071 },
    { proto: 'tcp', ip: '2001:db8::1', port: 5071 },
  ]);
  const forced = await resolveTarget(uri('sip:tcponly.test'), 'tcp');
  assert.deepEqual(forced[0], { proto: 'tcp', ip: '192.0.2.1', port: 6000 });
  const any = await resolveTarget(uri('sip:tcponly.test'));
  assert.deepEqual(any.map((t) => t.proto), ['tcp', 'tcp'], 'UDP has no SRV: the TCP ones are used');
});

test('an explicit port skips SRV and uses A/AAAA of the host', async () => {
  const n = server.questions.length;
  assert.deepEqual(await resolveTarget(uri('sip:srv.test:5099')), [{ proto: 'udp', ip: '192.0.2.99', port: 5099 }]);
  assert.ok(!server.questions.slice(n).some((q) => q.type === 33), 'no SRV question asked');
});

test('no SRV: A records on port 5060; AAAA when there is no A', async () => {
  assert.deepEqual(await resolveTarget(uri('sip:plain.test')), [
    { proto: 'udp', ip: '198.51.100.5', port: 5060 },
    { proto: 'udp', ip: '198.51.100.6', port: 5060 },
  ]);
  assert.deepEqual(await resolveTarget(uri('sip:v6only.test;transport=tcp')), [{ proto: 'tcp', ip: '2001:db8:0:1::7', port: 5060 }]);
});

test('unknown names and names without records reject with "cannot resolve"', async () => {
  await assert.rejects(resolveTarget(uri('sip:nowhere.test')), /cannot resolve nowhere\.test/);
  await assert.rejects(resolveTarget(uri('sip:empty.test')), /cannot resolve empty\.test/);
  await assert.rejects(resolveTarget(uri('sip:plain.test;transport=sctp')), /cannot resolve/);
});

test('answers are cached: a second resolution asks nothing; concurrent ones share the queries', async () => {
  await resolveTarget(uri('sip:plain.test'));
  const n = server.questions.length;
  await resolveTarget(uri('sip:plain.test'));
  assert.equal(server.questions.length, n);
  clearDnsCache();
  const m = server.questions.length;
  await Promise.all([resolveTarget(uri('sip:srv.test')), resolveTarget(uri('sip:srv.test'))]);
  const asked = server.questions.slice(m).map((q) => `${q.type} ${q.name}`);
  assert.equal(new Set(asked).size, asked.length, `each question once: ${asked.join(', ')}`);
});

test('an address answer lives as long as its TTL; a failed look-up is retried after 5 s', async (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
  zone.set('short.test', [{ type: 'A', address: '192.0.2.50', ttl: 30 }]);
  const asked = () => server.questions.filter((q) => q.name === 'short.test' && q.type === 1).length;
  await resolveTarget(uri('sip:short.test:5060'));
  t.mock.timers.tick(29_000);
  await resolveTarget(uri('sip:short.test:5060'));
  assert.equal(asked(), 1, 'within the TTL: from the cache');
  t.mock.timers.tick(2_000);
  zone.set('short.test', [{ type: 'A', address: '192.0.2.51', ttl: 30 }]);
  assert.deepEqual(await resolveTarget(uri('sip:short.test:5060')), [{ proto: 'udp', ip: '192.0.2.51', port: 5060 }]);
  assert.equal(asked(), 2, 'after the TTL: asked again');
  await assert.rejects(resolveTarget(uri('sip:later.test:5060')), /cannot resolve later\.test/);
  zone.set('later.test', [{ type: 'A', address: '192.0.2.60' }]);
  await assert.rejects(resolveTarget(uri('sip:later.test:5060')), /cannot resolve/, 'the failure is cached');
  t.mock.timers.tick(5_001);
  assert.deepEqual(await resolveTarget(uri('sip:later.test:5060')), [{ proto: 'udp', ip: '192.0.2.60', port: 5060 }]);
});

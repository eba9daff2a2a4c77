// The outbound allow/deny list (parser and matcher), the fixed rule of the guard, the config
// keys, and the enforcement in Transports.send over real loopback sockets.
import { DEFAULT_TCP_SETTINGS } from '../../host/transport/tcp-settings.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import net from 'node:net';
import { decideOutbound, parseOutboundPolicy, parseOutboundRule } from '../../host/transport/outbound-policy.js';
import { ipBytes, parseAddressRange, rangeContains } from '../../host/transport/ip-address.js';
import { OutboundGuard } from '../../host/transport/outbound-guard.js';
import { protectedEndpoints, storeHostPort } from '../../host/transport/protected-endpoints.js';
import { Transports } from '../../host/transport/transports.js';
import { settingsFromConfigText } from '../../host/config/load-config.js';
import { freePort } from '../support/ports.js';

const quiet = { warn() {}, debug() {} };

test('addresses and ranges: IPv4, IPv6, IPv4-mapped, prefixes', () => {
  assert.deepEqual(ipBytes('10.1.2.3'), { family: 4, bytes: [10, 1, 2, 3] });
  assert.deepEqual(ipBytes('::ffff:127.0.0.1'), { family: 4, bytes: [127, 0, 0, 1] });
  assert.deepEqual(ipBytes('::ffff:7f00:1'), { family: 4, bytes: [127, 0, 0, 1] });
  assert.deepEqual(ipBytes('::1')!.bytes, [...Array(15).fill(0), 1]);
  assert.deepEqual(ipBytes('2001:db8::1:0:0:1')!.bytes.slice(0, 4), [0x20, 0x01, 0x0d, 0xb8]);
  assert.equal(ipBytes('example.org'), null);
  assert.equal(ipBytes('1.2.3'), null);
  const r = parseAddressRange('10.0.0.0/8');
  assert.ok(rangeContains(r, ipBytes('10.255.0.1')!));
  assert.ok(!rangeContains(r, ipBytes('11.0.0.1')!));
  assert.ok(rangeContains(parseAddressRange('fc00::/7'), ipBytes('fd12:3456::1')!));
  assert.ok(!rangeContains(parseAddressRange('fc00::/7'), ipBytes('fe80::1')!));
  assert.ok(rangeContains(parseAddressRange('127.0.0.0/8'), ipBytes('::ffff:127.0.0.2')!), 'a mapped address is its IPv4 address');
  assert.ok(rangeContains(parseAddressRange('::ffff:10.0.0.0/104'), ipBytes('10.9.9.9')!));
  assert.ok(rangeContains(parseAddressRange('0.0.0.0/0'), ipBytes('203.0.113.9')!));
  assert.throws(() => parseAddressRange('10.0.0.0/33'), /prefix must be 0..32/);
  assert.throws(() => parseAddressRange('10.0.0/8'), /expected an IPv4 or IPv6 address/);
});

test('rules: allow|deny, *, address or CIDR, optional port or port range, IPv6 in brackets with a port', () => {
  const r = parseOutboundRule('deny 10.0.0.0/8:5060-5070');
  assert.equal(r.action, 'deny');
  assert.deepEqual(r.ports, { from: 5060, to: 5070 });
  assert.equal(r.text, 'deny 10.0.0.0/8:5060-5070');
  assert.deepEqual(parseOutboundRule('ALLOW *:5060').ports, { from: 5060, to: 5060 });
  assert.equal(parseOutboundRule('allow *').range, null);
  assert.equal(parseOutboundRule('deny 2001:db8::/32').range!.prefix, 32);
  assert.deepEqual(parseOutboundRule('deny [2001:db8::/32]:5060').ports, { from: 5060, to: 5060 });
  assert.deepEqual(parseOutboundRule('allow [::1]:1-65535').ports, { from: 1, to: 65535 });
  for (const bad of ['permit 10.0.0.1', 'deny', 'deny 10.0.0.1:0', 'deny 10.0.0.1:70000', 'deny 10.0.0.1:6000-5000', 'deny 10.0.0.1:x', 'deny host.example', 'deny 10.0.0.1 5060', 'deny [::1]:']) {
    assert.throws(() => parseOutboundRule(bad), /expected|port|address/, bad);
  }
});

test('first match wins, then the default; names are refused (the check is on resolved addresses)', () => {
  const p = parseOutboundPolicy({ default: 'deny', rules: ['allow 10.0.0.5:5060', 'deny 10.0.0.0/8', 'allow *:5060-5080', 'allow [2001:db8::1]:5060'] });
  assert.deepEqual(decideOutbound(p, '10.0.0.5', 5060), { allowed: true, rule: 'allow 10.0.0.5:5060' });
  assert.deepEqual(decideOutbound(p, '10.0.0.5', 5061), { allowed: false, rule: 'deny 10.0.0.0/8' });
  assert.deepEqual(decideOutbound(p, '203.0.113.1', 5070), { allowed: true, rule: 'allow *:5060-5080' });
  assert.deepEqual(decideOutbound(p, '203.0.113.1', 6379), { allowed: false, rule: 'default deny' });
  assert.equal(decideOutbound(p, '2001:db8::1', 5060).allowed, true);
  assert.equal(decideOutbound(p, 'sip.example.org', 5060).allowed, false);
  assert.deepEqual(decideOutbound(parseOutboundPolicy({}), '127.0.0.1', 6379), { allowed: true, rule: 'default allow' }, 'the embedded default allows loopback');
  assert.throws(() => parseOutboundPolicy({ rules: ['allow 1.2.3.4', 'nope'] }), /outbound\.rules\[1\]/);
  assert.throws(() => parseOutboundPolicy({ default: 'maybe' }), /outbound\.default/);
});

test('config: outbound and state_dir keys, errors name the key', () => {
  const s = settingsFromConfigText('outbound:\n  default: deny\n  rules: ["allow 127.0.0.1:5060", "deny 127.0.0.0/8"]\nstate_dir: /var/lib/ksr-host\n', 'k.yaml');
  assert.equal(s.outbound.defaultAction, 'deny');
  assert.deepEqual(s.outbound.rules.map((r) => r.text), ['allow 127.0.0.1:5060', 'deny 127.0.0.0/8']);
  assert.equal(s.stateDir, '/var/lib/ksr-host');
  assert.throws(() => settingsFromConfigText('outbound:\n  rules: ["allow 127.0.0.1:5060", "deny 300.0.0.0/8"]\n', 'k.yaml'), /k\.yaml: key 'outbound\.rules\[1\]': 'deny 300\.0\.0\.0\/8'/);
  assert.throws(() => settingsFromConfigText('outbound:\n  default: perhaps\n', 'k.yaml'), /key 'outbound\.default'/);
  assert.throws(() => settingsFromConfigText('outbound:\n  deny: []\n', 'k.yaml'), /unknown key 'outbound\.deny'/);
  const c = settingsFromConfigText('control:\n  listen: 127.0.0.1:5081\n  hosts: [ksr.example]\n  max_body_bytes: 4096\n', 'k.yaml').control!;
  assert.deepEqual([c.ip, c.port, c.hosts, c.maxBodyBytes], ['127.0.0.1', 5081, ['ksr.example'], 4096]);
  assert.throws(() => settingsFromConfigText('control:\n  listen: nowhere\n', 'k.yaml'), /key 'control'/);
  assert.throws(() => settingsFromConfigText('control:\n  listen: 127.0.0.1:1\n  max_body: 1\n', 'k.yaml'), /control/);
});

test('fixed rule: the control endpoint and the stores, on every local address; unspecified, broadcast and multicast addresses; beats any allow', async () => {
  assert.deepEqual(storeHostPort('redis://127.0.0.1:16379/0'), { kind: 'redis', host: '127.0.0.1', port: 16379 });
  assert.deepEqual(storeHostPort('redis://localhost'), { kind: 'redis', host: 'localhost', port: 6379 });
  assert.deepEqual(storeHostPort('postgres://u:p@[::1]/db'), { kind: 'postgres', host: '::1', port: 5432 });
  assert.equal(storeHostPort('sqlite::memory:'), null);
  const endpoints = await protectedEndpoints({ ip: '127.0.0.1', port: 5080 }, 'redis://localhost:6379/0');
  assert.deepEqual(endpoints.map((e) => `${e.what} ${e.ip}:${e.port}`).sort().slice(0, 2), ['control endpoint 127.0.0.1:5080', 'store redis 127.0.0.1:6379']);
  const g = new OutboundGuard(parseOutboundPolicy({ default: 'allow', rules: ['allow *'] }), quiet);
  g.protect([...endpoints, { ip: '192.0.2.10', port: 5432, what: 'store postgres' }]);
  for (const [ip, port] of [['127.0.0.1', 5080], ['127.0.0.2', 5080], ['::1', 5080], ['::ffff:127.0.0.1', 5080], ['127.0.0.1', 6379], ['::1', 6379], ['0.0.0.0', 5060], ['::', 5060], ['192.0.2.10', 5432], ['255.255.255.255', 5060], ['239.1.2.3', 5060], ['ff02::1', 5060]] as const) {
    const v = g.check(ip, port);
    assert.equal(v.allowed, false, `${ip}:${port}`);
    assert.match(v.rule, /^fixed rule: /);
  }
  assert.match(g.check('127.0.0.1', 6379).rule, /store redis 127\.0\.0\.1:6379/);
  assert.match(g.check('255.255.255.255', 5060).rule, /broadcast or multicast/);
  assert.equal(g.check('127.0.0.1', 5060).allowed, true);
  assert.equal(g.check('192.0.2.11', 5432).allowed, true, 'a remote store is protected at its own address only');
  assert.equal(g.check('198.51.100.1', 5080).allowed, true, 'another host\'s 5080 is not ours');
});

test('Transports.send refuses, counts and reports a denied destination over UDP and TCP (no connect attempt)', async () => {
  const port = await freePort();
  const receiverPort = await freePort();
  const t = new Transports([{ proto: 'udp', ip: '127.0.0.1', port }, { proto: 'tcp', ip: '127.0.0.1', port }], () => {}, { udpMaxBytes: 65535, tcp: { ...DEFAULT_TCP_SETTINGS, maxConnections: 10 } }, quiet);
  t.guard.protect([{ ip: '127.0.0.1', port: receiverPort, what: 'control endpoint' }]);
  await t.start();
  const udp = dgram.createSocket('udp4');
  await new Promise<void>((r) => udp.bind(receiverPort, '127.0.0.1', () => r()));
  let udpGot = 0;
  udp.on('message', () => udpGot++);
  let tcpConnects = 0;
  const tcp = net.createServer((s) => (tcpConnects++, s.destroy()));
  await new Promise<void>((r) => tcp.listen(receiverPort, '127.0.0.1', () => r()));
  try {
    const reasons: string[] = [];
    assert.equal(t.send(Buffer.from('x'), { proto: 'udp', ip: '127.0.0.1', port: receiverPort }, undefined, (r) => reasons.push(r)), false);
    assert.equal(t.send(Buffer.from('x'), { proto: 'tcp', ip: '::ffff:127.0.0.1', port: receiverPort }, undefined, (r) => reasons.push(r)), false);
    assert.equal(t.send(Buffer.from('x'), { proto: 'udp', ip: 'localhost', port: 5060 }, undefined, (r) => reasons.push(r)), false);
    assert.equal(reasons.length, 3, 'each refusal reported at once');
    assert.match(reasons[0]!, /denied by fixed rule: control endpoint 127\.0\.0\.1:\d+/);
    assert.match(reasons[2]!, /not an IP address/);
    assert.equal(t.counters.outboundDenied, 3);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(udpGot, 0);
    assert.equal(tcpConnects, 0);
    // an allowed destination still gets its bytes
    const okPort = await freePort();
    const ok = dgram.createSocket('udp4');
    await new Promise<void>((r) => ok.bind(okPort, '127.0.0.1', () => r()));
    const got = new Promise<string>((r) => ok.once('message', (m) => r(m.toString())));
    assert.equal(t.send(Buffer.from('allowed'), { proto: 'udp', ip: '127.0.0.1', port: okPort }), true);
    assert.equal(await got, 'allowed');
    ok.close();
  } finally {
    udp.close();
    tcp.close();
    await t.stop();
  }
});

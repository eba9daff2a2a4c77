// The keepalive pinger on a test core: which bindings get pinged, with what (4 zero bytes over
// UDP, or a SIP request), where (received, else the Contact), and keepalive_timeout removals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecordingCore } from '../support/sip-fixtures.js';
import { NatPinger, UDP_PING } from '../../host/nathelper/keepalive.js';
import { parseNathelperSettings } from '../../host/nathelper/settings.js';
import type { LocationRecord } from '../../host/store/store.js';
import type { NathelperState } from '../../host/nathelper/state.js';

function binding(ruid: string, contact: string, received: string, cflags: number): LocationRecord {
  return {
    ruid, username: ruid, domain: '', contact, received, path: '', expires: Math.floor(Date.now() / 1000) + 3600, q: -1, callid: `c-${ruid}`, cseq: 1,
    lastModified: Math.floor(Date.now() / 1000), flags: 0, cflags, userAgent: '', socket: 'udp:127.0.0.1:5060', methods: -1, instance: '', regId: 0,
    serverId: 0, connectionId: -1, keepalive: 0, partition: 0,
  };
}

const NAT = 1 << 6;
const SIP = 1 << 7;
const OFF = 1 << 8;

function coreWith(records: LocationRecord[]): RecordingCore {
  const core = new RecordingCore();
  for (const r of records) core.usrloc.put('location', r);
  return core;
}

test('ping_nated_only: only NAT-flagged UDP bindings; 4 zero bytes to received (else Contact); disable flag and TCP skipped', () => {
  const core = coreWith([
    binding('a', 'sip:a@192.168.1.20:5062', 'sip:127.0.0.2:5070', NAT),
    binding('b', 'sip:b@127.0.0.3:5071', '', NAT),
    binding('c', 'sip:c@127.0.0.4:5072', '', 0),
    binding('d', 'sip:d@127.0.0.5:5073', '', NAT | OFF),
    binding('e', 'sip:e@127.0.0.6:5074;transport=tcp', '', NAT),
  ]);
  const settings = parseNathelperSettings({ natping_interval: 10, ping_nated_only: 1, nat_bflag: 6, natping_disable_bflag: 8 });
  const pinger = new NatPinger(core, settings, core.logger);
  assert.equal(pinger.pingAll(), 3, 'a, b and e are candidates (d disabled, c not NATed)');
  const to = core.sent.map((s) => `${s.dst.proto}:${s.dst.ip}:${s.dst.port}`).sort();
  assert.deepEqual(to, ['udp:127.0.0.2:5070', 'udp:127.0.0.3:5071']);
  for (const s of core.sent) assert.deepEqual(s.buf, UDP_PING);
  assert.equal(pinger.stats.skipped, 1, 'the TCP binding');
});

test('ping_nated_only 0 with sipping_bflag: SIP pings to every binding; the round is spread over the interval', () => {
  const recs = Array.from({ length: 10 }, (_, i) => binding(`u${i}`, `sip:u${i}@127.0.0.${i + 2}:5070`, '', 0));
  const core = coreWith(recs);
  const settings = parseNathelperSettings({ natping_interval: 5, sipping_bflag: 7, sipping_from: 'sip:pinger@kamailio.org' });
  const pinger = new NatPinger(core, settings, core.logger);
  pinger.onTick();
  assert.equal(pinger.stats.sipPings, 2, 'a fifth of the bindings in the first second');
  for (let i = 0; i < 4; i++) pinger.onTick();
  assert.equal(pinger.stats.sipPings, 10);
  const first = core.sent.map((s) => s.buf.toString()).find((t) => t.startsWith('OPTIONS '));
  assert.ok(first, 'an OPTIONS was sent');
  assert.match(first!, /^OPTIONS sip:u\d@127\.0\.0\.\d+:5070 SIP\/2\.0\r\n/);
  assert.match(first!, /\r\nFrom: <sip:pinger@kamailio\.org>;tag=u\d-/);
  pinger.stop();
  core.tm.stop?.();
});

test('keepalive_timeout: a SIP-pinged binding that never answers is removed after the timeout', () => {
  const core = coreWith([binding('k', 'sip:k@127.0.0.2:5070', '', NAT | SIP)]);
  let now = Date.now();
  const settings = parseNathelperSettings({ natping_interval: 1, ping_nated_only: 1, nat_bflag: 6, sipping_bflag: 7, sipping_from: 'sip:p@x', keepalive_timeout: 30 });
  const pinger = new NatPinger(core, settings, core.logger, () => now);
  pinger.pingAll();
  assert.equal(core.usrloc.dump()[0]!.records.length, 1);
  now += 20_000;
  pinger.pingAll();
  assert.equal(core.usrloc.dump()[0]!.records.length, 1, 'within the timeout');
  now += 20_000;
  assert.equal(pinger.pingAll(), 0, 'removed, not pinged');
  assert.equal(pinger.stats.removed, 1);
  assert.equal(core.usrloc.dump().flatMap((d) => d.records).length, 0);
  assert.match(core.logs.at(-1)!.text, /no answer to keepalives/);
  core.tm.stop?.();
});

test('nathelper.enable_ping RPC: 0 stops the rounds, 1 resumes; refused when natping_interval is 0', () => {
  const core = new RecordingCore(undefined, 2, { moduleConfig: { nathelper: { natping_interval: 2 } } });
  const st = core.modules.get<NathelperState>('nathelper');
  core.modules.callRpc('nathelper.enable_ping', [0]);
  assert.equal(st.pinger.enabled, false);
  st.pinger.onTick();
  assert.equal(st.pinger.stats.rounds, 0);
  core.modules.callRpc('nathelper.enable_ping', [1]);
  assert.equal(st.pinger.enabled, true);
  assert.throws(() => new RecordingCore().modules.callRpc('nathelper.enable_ping', [1]), /NATping disabled/);
  assert.throws(() => core.modules.callRpc('nathelper.enable_ping', []), /No parameter/);
});

test('a bad nathelper config refuses to make the state, naming the key', () => {
  assert.throws(() => new RecordingCore(undefined, 2, { moduleConfig: { nathelper: { sipping_bflag: 40 } } }), /modules\.nathelper\.sipping_bflag: expected an integer -1\.\.31, got 40/);
});

test('SIP ping of a binding with a Path goes to its first hop with the Path as Route; filter_server_id skips other nodes', () => {
  const withPath = { ...binding('p', 'sip:p@192.168.1.20:5062', 'sip:127.0.0.2:5070', NAT | SIP), path: '<sip:127.0.0.9:5090;lr>' };
  const other = { ...binding('o', 'sip:o@127.0.0.3:5062', '', NAT), serverId: 9 };
  const core = coreWith([withPath, other]);
  const settings = parseNathelperSettings({ natping_interval: 1, ping_nated_only: 1, nat_bflag: 6, sipping_bflag: 7, sipping_from: 'sip:p@x', filter_server_id: 1 });
  const pinger = new NatPinger(core, settings, core.logger);
  assert.equal(pinger.pingAll(), 1);
  const sent = core.sent.find((s) => s.buf.toString().startsWith('OPTIONS '));
  assert.ok(sent);
  assert.equal(`${sent!.dst.ip}:${sent!.dst.port}`, '127.0.0.9:5090');
  assert.match(sent!.buf.toString(), /\r\nRoute: <sip:127\.0\.0\.9:5090;lr>\r\n/);
  assert.throws(() => parseNathelperSettings({ natping_socket: '192.168.1.1:5006' }), /modules\.nathelper\.natping_socket: pings from a spoofed source address need a raw socket/);
  core.tm.stop?.();
});

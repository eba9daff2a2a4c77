// KSR.permissions: address groups (exact, CIDR, port, IPv6, domain names), tags into the AVP,
// the group functions, trusted rules (proto, From and R-URI patterns, priority, peer_tag_mode),
// store loading and the reload RPCs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { readPv } from '../../host/core/pv.js';
import { openStore } from '../../host/store/open-store.js';
import { ADDRESS_TABLE, TRUSTED_TABLE } from '../../host/store/module-tables.js';
import { StoreUnavailable } from '../../host/store/store.js';
import { parsePermissionsSettings } from '../../host/permissions/settings.js';

const ADDRESS = [
  { grp: 1, ip_addr: '127.0.0.1', mask: 32, port: 0 },
  { grp: 2, ip_addr: '10.0.0.0', mask: 8, port: 5060, tag: 'carrier' },
  { grp: 2, ip_addr: '10.1.0.0', mask: 16, port: 0, tag: 'narrow' },
  { grp: 3, ip_addr: '2001:db8::', mask: 32, port: 0, tag: 'v6net' },
  { grp: 3, ip_addr: '::1', mask: 128, port: 5080 },
  { grp: 4, ip_addr: 'gw.example.com', port: 0, tag: 'dns' },
  { grp: 5, ip_addr: '192.0.2.10', mask: 32, port: 5062, tag: 'five' },
];

function on(config: Record<string, unknown>, rcv: { srcIp?: string; srcPort?: number; proto?: 'udp' | 'tcp' } = {}, fixture = 'invite') {
  const core = new RecordingCore(undefined, 2, { moduleConfig: { permissions: config } });
  const ctx = makeContext(fixture, { core, ...rcv });
  return { ctx, core, ksr: ksrOn(ctx), tag: () => readPv(ctx, '$avp(s:peer_tag)') };
}

test('allow_address: exact, CIDR, port 0 = any, a port that differs, a group that differs', () => {
  const { ksr } = on({ address: ADDRESS });
  assert.equal(ksr('permissions.allow_address', 1, '127.0.0.1', 9999), 1);
  assert.equal(ksr('permissions.allow_address', 1, '127.0.0.2', 5060), -1);
  assert.equal(ksr('permissions.allow_address', 2, '10.200.3.4', 5060), 1);
  assert.equal(ksr('permissions.allow_address', 2, '10.200.3.4', 5061), -1, 'port must equal');
  assert.equal(ksr('permissions.allow_address', 2, '11.0.0.1', 5060), -1);
  assert.equal(ksr('permissions.allow_address', 1, '10.200.3.4', 5060), -1, 'another group');
  assert.equal(ksr('permissions.allow_address', 2, '10.1.2.3', 7000), 1, 'the /16 with any port');
});

test('allow_address: IPv6 in any spelling, subnets, domain names matched as strings', () => {
  const { ksr } = on({ address: ADDRESS });
  assert.equal(ksr('permissions.allow_address', 3, '[2001:DB8:ffff::7]', 1), 1);
  assert.equal(ksr('permissions.allow_address', 3, '2001:db9::7', 1), -1);
  assert.equal(ksr('permissions.allow_address', 3, '0:0:0:0:0:0:0:1', 5080), 1);
  assert.equal(ksr('permissions.allow_address', 3, '::1', 5081), -1);
  assert.equal(ksr('permissions.allow_address', 4, 'gw.example.com', 5060), 1);
  assert.equal(ksr('permissions.allow_address', 4, 'GW.example.com', 5060), -1, 'strict string match, no DNS');
  assert.equal(ksr('permissions.allow_address', 1, '127.0.0.1', 70000), -1, 'a port out of range');
});

test('allow_source_address: $si/$sp; the tag goes on top of peer_tag_avp', () => {
  const a = on({ address: ADDRESS, peer_tag_avp: '$avp(s:peer_tag)' }, { srcIp: '10.9.9.9', srcPort: 5060 });
  assert.equal(a.ksr('permissions.allow_source_address', 2), 1);
  assert.deepEqual(a.tag(), { ok: true, value: 'carrier' });
  assert.equal(a.ksr('permissions.allow_source_address', 1), -1);
  const b = on({ address: ADDRESS }, { srcIp: '127.0.0.1', srcPort: 40000 });
  assert.equal(b.ksr('permissions.allow_source_address', 1), 1);
  assert.deepEqual(b.tag(), { ok: true, value: null }, 'no peer_tag_avp configured: nothing set');
});

test('subnet_match_mode: 0 takes the first subnet of the group, 1 the longest mask', () => {
  const first = on({ address: ADDRESS, peer_tag_avp: '$avp(s:peer_tag)' });
  assert.equal(first.ksr('permissions.allow_address', 2, '10.1.2.3', 5060), 1);
  assert.deepEqual(first.tag(), { ok: true, value: 'carrier' });
  const best = on({ address: ADDRESS, peer_tag_avp: '$avp(s:peer_tag)', subnet_match_mode: 1 });
  assert.equal(best.ksr('permissions.allow_address', 2, '10.1.2.3', 5060), 1);
  assert.deepEqual(best.tag(), { ok: true, value: 'narrow' });
});

test('allow_source_address_group / allow_address_group: the group, or -1', () => {
  const { ksr, tag } = on({ address: ADDRESS, peer_tag_avp: '$avp(s:peer_tag)' }, { srcIp: '192.0.2.10', srcPort: 5062 });
  assert.equal(ksr('permissions.allow_source_address_group'), 5);
  assert.deepEqual(tag(), { ok: true, value: 'five' });
  assert.equal(ksr('permissions.allow_address_group', '10.0.0.1', 5060), 2);
  assert.equal(ksr('permissions.allow_address_group', '10.0.0.1', 5061), -1);
  assert.equal(ksr('permissions.allow_address_group', '2001:db8::1', 0), 3);
  assert.equal(ksr('permissions.allow_address_group', 'gw.example.com', 1), 4);
  assert.equal(ksr('permissions.allow_address_group', '198.51.100.1', 5060), -1);
  const other = on({ address: ADDRESS }, { srcIp: '192.0.2.10', srcPort: 5063 });
  assert.equal(other.ksr('permissions.allow_source_address_group'), -1);
});

const TRUSTED = [
  { src_ip: '192.0.2.10', proto: 'udp', from_pattern: '^sip:bob@', tag: 'bob', priority: 9 },
  { src_ip: '192.0.2.10', proto: 'any', from_pattern: '^sip:alice@localhost$', ruri_pattern: '^sip:bob@', tag: 'alice-low', priority: 1 },
  { src_ip: '192.0.2.10', proto: 'ANY', from_pattern: 'alice', tag: 'alice-high', priority: 5 },
  { src_ip: '192.0.2.11', proto: 'tcp' },
  { src_ip: '192.0.2.12', proto: 'none' },
];

test('allow_trusted: source as a string, proto, From pattern; the highest priority match tags', () => {
  const a = on({ trusted: TRUSTED, peer_tag_avp: '$avp(s:peer_tag)' }, { srcIp: '192.0.2.10' });
  assert.equal(a.ksr('permissions.allow_trusted'), 1);
  assert.deepEqual(a.tag(), { ok: true, value: 'alice-high' });
  assert.equal(on({ trusted: TRUSTED }, { srcIp: '192.0.2.11', proto: 'udp' }).ksr('permissions.allow_trusted'), -1, 'tcp rule, udp request');
  assert.equal(on({ trusted: TRUSTED }, { srcIp: '192.0.2.11', proto: 'tcp' }).ksr('permissions.allow_trusted'), 1);
  assert.equal(on({ trusted: TRUSTED }, { srcIp: '192.0.2.12' }).ksr('permissions.allow_trusted'), -1, 'proto none: the row is skipped');
  assert.equal(on({ trusted: TRUSTED }, { srcIp: '192.0.2.13' }).ksr('permissions.allow_trusted'), -1);
});

test('allow_trusted: peer_tag_mode 1 adds every match\'s tag and returns how many matched; R-URI pattern', () => {
  const a = on({ trusted: TRUSTED, peer_tag_avp: '$avp(s:peer_tag)', peer_tag_mode: 1 }, { srcIp: '192.0.2.10' });
  assert.equal(a.ksr('permissions.allow_trusted'), 2, 'alice-high and alice-low (R-URI sip:bob@...)');
  assert.deepEqual(readPv(a.ctx, '$(avp(s:peer_tag)[*])'), { ok: true, value: 'alice-low,alice-high' });
});

test('allow_trusted: a bad pattern skips its row with a log naming it', () => {
  const { ksr, core } = on({ trusted: [{ src_ip: '192.0.2.10', from_pattern: '(a' }, { src_ip: '192.0.2.10', proto: 'bogus' }] }, { srcIp: '192.0.2.10' });
  assert.equal(ksr('permissions.allow_trusted'), -1);
  assert.ok(core.logs.some((l) => /permissions: trusted row 1 \("192.0.2.10"\): regular expression/.test(l.text)), JSON.stringify(core.logs));
  assert.ok(core.logs.some((l) => /row 2 .*proto "bogus": expected any, udp/.test(l.text)));
});

test('config errors name the key', () => {
  assert.throws(() => parsePermissionsSettings({ adress: [] }), /modules\.permissions\.adress: unknown key/);
  assert.throws(() => parsePermissionsSettings({ address: [{ grp: 1 }] }), /modules\.permissions\.address\[0\]\.ip_addr: required/);
  assert.throws(() => parsePermissionsSettings({ address: [{ ip_addr: '1.2.3.4', port: 'x' }] }), /address\[0\]\.port: expected an integer/);
  assert.throws(() => parsePermissionsSettings({ peer_tag_avp: '$var(x)' }), /peer_tag_avp: expected an AVP/);
  assert.throws(() => parsePermissionsSettings({ address_table: 'addr; drop' }), /address_table: expected a table name/);
});

test('rows from the store: read at first use; addressReload/trustedReload see changes; a failing store keeps the old lists', async () => {
  const store = await openStore('sqlite::memory:');
  try {
    store.insertRow(ADDRESS_TABLE, { grp: 7, ip_addr: '198.51.100.0', mask: 24, port: 0, tag: 'db' });
    store.insertRow(TRUSTED_TABLE, { src_ip: '192.0.2.10', proto: 'udp', tag: 'db-trusted' });
    const core = new RecordingCore(undefined, 2, { store, moduleConfig: { permissions: { address: [{ grp: 1, ip_addr: '127.0.0.1' }] } } });
    const ksr = ksrOn(makeContext('invite', { core, srcIp: '192.0.2.10' }));
    assert.equal(ksr('permissions.allow_address', 7, '198.51.100.9', 5060), 1);
    assert.equal(ksr('permissions.allow_address', 1, '127.0.0.1', 5060), 1, 'inline rows too');
    assert.equal(ksr('permissions.allow_trusted'), 1);
    store.insertRow(ADDRESS_TABLE, { grp: 8, ip_addr: '203.0.113.5' });
    store.deleteRows(TRUSTED_TABLE, {});
    assert.equal(ksr('permissions.allow_address', 8, '203.0.113.5', 1), -1, 'not before a reload');
    assert.equal(core.modules.callRpc('permissions.addressReload', undefined), 'Reload OK (3 entries)');
    assert.equal(core.modules.callRpc('permissions.trustedReload', undefined), 'Reload OK (0 entries)');
    assert.equal(ksr('permissions.allow_address', 8, '203.0.113.5', 1), 1);
    assert.equal(ksr('permissions.allow_trusted'), -1);
    assert.deepEqual(core.modules.callRpc('permissions.subnetDump', undefined), [{ id: 0, group: 7, item: { ip: '198.51.100.0', mask: 24, port: 0, tag: 'db' } }]);
    assert.deepEqual(core.modules.callRpc('permissions.addressDump', undefined), [
      { group: 1, item: { ip: '127.0.0.1', port: 0, tag: 'NULL' } },
      { group: 8, item: { ip: '203.0.113.5', port: 0, tag: 'NULL' } },
    ]);
    core.store = { ...store, tableRows: () => { throw new StoreUnavailable('test store', 'gone'); } } as unknown as typeof store;
    assert.throws(() => core.modules.callRpc('permissions.addressReload', undefined), /address reload failed, the previous list is kept: reading table address failed/);
    assert.equal(ksr('permissions.allow_address', 8, '203.0.113.5', 1), 1, 'the old list is kept');
  } finally {
    await store.close();
  }
});

test('trustedDump shows rules in priority order', () => {
  const { core } = on({ trusted: TRUSTED });
  const dump = core.modules.callRpc('permissions.trustedDump', undefined) as Array<{ ip: string; tag: string; priority: number }>;
  assert.deepEqual(dump.map((r) => [r.ip, r.tag, r.priority]), [
    ['192.0.2.10', 'bob', 9], ['192.0.2.10', 'alice-high', 5], ['192.0.2.10', 'alice-low', 1], ['192.0.2.11', 'NULL', 0],
  ]);
});

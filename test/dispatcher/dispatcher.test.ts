import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { readPv } from '../../host/core/pv.js';
import { dsHash, uriHashKeys } from '../../host/dispatcher/hash.js';
import { buildSets, parseListFile } from '../../host/dispatcher/destination-list.js';
import type { DispatcherState } from '../../host/dispatcher/state.js';
import { applyProbeResult, pingAll } from '../../host/dispatcher/probing.js';
import { TEST_MODULE_CONFIG } from '../support/module-test-config.js';

const pv = (ctx: Parameters<typeof readPv>[0], name: string) => {
  const r = readPv(ctx, name);
  return r.ok ? r.value : `error: ${r.error}`;
};
const base = TEST_MODULE_CONFIG.dispatcher as Record<string, unknown>;
const coreWith = (extra: Record<string, unknown>) => new RecordingCore(undefined, 2, { moduleConfig: { dispatcher: { ...base, ...extra } } });
const dsOf = (core: RecordingCore) => core.modules.get<DispatcherState>('dispatcher');

test('hash: Kamailio ds_get_hash values (computed by hand from its definition)', () => {
  // "abcd": one word 0x61626364; h = w ^ (w >> 3); then the tail word 0 adds 0
  const w = 0x61626364;
  let h = (w ^ (w >>> 3)) >>> 0;
  h = (((h + (h >>> 11)) >>> 0) + ((h >>> 13) + (h >>> 23))) >>> 0;
  assert.equal(dsHash('abcd'), h);
  assert.equal(dsHash('', null), 1, 'never 0');
  assert.deepEqual(uriHashKeys('sip:alice@example.com:5060', 0), ['alice', 'example.com']);
  assert.deepEqual(uriHashKeys('sip:alice@example.com:5070', 0), ['alice', 'example.com:5070']);
  assert.deepEqual(uriHashKeys('sip:alice@example.com:5070', 1), ['alice', '']);
});

test('list file: Kamailio order (highest priority first, later lines first among equals)', () => {
  const { rows, errors } = parseListFile('# c\n1 sip:a:5060\n1 sip:b:5060 0 5 weight=50;\n1 sip:c:5060 8\n\n2 d.example.com 0 0 duid=x # trailing\n');
  assert.deepEqual(errors, []);
  const { sets } = buildSets(rows, { attrsNone: false, strict: false });
  assert.deepEqual(sets.get(1)!.dests.map((d) => d.uri), ['sip:b:5060', 'sip:c:5060', 'sip:a:5060']);
  assert.equal(sets.get(1)!.dests[0]!.attrs.body, 'weight=50');
  assert.equal(sets.get(1)!.dests[1]!.flags, 8);
  assert.equal(sets.get(2)!.dests[0]!.uri, 'sip:d.example.com', 'scheme added');
  assert.equal(sets.get(2)!.dests[0]!.attrs.duid, 'x');
});

test('round robin (alg 4): alternates, sets $du, fills _dsdst_ and _dsctx_', () => {
  const core = new RecordingCore();
  const seen: string[] = [];
  for (let i = 0; i < 4; i++) {
    const ctx = makeContext('invite', { core });
    assert.equal(ksrOn(ctx)('dispatcher.ds_select_dst', 1, 4), 1);
    seen.push(ctx.dstUri!);
    assert.equal(pv(ctx, '$xavp(_dsdst_=>uri)'), ctx.dstUri);
    assert.equal(pv(ctx, '$xavp(_dsdst_[1]=>uri)'), seen[i]!.endsWith('5072') ? 'sip:127.0.0.1:5071' : 'sip:127.0.0.1:5072');
    assert.equal(pv(ctx, '$xavp(_dsdst_=>grp)'), 1);
    assert.equal(pv(ctx, '$xavp(_dsctx_=>cnt)'), 2);
  }
  // Kamailio's order in a set of equal priorities is the reverse of the lines
  assert.deepEqual(seen, ['sip:127.0.0.1:5072', 'sip:127.0.0.1:5071', 'sip:127.0.0.1:5072', 'sip:127.0.0.1:5071']);
});

test('failover: ds_next_dst walks the list, then -1; ds_set_dst re-applies the current', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('dispatcher.ds_select_dst', 1, 8), 1);
  assert.equal(ctx.dstUri, 'sip:127.0.0.1:5072');
  assert.equal(ksr('dispatcher.ds_next_dst'), 1);
  assert.equal(ctx.dstUri, 'sip:127.0.0.1:5071');
  ctx.dstUri = null;
  assert.equal(ksr('dispatcher.ds_set_dst'), 1);
  assert.equal(ctx.dstUri, 'sip:127.0.0.1:5071');
  assert.equal(ksr('dispatcher.ds_next_dst'), -1);
  assert.equal(ksr('dispatcher.ds_set_dst'), -1);
});

test('failover disabled (flags 0): one destination, no list, ds_next_dst -1', () => {
  const ctx = makeContext('invite', { core: coreWith({ flags: 0 }) });
  const ksr = ksrOn(ctx);
  assert.equal(ksr('dispatcher.ds_select_dst', 1, 8), 1);
  assert.equal(pv(ctx, '$xavp(_dsdst_=>uri)'), null);
  assert.equal(ksr('dispatcher.ds_next_dst'), -1);
  assert.equal(ksr('dispatcher.ds_mark_dst'), -1);
});

test('ds_select_domain rewrites host:port of the R-URI, keeps the user; ds_next_domain moves on', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('dispatcher.ds_select_domain', 2, 8), 1);
  assert.equal(ctx.ruri, 'sip:bob@127.0.0.2:5080');
  assert.equal(ctx.dstUri, null);
  assert.equal(ksr('dispatcher.ds_next_domain'), 1);
  assert.equal(ctx.ruri, 'sip:bob@127.0.0.3:5080;transport=tcp');
});

test('limit bounds the list; ds_select fills only the list', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('dispatcher.ds_select_limit', 2, 8, 1), 1);
  assert.equal(ctx.dstUri, null);
  assert.equal(ctx.newUri, null);
  assert.equal(pv(ctx, '$xavp(_dsctx_=>cnt)'), 1);
  assert.equal(pv(ctx, '$xavp(_dsdst_[1]=>uri)'), null);
  assert.equal(pv(ctx, '$xavp(_dsdst_=>attrs)'), 'weight=70;duid=gw1;maxload=1');
});

test('inactive destinations are skipped; a set with none active gives -1', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('dispatcher.ds_select_dst', 3, 4), -1);
  assert.equal(ksr('dispatcher.ds_is_active', 3), -1);
  assert.equal(ksr('dispatcher.ds_mark_addr', 'a', 3, 'sip:127.0.0.4:5090'), 1);
  assert.equal(ksr('dispatcher.ds_is_active', 3), 1);
  assert.equal(ksr('dispatcher.ds_select_dst', 3, 4), 1);
  assert.equal(ksr('dispatcher.ds_select_dst', 9, 4), -1, 'no such set');
  assert.equal(ksr('dispatcher.ds_mark_addr', 'x', 3, 'sip:127.0.0.4:5090'), -1, 'bad state letters');
});

test('ds_mark_dst marks the current destination inactive; the next selection skips it', () => {
  const core = new RecordingCore();
  const ctx = makeContext('invite', { core });
  const ksr = ksrOn(ctx);
  assert.equal(ksr('dispatcher.ds_select_dst', 1, 8), 1);
  assert.equal(ksr('dispatcher.ds_mark_dst'), 1);
  assert.equal(ksr('dispatcher.ds_is_active_uri', 1, 'sip:127.0.0.1:5072'), -1);
  assert.equal(ksr('dispatcher.ds_is_active_uri', 1, 'sip:127.0.0.1:5071'), 1);
  const c2 = makeContext('invite', { core });
  assert.equal(ksrOn(c2)('dispatcher.ds_select_dst', 1, 8), 1);
  assert.equal(c2.dstUri, 'sip:127.0.0.1:5071');
  assert.equal(ksrOn(c2)('dispatcher.ds_mark_dst_state', 'ap'), 1);
  assert.equal(ksrOn(c2)('dispatcher.ds_mark_dst_state', 'zz'), -1);
});

test('hash algorithms pick deterministically: Call-ID (0), From (1), To (2), R-URI (3), PV (7)', () => {
  for (const alg of [0, 1, 2, 3, 7]) {
    const a = makeContext('invite');
    const b = makeContext('invite');
    assert.equal(ksrOn(a)('dispatcher.ds_select_dst', 1, alg), 1);
    assert.equal(ksrOn(b)('dispatcher.ds_select_dst', 1, alg), 1);
    assert.equal(a.dstUri, b.dstUri, `alg ${alg}`);
  }
  // alg 0 on this Call-ID: ds_get_hash % 2 picks the index
  const ctx = makeContext('invite');
  ksrOn(ctx)('dispatcher.ds_select_dst', 1, 0);
  const idx = dsHash('a84b4c76e66710@192.0.2.10') % 2;
  assert.equal(ctx.dstUri, ['sip:127.0.0.1:5072', 'sip:127.0.0.1:5071'][idx]);
  // alg 7 without hash_pvar fails
  const c7 = makeContext('invite', { core: coreWith({ hash_pvar: undefined }) });
  assert.equal(ksrOn(c7)('dispatcher.ds_select_dst', 1, 7), -1);
});

test('weight (alg 9): 70/30 over 100 selections', () => {
  const core = new RecordingCore();
  const counts = new Map<string, number>();
  for (let i = 0; i < 100; i++) {
    const ctx = makeContext('invite', { core });
    assert.equal(ksrOn(ctx)('dispatcher.ds_select_dst', 2, 9), 1);
    counts.set(ctx.dstUri!, (counts.get(ctx.dstUri!) ?? 0) + 1);
  }
  assert.equal(counts.get('sip:127.0.0.2:5080'), 70);
  assert.equal(counts.get('sip:127.0.0.3:5080;transport=tcp'), 30);
});

test('relative weight (alg 11), random (6), parallel (12), latency (13) select active destinations', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('dispatcher.ds_select_dst', 1, 6), 1);
  assert.match(ctx.dstUri!, /^sip:127\.0\.0\.1:507[12]$/);
  const p = makeContext('invite');
  assert.equal(ksrOn(p)('dispatcher.ds_select_dst', 1, 12), 1);
  assert.equal(p.dstUri, 'sip:127.0.0.1:5072');
  assert.deepEqual(p.branches.map((b) => b.dstUri), ['sip:127.0.0.1:5071']);
  const l = makeContext('invite');
  assert.equal(ksrOn(l)('dispatcher.ds_select_dst', 2, 13), 1);
  assert.equal(l.dstUri, 'sip:127.0.0.2:5080', 'highest priority first');
});

test('call load (alg 10): least loaded with maxload, ds_load_unset frees it', () => {
  const core = new RecordingCore();
  const a = makeContext('invite', { core });
  assert.equal(ksrOn(a)('dispatcher.ds_select_dst', 2, 10), 1);
  assert.equal(a.dstUri, 'sip:127.0.0.2:5080');
  assert.equal(pv(a, '$xavp(_dsdst_=>dstid)'), 'gw1');
  // another call (another Call-ID)
  const other = makeContext(a.msg.buf.toString('latin1').replace('a84b4c76e66710@192.0.2.10', 'second-call@192.0.2.10'), { core });
  assert.equal(ksrOn(other)('dispatcher.ds_select_dst', 2, 10), 1);
  assert.equal(other.dstUri, 'sip:127.0.0.3:5080;transport=tcp', 'gw1 is at its maxload 1');
  assert.equal(ksrOn(a)('dispatcher.ds_load_unset'), 1);
  assert.equal(ksrOn(a)('dispatcher.ds_load_unset'), -1, 'no load left for that call');
  // a BYE of the second call ends its load: gw2 is free again, and gw1 takes the next call
  const bye = makeContext(other.msg.buf.toString('latin1').replace(/INVITE/g, 'BYE'), { core });
  assert.equal(ksrOn(bye)('dispatcher.ds_load_update'), 1);
  assert.equal(dsOf(core).table.loadGet('second-call@192.0.2.10'), undefined);
  const third = makeContext(a.msg.buf.toString('latin1').replace('a84b4c76e66710@192.0.2.10', 'third@192.0.2.10'), { core });
  assert.equal(ksrOn(third)('dispatcher.ds_select_dst', 2, 10), 1);
  assert.equal(third.dstUri, 'sip:127.0.0.2:5080');
  // failover moves the call's load to the next destination
  assert.equal(ksrOn(third)('dispatcher.ds_next_dst'), 1);
  assert.equal(dsOf(core).table.loadGet('third@192.0.2.10')!.duid, 'gw2');
});

test('ds_is_from_list: source address and port against a set; setid_pvname with no group', () => {
  const ctx = makeContext('invite', { srcIp: '127.0.0.1', srcPort: 5072 });
  const ksr = ksrOn(ctx);
  assert.equal(ksr('dispatcher.ds_is_from_list', 1), 1);
  assert.equal(ksr('dispatcher.ds_is_from_list', 2), -1);
  assert.equal(ksr('dispatcher.ds_is_from_lists'), 1);
  assert.equal(pv(ctx, '$avp(dsset)'), 1);
  const other = makeContext('invite', { srcIp: '127.0.0.1', srcPort: 5999 });
  assert.equal(ksrOn(other)('dispatcher.ds_is_from_list', 1), -1);
  assert.equal(ksrOn(other)('dispatcher.ds_is_from_list_mode', 1, 3), 1, 'mode 1: no port');
  assert.equal(ksrOn(other)('dispatcher.ds_is_from_list_mode', 1, 0), -1, 'mode 0: protocol too (none in the URI)');
  assert.equal(ksrOn(other)('dispatcher.ds_is_from_list_uri', 2, 0, 'sip:127.0.0.3:5080;transport=tcp'), 1);
  assert.equal(pv(other, '$avp(dsattrs)'), 'weight=30;duid=gw2');
  assert.equal(ksrOn(other)('dispatcher.ds_is_from_list_uri', 2, 0, 'sip:127.0.0.3:5080'), -1);
  assert.equal(ksrOn(other)('dispatcher.ds_is_from_list_uri', 2, 0, 'not a uri'), -1);
});

test('ds_select_routes: several groups, mode letter, bad rules', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('dispatcher.ds_select_routes', '1=8;2=8', 'dst'), 1);
  assert.equal(ctx.dstUri, 'sip:127.0.0.1:5072');
  assert.equal(pv(ctx, '$xavp(_dsctx_=>cnt)'), 4);
  assert.equal(pv(ctx, '$xavp(_dsdst_[2]=>uri)'), 'sip:127.0.0.2:5080');
  assert.equal(ksr('dispatcher.ds_select_routes_limit', '2=8', 'ruri', 1), 1);
  assert.equal(ctx.ruri, 'sip:bob@127.0.0.2:5080');
  assert.equal(ksr('dispatcher.ds_select_routes', '1=a', 'd'), -1);
  assert.equal(ksr('dispatcher.ds_select_routes', '1=8', 'q'), -1);
  assert.equal(ksr('dispatcher.ds_select_routes', '9=8', 'd'), -1);
});

test('ds_list_exists, ds_reload from a list file (rate limited), a bad file keeps the old sets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-'));
  const file = join(dir, 'dispatcher.list');
  writeFileSync(file, '5 sip:127.0.0.9:5060\n');
  const core = new RecordingCore(undefined, 2, { moduleConfig: { dispatcher: { list_file: file, reload_delta: 0, flags: 2 } } });
  const ksr = ksrOn(makeContext('invite', { core }));
  assert.equal(ksr('dispatcher.ds_list_exists', 5), 1);
  assert.equal(ksr('dispatcher.ds_list_exists', 6), -1);
  writeFileSync(file, '6 sip:127.0.0.9:5060\n');
  assert.equal(ksr('dispatcher.ds_reload'), 1);
  assert.equal(ksr('dispatcher.ds_list_exists', 6), 1);
  writeFileSync(file, '7 \n');
  assert.equal(ksr('dispatcher.ds_reload'), -1);
  assert.equal(ksr('dispatcher.ds_list_exists', 6), 1, 'old sets kept');
  const limited = ksrOn(makeContext('invite'));
  assert.equal(limited('dispatcher.ds_reload'), 1);
  assert.equal(limited('dispatcher.ds_reload'), -1, 'reload_delta 5 s');
});

test('config errors name the key', () => {
  assert.throws(() => coreWith({ ds_probing_mode: 7 }), /modules\.dispatcher\.ds_probing_mode: expected an integer 0\.\.3/);
  assert.throws(() => coreWith({ list: [{ setid: 'x', destination: 'sip:a' }] }), /modules\.dispatcher\.list\[0\]\.setid/);
  assert.throws(() => coreWith({ ds_ping_reply_codes: 'foo' }), /ds_ping_reply_codes/);
  assert.throws(() => coreWith({ bogus: 1 }), /modules\.dispatcher\.bogus/);
});

test('probing: failures mark trying then inactive (threshold), success brings it back; events run', async () => {
  const core = coreWith({ ds_probing_mode: 1, ds_probing_threshold: 2, ds_ping_interval: 1 });
  const events: string[] = [];
  core.routes.set('dispatcher:dst-down', (ctx, arg) => events.push(`${arg} ${ctx.ruri}`));
  core.routes.set('dispatcher:dst-up', (ctx, arg) => events.push(`${arg} ${ctx.ruri}`));
  const ds = dsOf(core);
  const d = ds.set(1)!.dests[0]!;
  const probes: string[] = [];
  pingAll(ds, (_core, req, done) => { probes.push(`${req.method} ${req.ruri}`); done!({ code: req.ruri === d.uri ? 408 : 200, reason: '', reply: null }); return true; });
  assert.equal(probes.length, 5, 'mode 1 probes every destination');
  assert.equal(ds.flagsOf(d) & 3, 2, 'trying after one failure');
  applyProbeResult(ds, d, 408);
  assert.equal(ds.flagsOf(d) & 1, 1, 'inactive at the threshold');
  applyProbeResult(ds, d, 200);
  assert.equal(ds.flagsOf(d) & 1, 0);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(events, ['dispatcher:dst-up sip:127.0.0.4:5090', `dispatcher:dst-down ${d.uri}`, `dispatcher:dst-up ${d.uri}`], 'the inactive one of set 3 answered: up');
  const rpc = core.modules.callRpc('dispatcher.list', []) as { NRSETS: number; RECORDS: Array<{ SET: { ID: number; TARGETS: Array<{ DEST: { URI: string; FLAGS: string } }> } }> };
  assert.equal(rpc.NRSETS, 3);
  assert.equal(rpc.RECORDS[0]!.SET.TARGETS[0]!.DEST.FLAGS, 'AP');
  assert.equal(rpc.RECORDS[2]!.SET.TARGETS[0]!.DEST.FLAGS, 'AP', 'set 3 answered its probe');
});

test('rpc: set_state, ping_active, add/remove, reload error', () => {
  const core = new RecordingCore();
  const ds = dsOf(core);
  assert.equal(core.modules.callRpc('dispatcher.set_state', ['ip', 1, 'sip:127.0.0.1:5071']), null);
  assert.equal(ds.flagsOf(ds.set(1)!.dests[1]!), 9);
  assert.equal(core.modules.callRpc('dispatcher.set_state', ['a', 1, 'all']), null);
  assert.equal(ds.flagsOf(ds.set(1)!.dests[1]!), 0);
  assert.throws(() => core.modules.callRpc('dispatcher.set_state', ['q', 1, 'all']), /state: expected/);
  assert.throws(() => core.modules.callRpc('dispatcher.set_state', ['a', 42, 'all']), /not found/);
  assert.deepEqual(core.modules.callRpc('dispatcher.ping_active', []), { OldPingState: 1 });
  assert.deepEqual(core.modules.callRpc('dispatcher.ping_active', [0]), { NewPingState: 0, OldPingState: 1 });
  assert.equal(core.modules.callRpc('dispatcher.add', [7, 'sip:127.0.0.7:5060', 0, 0, 'duid=z']), null);
  assert.equal(ds.set(7)!.dests[0]!.attrs.duid, 'z');
  assert.equal(ds.set(1)!.dests.length, 2, 'others kept');
  assert.equal(core.modules.callRpc('dispatcher.remove', [7, 'sip:127.0.0.7:5060']), null);
  assert.equal(ds.set(7), undefined);
});

test('ds_is_from_list_mode 8 (+2 no protocol): a destination with a socket matches only requests received on it', () => {
  const core = coreWith({ list: [{ setid: 4, destination: 'sip:127.0.0.5:5060', attrs: 'socket=udp:127.0.0.1:5060' }] });
  const on = makeContext('invite', { core, srcIp: '127.0.0.5', srcPort: 5060, rcvIp: '127.0.0.1', rcvPort: 5060 });
  assert.equal(ksrOn(on)('dispatcher.ds_is_from_list_mode', 4, 10), 1);
  const off = makeContext('invite', { core, srcIp: '127.0.0.5', srcPort: 5060, rcvIp: '127.0.0.1', rcvPort: 5070 });
  assert.equal(ksrOn(off)('dispatcher.ds_is_from_list_mode', 4, 10), -1);
  assert.equal(ksrOn(off)('dispatcher.ds_is_from_list_mode', 4, 2), 1, 'without bit 8 the socket is not compared');
});

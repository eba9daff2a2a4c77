// KSR.pike: blocking per source address over sampling windows, return codes -2/-1/1, logs,
// IPv6, bounds, the shared table of the workers, pike.top. pike-shared.test.ts runs it all again
// with the counters in the workers' shared state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import type { PikeState } from '../../host/pike/pike-state.js';
import { MapPikeTable, SharedPikeTable, type PikeTable } from '../../host/pike/pike-table.js';
import { parsePikeSettings } from '../../host/pike/settings.js';
import { createSharedState, removeSharedState, SharedState } from '../../host/shared/shared-state.js';
import { ModuleStates } from '../../host/core/module-service.js';
import { createRegistry } from '../../bindings/modules/index.js';
import { sharedState } from '../support/shared-variant.js';

const T0 = 1_000_000_000_000; // a window boundary for a 2 s unit

const pikeOnly = createRegistry().services.filter((s) => s.module === 'pike');

/** A test core; in the shared variant (pike-shared.test.ts) its pike state counts in a shared-state table. */
function core(config: Record<string, unknown> = { sampling_time_unit: 2, reqs_density_per_unit: 5, remove_latency: 10 }) {
  const c = new RecordingCore(undefined, 2, { moduleConfig: { pike: config } });
  const shared = sharedState();
  if (shared) Object.defineProperty(c, 'modules', { value: new ModuleStates(c, { services: pikeOnly, config: { pike: config }, shared }) });
  const st = c.modules.get<PikeState>('pike');
  let now = T0;
  st.now = () => now;
  assert.ok(st.table instanceof (shared ? SharedPikeTable : MapPikeTable), 'the variant\'s table');
  return { c, st, at: (ms: number) => void (now = T0 + ms) };
}

const from = (c: RecordingCore, srcIp: string) => ksrOn(makeContext('options', { core: c, srcIp }));

test('a burst from one address: 1 up to the density, -2 once (logged), then -1; unblocked two windows later', () => {
  const { c, at } = core();
  const ksr = from(c, '127.0.0.2');
  const codes = Array.from({ length: 7 }, () => ksr('pike.pike_check_req'));
  assert.deepEqual(codes, [1, 1, 1, 1, -2, -1, -1]);
  assert.deepEqual(c.logs.filter((l) => /PIKE/.test(l.text)), [{ level: 'warn', text: 'KSR.pike.pike_check_req: PIKE - BLOCKing ip 127.0.0.2' }]);
  at(2000); // next window: prev = 7 >= 5, still hot
  assert.equal(ksr('pike.pike_check_req'), -1);
  at(4000); // the window after: prev = 1, cold
  assert.equal(ksr('pike.pike_check_req'), 1);
  assert.ok(c.logs.some((l) => l.text === 'pike: PIKE - UNBLOCKing ip 127.0.0.2'));
});

test('other addresses are not affected by a blocked one', () => {
  const { c } = core();
  const a = from(c, '127.0.0.2');
  for (let i = 0; i < 6; i++) a('pike.pike_check_req');
  assert.equal(a('pike.pike_check_req'), -1);
  assert.equal(from(c, '127.0.0.3')('pike.pike_check_req'), 1);
  assert.equal(from(c, '127.0.0.3')('pike.pike_check_ip', '127.0.0.4'), 1);
});

test('the mean of two windows counts: 3 + 7 over two windows blocks at the mean', () => {
  const { c, at } = core({ sampling_time_unit: 2, reqs_density_per_unit: 5, remove_latency: 10 });
  const ksr = from(c, '127.0.0.2');
  for (let i = 0; i < 4; i++) assert.equal(ksr('pike.pike_check_req'), 1);
  at(2000);
  // prev 4: (4 + 4) / 2 = 4 (cold); the 5th in this window is hot by its own count
  for (let i = 0; i < 4; i++) assert.equal(ksr('pike.pike_check_req'), 1);
  assert.equal(ksr('pike.pike_check_req'), -2);
});

test('pike_check_ip: IPv6 in any spelling is one address; not an address: -1 and a log', () => {
  const { c } = core();
  const ksr = from(c, '127.0.0.1');
  const forms = ['2001:db8::1', '[2001:db8::1]', '2001:DB8:0:0:0:0:0:1', '2001:db8::1', '2001:db8:0::1'];
  assert.deepEqual(forms.map((f) => ksr('pike.pike_check_ip', f)), [1, 1, 1, 1, -2]);
  assert.equal(ksr('pike.pike_check_ip', 'not-an-ip'), -1);
  assert.match(c.logs.at(-1)!.text, /KSR\.pike\.pike_check_ip: failed to parse ip address: expected an IPv4 or IPv6 address, got "not-an-ip"/);
  assert.equal(ksr('pike.pike_check_ip', '2001:db8::2'), 1, 'a neighbour is another address');
});

test('pike_check_req on an IPv6 source', () => {
  const { c } = core();
  const ksr = from(c, '::1');
  const codes = Array.from({ length: 6 }, () => ksr('pike.pike_check_req'));
  assert.deepEqual(codes, [1, 1, 1, 1, -2, -1]);
});

test('idle addresses are forgotten after remove_latency (and a sweep unblocks and forgets)', () => {
  const { c, st, at } = core();
  const ksr = from(c, '127.0.0.2');
  for (let i = 0; i < 5; i++) ksr('pike.pike_check_req');
  assert.equal(st.table.size(), 1);
  at(4000);
  st.sweep();
  assert.ok(c.logs.some((l) => l.text === 'pike: PIKE - UNBLOCKing ip 127.0.0.2'));
  at(11_000);
  st.sweep();
  assert.equal(st.table.size(), 0);
});

test('bounded: a flood from many addresses evicts the longest idle, the table never exceeds max_entries', () => {
  const t = new MapPikeTable({ density: 5, maxEntries: 16, latencyMs: 60_000 });
  for (let i = 0; i < 1000; i++) t.check(`10.0.${i >> 8}.${i & 255}`, 0, T0 + i);
  assert.equal(t.size(), 16);
  assert.deepEqual(t.entries(0, 100).map((e) => e.ip).slice(0, 2), ['10.0.3.216', '10.0.3.217']);
});

test('pike.top: HOT by default, ALL, WARM; Kamailio\'s fields', () => {
  const { c, st } = core({ sampling_time_unit: 2, reqs_density_per_unit: 8, remove_latency: 10 });
  for (let i = 0; i < 9; i++) from(c, '127.0.0.2')('pike.pike_check_req');
  for (let i = 0; i < 2; i++) from(c, '127.0.0.3')('pike.pike_check_req');
  from(c, '127.0.0.4')('pike.pike_check_req');
  assert.deepEqual(c.modules.callRpc('pike.top', undefined), {
    max_hits: 8, number_of_rows: 1, list: [{ ip_addr: '127.0.0.2', leaf_hits_prev: 0, leaf_hits_curr: 9, expires: 10, status: 'HOT' }],
  });
  assert.deepEqual((c.modules.callRpc('pike.top', ['WARM']) as { list: Array<{ ip_addr: string }> }).list.map((r) => r.ip_addr), ['127.0.0.3']);
  assert.equal((c.modules.callRpc('pike.list', ['ALL']) as { number_of_rows: number }).number_of_rows, 3);
  assert.throws(() => st.top(String(c.modules.callRpc('pike.top', [42]))), /expected a filter/);
});

test('config: defaults, bad keys and values refused naming the key', () => {
  assert.deepEqual(parsePikeSettings(undefined), { samplingTimeUnit: 2, reqsDensityPerUnit: 30, removeLatency: 120, logLevel: 0, maxEntries: 100_000 });
  assert.throws(() => parsePikeSettings({ reqs_density: 3 }), /modules\.pike\.reqs_density: unknown key/);
  assert.throws(() => parsePikeSettings({ sampling_time_unit: 0 }), /modules\.pike\.sampling_time_unit: expected an integer from 1/);
  assert.throws(() => parsePikeSettings({ remove_latency: 1, sampling_time_unit: 5 }), /remove_latency: expected at least sampling_time_unit/);
});

test('shared: two workers count into one table, so the flood is seen whole', () => {
  const h = createSharedState();
  const services = pikeOnly;
  try {
    const workers = [0, 1].map((worker) => {
      const c = new RecordingCore(undefined, 2, { moduleServices: services, moduleConfig: { pike: { reqs_density_per_unit: 5 } } });
      const shared = SharedState.open(h, { owner: worker + 1 });
      const states = new ModuleStates(c, { services, config: { pike: { reqs_density_per_unit: 5 } }, shared, primary: worker === 0, worker });
      const st = states.get<PikeState>('pike');
      st.now = () => T0;
      return { st, shared };
    });
    assert.ok(workers[0]!.st.table instanceof SharedPikeTable);
    const codes = [0, 1, 0, 1, 0, 1].map((w) => workers[w]!.st.check('pike_check_req', '127.0.0.2'));
    assert.deepEqual(codes, [1, 1, 1, 1, -2, -1]);
    assert.equal(workers[1]!.st.table.size(), 1);
    const top = workers[1]!.st.top('HOT');
    assert.deepEqual(top.list.map((r) => [r.ip_addr, r.leaf_hits_curr]), [['127.0.0.2', 6]]);
    for (const w of workers) w.shared.close();
  } finally {
    removeSharedState(h);
  }
});

test('shared table: bounded, idle rows swept', () => {
  const h = createSharedState();
  const shared = SharedState.open(h, { owner: 1 });
  try {
    const t: PikeTable = new SharedPikeTable(shared, { density: 5, maxEntries: 16, latencyMs: 1000 });
    for (let i = 0; i < 40; i++) t.check(`10.0.0.${i}`, 0, T0 + i);
    assert.equal(t.size(), 16);
    assert.equal((shared.db.prepare('SELECT COUNT(*) AS n FROM pike_ips').get() as { n: number }).n, 16);
    assert.deepEqual(t.sweep(0, T0 + 5000), { unblocked: [], removed: 16 });
    assert.equal(t.size(), 0);
  } finally {
    shared.close();
    removeSharedState(h);
  }
});

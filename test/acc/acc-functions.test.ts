import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { MemoryStore } from '../auth/requests.js';
import { openStore } from '../../host/store/open-store.js';
import { ACC_TABLE, layoutNamed } from '../../host/store/module-tables.js';
import { TEST_MODULE_CONFIG } from '../support/module-test-config.js';
import { parseComment } from '../../host/acc/comment.js';
import { accSettings } from '../../host/acc/settings.js';
import { formatTime } from '../../host/acc/time-format.js';
import type { SyncStore } from '../../host/store/store.js';

const HEAD = 'ACC: request accounted: ';
const TAIL = ';method=INVITE;from_tag=1928301774;to_tag=;call_id=a84b4c76e66710@192.0.2.10';

function setup(acc: unknown = undefined, store: SyncStore | null = null, debugLevel = 2) {
  const core = new RecordingCore(undefined, debugLevel, { store, moduleConfig: { ...TEST_MODULE_CONFIG, acc } });
  const ctx = makeContext('invite', { core });
  return { ctx, core, ksr: ksrOn(ctx) };
}

test('acc_log_request: Kamailio\'s line at L_NOTICE, the comment\'s code and reason', () => {
  const { ksr, core } = setup();
  const before = Math.floor(Date.now() / 1000);
  assert.equal(ksr('acc.acc_log_request', '404 Not found'), 1);
  assert.equal(core.logs.length, 1);
  assert.equal(core.logs[0]!.level, 'notice');
  const m = /^ACC: request accounted: timestamp=(\d+)(;.*)$/.exec(core.logs[0]!.text);
  assert.ok(m, core.logs[0]!.text);
  assert.ok(Number(m[1]) >= before && Number(m[1]) <= before + 2);
  assert.equal(m[2], `${TAIL};code=404;reason=Not found`);
});

test('a comment without a leading code is the reason alone; code is empty', () => {
  const { ksr, core } = setup();
  assert.equal(ksr('acc.acc_log_request', 'Some comment'), 1);
  assert.ok(core.logs[0]!.text.endsWith(`${TAIL};code=;reason=Some comment`));
  assert.deepEqual(parseComment('200  OK then'), { ok: true, code: '200', reason: 'OK then' });
  assert.deepEqual(parseComment('20 x'), { ok: true, code: '', reason: '20 x' });
});

test('a comment with $ or empty: -1 and an error (KEMI does not expand comments)', () => {
  const { ksr, core } = setup();
  assert.equal(ksr('acc.acc_log_request', '$var(code) x'), -1);
  assert.match(core.logs[0]!.text, /^KSR\.acc\.acc_log_request: the comment "\$var\(code\) x" has a '\$'/);
  assert.equal(ksr('acc.acc_log_request', ''), -1);
  assert.match(core.logs[1]!.text, /the comment is empty/);
});

test('log_extra values follow, a missing one empty; log_level and the debug level', () => {
  const { ksr, core } = setup({ log_extra: 'src_user=$fU;src_ip=$si;ua=$hdr(User-Agent);dst_ouser=$tU', log_level: 2 });
  assert.equal(ksr('acc.acc_log_request', '200 OK'), 1);
  assert.equal(core.logs[0]!.level, 'info');
  assert.ok(core.logs[0]!.text.endsWith(`${TAIL};code=200;reason=OK;src_user=alice;src_ip=192.0.2.10;ua=;dst_ouser=bob`), core.logs[0]!.text);
  const quiet = setup({ log_level: 3 });
  assert.equal(quiet.ksr('acc.acc_log_request', '200 OK'), 1);
  assert.deepEqual(quiet.core.logs, []);
});

test('time_mode 1 and 2 add their attribute after the timestamp', () => {
  const one = setup({ time_mode: 1 });
  one.ksr('acc.acc_log_request', '200 OK');
  assert.match(one.core.logs[0]!.text, /^ACC: request accounted: timestamp=\d+;time_exten=\d+;method=INVITE/);
  const two = setup({ time_mode: 2, time_attr: 'secs' });
  two.ksr('acc.acc_log_request', '200 OK');
  assert.match(two.core.logs[0]!.text, /^ACC: request accounted: timestamp=\d+;secs=\d+\.\d{3};method=INVITE/);
  const four = setup({ time_mode: 4, time_format: '%F %T %z' });
  four.ksr('acc.acc_log_request', '200 OK');
  assert.match(four.core.logs[0]!.text, /^ACC: request accounted: timestamp=\d+;time_attr=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000;method=INVITE/);
  assert.equal(formatTime(Date.UTC(2024, 1, 3, 4, 5, 6), '%Y/%m/%d %H:%M:%S %s %%', true), '2024/02/03 04:05:06 1706933106 %');
  assert.throws(() => accSettings({ time_mode: 3, time_format: '%A' }, null), /modules\.acc\.time_format: %A is not supported/);
});

test('a request without a From: -1, the header named', () => {
  const core = new RecordingCore();
  const ctx = makeContext('OPTIONS sip:x@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK-1\r\nTo: <sip:x@example.com>\r\nCall-ID: c1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n', { core });
  assert.equal(ksrOn(ctx)('acc.acc_log_request', '200 OK'), -1);
  assert.match(core.logs[0]!.text, /failed to preparse the request: no From header/);
});

for (const [name, make] of [['sqlite::memory:', async () => openStore('sqlite::memory:')], ['MemoryStore', async () => new MemoryStore()]] as const) {
  test(`acc_db_request writes the row (${name}); acc_request writes the log line and the row`, async () => {
    const store = await make();
    const { ksr, core } = setup({ db_extra: 'src_user=$fU;src_ip=$si' }, store);
    const now = Math.floor(Date.now() / 1000);
    assert.equal(ksr('acc.acc_db_request', '480 Temporarily Unavailable', 'missed_calls'), 1);
    assert.equal(ksr('acc.acc_request', '200 OK', 'acc'), 1);
    assert.equal(core.logs.length, 1);
    assert.ok(core.logs[0]!.text.startsWith(HEAD));
    const layout = (t: string) => ({ ...layoutNamed(ACC_TABLE, t, 'test'), columns: [...ACC_TABLE.columns, { name: 'src_user', type: 'string' as const, size: 255 }, { name: 'src_ip', type: 'string' as const, size: 255 }] });
    const missed = store.tableRows(layout('missed_calls'));
    const acc = store.tableRows(layout('acc'));
    assert.equal(missed.length, 1);
    assert.equal(acc.length, 1);
    const { id: _a, time: t1, ...m } = missed[0]!;
    assert.deepEqual(m, { method: 'INVITE', from_tag: '1928301774', to_tag: '', callid: 'a84b4c76e66710@192.0.2.10', sip_code: '480', sip_reason: 'Temporarily Unavailable', src_user: 'alice', src_ip: '192.0.2.10' });
    assert.ok(Math.abs(Number(t1) - now) <= 2);
    assert.equal(acc[0]!.sip_code, '200');
    await (store as { close?: () => Promise<void> }).close?.();
  });
}

test('acc_db_request: no store, a bad table name, a store that is down: -1 with an error, never a throw', () => {
  const none = setup();
  assert.equal(none.ksr('acc.acc_db_request', '200 OK', 'acc'), -1);
  assert.match(none.core.logs[0]!.text, /^KSR\.acc\.acc_db_request: no store configured/);
  const store = new MemoryStore();
  const bad = setup(undefined, store);
  assert.equal(bad.ksr('acc.acc_db_request', '200 OK', 'acc; DROP TABLE x'), -1);
  assert.match(bad.core.logs[0]!.text, /expected a table name of letters, digits and _/);
  assert.equal(bad.ksr('acc.acc_db_request', '200 OK', 'x'.repeat(65)), -1);
  store.down = true;
  assert.equal(bad.ksr('acc.acc_db_request', '200 OK', 'acc'), -1);
  assert.match(bad.core.logs.at(-1)!.text, /failed to insert into "acc": .*connection refused/);
  // acc_request without a store: the log line alone, 1
  assert.equal(none.ksr('acc.acc_request', '200 OK', 'acc'), 1);
  assert.ok(none.core.logs.at(-1)!.text.startsWith(HEAD));
});

test('config: flags, names and extras checked with the key', () => {
  const s = accSettings({ log_flag: 1, log_missed_flag: 2, failed_transaction_flag: 3, failed_filter: '404,407', db_table_acc: 'cdr' }, null);
  assert.deepEqual([s.logFlag, s.logMissedFlag, s.failedTransactionFlag, s.dbFlag, s.failedFilter, s.dbTableAcc], [1, 2, 3, -1, [404, 407], 'cdr']);
  assert.throws(() => accSettings({ log_flag: 32 }, null), /modules\.acc\.log_flag: expected an integer from -1 to 31, got 32/);
  assert.throws(() => accSettings({ log_extra: 'a=$fU;b' }, null), /modules\.acc\.log_extra: expected name=\$pv/);
  assert.throws(() => accSettings({ db_table_acc: 'a b' }, null), /modules\.acc\.db_table_acc/);
  assert.throws(() => accSettings({ early_media: 1 }, null), /modules\.acc\.early_media: accounting of provisional replies is not supported/);
  assert.throws(() => accSettings({ nope: 1 }, null), /modules\.acc\.nope: unknown parameter/);
  assert.throws(() => accSettings({ failed_filter: '200' }, null), /modules\.acc\.failed_filter/);
  assert.throws(() => new RecordingCore(undefined, 2, { moduleConfig: { acc: { log_extra: 'x=$nosuch' } } }), /modules\.acc\.log_extra: x=\$nosuch/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { xlogSettings } from '../../host/xlog/settings.js';
import { colorCode } from '../../host/xlog/colors.js';
import { TEST_MODULE_CONFIG } from '../support/module-test-config.js';

const withConfig = (xlog: unknown, debugLevel = 2) => {
  const core = new RecordingCore(undefined, debugLevel, { moduleConfig: { ...TEST_MODULE_CONFIG, xlog } });
  const ctx = makeContext('invite', { core });
  return { ctx, ksr: ksrOn(ctx), logs: core.logs };
};

test('each function logs at its level, the format expanded against the message; 1', () => {
  const { ksr, logs } = withConfig(undefined, 3);
  assert.equal(ksr('xlog.xdbg', 'd $rm'), 1);
  assert.equal(ksr('xlog.xinfo', 'i $fU from $si:$sp'), 1);
  assert.equal(ksr('xlog.xnotice', 'n $ci'), 1);
  assert.equal(ksr('xlog.xwarn', 'w $tU'), 1);
  assert.equal(ksr('xlog.xerr', 'e $rU'), 1);
  assert.equal(ksr('xlog.xcrit', 'c'), 1);
  assert.equal(ksr('xlog.xalert', 'a'), 1);
  assert.deepEqual(logs, [
    { level: 'debug', text: 'd INVITE' },
    { level: 'info', text: 'i alice from 192.0.2.10:5062' },
    { level: 'notice', text: 'n a84b4c76e66710@192.0.2.10' },
    { level: 'warn', text: 'w bob' },
    { level: 'error', text: 'e bob' },
    { level: 'crit', text: 'c' },
    { level: 'crit', text: 'a' },
  ]);
});

test('below the debug level nothing is formatted: a bad format still returns 1 and logs nothing', () => {
  const { ksr, logs } = withConfig(undefined, 2);
  assert.equal(ksr('xlog.xdbg', 'never $nosuch'), 1);
  assert.deepEqual(logs, []);
  const low = withConfig(undefined, -1);
  assert.equal(low.ksr('xlog.xwarn', 'w'), 1);
  assert.equal(low.ksr('xlog.xnotice', 'n'), 1);
  assert.equal(low.ksr('xlog.xerr', 'e'), 1);
  assert.deepEqual(low.logs, [{ level: 'error', text: 'e' }]);
});

test('xlog(level, fmt): names without regard to case, unknown names log at L_ERR', () => {
  const { ksr, logs } = withConfig(undefined, 3);
  assert.equal(ksr('xlog.xlog', 'L_INFO', 'a $var(x)'), 1);
  assert.equal(ksr('xlog.xlog', 'l_dbg', 'b'), 1);
  assert.equal(ksr('xlog.xlog', 'L_CRIT2', 'c'), 1);
  assert.equal(ksr('xlog.xlog', 'L_BUG', 'd'), 1);
  assert.equal(ksr('xlog.xlog', 'L_NOTICE', 'e'), 1);
  assert.equal(ksr('xlog.xlog', 'nonsense', 'f'), 1);
  assert.equal(ksr('xlog.xlog', '', 'g'), 1);
  assert.deepEqual(logs.map((l) => `${l.level} ${l.text}`), ['info a 0', 'debug b', 'crit c', 'crit d', 'notice e', 'error f', 'error g']);
});

test('a format naming a PV that does not exist: -1 and an error naming the function and the format', () => {
  const { ksr, logs } = withConfig(undefined);
  assert.equal(ksr('xlog.xinfo', 'x $nosuch y'), -1);
  assert.equal(logs.length, 1);
  assert.equal(logs[0]!.level, 'error');
  assert.match(logs[0]!.text, /^KSR\.xlog\.xinfo: cannot expand the format "x \$nosuch y"/);
});

test('transformations, $avp, $hdr and a trailing newline (dropped: the server log makes its own lines)', () => {
  const { ctx, ksr, logs } = withConfig(undefined);
  ksr('pv.sets', '$avp(who)', 'carol');
  assert.equal(ksr('xlog.xinfo', '$avp(who) $(fU{s.len}) [$hdr(Max-Forwards)]\n'), 1);
  assert.deepEqual(logs.at(-1), { level: 'info', text: 'carol 5 [10]' });
  assert.ok(ctx);
});

test('long lines are cut at buf_size with a marker saying how much went', () => {
  const { ksr, logs } = withConfig({ buf_size: 64 });
  assert.equal(ksr('xlog.xinfo', 'x'.repeat(100)), 1);
  assert.equal(logs[0]!.text, `${'x'.repeat(64)} [... cut at 64 characters (buf_size)]`);
  const dflt = withConfig(undefined);
  dflt.ksr('pv.sets', '$var(big)', 'y'.repeat(9000));
  assert.equal(dflt.ksr('xlog.xinfo', '$var(big)$var(big)'), 1);
  assert.equal(dflt.logs[0]!.text, `${'y'.repeat(8192)} [... cut at 8192 characters (buf_size)]`);
});

test('a format of many large PVs reads them only up to buf_size; a bad name after the cut still fails', () => {
  const { ksr, logs, ctx } = withConfig({ buf_size: 100 });
  let reads = 0;
  const mb = ctx.core.pvs.resolve('$mb');
  assert.ok(!('error' in mb));
  const orig = mb.cls.get;
  (mb.cls as { get: typeof orig }).get = (c, a) => (reads++, orig.call(mb.cls, c, a));
  try {
    assert.equal(ksr('xlog.xinfo', '$mb'.repeat(1000)), 1);
  } finally {
    (mb.cls as { get: typeof orig }).get = orig;
  }
  assert.equal(reads, 1, 'the first $mb passes buf_size: the others are not read');
  assert.ok(logs[0]!.text.endsWith('[... cut at 100 characters (buf_size)]'));
  assert.equal(ksr('xlog.xinfo', `${'$mb'.repeat(10)}$nosuch`), -1);
});

test('prefix, prefix_mode 1 (a format), $C colours empty unless force_color', () => {
  const a = withConfig({ prefix: '<script>: ' });
  a.ksr('xlog.xinfo', '$C(rx)red$C(xx)');
  assert.equal(a.logs[0]!.text, '<script>: red');
  const b = withConfig({ prefix: '[$rm] ', prefix_mode: 1, force_color: 1 });
  b.ksr('xlog.xinfo', '$C(rx)red$C(xx)');
  assert.equal(b.logs[0]!.text, '[INVITE] \x1b[31;49mred\x1b[0m');
  assert.equal(colorCode('Gb'), '\x1b[1;32;44m');
  assert.equal(colorCode('zz'), null);
  const c = withConfig(undefined);
  c.ksr('xlog.xinfo', 'a$C(q)b');
  assert.ok(c.logs.some((l) => l.level === 'info' && l.text === 'a<null>b'));
  assert.ok(c.logs.some((l) => l.level === 'error' && l.text.includes('expected two colour letters')));
});

test('xlog_facility: a known facility logs as xlog, an unknown one is -1 with an error', () => {
  const { ksr, logs } = withConfig(undefined);
  assert.equal(ksr('xlog.xlog_facility', 'L_WARN', 'LOG_LOCAL0', 'f $rm'), 1);
  assert.deepEqual(logs.at(-1), { level: 'warn', text: 'f INVITE', fields: { facility: 'LOG_LOCAL0' } });
  assert.equal(ksr('xlog.xlog_facility', 'L_WARN', 'local0', 'f'), -1);
  assert.match(logs.at(-1)!.text, /^KSR\.xlog\.xlog_facility: invalid syslog facility "local0"/);
});

test('config: defaults, every key checked with its name', () => {
  assert.equal(xlogSettings(undefined).bufSize, 8192);
  assert.deepEqual(xlogSettings({ buf_size: 4096, long_format: 1, methods_filter: 15, log_facility: 'LOG_DAEMON', log_colors: 'L_ERR=cr;L_WARN=px;' }).bufSize, 4096);
  assert.throws(() => xlogSettings({ buf_size: 10 }), /modules\.xlog\.buf_size: expected an integer from 64 to 1048576, got 10/);
  assert.throws(() => xlogSettings({ log_facility: 'LOG_NOPE' }), /modules\.xlog\.log_facility: expected a syslog facility/);
  assert.throws(() => xlogSettings({ log_colors: 'L_ERR=zz' }), /modules\.xlog\.log_colors/);
  assert.throws(() => xlogSettings({ prefix: 3 }), /modules\.xlog\.prefix: expected a string/);
  assert.throws(() => xlogSettings({ bogus: 1 }), /modules\.xlog\.bogus: unknown parameter/);
  assert.throws(() => new RecordingCore(undefined, 2, { moduleConfig: { xlog: { force_color: 2 } } }), /modules\.xlog\.force_color/);
});

test('log_facility puts its facility on every xlog line; xlog_facility names its own; unset: none', () => {
  const { ksr, logs } = withConfig({ log_facility: 'LOG_LOCAL3' });
  assert.equal(ksr('xlog.xinfo', 'a'), 1);
  assert.equal(ksr('xlog.xlog', 'L_ERR', 'b'), 1);
  assert.equal(ksr('xlog.xlog_facility', 'L_INFO', 'LOG_LOCAL5', 'c'), 1);
  assert.deepEqual(logs, [
    { level: 'info', text: 'a', fields: { facility: 'LOG_LOCAL3' } },
    { level: 'error', text: 'b', fields: { facility: 'LOG_LOCAL3' } },
    { level: 'info', text: 'c', fields: { facility: 'LOG_LOCAL5' } },
  ]);
  const plain = withConfig(undefined);
  assert.equal(plain.ksr('xlog.xinfo', 'd'), 1);
  assert.deepEqual(plain.logs, [{ level: 'info', text: 'd' }]);
});

test('xlog_facility below the debug level: 1, nothing logged (the facility does not make it print)', () => {
  const { ksr, logs } = withConfig(undefined, 2);
  assert.equal(ksr('xlog.xlog_facility', 'L_DBG', 'LOG_LOCAL5', 'x $nosuch'), 1);
  assert.deepEqual(logs, []);
});

// The trace's parameters (trace.start and the config's `trace:`): defaults, both spellings of the
// filter, errors that say what was expected, and pcap files kept inside <state_dir>/traces/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { pcapPathFor, traceRequestFrom, traceSettingsFrom, DEFAULT_TRACE_MAX, DEFAULT_TRACE_SECONDS } from '../../host/trace/trace-settings.js';
import { settingsFromConfigText } from '../../host/config/load-config.js';

test('no params: to the log, no filter, 10 000 messages or 600 s', () => {
  assert.deepEqual(traceRequestFrom(undefined, 'trace.start'), { output: 'log', filter: {}, max: DEFAULT_TRACE_MAX, seconds: DEFAULT_TRACE_SECONDS });
  assert.deepEqual(traceRequestFrom([], 'trace.start').max, 10_000);
  assert.equal(DEFAULT_TRACE_SECONDS, 600);
});

test('the filter at the top or in "filter", positional params as their first element, the method upper-cased', () => {
  const flat = traceRequestFrom({ method: 'invite', callId: 'abc', ip: '192.0.2.1', port: 5060, proto: 'udp', max: 5, seconds: 9 }, 'trace.start');
  const nested = traceRequestFrom([{ filter: { method: 'INVITE', callId: 'abc', ip: '192.0.2.1', port: 5060, proto: 'udp' }, max: 5, seconds: 9 }], 'trace.start');
  assert.deepEqual(flat, nested);
  assert.deepEqual(flat.filter, { method: 'INVITE', callId: 'abc', ip: '192.0.2.1', port: 5060, proto: 'udp' });
  assert.equal(traceRequestFrom({ call_id: 'x' }, 't').filter.callId, 'x', "the config's spelling");
});

test('bad params are refused saying what was expected and where', () => {
  const bad: [unknown, RegExp][] = [
    ['INVITE', /trace\.start: expected an object like/],
    [{ output: 'file' }, /'output' must be "log" or "pcap", got "file"/],
    [{ max: 0 }, /'max' must be a whole number from 1 to 1000000, got 0/],
    [{ seconds: 1.5 }, /'seconds' must be a whole number/],
    [{ ip: 'example.com' }, /'ip' must be an IPv4 or IPv6 address/],
    [{ proto: 'sctp' }, /'proto' must be one of udp, tcp, tls, ws, wss, got "sctp"/],
    [{ method: 'IN VITE' }, /'method' must be a SIP method name/],
    [{ colour: 'red' }, /unknown key 'colour'/],
    [{ filter: { colour: 'red' } }, /unknown filter key 'colour'/],
    [{ file: 'x' }, /'file' is for output "pcap"/],
    [{ output: 'pcap', file: '../../etc/passwd' }, /'file' must be a bare file name/],
    [{ output: 'pcap', file: '/tmp/x.pcap' }, /'file' must be a bare file name/],
    [{ output: 'pcap', file: '.hidden' }, /'file' must be a bare file name/],
  ];
  for (const [params, expected] of bad) assert.throws(() => traceRequestFrom(params, 'trace.start'), expected, JSON.stringify(params));
});

test('a pcap file is <state_dir>/traces/<name>.pcap, named from the time when not given', () => {
  assert.equal(pcapPathFor('/var/lib/ksr', 'calls.pcap'), '/var/lib/ksr/traces/calls.pcap');
  assert.equal(traceRequestFrom({ output: 'pcap', file: 'calls' }, 't').file, 'calls.pcap');
  assert.equal(pcapPathFor('state', undefined, new Date('2026-12-05T20:30:00.123Z')), join(resolve('state'), 'traces', 'trace-2026-12-05T20-30-00.pcap'));
  assert.throws(() => pcapPathFor('/var/lib/ksr', '../x.pcap'), /expected a file inside \/var\/lib\/ksr\/traces/);
});

test('config: `trace:` and `log.format` load; a wrong trace key names the file and the key', () => {
  const s = settingsFromConfigText('log: { level: info, format: pretty }\ntrace: { enabled: true, output: pcap, file: boot, filter: { method: INVITE, call_id: c1 }, max: 50 }\n', 'k.yaml');
  assert.equal(s.log.format, 'pretty');
  assert.deepEqual(s.trace, { enabled: true, output: 'pcap', file: 'boot.pcap', filter: { method: 'INVITE', callId: 'c1' }, max: 50, seconds: 600 });
  assert.equal(settingsFromConfigText('log: { level: info }\n', 'k.yaml').trace, undefined, 'absent: no trace');
  assert.throws(() => settingsFromConfigText('trace: { output: wire }\n', 'k.yaml'), /k\.yaml: key 'trace': 'output' must be "log" or "pcap", got "wire"$/);
  assert.throws(() => settingsFromConfigText('trace: { enabled: yes please }\n', 'k.yaml'), /k\.yaml: key 'trace': 'enabled' must be true or false/);
  assert.throws(() => settingsFromConfigText('log: { format: colour }\n', 'k.yaml'), /k\.yaml: key 'log\.format' must be equal to one of the allowed values/);
  assert.deepEqual(traceSettingsFrom(undefined).enabled, false);
});

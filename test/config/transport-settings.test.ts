// The `tcp:` and `overload:` keys (issue 7 items 11-14): read, defaulted, checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsFromConfigText } from '../../host/config/load-config.js';
import { DEFAULT_SETTINGS } from '../../host/config/settings.js';

test('tcp: bounds of the connection table, deadlines and write buffers are read', () => {
  const s = settingsFromConfigText(
    'tcp: { max_connections: 100, max_connections_per_source: 10, header_timeout_ms: 3000, write_buffer_bytes: 1000, write_buffer_max_bytes: 5000, send_timeout_ms: 2000, messages_per_turn: 4 }',
    'k.yaml',
  );
  assert.deepEqual(s.tcp, {
    ...DEFAULT_SETTINGS.tcp,
    maxConnections: 100, maxConnectionsPerSource: 10, headerTimeoutMs: 3000, writeBufferBytes: 1000,
    writeBufferMaxBytes: 5000, sendTimeoutMs: 2000, messagesPerTurn: 4,
  });
});

test('overload: the shedding policy is read; its defaults are documented values', () => {
  assert.deepEqual(DEFAULT_SETTINGS.overload, { busyRatio: 0.9, calmRatio: 0.7, sourceRate: 200, sourceRateAny: 1000, maxWaitMs: 500, udpMaxWaitMs: 250, reply: 'tcp', retryAfterS: 5 });
  const s = settingsFromConfigText('overload: { source_rate: 50, source_rate_any: 500, reply: none, busy_ratio: 0.8, calm_ratio: 0.5, max_wait_ms: 250, udp_max_wait_ms: 150, retry_after_s: 10 }', 'k.yaml');
  assert.deepEqual(s.overload, { busyRatio: 0.8, calmRatio: 0.5, sourceRate: 50, sourceRateAny: 500, maxWaitMs: 250, udpMaxWaitMs: 150, reply: 'none', retryAfterS: 10 });
  assert.throws(() => settingsFromConfigText('overload: { reply: maybe }', 'k.yaml'), /key 'overload\.reply'/);
  assert.throws(() => settingsFromConfigText('overload: { busy_ratio: 2 }', 'k.yaml'), /key 'overload\.busy_ratio'/);
  assert.throws(() => settingsFromConfigText('tcp: { header_timeout_ms: 0 }', 'k.yaml'), /key 'tcp\.header_timeout_ms'/);
});

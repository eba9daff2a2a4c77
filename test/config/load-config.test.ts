import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsFromConfigText } from '../../host/config/load-config.js';
import { DEFAULT_SETTINGS, parseListen } from '../../host/config/settings.js';

test('an empty config gives the embedded defaults', () => {
  assert.deepEqual(settingsFromConfigText('', 'k.yaml'), DEFAULT_SETTINGS);
});

test('values are read and merged over the defaults', () => {
  const s = settingsFromConfigText(
    'listen: ["udp:[::1]:5070", "tcp:127.0.0.1:5070"]\nrouting: { script: x.py }\nlimits: { cpu_ms: 50 }\ncontrol: false\ndefines: { A: 1 }\n',
    'k.yaml',
  );
  assert.deepEqual(s.listen, [{ proto: 'udp', ip: '::1', port: 5070 }, { proto: 'tcp', ip: '127.0.0.1', port: 5070 }]);
  assert.equal(s.routing.script, 'x.py');
  assert.equal(s.limits.cpuMs, 50);
  assert.equal(s.limits.memoryMb, DEFAULT_SETTINGS.limits.memoryMb);
  assert.equal(s.control, null);
  assert.deepEqual(s.defines, { A: '1' });
});

test('errors name the file and the key', () => {
  assert.throws(() => settingsFromConfigText('limits: { cpu_ms: -1 }', 'k.yaml'), /k\.yaml: key 'limits\.cpu_ms' must be >= 1/);
  assert.throws(() => settingsFromConfigText('limtis: {}', 'k.yaml'), /k\.yaml: unknown key 'limtis'/);
  assert.throws(() => settingsFromConfigText('routing: { engine: spidermonkey }', 'k.yaml'), /key 'routing\.engine'/);
  assert.throws(() => settingsFromConfigText('listen: ["udp:127.0.0.1"]', 'k.yaml'), /key 'listen'.*PROTO:IP:PORT/);
  assert.throws(() => settingsFromConfigText('a: [', 'k.yaml'), /k\.yaml: not valid YAML/);
});

test('listen addresses', () => {
  assert.deepEqual(parseListen('tcp:[::1]:5060'), { proto: 'tcp', ip: '::1', port: 5060 });
  assert.throws(() => parseListen('sctp:1.2.3.4:5060'), /^Error: listen address 'sctp:1\.2\.3\.4:5060': expected PROTO:IP:PORT/);
  assert.throws(() => parseListen('udp:1.2.3.4:70000'), /^Error: listen address 'udp:1\.2\.3\.4:70000': port must be 1\.\.65535$/);
});

test('limits.max_value_bytes and limits.max_route_depth are read and bounded', () => {
  const s = settingsFromConfigText('limits: { max_value_bytes: 2097152, max_route_depth: 20 }', 'k.yaml');
  assert.equal(s.limits.maxValueBytes, 2097152);
  assert.equal(s.limits.maxRouteDepth, 20);
  assert.equal(DEFAULT_SETTINGS.limits.maxValueBytes, 1024 * 1024);
  assert.equal(DEFAULT_SETTINGS.limits.maxRouteDepth, 50);
  assert.throws(() => settingsFromConfigText('limits: { max_value_bytes: 1000 }', 'k.yaml'), /key 'limits\.max_value_bytes' must be >= 65536/);
  assert.throws(() => settingsFromConfigText('limits: { max_value_bytes: 268435456 }', 'k.yaml'), /key 'limits\.max_value_bytes' must be <= 8388608/);
  assert.throws(() => settingsFromConfigText('limits: { max_route_depth: 100 }', 'k.yaml'), /key 'limits\.max_route_depth' must be <= 64/);
});

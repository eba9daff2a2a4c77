import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsFromConfigText } from '../../host/config/load-config.js';
import { DEFAULT_SETTINGS, parseListen } from '../../host/config/settings.js';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { engineForFile } from '../../runtimes/index.js';
import { DEFAULT_LIMITS, limitsFor } from '../../runtimes/runtime.js';
import { checkCallLimits, DEFAULT_CALL_LIMITS, Dispatcher, Registry } from '../../bindings/registry.js';

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
  assert.deepEqual(s.limits, { cpuMs: 50 }, 'only the limits written');
  assert.equal(s.control, null);
  assert.deepEqual(s.defines, { A: '1' });
});

test('errors name the file and the key', () => {
  assert.throws(() => settingsFromConfigText('limits: { cpu_ms: -1 }', 'k.yaml'), /k\.yaml: key 'limits\.cpu_ms' must be >= 1/);
  assert.throws(() => settingsFromConfigText('limtis: {}', 'k.yaml'), /k\.yaml: unknown key 'limtis'/);
  assert.throws(() => settingsFromConfigText('routing: { engine: 5 }', 'k.yaml'), /key 'routing\.engine' must be string/);
  assert.throws(() => settingsFromConfigText('listen: ["udp:127.0.0.1"]', 'k.yaml'), /key 'listen'.*PROTO:IP:PORT/);
  assert.throws(() => settingsFromConfigText('a: [', 'k.yaml'), /k\.yaml: not valid YAML/);
});

test('listen addresses', () => {
  assert.deepEqual(parseListen('tcp:[::1]:5060'), { proto: 'tcp', ip: '::1', port: 5060 });
  assert.throws(() => parseListen('sctp:1.2.3.4:5060'), /^Error: listen address 'sctp:1\.2\.3\.4:5060': expected PROTO:IP:PORT/);
  assert.throws(() => parseListen('udp:1.2.3.4:70000'), /^Error: listen address 'udp:1\.2\.3\.4:70000': port must be 1\.\.65535$/);
});

test('listen names: Kamailio\'s `name NAME` / `name "NAME"` after the address, checked and unique', () => {
  assert.deepEqual(parseListen('udp:127.0.0.1:5060 name s0'), { proto: 'udp', ip: '127.0.0.1', port: 5060, name: 's0' });
  assert.deepEqual(parseListen('  tcp:[::1]:5070   name   "lan-1.a_B"  '), { proto: 'tcp', ip: '::1', port: 5070, name: 'lan-1.a_B' });
  assert.deepEqual(parseListen('udp:127.0.0.1:5060 name ' + 'x'.repeat(64)).name, 'x'.repeat(64));
  for (const [bad, why] of [
    ['udp:127.0.0.1:5060 name', /expected 'name NAME' or 'name "NAME"' after the address/],
    ['udp:127.0.0.1:5060 name ""', /the name must be 1\.\.64 characters of A-Z a-z 0-9 _ \. -, got ''/],
    ['udp:127.0.0.1:5060 name s/0', /got 's\/0'/],
    ['udp:127.0.0.1:5060 name "a b"', /expected PROTO:IP:PORT \[name NAME\]|got 'a b'/],
    ['udp:127.0.0.1:5060 name ' + 'x'.repeat(65), /the name must be 1\.\.64 characters/],
    ['udp:127.0.0.1:5060 name s\u00000', /the name must be 1\.\.64 characters/],
    ['udp:127.0.0.1:5060 nom s0', /expected PROTO:IP:PORT \[name NAME\]/],
    ['udp:127.0.0.1:5060 name s0 extra', /expected 'name NAME'/],
  ] as const) assert.throws(() => parseListen(bad), why, bad);
  const s = settingsFromConfigText('listen: ["udp:127.0.0.1:5060 name s0", \'udp:127.0.0.1:5070 name "s1"\', "tcp:127.0.0.1:5060"]', 'k.yaml');
  assert.deepEqual(s.listen, [
    { proto: 'udp', ip: '127.0.0.1', port: 5060, name: 's0' },
    { proto: 'udp', ip: '127.0.0.1', port: 5070, name: 's1' },
    { proto: 'tcp', ip: '127.0.0.1', port: 5060 },
  ]);
  assert.throws(
    () => settingsFromConfigText('listen: ["udp:127.0.0.1:5060 name s0", "tcp:127.0.0.1:5060", "tcp:127.0.0.1:5070 name s0"]', 'k.yaml'),
    /^Error: k\.yaml: key 'listen': listen entries 1 \('udp:127\.0\.0\.1:5060 name s0'\) and 3 \('tcp:127\.0\.0\.1:5070 name s0'\) have the same name 's0': names must be unique$/,
  );
  assert.throws(() => settingsFromConfigText('listen: ["udp:127.0.0.1:5060 name bad!"]', 'k.yaml'), /k\.yaml: key 'listen': listen address 'udp:127\.0\.0\.1:5060 name bad!': the name must be/);
});

test('limits.max_value_bytes and limits.max_route_depth are read as written, bounded where they are defined', () => {
  const s = settingsFromConfigText('limits: { max_value_bytes: 2097152, max_route_depth: 20 }', 'k.yaml');
  assert.deepEqual(s.limits, { maxValueBytes: 2097152, maxRouteDepth: 20 });
  assert.deepEqual(DEFAULT_SETTINGS.limits, {}, 'config holds no default limits');
  assert.deepEqual(DEFAULT_CALL_LIMITS, { maxValueBytes: 1024 * 1024, maxRouteDepth: 50 });
  const limitsOf = (yaml: string) => settingsFromConfigText(yaml, 'k.yaml').limits;
  assert.throws(() => checkCallLimits(limitsOf('limits: { max_value_bytes: 1000 }')),
    /limits\.max_value_bytes: expected an integer from 65536 to 8388608 \(.*\), got 1000/);
  assert.throws(() => checkCallLimits(limitsOf('limits: { max_value_bytes: 268435456 }')), /limits\.max_value_bytes: expected an integer from 65536 to 8388608/);
  assert.throws(() => checkCallLimits(limitsOf('limits: { max_route_depth: 100 }')), /limits\.max_route_depth: expected an integer from 1 to 64 \(pyodide overflows/);
  assert.throws(() => new Dispatcher(new Registry([]), { maxRouteDepth: 65 }), /limits\.max_route_depth: expected an integer from 1 to 64/);
  assert.throws(() => settingsFromConfigText('limits: { max_route_depth: 0 }', 'k.yaml'), /key 'limits\.max_route_depth' must be >= 1/);
});

test('the runtime limits: what the operator wrote, else each runtime\'s defaults (defined once, in runtimes/)', () => {
  assert.deepEqual(limitsFor('python', {}), DEFAULT_LIMITS.python);
  assert.deepEqual(limitsFor('lua', {}), DEFAULT_LIMITS.lua);
  assert.notEqual(DEFAULT_LIMITS.python.memoryMb, DEFAULT_LIMITS.js.memoryMb, 'pyodide has its own default');
  assert.deepEqual(limitsFor('python', settingsFromConfigText('limits: { memory_mb: 512, max_route_depth: 9 }', 'k.yaml').limits),
    { cpuMs: DEFAULT_LIMITS.python.cpuMs, memoryMb: 512, maxRouteDepth: 9 });
  assert.throws(() => settingsFromConfigText('limits: { python_memory_mb: 512 }', 'k.yaml'), /unknown key 'limits\.python_memory_mb'/);
});

test('routing.engine is carried as written and checked by runtimes/, which knows the engine names', () => {
  assert.equal(settingsFromConfigText('routing: { engine: spidermonkey }', 'k.yaml').routing.engine, 'spidermonkey');
  assert.equal(DEFAULT_SETTINGS.routing.engine, null);
  assert.throws(() => engineForFile('x.js', 'spidermonkey'), /routing\.engine: expected v8 or quickjs, got 'spidermonkey'/);
  assert.equal(engineForFile('x.js', null), 'v8');
  assert.equal(engineForFile('x.js', 'quickjs'), 'quickjs');
  assert.equal(engineForFile('x.py', null), 'pyodide');
});

test('host/config names no runtime, engine or language', () => {
  const dir = fileURLToPath(new URL('../../host/config/', import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length >= 2);
  for (const f of files) {
    const hits = readFileSync(dir + f, 'utf8').match(/\b(v8|quickjs|fengari|pyodide|python|javascript)\b|[^.]\blua\b/gi) ?? [];
    assert.deepEqual(hits, [], `host/config/${f}`);
  }
});

test("registrar.received_avp takes Kamailio's spelling ($avp(NAME), $avp(s:NAME)) or the bare name", () => {
  for (const [text, name] of [['$avp(RECEIVED)', 'RECEIVED'], ['$avp(s:rcv)', 'rcv'], ['nat_rcv', 'nat_rcv']] as const) {
    assert.equal(settingsFromConfigText(`registrar: { received_avp: "${text}" }`, 'x.yaml').registrar.receivedAvp, name);
  }
});

test('modules: each section is passed as written, for the module to check', () => {
  const s = settingsFromConfigText('modules: { htable: { tables: ["a=>size=4"] }, pike: null }', 'x.yaml');
  assert.deepEqual(s.modules, { htable: { tables: ['a=>size=4'] }, pike: null });
  assert.throws(() => settingsFromConfigText('modules: { htable: 3 }', 'x.yaml'), /modules/);
});

// A module's state per core (host/core/module-service.ts): made once per core from the
// module's config section, looked up by name, started and stopped in order, control methods
// dispatched to it; a bad section stops the core with the module's own message.
import test from 'node:test';
import assert from 'node:assert/strict';
import { RecordingCore } from '../support/sip-fixtures.js';
import { moduleRpcMethods, ModuleStates, type ModuleService, type ModuleState } from '../../host/core/module-service.js';
import { defineModule, Registry } from '../../bindings/registry.js';

interface Counter extends ModuleState {
  n: number;
  events: string[];
}

const counterService: ModuleService<Counter> = {
  create(host) {
    const start = (host.config as { start?: unknown } | undefined)?.start ?? 0;
    if (typeof start !== 'number') throw new Error(`modules.${host.module}.start: expected a number, got ${JSON.stringify(start)}`);
    const s: Counter = { n: start, events: [], start: () => void s.events.push(`start ${host.primary} ${host.worker}`), stop: () => void s.events.push('stop') };
    return s;
  },
  rpc: {
    'counter.get': { handler: (s) => s.n, readOnly: true, help: 'the count' },
    'counter.add': { handler: (s, p) => (s.n += Number((p as unknown[])[0])), scope: 'all', help: 'counter.add N: adds N' },
  },
};

test('a state per core, from its config section; control methods reach it', async () => {
  const core = new RecordingCore(undefined, 2, { moduleServices: [{ module: 'counter', service: counterService }], moduleConfig: { counter: { start: 5 } } });
  const s = core.modules.get<Counter>('counter');
  assert.equal(s.n, 5);
  assert.equal(core.modules.callRpc('counter.add', [2]), 7);
  assert.equal(core.modules.callRpc('counter.get', undefined), 7);
  await core.modules.start();
  await core.modules.stop();
  assert.deepEqual(s.events, ['start true 0', 'stop']);
  assert.throws(() => core.modules.get('nope'), /no state for module 'nope' in this core \(modules with state: counter\)/);
  assert.throws(() => core.modules.callRpc('counter.nope', []), /no module control method 'counter.nope'/);
  // a second core has a state of its own
  const other = new RecordingCore(undefined, 2, { moduleServices: [{ module: 'counter', service: counterService }], moduleConfig: {} });
  assert.equal(other.modules.get<Counter>('counter').n, 0);
});

test("a bad config section stops the core with the module's message", () => {
  assert.throws(
    () => new RecordingCore(undefined, 2, { moduleServices: [{ module: 'counter', service: counterService }], moduleConfig: { counter: { start: 'x' } } }),
    /modules\.counter\.start: expected a number, got "x"/,
  );
});

test("the registry lists its modules' services and their control methods with scope, readOnly and help", () => {
  const registry = new Registry([defineModule('counter', {}, { service: counterService }), defineModule('plain', {})]);
  assert.deepEqual(registry.services.map((s) => s.module), ['counter']);
  assert.deepEqual(moduleRpcMethods(registry.services), [
    { name: 'counter.get', readOnly: true, scope: 'one', help: 'the count' },
    { name: 'counter.add', readOnly: false, scope: 'all', help: 'counter.add N: adds N' },
  ]);
  const core = new RecordingCore(undefined, 2, { moduleServices: registry.services });
  assert.ok(core.modules.has('counter'));
  assert.ok(!core.modules.has('plain'));
  assert.ok(new ModuleStates(core, { services: [] }));
});

test('a state that fails to stop is logged, and the others still stop', async () => {
  const stopped: string[] = [];
  const failing: ModuleService = { create: () => ({ stop: () => { throw new Error('socket already closed'); } }) };
  const fine: ModuleService = { create: () => ({ stop: () => void stopped.push('fine') }) };
  const core = new RecordingCore(undefined, 2, { moduleServices: [{ module: 'failing', service: failing }, { module: 'fine', service: fine }] });
  await core.modules.stop();
  assert.deepEqual(stopped, ['fine']);
  assert.ok(core.logs.some((l) => l.level === 'error' && l.text === 'module failing: stopping its state failed: socket already closed'));
});

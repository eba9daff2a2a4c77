// A core's route services (tm, auth, usrloc) are named, built with the core in a fixed order,
// and a core missing one fails at construction with what was expected and what was seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { Engine, type EngineOptions } from '../../host/engine/engine.js';
import { ServiceSlots, type RouteServices } from '../../host/core/services.js';
import { DEFAULT_SETTINGS } from '../../host/config/settings.js';
import { TransactionLayer } from '../../host/tm/layer.js';
import { DigestAuth } from '../../host/auth/digest-auth.js';
import { Usrloc } from '../../host/registrar/usrloc.js';
import { RecordingCore } from '../support/sip-fixtures.js';
import { createRegistry } from '../../bindings/modules/index.js';

const silent = pino({ level: 'silent' });
const pvs = createRegistry().pvs;

test('an engine names its services: the tm, auth and usrloc it was built with, one each', () => {
  const usrloc = new Usrloc();
  const engine = new Engine(DEFAULT_SETTINGS, silent, { store: null, usrloc, pvs });
  assert.equal(engine.pvs, pvs);
  assert.ok(engine.tm instanceof TransactionLayer);
  assert.equal(engine.tm.core, engine);
  assert.ok(engine.auth instanceof DigestAuth);
  assert.equal(engine.usrloc, usrloc);
  assert.equal(engine.store, null);
});

test('an engine without a usrloc, a store or its PVs fails at construction, naming what it expected and saw', () => {
  assert.throws(() => new Engine(DEFAULT_SETTINGS, silent, { store: null, pvs } as unknown as EngineOptions),
    /Engine: a core needs the location table \(host\/registrar Usrloc\) as 'usrloc', got undefined/);
  assert.throws(() => new Engine(DEFAULT_SETTINGS, silent, { store: null, usrloc: new Usrloc() } as unknown as EngineOptions),
    /Engine: expected options.pvs \(the registry's PvTable\), got undefined/);
  assert.throws(() => new Engine(DEFAULT_SETTINGS, silent, { usrloc: new Usrloc(), pvs } as unknown as EngineOptions),
    /Engine: expected options.store \(a SyncStore, or null for none\), got undefined/);
  assert.throws(() => new Engine(DEFAULT_SETTINGS, silent, undefined as unknown as EngineOptions), /Engine: expected options.store/);
});

test('service slots: a service read before they are filled, a missing one, a second fill: each an error that says which', () => {
  const slots = new ServiceSlots('TestCore');
  assert.throws(() => slots.get('tm'), /TestCore: tm was asked for before the route services were attached/);
  const core = new RecordingCore();
  const ok: RouteServices = { tm: core.tm, auth: core.auth, usrloc: core.usrloc };
  assert.throws(() => slots.fill({ ...ok, auth: null as unknown as DigestAuth }), /TestCore: a core needs digest authentication \(host\/auth DigestAuth\) as 'auth', got null/);
  slots.fill(ok);
  assert.equal(slots.get('usrloc'), core.usrloc);
  assert.throws(() => slots.fill(ok), /TestCore: route services are attached once, at construction/);
});

test('a service whose constructor reaches another service of its core fails loudly, never gets a default', () => {
  assert.throws(
    () => new RecordingCore(undefined, undefined, { tm: (c) => (c.auth, new TransactionLayer(c)) }),
    /RecordingCore: auth was asked for before the route services were attached/,
  );
});

test('a test core takes the services it is given', () => {
  const usrloc = new Usrloc();
  const core = new RecordingCore(undefined, undefined, { usrloc, tm: (c) => new TransactionLayer(c, { t1: 40 }) });
  assert.equal(core.usrloc, usrloc);
  assert.equal(core.tm.settings.t1, 40);
});

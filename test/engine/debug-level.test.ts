// KSR.get_debug answers the configured log level in Kamailio's numbers (dprint.h: L_DBG 3,
// L_INFO 2, L_NOTICE 1, L_WARN 0, L_ERR -1, L_CRIT -2), as a Kamailio script compares it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { Engine } from '../../host/engine/engine.js';
import { Usrloc } from '../../host/registrar/usrloc.js';
import { DEFAULT_SETTINGS, type Settings } from '../../host/config/settings.js';
import { createRegistry } from '../../bindings/modules/index.js';

test('the log level as Kamailio numbers it: debug 3, info 2, warn 0, error -1, fatal -2', () => {
  const registry = createRegistry();
  const expected: Record<Settings['log']['level'], number> = { trace: 3, debug: 3, info: 2, warn: 0, error: -1, fatal: -2, silent: -3 };
  for (const [level, number] of Object.entries(expected)) {
    const settings: Settings = { ...DEFAULT_SETTINGS, listen: [], control: null, log: { ...DEFAULT_SETTINGS.log, level: level as Settings['log']['level'] } };
    const engine = new Engine(settings, pino({ level: 'silent' }), { store: null, usrloc: new Usrloc(), pvs: registry.pvs, modules: registry.services });
    assert.equal(engine.debugLevel, number, level);
  }
});

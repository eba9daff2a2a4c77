// The `registrar:` and `usrloc:` config keys, the ul.* RPC methods, and the engine owning the
// expiry timer (started with the engine, cleared on stop).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { settingsFromConfigText } from '../../host/config/load-config.js';
import { DEFAULT_SETTINGS, type Settings } from '../../host/config/settings.js';
import { Engine } from '../../host/engine/engine.js';
import { RpcError } from '../../host/control/rpc-server.js';
import { usrlocRpcMethods } from '../../host/registrar/rpc-methods.js';
import { Usrloc } from '../../host/registrar/usrloc.js';
import { freePort } from '../support/ports.js';
import { register, registrar } from './support.js';
import { createRegistry } from '../../bindings/modules/index.js';

test('config: registrar and usrloc keys are read; defaults otherwise; bad values name the key', () => {
  const d = settingsFromConfigText('', 'k.yaml');
  assert.deepEqual(d.registrar, DEFAULT_SETTINGS.registrar);
  assert.equal(d.usrloc.mode, 'write-through');
  assert.equal(d.usrloc.sharedMemoryMb, 64);
  const s = settingsFromConfigText(
    'registrar: { min_expires: 10, max_expires: 120, default_expires: 60, max_contacts: 3, path_mode: lazy }\n' +
      'usrloc: { db_mode: db-only, timer_interval_s: 0.5, event_callback: ksr_ul_event, use_domain: true, shared_memory_mb: 256 }\n',
    'k.yaml',
  );
  assert.deepEqual(
    [s.registrar.minExpires, s.registrar.maxExpires, s.registrar.defaultExpires, s.registrar.maxContacts, s.registrar.pathMode],
    [10, 120, 60, 3, 'lazy'],
  );
  assert.deepEqual(s.usrloc, { mode: 'db-only', timerIntervalS: 0.5, eventCallback: 'ksr_ul_event', useDomain: true, sharedMemoryMb: 256 });
  assert.throws(() => settingsFromConfigText('usrloc: { db_mode: sometimes }\n', 'k.yaml'), /usrloc\.db_mode/);
  assert.throws(() => settingsFromConfigText('usrloc: { shared_memory_mb: 4096 }\n', 'k.yaml'), /usrloc\.shared_memory_mb/);
  assert.throws(() => settingsFromConfigText('registrar: { max_contact: 3 }\n', 'k.yaml'), /unknown key 'registrar\.max_contact'/);
});

function rpcError(f: () => unknown): RpcError {
  try {
    f();
  } catch (e) {
    if (e instanceof RpcError) return e;
    throw e;
  }
  assert.fail('expected an RpcError');
}

test('RPC ul.add, ul.lookup, ul.dump, ul.rm (positional or named params) and their errors', () => {
  const r = registrar();
  const rpc = usrlocRpcMethods(r.ul);
  const added = rpc['ul.add']!(['location', 'alice', 'sip:alice@192.0.2.1:5060', '300', '0.5']) as any;
  assert.equal(added.Contact.Expires, 300);
  rpc['ul.add']!({ table: 'location', aor: 'sip:alice@localhost', contact: 'sip:alice@192.0.2.2:5060', expires: 600 });
  r.on(register({ user: 'bob' })).ksr('registrar.save', 'location', 0);
  const found = rpc['ul.lookup']!(['location', 'alice']) as any;
  assert.deepEqual(found.Contacts.map((c: any) => [c.Contact.Address, c.Contact.Q]), [['sip:alice@192.0.2.1:5060', 0.5], ['sip:alice@192.0.2.2:5060', -1]]);
  const dump = rpc['ul.dump']!(undefined) as any;
  assert.deepEqual(dump.Domains[0].Domain.AoRs.map((a: any) => a.Info.AoR).sort(), ['alice', 'bob']);
  assert.equal(rpcError(() => rpc['ul.lookup']!(['location', 'nobody'])).code, 404);
  assert.match(rpcError(() => rpc['ul.add']!(['location', 'x', 'sip:x@h', '0'])).message, /expires > 0/);
  assert.match(rpcError(() => rpc['ul.add']!(['location', 'x', 'mailto:x@h', '60'])).message, /SIP URI/);
  assert.match(rpcError(() => rpc['ul.add']!(['location'])).message, /expected AoR/);
  assert.deepEqual(rpc['ul.rm']!(['location', 'alice']), { AoR: 'alice', removed: 2 });
  assert.equal(rpcError(() => rpc['ul.rm']!(['location', 'alice'])).code, 404);
});

test('the engine starts the expiry timer and clears it on stop', async () => {
  const port = await freePort();
  const settings: Settings = { ...structuredClone(DEFAULT_SETTINGS as Settings), listen: [{ proto: 'udp', ip: '127.0.0.1', port }] };
  const ul = new Usrloc({ usrloc: { timerIntervalS: 3600 } });
  const engine = new Engine(settings, pino({ level: 'silent' }), { store: null, usrloc: ul, pvs: createRegistry().pvs });
  assert.equal(engine.usrloc, ul);
  await engine.start();
  try {
    assert.equal(ul.running, true);
  } finally {
    await engine.stop();
  }
  assert.equal(ul.running, false);
});

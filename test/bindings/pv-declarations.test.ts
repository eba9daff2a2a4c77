// Pseudo-variables are declared by their KSR module (Kamailio's mod_pvs[]) and exist in a
// registry exactly when the module does: no import side effect decides it (issue 8 §2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineModule, Registry } from '../../bindings/registry.js';
import { ALL_MODULES, createRegistry } from '../../bindings/modules/index.js';
import { readPv } from '../../host/core/pv.js';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';

const DECLARED: Record<string, string[]> = {
  pv: ['ru', 'rU', 'fu', 'var', 'avp', 'hdr', 'hdrc', 'si', 'du'],
  tmx: ['T_branch_idx', 'T_reply_code', 'T_req', 'T_rpl', 'T'],
  '': ['snd'],
  registrar: ['ulc'],
  auth: ['au', 'ar', 'adu', 'aU', 'ad'],
};

test('each module declares its PVs next to its functions', () => {
  for (const [module, names] of Object.entries(DECLARED)) {
    const declared = ALL_MODULES.filter((m) => m.module === module).flatMap((m) => Object.keys(m.pvs));
    for (const n of names) assert.ok(declared.includes(n), `$${n} is declared by module '${module}' (declared: ${declared.join(' ')})`);
  }
  const all = createRegistry().pvs.names;
  for (const n of Object.values(DECLARED).flat()) assert.ok(all.includes(n), `the full registry knows $${n}`);
});

test('a registry without a module has none of its PVs; the core of that registry reads through it', () => {
  const withoutTmx = new Registry(ALL_MODULES.filter((m) => m.module !== 'tmx' && m.module !== 'auth'));
  const core = new RecordingCore(undefined, undefined, { pvs: withoutTmx.pvs });
  const ctx = makeContext('register', { core });
  assert.deepEqual(readPv(ctx, '$T_reply_code'), { ok: false, error: 'invalid pseudo-variable name "$T_reply_code": no pseudo-variable $T_reply_code is declared' });
  assert.deepEqual(readPv(ctx, '$au'), { ok: false, error: 'invalid pseudo-variable name "$au": no pseudo-variable $au is declared' });
  assert.deepEqual(readPv(ctx, '$rm'), { ok: true, value: 'REGISTER' });
  const full = makeContext('register');
  assert.deepEqual(readPv(full, '$T_reply_code'), { ok: true, value: 0 });
  assert.deepEqual(readPv(full, '$au'), { ok: true, value: 'alice' });
  assert.deepEqual(readPv(full, '$ar'), { ok: true, value: 'localhost' });
});

test('a PV declared by two modules is refused, naming both', () => {
  const get = () => null;
  const a = defineModule('a', {}, { pvs: { x: { hasArg: false, get } } });
  const b = defineModule('b', {}, { pvs: { x: { hasArg: false, get } } });
  assert.throws(() => new Registry([a, b]), /pseudo-variables: \$x is declared by module a and again by module b/);
  assert.throws(() => new Registry([defineModule('c', {}, { pvs: { 'no-dash': { hasArg: false, get } } })]), /pseudo-variables of module c: 'no-dash' is not a PV name/);
});

test('no module table is imported for its side effects', () => {
  const dir = fileURLToPath(new URL('../../bindings/modules/', import.meta.url));
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const bare = readFileSync(dir + f, 'utf8').match(/^import\s+['"][^'"]+['"];?$/gm) ?? [];
    assert.deepEqual(bare, [], `bindings/modules/${f} imports for side effects`);
  }
});

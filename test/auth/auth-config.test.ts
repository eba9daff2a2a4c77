// The `auth:` config section, and an engine's DigestAuth taking it from the core's settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsFromConfigText, ConfigError } from '../../host/config/load-config.js';
import { DEFAULT_SETTINGS } from '../../host/config/settings.js';
import pino from 'pino';
import { Engine } from '../../host/engine/engine.js';
import { Usrloc } from '../../host/registrar/usrloc.js';
import { DigestAuth } from '../../host/auth/digest-auth.js';
import { RecordingCore } from '../support/sip-fixtures.js';
import { createRegistry } from '../../bindings/modules/index.js';

test('auth defaults: no secret, 300 s, MD5', () => {
  const s = settingsFromConfigText('', 'k.yaml');
  assert.deepEqual(s.auth, { secret: null, nonceExpireS: 300, algorithms: ['MD5'], ncTableSize: 100_000, opaque: false });
});

test('auth keys: secret, nonce_expire_s, algorithm as a list or a comma string, nc_table_size, opaque', () => {
  const s = settingsFromConfigText(
    'auth:\n  secret: "0123456789abcdef-cluster"\n  nonce_expire_s: 60\n  algorithm: [SHA-256, md5]\n  nc_table_size: 5000\n  opaque: true\n',
    'k.yaml',
  );
  assert.deepEqual(s.auth, { secret: '0123456789abcdef-cluster', nonceExpireS: 60, algorithms: ['SHA-256', 'MD5'], ncTableSize: 5000, opaque: true });
  assert.deepEqual(settingsFromConfigText('auth:\n  algorithm: "SHA-256, MD5"\n', 'k.yaml').auth.algorithms, ['SHA-256', 'MD5']);
});

test('auth errors name the key and what was expected', () => {
  assert.throws(() => settingsFromConfigText('auth:\n  algorithm: SHA1\n', 'k.yaml'), (e: Error) =>
    e instanceof ConfigError && /key 'auth.algorithm'.*expected MD5, SHA-256 or SHA-512-256.*"SHA1"/.test(e.message));
  assert.throws(() => settingsFromConfigText('auth:\n  secret: short\n', 'k.yaml'), /key 'auth.secret' must NOT have fewer than 16 characters/);
  assert.throws(() => settingsFromConfigText('auth:\n  nonce_expire: 3\n', 'k.yaml'), /unknown key 'auth.nonce_expire'/);
});

test('an engine builds its DigestAuth from settings.auth at construction; a core without a secret logs a warning', () => {
  const settings = { ...DEFAULT_SETTINGS, auth: { ...DEFAULT_SETTINGS.auth, secret: 'a-long-enough-secret', algorithms: ['SHA-256' as const] } };
  const engine = new Engine(settings, pino({ level: 'silent' }), { store: null, usrloc: new Usrloc(), pvs: createRegistry().pvs });
  const a = engine.auth;
  assert.equal(engine.auth, a, 'one per core');
  assert.deepEqual(a.algorithms, ['SHA-256']);
  assert.equal(a.settings.secret, 'a-long-enough-secret');
  const bare = new RecordingCore();
  new DigestAuth(bare);
  assert.ok(bare.logs.some((l) => l.level === 'warn' && /no auth.secret configured/.test(l.text)));
});

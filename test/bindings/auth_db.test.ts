// KSR.auth_db.* through the Dispatcher: auth_check over the store (the test's in-memory one,
// and the real SQLite driver with subscribers added as `ksr-host user add` does), its flag 1,
// www_authenticate(_method), is_subscriber, and a store that went away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DigestAuth } from '../../host/auth/digest-auth.js';
import { openStore } from '../../host/store/open-store.js';
import { SipMessage } from '../../host/sip/message.js';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { challengeParams, credentialsValue, type ClientInput } from '../auth/digest-client.js';
import { invite, MemoryStore, register } from '../auth/requests.js';
import { ksrOn } from './ksr-call.js';

function engine() {
  const store = new MemoryStore().add('alice', 'localhost', 'wonderland').add('carol', 'localhost', 'hashonly', false);
  const core = new RecordingCore(undefined, undefined, { store, auth: (c) => new DigestAuth(c, { secret: 'auth-db-test-secret' }) });
  return { core, store };
}

function nonceFrom(core: RecordingCore, raw = register(null)): string {
  const ctx = makeContext(raw, { core });
  core.replies.length = 0;
  assert.equal(ksrOn(ctx)('auth.auth_challenge', 'localhost', 1), 1);
  const r = SipMessage.parse(core.replies[0]!.buf);
  return challengeParams((r.header('www-authenticate') ?? r.header('proxy-authenticate'))!.value).get('nonce')!;
}

const cred = (nonce: string, over: Partial<ClientInput> = {}): string =>
  credentialsValue({ username: 'alice', password: 'wonderland', realm: 'localhost', nonce, method: 'REGISTER', uri: 'sip:localhost', ...over });

test('auth_check: challenge, then 1; wrong password -2; unknown user -3; no credentials -5; replay -6', () => {
  const { core } = engine();
  const nonce = nonceFrom(core);
  const check = (raw: string, flags = 0) => ksrOn(makeContext(raw, { core }))('auth_db.auth_check', 'localhost', 'subscriber', flags);
  assert.equal(check(register(null)), -5);
  assert.equal(check(register(cred(nonce))), 1);
  assert.equal(check(register(cred(nonce))), -6);
  assert.equal(check(register(cred(nonce, { nc: '00000002', password: 'x' }))), -2);
  assert.equal(check(register(cred(nonce, { nc: '00000002', username: 'mallory' }), 'mallory')), -3);
  assert.equal(check(register(cred(nonce, { nc: '00000002', username: 'carol', password: 'hashonly' }), 'carol')), 1);
});

test('auth_check uses Proxy-Authorization for an INVITE; flag 1 wants the From user (-8 otherwise)', () => {
  const { core } = engine();
  const nonce = nonceFrom(core, invite(null));
  const c = (nc: string) => cred(nonce, { method: 'INVITE', uri: 'sip:bob@localhost', nc });
  const check = (raw: string, flags: number) => ksrOn(makeContext(raw, { core }))('auth_db.auth_check', 'localhost', 'subscriber', flags);
  assert.equal(check(invite(c('00000001')), 1), 1);
  assert.equal(check(invite(c('00000002'), 'bob'), 1), -8);
  assert.equal(check(invite(c('00000003'), 'bob'), 0), 1, 'without flag 1 the From user is not compared');
  const regWithProxyAuth = register(null).replace('Content-Length: 0', `Proxy-Authorization: ${c('00000004')}\r\nContent-Length: 0`);
  assert.equal(check(regWithProxyAuth, 0), -5, 'a REGISTER looks at Authorization only');
});

test('www_authenticate and www_authenticate_method', () => {
  const { core } = engine();
  const nonce = nonceFrom(core);
  const ksr = (raw: string) => ksrOn(makeContext(raw, { core }));
  assert.equal(ksr(register(cred(nonce)))('auth_db.www_authenticate', 'localhost', 'subscriber'), 1);
  const asMsg = register(cred(nonce, { method: 'MESSAGE', nc: '00000002' }));
  assert.equal(ksr(asMsg)('auth_db.www_authenticate', 'localhost', 'subscriber'), -2);
  assert.equal(ksr(asMsg)('auth_db.www_authenticate_method', 'localhost', 'subscriber', 'MESSAGE'), 1);
  assert.equal(ksr(register(cred(nonce, { nc: '00000003' })))('auth_db.www_authenticate', 'localhost', 'location'), -1);
});

test('is_subscriber: 1 for a known user@domain, -1 for unknown, bad URI, other table, no store', () => {
  const { core } = engine();
  const ksr = ksrOn(makeContext('register', { core }));
  assert.equal(ksr('auth_db.is_subscriber', 'sip:alice@localhost', 'subscriber', 1), 1);
  assert.equal(ksr('auth_db.is_subscriber', 'sip:alice@elsewhere', 'subscriber', 1), -1);
  assert.equal(ksr('auth_db.is_subscriber', 'sip:localhost', 'subscriber', 1), -1);
  assert.equal(ksr('auth_db.is_subscriber', 'sip:alice@localhost', 'users', 1), -1);
  core.store = null;
  assert.equal(ksr('auth_db.is_subscriber', 'sip:alice@localhost', 'subscriber', 1), -1);
  assert.ok(core.logs.some((l) => /no store configured/.test(l.text)));
});

test('store down: auth_check -1 with an error log (the script answers 500), is_subscriber -1; back up, it works', () => {
  const { core, store } = engine();
  const nonce = nonceFrom(core);
  store.down = true;
  const ctx = makeContext(register(cred(nonce)), { core });
  assert.equal(ksrOn(ctx)('auth_db.auth_check', 'localhost', 'subscriber', 0), -1);
  assert.equal(ksrOn(ctx)('auth_db.is_subscriber', 'sip:alice@localhost', 'subscriber', 1), -1);
  assert.ok(core.logs.filter((l) => l.level === 'error' && /connection refused/.test(l.text)).length >= 2);
  store.down = false;
  assert.equal(ksrOn(makeContext(register(cred(nonce)), { core }))('auth_db.auth_check', 'localhost', 'subscriber', 0), 1);
});

test('auth_check against the SQLite driver: plain password, and the HA1/HA1b it stores', async () => {
  const store = await openStore('sqlite::memory:');
  try {
    await store.addSubscriber('dave', 'localhost', 'pw-dave');
    const row = store.subscriber('dave', 'localhost')!;
    const core = new RecordingCore(undefined, undefined, { store, auth: (c) => new DigestAuth(c, { secret: 'auth-db-test-secret' }) });
    const nonce = nonceFrom(core);
    const check = (over: Partial<ClientInput>) =>
      ksrOn(makeContext(register(cred(nonce, { username: 'dave', password: 'pw-dave', ...over }), 'dave'), { core }))(
        'auth_db.auth_check', 'localhost', 'subscriber', 1,
      );
    assert.equal(check({}), 1);
    assert.equal(check({ nc: '00000002', password: 'nope' }), -2);
    // the client may hash with the stored HA1 directly: the same response
    assert.equal(check({ nc: '00000003', password: undefined, ha1: row.ha1 }), 1);
  } finally {
    await store.close();
  }
});

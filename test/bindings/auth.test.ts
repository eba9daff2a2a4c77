// KSR.auth.* through the Dispatcher on real SIP messages: challenges as 401/407 replies (and
// through a transaction), auth_get_www_authenticate, auth_algorithm, has_credentials, the pv_*
// authentications with script-given passwords, consume_credentials, and the $ar/$adu/$aU/$ad PVs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DigestAuth } from '../../host/auth/digest-auth.js';
import { SipMessage } from '../../host/sip/message.js';
import { builtMessage, makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { challengeParams, credentialsValue, H, type ClientInput } from '../auth/digest-client.js';
import { invite, register } from '../auth/requests.js';
import { ksrOn } from './ksr-call.js';

function engine() {
  return new RecordingCore(undefined, undefined, { auth: (c) => new DigestAuth(c, { secret: 'bindings-test-secret' }) });
}

/** Challenge a REGISTER on `core`; the first challenge header's params. */
function challenged(core: RecordingCore, flags = 1): Map<string, string> {
  const ctx = makeContext(register(null), { core });
  core.replies.length = 0;
  assert.equal(ksrOn(ctx)('auth.www_challenge', 'localhost', flags), 1);
  return challengeParams(SipMessage.parse(core.replies[0]!.buf).header('www-authenticate')!.value);
}

const answer = (ch: Map<string, string>, over: Partial<ClientInput> = {}): ClientInput => ({
  username: 'alice', password: 'wonderland', realm: 'localhost', nonce: ch.get('nonce')!, method: 'REGISTER', uri: 'sip:localhost',
  algorithm: ch.get('algorithm'), ...over,
});

test('www_challenge, proxy_challenge, auth_challenge: 401 / 407 with the header, realm defaulting to To/From domain', () => {
  const core = engine();
  const reg = makeContext(register(null), { core });
  assert.equal(ksrOn(reg)('auth.auth_challenge', '', 1), 1);
  const r401 = SipMessage.parse(core.replies[0]!.buf);
  assert.equal(r401.status, 401);
  assert.equal(r401.reason, 'Unauthorized');
  assert.equal(challengeParams(r401.header('www-authenticate')!.value).get('realm'), 'localhost');
  assert.equal(reg.replied, true);
  const inv = makeContext(invite(null, 'alice', 'example.org'), { core });
  assert.equal(ksrOn(inv)('auth.auth_challenge', '', 0), 1);
  const r407 = SipMessage.parse(core.replies[1]!.buf);
  assert.equal(r407.status, 407);
  assert.equal(r407.reason, 'Proxy Authentication Required');
  const p = challengeParams(r407.header('proxy-authenticate')!.value);
  assert.equal(p.get('realm'), 'example.org');
  assert.equal(p.has('qop'), false);
  const inv2 = makeContext(invite(null), { core });
  assert.equal(ksrOn(inv2)('auth.proxy_challenge', 'localhost', 16 | 2), 1);
  const p2 = challengeParams(SipMessage.parse(core.replies[2]!.buf).header('proxy-authenticate')!.value);
  assert.equal(p2.get('stale'), 'true');
  assert.equal(p2.get('qop'), 'auth-int');
});

test('no challenge to a reply or an ACK: -1', () => {
  const core = engine();
  assert.equal(ksrOn(makeContext('reply200', { core }))('auth.www_challenge', 'localhost', 1), -1);
  const ack = makeContext(invite(null).replace(/INVITE/g, 'ACK'), { core });
  assert.equal(ksrOn(ack)('auth.proxy_challenge', 'localhost', 1), -1);
  assert.equal(core.replies.length, 0);
});

test('a challenge inside a transaction goes out through it (the transaction holds the 401)', () => {
  const core = engine();
  const ctx = makeContext(register(null), { core });
  const ksr = ksrOn(ctx);
  assert.equal(ksr('tm.t_newtran'), 1);
  assert.equal(ksr('auth.www_challenge', 'localhost', 1), 1);
  const last = SipMessage.parse(core.replies.at(-1)!.buf);
  assert.equal(last.status, 401);
  assert.ok(last.header('www-authenticate'));
  assert.equal(ksr('pv.get', '$T_reply_code'), 401);
  assert.equal(ksr('auth.www_challenge', 'localhost', 1), -1, 'the transaction is answered already');
});

test('auth_get_www_authenticate writes the header line(s) into a PV without sending', () => {
  const core = engine();
  const ctx = makeContext(register(null), { core });
  const ksr = ksrOn(ctx);
  assert.equal(ksr('auth.auth_get_www_authenticate', 'localhost', 1, '$var(wa)'), 1);
  const v = ksr('pv.get', '$var(wa)') as string;
  assert.match(v, /^WWW-Authenticate: Digest realm="localhost", nonce="[A-Za-z0-9_-]{39}", algorithm=MD5, qop="auth"\r\n$/);
  assert.equal(core.replies.length, 0);
  assert.equal(ksr('auth.auth_get_www_authenticate', 'localhost', 1, '$ru'), -1);
  assert.equal(ksr('auth.auth_get_www_authenticate', 'localhost', 1, 'nonsense'), -1);
});

test('auth_algorithm switches what is offered and accepted; a list offers several; unknown names -1', () => {
  const core = engine();
  const ctx = makeContext(register(null), { core });
  const ksr = ksrOn(ctx);
  assert.equal(ksr('auth.auth_algorithm', 'SHA-256'), 1);
  assert.equal(challenged(core).get('algorithm'), 'SHA-256');
  assert.equal(ksr('auth.auth_algorithm', 'SHA-256,MD5'), 1);
  assert.equal(ksr('auth.auth_get_www_authenticate', 'localhost', 0, '$var(x)'), 1);
  assert.equal((ksr('pv.get', '$var(x)') as string).match(/WWW-Authenticate:/g)?.length, 2);
  assert.equal(ksr('auth.auth_algorithm', 'SHA1'), -1);
  assert.equal(ksr('auth.auth_algorithm', ''), -1);
  const ch = challenged(core);
  assert.equal(ch.get('algorithm'), 'SHA-256', 'a refused name changes nothing');
});

test('has_credentials: 1 when Authorization or Proxy-Authorization has that realm', () => {
  const core = engine();
  assert.equal(ksrOn(makeContext('register', { core }))('auth.has_credentials', 'localhost'), 1);
  assert.equal(ksrOn(makeContext('register', { core }))('auth.has_credentials', 'other'), -1);
  assert.equal(ksrOn(makeContext(invite('Digest username="a", realm="r", nonce="n", uri="sip:x", response="0"'), { core }))('auth.has_credentials', 'r'), 1);
  assert.equal(ksrOn(makeContext('invite', { core }))('auth.has_credentials', ''), -1);
});

test('pv_www_authenticate: right password 1, wrong -2, HA1 with flag 1; consume_credentials removes the line used', () => {
  const core = engine();
  const ch = challenged(core);
  const ctx = makeContext(register(credentialsValue(answer(ch))), { core });
  const ksr = ksrOn(ctx);
  assert.equal(ksr('auth.consume_credentials'), -1, 'nothing authenticated yet');
  assert.equal(ksr('auth.pv_www_authenticate', 'localhost', 'wonderland', 0), 1);
  assert.equal(ksr('auth.consume_credentials'), 1);
  assert.ok(!builtMessage(ctx).includes('Authorization:'));
  assert.ok(builtMessage(ctx).includes('Contact:'));
  const wrong = makeContext(register(credentialsValue(answer(ch, { nc: '00000002' }))), { core });
  assert.equal(ksrOn(wrong)('auth.pv_www_authenticate', 'localhost', 'queen-of-hearts', 0), -2);
  const ha1 = makeContext(register(credentialsValue(answer(ch, { nc: '00000003' }))), { core });
  assert.equal(ksrOn(ha1)('auth.pv_www_authenticate', 'localhost', H('MD5', 'alice:localhost:wonderland'), 1), 1);
});

test('pv_proxy_authenticate on an INVITE, pv_www_authenticate_method with another method', () => {
  const core = engine();
  const ch = challenged(core);
  const inv = makeContext(invite(credentialsValue(answer(ch, { method: 'INVITE', uri: 'sip:bob@localhost' }))), { core });
  assert.equal(ksrOn(inv)('auth.pv_proxy_authenticate', 'localhost', 'wonderland', 0), 1);
  assert.equal(ksrOn(inv)('auth.pv_www_authenticate', 'localhost', 'wonderland', 0), -5, 'no Authorization header');
  const reg = makeContext(register(credentialsValue(answer(ch, { method: 'MESSAGE', nc: '00000002' }))), { core });
  assert.equal(ksrOn(reg)('auth.pv_www_authenticate', 'localhost', 'wonderland', 0), -2);
  assert.equal(ksrOn(reg)('auth.pv_www_authenticate_method', 'localhost', 'wonderland', 0, 'MESSAGE'), 1);
});

test('pv_auth_check: Authorization for REGISTER, Proxy-Authorization otherwise; checks=1 compares To/From', () => {
  const core = engine();
  const ch = challenged(core);
  const reg = makeContext(register(credentialsValue(answer(ch))), { core });
  assert.equal(ksrOn(reg)('auth.pv_auth_check', 'localhost', 'wonderland', 0, 1), 1);
  const bob = makeContext(register(credentialsValue(answer(ch, { nc: '00000002' })), 'bob'), { core });
  assert.equal(ksrOn(bob)('auth.pv_auth_check', 'localhost', 'wonderland', 0, 1), -8);
  const inv = makeContext(invite(credentialsValue(answer(ch, { method: 'INVITE', uri: 'sip:bob@localhost', nc: '00000003' }))), { core });
  assert.equal(ksrOn(inv)('auth.pv_auth_check', 'localhost', 'wonderland', 0, 1), 1);
  const stale = makeContext(register(credentialsValue(answer(ch, { nc: '00000003' }))), { core });
  assert.equal(ksrOn(stale)('auth.pv_auth_check', 'localhost', 'wonderland', 0, 0), -6, 'nc 3 was used by the INVITE');
});

test('$au, $aU, $ad, $ar, $adu read the credentials', () => {
  const core = engine();
  const ctx = makeContext(register('Digest username="alice@example.org", realm="localhost", nonce="n", uri="sip:localhost;transport=tcp", response="00"'), { core });
  const ksr = ksrOn(ctx);
  assert.equal(ksr('pv.get', '$aU'), 'alice@example.org');
  assert.equal(ksr('pv.get', '$ad'), 'example.org');
  assert.equal(ksr('pv.get', '$ar'), 'localhost');
  assert.equal(ksr('pv.get', '$adu'), 'sip:localhost;transport=tcp');
  const none = ksrOn(makeContext('options', { core }));
  assert.equal(none('pv.get', '$ar'), null);
  assert.equal(none('pv.get', '$ad'), null);
});

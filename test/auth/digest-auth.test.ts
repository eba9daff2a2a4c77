// Challenge → response → verification through host/auth, with the client computed
// independently (digest-client.ts): algorithms, qop, stale nonces, nonce-count replay, wrong
// password, unknown user, HA1-only subscribers, forged nonces, nonces of another node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUTH } from '../../host/auth/auth-codes.js';
import { authorize, scriptSecret, subscriberLookup } from '../../host/auth/authorize.js';
import { sendChallenge } from '../../host/auth/challenge-reply.js';
import { DigestAuth } from '../../host/auth/digest-auth.js';
import type { AuthSettings } from '../../host/auth/auth-settings.js';
import { SipMessage } from '../../host/sip/message.js';
import { RecordingCore } from '../support/sip-fixtures.js';
import { sharedState } from '../support/shared-variant.js';
import { challengeParams, clientResponse, credentialsValue, type ClientInput } from './digest-client.js';
import { contextOn, invite, INVITE_BODY, MemoryStore, register } from './requests.js';

const T0 = Date.UTC(2026, 10, 26, 8, 0, 0);

/** One engine: a core with a store, its DigestAuth on a clock the test moves. */
function engine(settings: Partial<AuthSettings> = {}) {
  const store = new MemoryStore().add('alice', 'localhost', 'wonderland').add('carol', 'localhost', 'hashonly', false);
  const clock = { now: T0 };
  const core = new RecordingCore(undefined, undefined, { store, auth: (c) => new DigestAuth(c, { secret: 'shared-secret', ...settings }, () => clock.now, sharedState()) });
  return { core, store, clock, auth: core.auth };
}

type Engine = ReturnType<typeof engine>;

/** Sends a challenge for a REGISTER and returns the params of each challenge header, in order. */
function challenge(e: Engine, flags = 1, kind: 'www' | 'proxy' = 'www'): Array<Map<string, string>> {
  const ctx = contextOn(kind === 'www' ? register(null) : invite(null), e.core);
  e.core.replies.length = 0;
  assert.equal(sendChallenge(ctx, 'localhost', flags, kind), 1);
  const reply = SipMessage.parse(e.core.replies[0]!.buf);
  assert.equal(reply.status, kind === 'www' ? 401 : 407);
  return reply.headersNamed(kind === 'www' ? 'www-authenticate' : 'proxy-authenticate').map((h) => challengeParams(h.value));
}

function answer(ch: Map<string, string>, over: Partial<ClientInput> = {}): ClientInput {
  return {
    username: 'alice', password: 'wonderland', realm: ch.get('realm')!, nonce: ch.get('nonce')!, method: 'REGISTER',
    uri: 'sip:localhost', algorithm: ch.get('algorithm'), qop: 'auth', opaque: ch.get('opaque'), ...over,
  };
}

/** auth_check as KSR.auth_db.auth_check("localhost", "subscriber", flags) does it. */
function check(e: Engine, c: ClientInput, flags = 0, raw?: string): number {
  const value = credentialsValue(c);
  const ctx = contextOn(raw ?? (c.method === 'INVITE' ? invite(value) : register(value)), e.core);
  return authorize(ctx, { realm: 'localhost', kind: 'auto', lookup: subscriberLookup(ctx, 'subscriber'), checkIdentity: (flags & 1) !== 0 });
}

test('the challenge: realm, signed nonce, algorithm, qop; 407 with Proxy-Authenticate for proxy', () => {
  const e = engine();
  const [ch] = challenge(e, 1);
  assert.equal(ch!.get('realm'), 'localhost');
  assert.match(ch!.get('nonce')!, /^[A-Za-z0-9_-]{39}$/);
  assert.equal(ch!.get('algorithm'), 'MD5');
  assert.equal(ch!.get('qop'), 'auth');
  assert.equal(ch!.has('stale'), false);
  assert.equal(ch!.has('opaque'), false);
  assert.equal(challenge(e, 3, 'proxy')[0]!.get('qop'), 'auth,auth-int');
  assert.equal(challenge(e, 0)[0]!.has('qop'), false);
});

test('a realm cannot inject header lines: control characters dropped, quotes escaped', () => {
  const e = engine();
  const ctx = contextOn(register(null), e.core);
  assert.equal(sendChallenge(ctx, 'evil"\r\nX-Injected: 1', 0, 'www'), 1);
  const reply = SipMessage.parse(e.core.replies[0]!.buf);
  assert.equal(reply.header('x-injected'), undefined);
  assert.match(reply.header('www-authenticate')!.value, /^Digest realm="evil\\"X-Injected: 1", nonce=/);
});

test('both algorithms configured: two headers, SHA-256 first; either answer is accepted', () => {
  const e = engine({ algorithms: ['SHA-256', 'MD5'] });
  const chs = challenge(e);
  assert.deepEqual(chs.map((c) => c.get('algorithm')), ['SHA-256', 'MD5']);
  assert.equal(check(e, answer(chs[0]!)), AUTH.OK);
  assert.equal(check(e, answer(challenge(e)[1]!)), AUTH.OK);
});

test('MD5 and SHA-256 with qop=auth, auth-int (the body hashed) and without qop', () => {
  const e = engine({ algorithms: ['SHA-256', 'MD5'] });
  for (const [i, alg] of ['SHA-256', 'MD5'].entries()) {
    assert.equal(check(e, answer(challenge(e)[i]!, { qop: 'auth' })), AUTH.OK, `${alg} auth`);
    assert.equal(check(e, answer(challenge(e)[i]!, { qop: null })), AUTH.OK, `${alg} no qop`);
    const inv = answer(challenge(e, 2, 'proxy')[i]!, { qop: 'auth-int', method: 'INVITE', uri: 'sip:bob@localhost', body: INVITE_BODY });
    assert.equal(check(e, inv), AUTH.OK, `${alg} auth-int`);
    assert.equal(check(e, { ...inv, body: 'v=1\r\n' }), AUTH.INVALID_PASSWORD, `${alg} auth-int over another body`);
  }
});

test('SHA-512-256 when configured; an algorithm not configured is refused (-1)', () => {
  const e = engine({ algorithms: ['SHA-512-256'] });
  const [ch] = challenge(e);
  assert.equal(ch!.get('algorithm'), 'SHA-512-256');
  assert.equal(check(e, answer(ch!)), AUTH.OK);
  assert.equal(check(e, answer(ch!, { algorithm: 'MD5', nc: '00000002' })), AUTH.ERROR);
  assert.ok(e.core.logs.some((l) => /algorithm MD5 is not one of SHA-512-256/.test(l.text)));
});

test('wrong password -2, unknown user -3, no credentials for the realm -5', () => {
  const e = engine();
  const [ch] = challenge(e);
  assert.equal(check(e, answer(ch!, { password: 'looking-glass' })), AUTH.INVALID_PASSWORD);
  assert.equal(check(e, answer(ch!, { username: 'mallory' })), AUTH.USER_UNKNOWN);
  const ctx = contextOn(register(null), e.core);
  assert.equal(authorize(ctx, { realm: 'localhost', kind: 'auto', lookup: subscriberLookup(ctx, 'subscriber') }), AUTH.NO_CREDENTIALS);
  assert.equal(check(e, answer(ch!, { realm: 'elsewhere' })), AUTH.NO_CREDENTIALS);
});

test('the response compares as hex, either case; one digit off, in any place, is a wrong password', () => {
  for (const algorithm of ['MD5', 'SHA-256'] as const) {
    const e = engine({ algorithms: [algorithm] });
    const [ch] = challenge(e);
    let nc = 0;
    /** A REGISTER answering the challenge with the next nc, its response passed through `alter`. */
    const request = (alter: (response: string) => string) => {
      const c = answer(ch!, { nc: (++nc).toString(16).padStart(8, '0') });
      const response = clientResponse(c);
      return { c, raw: register(credentialsValue(c).replace(`response="${response}"`, `response="${alter(response)}"`)) };
    };
    const upper = request((r) => r.toUpperCase());
    assert.equal(check(e, upper.c, 0, upper.raw), AUTH.OK, `${algorithm}: upper-case hex`);
    for (const at of [0, 16, 31]) {
      const flipped = request((r) => r.slice(0, at) + (r[at] === '0' ? '1' : '0') + r.slice(at + 1));
      assert.equal(check(e, flipped.c, 0, flipped.raw), AUTH.INVALID_PASSWORD, `${algorithm}: digit ${at} changed`);
    }
  }
});

test('an expired nonce with the right response is -4, and the next challenge says stale=true', () => {
  const e = engine({ nonceExpireS: 300 });
  const [ch] = challenge(e);
  e.clock.now += 300_000;
  assert.equal(check(e, answer(ch!)), AUTH.OK, 'still good at exactly 300 s');
  e.clock.now += 1000;
  const ctx = contextOn(register(credentialsValue(answer(ch!, { nc: '00000002' }))), e.core);
  assert.equal(authorize(ctx, { realm: 'localhost', kind: 'auto', lookup: subscriberLookup(ctx, 'subscriber') }), AUTH.STALE_NONCE);
  e.core.replies.length = 0;
  assert.equal(sendChallenge(ctx, 'localhost', 1, 'www'), 1);
  const again = challengeParams(SipMessage.parse(e.core.replies[0]!.buf).header('www-authenticate')!.value);
  assert.equal(again.get('stale'), 'true');
  assert.notEqual(again.get('nonce'), ch!.get('nonce'));
  // a wrong password on an expired nonce is a wrong password: stale=true would spare the user a prompt
  assert.equal(check(e, answer(ch!, { password: 'x', nc: '00000003' })), AUTH.INVALID_PASSWORD);
});

test('nonce-count: a replayed or lower nc is refused (-6), a higher one accepted', () => {
  const e = engine();
  const [ch] = challenge(e);
  assert.equal(check(e, answer(ch!, { nc: '00000001' })), AUTH.OK);
  assert.equal(check(e, answer(ch!, { nc: '00000001' })), AUTH.NONCE_REUSED);
  assert.equal(check(e, answer(ch!, { nc: '00000003' })), AUTH.OK);
  assert.equal(check(e, answer(ch!, { nc: '00000002' })), AUTH.NONCE_REUSED);
  assert.equal(check(e, answer(ch!, { nc: '00000004' })), AUTH.OK);
  // a wrong response does not advance the count: the owner's next nc still works
  assert.equal(check(e, answer(ch!, { nc: '00000009', password: 'x' })), AUTH.INVALID_PASSWORD);
  assert.equal(check(e, answer(ch!, { nc: '00000005' })), AUTH.OK);
});

test('nonce-count: a retransmission (same Via branch) of the request that used the count is accepted again; another request with it is not', () => {
  const e = engine();
  const [ch] = challenge(e);
  const value = credentialsValue(answer(ch!, { nc: '00000001' }));
  const sent = register(value, 'alice', 'localhost', 'z9hG4bK-retransmitted');
  assert.equal(check(e, answer(ch!), 0, sent), AUTH.OK);
  assert.equal(check(e, answer(ch!), 0, sent), AUTH.OK, 'a UDP retransmission: the client did not get the 200 in time');
  assert.equal(check(e, answer(ch!), 0, register(value)), AUTH.NONCE_REUSED, 'the same credentials in another request');
});

test('without qop a nonce may be used again until it expires (Kamailio one_time_nonce off)', () => {
  const e = engine();
  const [ch] = challenge(e, 0);
  assert.equal(check(e, answer(ch!, { qop: null })), AUTH.OK);
  assert.equal(check(e, answer(ch!, { qop: null })), AUTH.OK);
});

test('HA1-only subscriber: ha1 for a plain username, ha1b for user@domain; SHA-256 needs the password', () => {
  const e = engine({ algorithms: ['MD5', 'SHA-256'] });
  const chs = challenge(e);
  assert.equal(check(e, answer(chs[0]!, { username: 'carol', password: 'hashonly' })), AUTH.OK);
  assert.equal(check(e, answer(chs[0]!, { username: 'carol@localhost', password: 'hashonly', nc: '00000002' })), AUTH.OK);
  assert.equal(check(e, answer(chs[0]!, { username: 'carol', password: 'nope', nc: '00000003' })), AUTH.INVALID_PASSWORD);
  // the two headers share one nonce, so its count goes on
  assert.equal(check(e, answer(chs[1]!, { username: 'carol', password: 'hashonly', nc: '00000004' })), AUTH.ERROR);
  assert.ok(e.core.logs.some((l) => l.level === 'warn' && /only an MD5 HA1 is stored/.test(l.text)));
  // with the plain password kept, SHA-256 works for a user@domain username too
  assert.equal(check(e, answer(chs[1]!, { username: 'alice@localhost', nc: '00000005' })), AUTH.OK);
});

test('a forged or altered nonce is refused (-1) before any user lookup', () => {
  const e = engine();
  const [ch] = challenge(e);
  const nonce = ch!.get('nonce')!;
  const flipped = nonce.slice(0, 10) + (nonce[10] === 'A' ? 'B' : 'A') + nonce.slice(11);
  const before = e.store.lookups;
  for (const bad of [flipped, 'abc', nonce.slice(1), Buffer.alloc(29).toString('base64url')]) {
    assert.equal(check(e, answer(ch!, { nonce: bad })), AUTH.ERROR, bad);
  }
  assert.equal(e.store.lookups, before);
  assert.ok(e.core.logs.some((l) => /nonce refused/.test(l.text)));
});

test('a nonce from another node with the same secret is accepted; with another secret it is not', () => {
  const a = engine({ secret: 'cluster-key' });
  const b = engine({ secret: 'cluster-key' });
  const c = engine({ secret: 'other-key' });
  const [ch] = challenge(a);
  assert.equal(check(b, answer(ch!)), AUTH.OK);
  assert.equal(check(c, answer(ch!)), AUTH.ERROR);
  const [chA] = challenge(a);
  assert.equal(chA!.get('opaque'), undefined);
});

test('opaque when configured: sent in the challenge, required back, the same on nodes sharing the secret', () => {
  const a = engine({ opaque: true });
  const b = engine({ opaque: true });
  const [ch] = challenge(a);
  assert.ok(ch!.get('opaque'));
  assert.equal(check(b, answer(ch!)), AUTH.OK);
  assert.equal(check(a, answer(ch!, { opaque: undefined, nc: '00000002' })), AUTH.ERROR);
});

test('flag 1: the auth user and realm must be the From (INVITE) / To (REGISTER) user and domain (-8)', () => {
  const e = engine();
  const [ch] = challenge(e);
  assert.equal(check(e, answer(ch!), 1), AUTH.OK);
  const asBob = register(credentialsValue(answer(ch!, { nc: '00000002' })), 'bob');
  assert.equal(check(e, answer(ch!, { nc: '00000002' }), 1, asBob), AUTH.USER_MISMATCH);
  const [pch] = challenge(e, 1, 'proxy');
  const inv = answer(pch!, { method: 'INVITE', uri: 'sip:bob@localhost' });
  assert.equal(check(e, inv, 1), AUTH.OK);
  assert.equal(check(e, { ...inv, nc: '00000002' }, 1, invite(credentialsValue({ ...inv, nc: '00000002' }), 'carol')), AUTH.USER_MISMATCH);
});

test('the store is down: -1 and an error log, no exception; it answers again once back', () => {
  const e = engine();
  const [ch] = challenge(e);
  e.store.down = true;
  assert.equal(check(e, answer(ch!)), AUTH.ERROR);
  assert.ok(e.core.logs.some((l) => l.level === 'error' && /cannot look up alice@localhost: memory: connection refused/.test(l.text)));
  e.store.down = false;
  assert.equal(check(e, answer(ch!, { nc: '00000002' })), AUTH.OK);
});

test('no store, or a table other than subscriber: credentials give -1 with a log, none give -5', () => {
  const e = engine();
  e.core.store = null;
  const [ch] = challenge(e);
  assert.equal(check(e, answer(ch!)), AUTH.ERROR);
  assert.ok(e.core.logs.some((l) => /no store configured/.test(l.text)));
  const ctx = contextOn(register(credentialsValue(answer(ch!))), engine().core);
  assert.equal(authorize(ctx, { realm: 'localhost', kind: 'auto', lookup: subscriberLookup(ctx, 'users') }), AUTH.ERROR);
  assert.equal(authorize(contextOn(register(null), e.core), { realm: 'localhost', kind: 'auto', lookup: subscriberLookup(ctx, 'subscriber') }), AUTH.NO_CREDENTIALS);
});

test('script-given secrets: plain password, HA1 (flag 1), empty = unknown user', () => {
  const e = engine();
  const [ch] = challenge(e);
  const ctx = (nc: string) => contextOn(register(credentialsValue(answer(ch!, { nc }))), e.core);
  const run = (nc: string, pw: string, ha1: boolean) => authorize(ctx(nc), { realm: 'localhost', kind: 'authorization', lookup: scriptSecret(pw, ha1) });
  assert.equal(run('00000001', 'wonderland', false), AUTH.OK);
  assert.equal(run('00000002', e.store.subscriber('alice', 'localhost')!.ha1, true), AUTH.OK);
  assert.equal(run('00000003', 'wrong', false), AUTH.INVALID_PASSWORD);
  assert.equal(run('00000004', '', false), AUTH.USER_UNKNOWN);
});

test('malformed credentials: missing response, qop without nc/cnonce, bad response length → -1', () => {
  const e = engine();
  const [ch] = challenge(e);
  const good = credentialsValue(answer(ch!));
  for (const bad of [
    good.replace(/, response="[0-9a-f]+"/, ''),
    good.replace(/, nc=00000001/, ''),
    good.replace(/response="([0-9a-f]+)"/, 'response="$1ab"'),
    good.replace(/qop=auth/, 'qop=auth-conf'),
  ]) {
    const ctx = contextOn(register(bad), e.core);
    assert.equal(authorize(ctx, { realm: 'localhost', kind: 'auto', lookup: subscriberLookup(ctx, 'subscriber') }), AUTH.ERROR, bad);
  }
});

test('ACK and CANCEL are accepted with an expired nonce (they cannot be challenged again)', () => {
  const e = engine();
  const [ch] = challenge(e, 1, 'proxy');
  e.clock.now += 400_000;
  const c = answer(ch!, { method: 'CANCEL', uri: 'sip:bob@localhost' });
  const raw = invite(credentialsValue(c)).replace('INVITE sip:', 'CANCEL sip:').replace('CSeq: 2 INVITE', 'CSeq: 2 CANCEL');
  assert.equal(check(e, c, 0, raw), AUTH.OK);
});

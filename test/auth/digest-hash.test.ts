// The digest computations against the RFCs' own worked examples, and against an independent
// computation with node:crypto for the SIP cases (SHA-256 per RFC 8760, auth-int).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ha1Of, ha2Of, parseAlgorithm, responseOf } from '../../host/auth/digest-hash.js';
import { H } from './digest-client.js';

test('RFC 2617 §3.5: MD5, qop=auth, Mufasa / Circle Of Life', () => {
  const ha1 = ha1Of('MD5', 'Mufasa', 'testrealm@host.com', 'Circle Of Life');
  const ha2 = ha2Of('MD5', 'GET', '/dir/index.html', 'auth');
  const r = responseOf('MD5', { ha1, nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', qop: 'auth', nc: '00000001', cnonce: '0a4f113b', ha2 });
  assert.equal(r, '6629fae49393a05397450978507c4ef1');
});

test('RFC 7616 §3.9.1: the same request with MD5 and with SHA-256', () => {
  const base = {
    nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v', qop: 'auth' as const, nc: '00000001',
    cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  };
  for (const [alg, want] of [
    ['MD5', '8ca523f5e9506fed4657c9700eebdbec'],
    ['SHA-256', '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1'],
  ] as const) {
    const ha1 = ha1Of(alg, 'Mufasa', 'http-auth@example.org', 'Circle of Life');
    const ha2 = ha2Of(alg, 'GET', '/dir/index.html', 'auth');
    assert.equal(responseOf(alg, { ...base, ha1, ha2 }), want, alg);
  }
});

test('auth-int hashes the body into HA2; no qop is RFC 2069 H(HA1:nonce:HA2)', () => {
  const body = Buffer.from('v=0\r\n');
  for (const alg of ['MD5', 'SHA-256', 'SHA-512-256'] as const) {
    assert.equal(ha2Of(alg, 'INVITE', 'sip:bob@b.example', 'auth-int', body), H(alg, `INVITE:sip:bob@b.example:${H(alg, body)}`));
    const ha1 = H(alg, 'bob:b.example:pw');
    assert.equal(
      responseOf(alg, { ha1, nonce: 'n', qop: null, nc: '', cnonce: '', ha2: 'x' }),
      H(alg, `${ha1}:n:x`),
    );
  }
});

test('algorithm names: case-insensitive, -sess variants and others refused', () => {
  assert.equal(parseAlgorithm('md5'), 'MD5');
  assert.equal(parseAlgorithm('sha-256'), 'SHA-256');
  assert.equal(parseAlgorithm('SHA-512-256'), 'SHA-512-256');
  assert.equal(parseAlgorithm('MD5-sess'), null);
  assert.equal(parseAlgorithm('SHA1'), null);
});

// Stateless nonces (HMAC-signed issue time) and the bounded nonce-count table (the Map, or the
// shared one when test/shared/suites-shared.test.ts runs this file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { NonceSigner } from '../../host/auth/nonce.js';
import { NonceCounts, type NonceCountTable } from '../../host/auth/nonce-counts.js';
import { SharedNonceCounts } from '../../host/auth/shared-nonce-counts.js';
import { sharedState } from '../support/shared-variant.js';

function counts(limit: number, expireS: number): NonceCountTable {
  const shared = sharedState();
  return shared ? new SharedNonceCounts(shared.nonceCounts, limit, expireS) : new NonceCounts(limit, expireS);
}

const T0 = Date.UTC(2026, 10, 26, 8, 0, 0);

test('a nonce carries its issue time, is signed with HMAC-SHA256 of the secret, and differs each time', () => {
  const s = new NonceSigner('k', 300);
  const n = s.issue(T0);
  const raw = Buffer.from(n, 'base64url');
  assert.equal(raw.length, 29);
  assert.equal(raw.readUInt32BE(1), T0 / 1000);
  const mac = createHmac('sha256', 'k').update(raw.subarray(0, 13)).digest().subarray(0, 16);
  assert.deepEqual(raw.subarray(13), mac);
  assert.notEqual(s.issue(T0), n);
  assert.deepEqual(s.check(n, T0 + 1000), { status: 'ok', issuedS: T0 / 1000 });
});

test('the buffers a signer keeps between calls leave nothing behind: each nonce checks on its own, a refused one does not change the next verdict', () => {
  const s = new NonceSigner('k', 300);
  const a = s.issue(T0);
  const b = s.issue(T0 + 5000);
  const tampered = (b[0] === 'A' ? 'B' : 'A') + b.slice(1);
  assert.deepEqual(s.check(a, T0), { status: 'ok', issuedS: T0 / 1000 });
  assert.equal(s.check(tampered, T0).status, 'invalid');
  assert.equal(s.check('!'.repeat(a.length), T0).status, 'invalid', 'not base64url');
  assert.equal(s.check(a.slice(1), T0).status, 'invalid', 'one character short');
  assert.deepEqual(s.check(b, T0 + 5000), { status: 'ok', issuedS: T0 / 1000 + 5 });
  assert.deepEqual(s.check(a, T0), { status: 'ok', issuedS: T0 / 1000 });
  assert.notEqual(a, b);
});

test('expiry: ok up to nonceExpire seconds, stale after; a time far ahead is invalid', () => {
  const s = new NonceSigner('k', 300);
  const n = s.issue(T0);
  assert.equal(s.check(n, T0 + 300_000).status, 'ok');
  assert.equal(s.check(n, T0 + 301_000).status, 'stale');
  assert.equal(s.check(n, T0 - 20_000).status, 'ok', 'another node 20 s behind');
  assert.equal(s.check(n, T0 - 120_000).status, 'invalid', 'issued 2 minutes in the future');
});

test('re-signing a changed time with a wrong key does not pass', () => {
  const s = new NonceSigner('k', 300);
  const raw = Buffer.from(s.issue(T0), 'base64url');
  raw.writeUInt32BE(T0 / 1000 + 200, 1); // push the expiry out
  assert.equal(s.check(raw.toString('base64url'), T0).status, 'invalid');
  createHmac('sha256', 'guess').update(raw.subarray(0, 13)).digest().copy(raw, 13, 0, 16);
  assert.equal(s.check(raw.toString('base64url'), T0).status, 'invalid');
});

test('nonce counts: the highest nc per nonce; equal or lower is reused', () => {
  const t = counts(10, 300);
  assert.equal(t.use('a', 100, 1, 100), 'ok');
  assert.equal(t.use('a', 100, 1, 100), 'reused');
  assert.equal(t.use('a', 100, 5, 100), 'ok');
  assert.equal(t.use('a', 100, 4, 100), 'reused');
  assert.equal(t.use('b', 100, 1, 100), 'ok');
});

test('nonce counts: a retransmission (same branch) of the request that used the count is accepted again, within a transaction\'s lifetime', () => {
  const t = counts(10, 300);
  assert.equal(t.use('a', 100, 1, 100, 'z9hG4bK-1'), 'ok');
  assert.equal(t.use('a', 100, 1, 101, 'z9hG4bK-1'), 'ok', 'the same request again: a retransmission');
  assert.equal(t.use('a', 100, 1, 101, 'z9hG4bK-2'), 'reused', 'another request with that count: a replay');
  assert.equal(t.use('a', 100, 1, 101), 'reused', 'no branch: nothing to tell a retransmission by');
  assert.equal(t.use('a', 100, 1, 100 + 33, 'z9hG4bK-1'), 'reused', 'past 64 × T1 it is a replay');
  assert.equal(t.use('a', 100, 2, 140, 'z9hG4bK-3'), 'ok');
  assert.equal(t.use('a', 100, 1, 140, 'z9hG4bK-1'), 'reused', 'a lower count, whatever its branch');
});

test('nonce counts are bounded: expired entries leave; when full the oldest goes and nonces as old are refused', () => {
  const t = counts(3, 300);
  t.use('a', 100, 1, 100);
  t.use('b', 101, 1, 101);
  t.use('c', 102, 1, 102);
  assert.equal(t.size, 3);
  assert.equal(t.use('d', 103, 1, 103), 'ok');
  assert.equal(t.size, 3, 'a was evicted');
  assert.equal(t.use('a', 100, 2, 103), 'forgotten', 'a evicted: its counts cannot start over');
  assert.equal(t.use('x', 99, 1, 103), 'forgotten', 'an unseen nonce issued before the floor');
  assert.equal(t.use('e', 104, 1, 104), 'ok');
  // 300 s later everything issued before then has expired and is pruned on the next insert
  assert.equal(t.use('f', 500, 1, 500), 'ok');
  assert.equal(t.size, 1);
  for (let i = 0; i < 1000; i++) t.use(`n${i}`, 600, 1, 600);
  assert.equal(t.size, 3);
});

test('the MAC is HMAC-SHA256 of the first 13 bytes, as before the hand-made HMAC (nodes of both versions accept each other)', () => {
  for (const secret of ['bench-secret-0123456789abcdef', 'x', 'k'.repeat(100)]) {
    const s = new NonceSigner(secret, 300);
    for (let i = 0; i < 50; i++) {
      const buf = Buffer.from(s.issue(1_700_000_000_000 + i * 997), 'base64url');
      const want = createHmac('sha256', secret).update(buf.subarray(0, 13)).digest().subarray(0, 16);
      assert.deepEqual(buf.subarray(13), want, `secret of ${secret.length} bytes, nonce ${i}`);
    }
  }
});

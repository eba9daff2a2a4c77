// What a message carries between KSR calls is a typed field of its MsgContext (issue 8 §2),
// set and read through the KSR functions that own it, and copied (or not) as tm's copies need.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { copyContext } from '../../host/core/context-copy.js';

test('sanity: the failed check and whether its reply went out are on the context', () => {
  const ctx = makeContext('options');
  const bad = makeContext(ctx.msg.buf.toString().replace('CSeq: 7 OPTIONS', 'Proxy-Require: foo\r\nCSeq: 7 OPTIONS'));
  assert.equal(bad.sanityFailure ?? 'none', 'none');
  assert.equal(ksrOn(bad)('sanity.sanity_check', 512 /* proxy-require */, 0), -1);
  assert.ok(bad.sanityFailure, 'the failure is kept on the message');
  assert.equal(bad.sanityFailure.code, 420);
  assert.equal(bad.sanityFailure.sent, true);
  assert.equal(bad.core.replies.length, 1);
  assert.equal(ksrOn(bad)('sanity.sanity_reply'), -1, 'sent already: nothing more to send');
});

test('registrar: set_q_override is the context\'s qOverride', () => {
  const ctx = makeContext('register');
  assert.equal(ctx.qOverride ?? 'none', 'none');
  assert.equal(ksrOn(ctx)('registrar.set_q_override', '0.5'), 1);
  assert.equal(ctx.qOverride, 0.5);
});

test('tm: t_set_* before a transaction are the context\'s tmOptions, and a copy carries its own', () => {
  const ctx = makeContext('invite');
  assert.equal(ctx.tmOptions ?? 'none', 'none');
  assert.equal(ksrOn(ctx)('tm.t_set_disable_6xx', 1), 1);
  assert.equal(ctx.tmOptions?.disable6xx, true);
  const copy = copyContext(ctx, 'branch');
  assert.deepEqual(copy.tmOptions, ctx.tmOptions);
  assert.notEqual(copy.tmOptions, ctx.tmOptions, 'the copy has its own options');
});

test('auth: what an authentication left is the context\'s authMarks', () => {
  const ctx = makeContext('register');
  assert.equal(ctx.authMarks ?? 'none', 'none');
  // the fixture's credentials are for realm localhost, with a nonce this core did not sign
  ksrOn(ctx)('auth.pv_auth_check', 'localhost', 'wonderland', 0, 0);
  assert.ok(ctx.authMarks?.used, 'the credentials line used is marked');
});

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('host/ keeps no message state in module-level side tables (WeakMaps)', () => {
  // the last one, the Digest line parse cache of host/auth/credentials.ts, is now kept in the request's authMarks
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const files = sources(join(root, 'host')).map((f) => relative(root, f));
  assert.ok(files.includes(join('host', 'auth', 'credentials.ts')), 'the scan sees host/ sources');
  const found = files.filter((f) => /new WeakMap\b/.test(readFileSync(join(root, f), 'utf8')));
  assert.deepEqual(found, [], 'WeakMaps in host/: make them fields of MsgContext or CoreServices');
});

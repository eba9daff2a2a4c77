import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage } from '../../host/sip/message.js';
import { SipParseError } from '../../host/sip/errors.js';
import { makeContext, FIXTURES } from '../support/sip-fixtures.js';
import { ksrOn } from './ksr-call.js';

function check(raw: string, msgChecks: number, uriChecks = 0) {
  const ctx = makeContext(raw);
  const rc = ksrOn(ctx)('sanity.sanity_check', msgChecks, uriChecks);
  const reply = ctx.core.replies[0] ? SipMessage.parse(ctx.core.replies[0].buf) : null;
  return { rc, code: reply?.status ?? null, reply };
}

test('well-formed fixtures pass every check', () => {
  for (const name of ['register', 'invite', 'options'] as const) {
    assert.deepEqual(check(FIXTURES[name], 16383, 15), { rc: 1, code: null, reply: null }, name);
  }
  assert.equal(ksrOn(makeContext('invite'))('sanity.sanity_check_defaults'), 1);
});

const cases: Array<[string, number, number, (raw: string) => string, number]> = [
  ['ruri sip version', 1, 0, (r) => r.replace('sip:localhost SIP/2.0', 'sip:localhost SIP/3.0'), 505],
  ['ruri scheme', 2, 0, (r) => r.replace('REGISTER sip:localhost', 'REGISTER http:localhost'), 416],
  ['required headers', 4, 0, (r) => r.replace(/CSeq: [^\r]*\r\n/, ''), 400],
  ['cseq method', 32, 0, (r) => r.replace('CSeq: 1 REGISTER', 'CSeq: 1 INVITE'), 400],
  ['cseq value', 64, 0, (r) => r.replace('CSeq: 1 REGISTER', 'CSeq: 99999999999 REGISTER'), 400],
  ['expires value', 256, 0, (r) => r.replace('Expires: 3600', 'Expires: soon'), 400],
  ['proxy-require', 512, 0, (r) => r.replace('Expires: 3600', 'Proxy-Require: foo'), 420],
  ['parse from uri', 1024, 2, (r) => r.replace('From: "Alice" <sip:alice@localhost>', 'From: "Alice" <sip:alice@>'), 400],
  ['digest credentials', 2048, 0, (r) => r.replace(', response="0123456789abcdef0123456789abcdef"', ''), 400],
  ['duplicated tag', 4096, 0, (r) => r.replace(';tag=a73kszlfl', ';tag=a;tag=b'), 400],
  ['authorization scheme', 8192, 0, (r) => r.replace('Authorization: Digest', 'Authorization: Basic'), 400],
];

for (const [name, mask, uri, mutate, code] of cases) {
  test(`sanity check ${mask} (${name}) fails with ${code} and replies itself`, () => {
    const raw = mutate(FIXTURES.register);
    assert.notEqual(raw, FIXTURES.register, 'the mutation applied');
    const r = check(raw, mask, uri);
    assert.equal(r.rc, -1);
    assert.equal(r.code, code);
    assert.equal(check(FIXTURES.register, mask, uri).rc, 1, 'the unmutated message passes the same check');
  });
}

test('content length (128): the parser already refuses a short body and trims a long one', () => {
  assert.throws(() => makeContext(FIXTURES.register.replace('Content-Length: 0', 'Content-Length: 20')), (e: unknown) => e instanceof SipParseError && /Content-Length/i.test(e.reason));
  const long = check(`${FIXTURES.register}trailing bytes`, 128);
  assert.equal(long.rc, 1, 'bytes past Content-Length are not part of the message');
});

test('420 lists the unsupported extensions', () => {
  const r = check(FIXTURES.register.replace('Expires: 3600', 'Proxy-Require: foo, bar'), 512);
  assert.equal(r.reply!.header('unsupported')!.value, 'foo, bar');
});

test('checks not selected by the mask are not run', () => {
  assert.equal(check(FIXTURES.register.replace('Expires: 3600', 'Expires: soon'), 999 - 256).rc, 1);
});

test('an ACK is never answered; sanity_reply sends a pending failure once', () => {
  const ack = FIXTURES.options.replace(/OPTIONS/g, 'ACK').replace('CSeq: 7 ACK', 'CSeq: 7 BYE');
  const ctx = makeContext(ack);
  const ksr = ksrOn(ctx);
  assert.equal(ksr('sanity.sanity_check', 32, 0), -1);
  assert.equal(ctx.core.replies.length, 0);
  assert.equal(ksr('sanity.sanity_reply'), -1, 'an ACK cannot be answered later either');
  const inv = makeContext('invite');
  const k2 = ksrOn(inv);
  assert.equal(k2('sanity.sanity_reply'), -1, 'nothing failed');
});

test('replies are checked only by the checks that apply to them', () => {
  const ctx = makeContext('reply200');
  assert.equal(ksrOn(ctx)('sanity.sanity_check', 16383, 15), 1);
  assert.equal(ctx.core.replies.length, 0);
});

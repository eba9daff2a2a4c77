// The regex-taking functions of textopsx and posops (keep_hf_re, pos_search, pos_rsearch), and
// fnmatch, with catastrophic patterns on a 64 KB message: each completes in bounded time (the
// patterns run on re2js, linear in the text; fnmatch has a step budget). Measured on the shared
// 2-core box: pos_search / pos_rsearch 10-40 ms each, keep_hf_re on a 64 KB header name ~25 ms,
// pos_rsearch's probes (a long match whose later starts fail far away) ~35 ms, fnmatch giving
// up after its budget of 8 million steps ~250 ms. The bound asserted is 2 s each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWithLumps } from '../../host/sip/builder.js';
import { makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { MAX_MESSAGE_SIZE } from '../../host/sip/message.js';

const LIMIT_MS = 2000;

/** An OPTIONS whose body is `body`, and with a header named `name` (both up to ~64 KB). */
function bigMessage(body: string, name = 'X-Big'): string {
  const head = [
    'OPTIONS sip:127.0.0.1:5060 SIP/2.0',
    'Via: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-big',
    'From: <sip:probe@127.0.0.1>;tag=p1',
    'To: <sip:127.0.0.1:5060>',
    'Call-ID: big-1',
    'CSeq: 1 OPTIONS',
    `${name}: 1`,
    'Content-Type: text/plain',
    `Content-Length: ${body.length}`,
    '',
    '',
  ].join('\r\n');
  return head + body;
}

const ROOM = MAX_MESSAGE_SIZE - 400;

function timed(what: string, fn: () => unknown): unknown {
  const t0 = performance.now();
  const r = fn();
  const ms = performance.now() - t0;
  assert.ok(ms < LIMIT_MS, `${what} took ${ms.toFixed(0)} ms`);
  return r;
}

const CASES: Array<{ name: string; text: string; call: [string, ...unknown[]]; expect: number; check?: (built: string) => void }> = [
  { name: 'pos_search (a+)+$, no match', text: bigMessage('a'.repeat(ROOM) + '!'), call: ['posops.pos_search', 0, '(a+)+$'], expect: -1 },
  { name: 'pos_search (a+)+$, match', text: bigMessage('a'.repeat(ROOM)), call: ['posops.pos_search', 0, '(a+)+$'], expect: 0 },
  { name: 'pos_rsearch (a+)+$, no match', text: bigMessage('a'.repeat(ROOM) + '!'), call: ['posops.pos_rsearch', 0, '(a+)+$'], expect: -1 },
  { name: 'pos_rsearch (a+)+$, match', text: bigMessage('a'.repeat(ROOM)), call: ['posops.pos_rsearch', 0, '(a+)+$'], expect: 0 },
  {
    name: 'pos_rsearch: a long match whose later starts fail far away',
    text: bigMessage(`x${'a'.repeat(ROOM / 2)}y${'b'.repeat(ROOM / 2 - 10)}`),
    call: ['posops.pos_rsearch', 0, 'xa*y|a*z'],
    expect: 0,
  },
  // keep_hf_re answers -1 as Kamailio's does, having done its work: the long header, which the
  // pattern matches, is kept (a refused pattern would have removed nothing either: the check
  // is that the other optional header, Content-Type aside, goes)
  {
    name: 'keep_hf_re (a+)+$ on a long header name',
    text: bigMessage('', `X-${'a'.repeat(ROOM)}`).replace('CSeq: 1 OPTIONS\r\n', 'CSeq: 1 OPTIONS\r\nX-Other: 1\r\n'),
    call: ['textopsx.keep_hf_re', '(a+)+$'],
    expect: -1,
    check: (built) => {
      assert.ok(built.includes(`X-${'a'.repeat(100)}`), 'the matching header is kept');
      assert.ok(!built.includes('X-Other: 1'), 'the other header is removed');
    },
  },
  { name: 'fnmatch: a long literal after * on a long value', text: bigMessage(''), call: ['textopsx.fnmatch', 'a'.repeat(ROOM), `*${'a'.repeat(30000)}b`], expect: -1 },
  { name: 'fnmatch: many stars', text: bigMessage(''), call: ['textopsx.fnmatch', 'a'.repeat(ROOM), `${'*a'.repeat(5000)}*b`], expect: -1 },
];

for (const c of CASES) {
  test(`bounded time: ${c.name}`, () => {
    const ctx = makeContext(c.text);
    const ksr = ksrOn(ctx);
    const [path, ...args] = c.call;
    const r = timed(c.name, () => ksr(path, ...args)) as number;
    if (c.expect === 0) assert.ok(r > 0 || r === -255, `expected a position, got ${r}`);
    else assert.equal(r, c.expect);
    c.check?.(buildWithLumps(ctx.msg, ctx.lumps).toString('latin1'));
  });
}

// Catastrophic patterns on 64 KB of text through every regex-taking textops function: the
// linear-time engine keeps each call bounded. Measured on a shared dev machine: the slowest
// call took 34 ms (a backtracking engine would not finish in any useful time); asserted < 2 s each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIXTURES, makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';

const PATTERNS = ['(a+)+$', '(a|aa)+$', '(x+x+)+y'];
/** 64 KB of 'a's that none of the patterns match (a value: search_str, subst_v, regex_substring). */
const FILL = 'a'.repeat(64 * 1024 - 1) + '!';
/** A message may not pass 65535 bytes: one has a 60 KB header, the other a 60 KB body. */
const BIG = 'a'.repeat(60 * 1024) + '!';
const OPT = FIXTURES.options as string;
const RAW_HEADER = OPT.replace('Content-Length: 0\r\n', `X-Big: ${BIG}\r\nContent-Length: 0\r\n`);
const RAW_BODY = OPT.replace('Content-Length: 0\r\n\r\n', `X-Big: a!\r\nContent-Type: text/plain\r\nContent-Length: ${BIG.length}\r\n\r\n${BIG}`);
const RAWS = [RAW_HEADER, RAW_BODY];

/** The header-name functions see short names: "Via" ends in an 'a', so `(a+)+$` and `(a|aa)+$` match it (fast). */
const onNames = (p: string): number => (p.includes('x') ? -1 : 1);
type Call = [fn: string, args: (p: string) => Array<string | number>, expected: number | ((p: string) => number)];
const CALLS: Call[] = [
  ['search', (p) => [p], -1],
  ['search_body', (p) => [p], -1],
  ['search_hf', (p) => ['X-Big', p, 'a'], -1],
  ['search_append', (p) => [p, 'x'], -1],
  ['search_append_body', (p) => [p, 'x'], -1],
  ['search_str', (p) => [FILL, p], -1],
  ['is_present_hf_re', (p) => [p], onNames],
  ['replace', (p) => [p, 'x'], -1],
  ['replace_all', (p) => [p, 'x'], -1],
  ['replace_body', (p) => [p, 'x'], -1],
  ['replace_body_all', (p) => [p, 'x'], -1],
  ['replace_body_atonce', (p) => [p, 'x'], -1],
  ['replace_hdrs', (p) => [p, 'x'], -1],
  ['subst', (p) => [`/${p}/x/`], -1],
  ['subst_body', (p) => [`/${p}/x/`], -1],
  ['subst_hf', (p) => ['X-Big', `/${p}/x/`, 'a'], -1],
  ['subst_v', (p) => [FILL, `/${p}/x/`, '$var(o)'], -1],
  ['subst_uri', (p) => [`/${p}/x/`], -1],
  ['subst_user', (p) => [`/${p}/x/`], -1],
  ['remove_hf_re', (p) => [p], onNames],
  ['remove_hf_exp', (p) => [p, '^none$'], onNames],
  ['remove_hf_match', (p) => ['X-Big', 're', p], -1],
  ['regex_substring', (p) => [FILL, p, 0, 1, '$var(o)'], -1],
];

let slowest = 0;
for (const [fn, args, expected] of CALLS) {
  test(`textops.${fn}: catastrophic patterns on 64 KB finish in bounded time`, () => {
    for (const [p, raw] of PATTERNS.flatMap((p) => RAWS.map((r) => [p, r] as const))) {
      const ctx = makeContext(raw);
      const t0 = performance.now();
      const r = ksrOn(ctx)(`textops.${fn}`, ...args(p));
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      const want = typeof expected === 'number' ? expected : expected(p);
      assert.equal(r, want, `${fn} ${p}`);
      assert.ok(ms < 2000, `${fn} ${p}: ${ms.toFixed(0)} ms`);
      if (want === -1) assert.equal(ctx.lumps.size, 0, 'nothing matched, nothing changed');
    }
  });
}

test('a back-reference in the search part: -1 and a log naming the function and the pattern', () => {
  for (const [fn, args] of CALLS) {
    const ctx = makeContext(RAW_BODY);
    assert.equal(ksrOn(ctx)(`textops.${fn}`, ...args('(a)\\1')), -1, fn);
    const line = ctx.core.logs.find((l) => l.level === 'error')?.text ?? '';
    assert.ok(line.startsWith(`KSR.textops.${fn}: `) && line.includes('(a)\\\\1') && line.includes('back-reference'), `${fn}: ${line}`);
  }
});

test('a match on the 64 KB header is found, linearly', () => {
  const ctx = makeContext(RAW_HEADER);
  const t0 = performance.now();
  assert.equal(ksrOn(ctx)('textops.search_hf', 'X-Big', '^(a|aa)+!$', 'f'), 1);
  assert.ok(performance.now() - t0 < 2000);
});

test('the slowest call (shown in the test output)', (t) => {
  t.diagnostic(`slowest textops call with a catastrophic pattern: ${slowest.toFixed(1)} ms`);
  assert.ok(slowest < 2000);
});

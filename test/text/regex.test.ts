// host/text/regex.ts: script patterns on the linear-time engine, with Kamailio's POSIX
// semantics (leftmost-longest; `.` crosses newlines unless per line), a bounded cache, and a
// substring search for plain literals that must answer exactly as the engine does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RE2JS } from 're2js';
import {
  asBytes, compileRegex, fromBytes, MAX_PATTERN_LENGTH, REGEX_CACHE_LIMIT, regexCacheSize, RegexError, regexExec, regexExecAll, regexTest,
} from '../../host/text/regex.js';

test('a catastrophic pattern on 64 KB takes time linear in the input, not exponential', () => {
  const text = `${'a'.repeat(64 * 1024)}!`;
  for (const p of ['(a+)+$', '(a|aa)+$', '(x+x+)+y', '(a*)*b']) {
    const t0 = performance.now();
    assert.equal(regexTest(compileRegex(p), text), false);
    // measured 20-30 ms each on the 2-core machine; a backtracking engine does not finish
    assert.ok(performance.now() - t0 < 2000, `${p} took ${performance.now() - t0} ms`);
  }
});

test('back-references, look-around and bad syntax are refused with a message naming the pattern', () => {
  assert.throws(() => compileRegex('(a)\\1'), (e: unknown) => e instanceof RegexError && /back-references/.test(e.message) && e.message.includes('(a)\\\\1'));
  assert.throws(() => compileRegex('a(?=b)'), RegexError);
  assert.throws(() => compileRegex('(unclosed'), (e: unknown) => e instanceof RegexError && /RE2 syntax/.test(e.message));
  assert.throws(() => compileRegex('a'.repeat(MAX_PATTERN_LENGTH + 1)), /at most 4096 characters/);
  // an escaped backslash before a digit is no back-reference
  assert.equal(regexTest(compileRegex('a\\\\1'), 'xa\\1'), true);
});

test('POSIX semantics: leftmost-longest; `.` crosses lines unless per line, where ^ and $ are line ends', () => {
  assert.deepEqual(regexExec(compileRegex('a|ab'), 'xab')?.groups[0], 'ab');
  assert.equal(regexTest(compileRegex('a.b'), 'a\nb'), true);
  assert.equal(regexTest(compileRegex('a.b', { line: true }), 'a\nb'), false);
  assert.equal(regexTest(compileRegex('^To:'), 'From: x\r\nTo: y'), false);
  assert.equal(regexTest(compileRegex('^To:', { line: true }), 'From: x\r\nTo: y'), true);
  assert.equal(regexTest(compileRegex('call-id', { icase: true }), 'Call-ID: 1'), true);
});

test('matches give groups and spans; every match, left to right, an empty match advancing', () => {
  const m = regexExec(compileRegex('x(y)?(z)'), 'aaxz');
  assert.deepEqual(m, { start: 2, end: 4, groups: ['xz', undefined, 'z'], spans: [[2, 4], [-1, -1], [3, 4]] });
  assert.deepEqual(regexExecAll(compileRegex('a+'), 'baa ca a').map((x) => [x.start, x.end]), [[1, 3], [5, 6], [7, 8]]);
  assert.equal(regexExecAll(compileRegex('x*'), 'ab').length, 3);
  assert.equal(regexExecAll(compileRegex('a'), 'aaaa', 2).length, 2);
});

test('a plain literal is searched as a substring, with the same answers as the engine', () => {
  const texts = ['Call-ID: abc', 'CALL-ID: abc', 'call-id', 'no such', 'Call-IÐ', 'x\r\ncall-id\r\n', ''];
  for (const pattern of ['call-id', 'Call-ID', 'ID: a', "'q'", 'a/b@c;d=e']) {
    for (const icase of [false, true]) {
      const engine = RE2JS.compile(pattern, (icase ? RE2JS.CASE_INSENSITIVE : 0) | RE2JS.LONGEST_MATCH | RE2JS.DOTALL);
      for (const t of texts) assert.equal(regexTest(compileRegex(pattern, { icase }), t), engine.matcher(t).find(), `${pattern} ${icase} on ${t}`);
    }
  }
});

test('the cache keeps at most REGEX_CACHE_LIMIT patterns, however many a script makes up', () => {
  for (let i = 0; i < REGEX_CACHE_LIMIT + 100; i++) compileRegex(`made-up-${i}[0-9]`);
  assert.equal(regexCacheSize(), REGEX_CACHE_LIMIT);
  // a kept pattern is the same compiled object
  assert.equal(compileRegex('kept[0-9]'), compileRegex('kept[0-9]'));
});

test('SIP bytes as latin1: UTF-8 text in a pattern matches the message bytes and back', () => {
  const msg = Buffer.from('Subject: café\r\n', 'utf8').toString('latin1');
  // the pattern is text: compileRegex takes its UTF-8 bytes, as the message's are latin1 chars
  const m = regexExec(compileRegex('café'), msg);
  assert.equal(m?.start, 9);
  assert.equal(fromBytes(m!.groups[0]!), 'café');
  assert.equal(asBytes('plain'), 'plain');
});

// host/text/subst.ts: Kamailio's /regex/replacement/flags (core re.c) on the linear engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSubst, parseReplacement, substEdits, substString, SUBST_CACHE_LIMIT } from '../../host/text/subst.js';
import { RegexError } from '../../host/text/regex.js';

const values = { uri: () => 'sip:bob@example.com', pv: (name: string) => `<${name}>` };
const run = (expr: string, text: string) => substString(parseSubst(expr), text, values);

test('groups, \\0, the R-URI, pseudo-variables and character escapes in the replacement', () => {
  assert.equal(run('/(a)(b)?c/[\\0|\\1|\\2]/', 'xacy'), 'x[ac|a|]y');
  assert.equal(run('/x/\\u/', 'axb'), 'asip:bob@example.comb');
  assert.equal(run('/x/$fU $(ru{uri.user}) $var(a)/', 'x'), '<$fU> <$(ru{uri.user})> <$var(a)>');
  assert.equal(run('/x/\\n\\r\\t\\\\\\$\\q/', 'x'), '\n\r\t\\$q');
  assert.deepEqual(parseReplacement('a\\1$rU'), [{ kind: 'text', text: 'a' }, { kind: 'group', n: 1 }, { kind: 'pv', name: '$rU' }]);
});

test('per line by default (REG_NEWLINE); s: the text as one line; i: any case; g: every match', () => {
  assert.equal(run('/^o=(.*) /o=X /', 'v=0\r\no=a b c\r\n'), 'v=0\r\no=X c\r\n');
  assert.equal(run('/a.b/X/', 'a\nb'), null);
  assert.equal(run('/a.b/X/s', 'a\nb'), 'X');
  assert.equal(run('/ALICE/carol/i', 'alice'), 'carol');
  assert.equal(run('/a/b/', 'aaa'), 'baa');
  assert.equal(run('/a/b/g', 'aaa'), 'bbb');
});

test('any delimiter; \\delim stays an escaped character in the regex', () => {
  assert.equal(run('#a/b#X#', 'za/b'), 'zX');
  assert.equal(run('/a\\/b/X/', 'za/b'), 'zX');
  assert.equal(run('|a\\|b|X|', 'a|b'), 'X');
});

test('bad expressions are refused, saying what was expected and seen', () => {
  assert.throws(() => parseSubst('/a/b'), /expected \/regex\/replacement\/flags, found 2 delimiters/);
  assert.throws(() => parseSubst('/a/b/x'), /unknown flag "x"/);
  assert.throws(() => parseSubst('\\a\\b\\'), /cannot be the delimiter/);
  assert.throws(() => parseSubst('/(a)\\1/b/'), /back-references/);
  assert.throws(() => parseSubst('/a/\\2/'), /\\2 refers to a group the regex does not have/);
  assert.throws(() => parseSubst('/a/$(ru{x/'), RegexError);
  // an empty match fails the substitution, as in Kamailio ("invalid regexp?")
  assert.throws(() => substEdits(parseSubst('/x*/y/'), 'abc', values), /matched an empty string/);
});

test('expressions are cached, bounded', () => {
  assert.equal(parseSubst('/k/v/'), parseSubst('/k/v/'));
  for (let i = 0; i < SUBST_CACHE_LIMIT + 10; i++) parseSubst(`/made-${i}/v/`);
  assert.notEqual(parseSubst('/k/v/'), undefined);
});

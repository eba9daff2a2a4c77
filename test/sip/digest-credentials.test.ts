// parseCredentials (host/sip/digest.ts): the one-scan parser of Authorization values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCredentials } from '../../host/sip/digest.js';
import { SipParseError } from '../../host/sip/errors.js';

test('names lower-cased, values unquoted and unescaped, commas inside quotes or <> kept, the first duplicate wins', () => {
  const c = parseCredentials(
    '  Digest Username="bob", realm = "a, b" ,nonce="x\\"y",uri="sip:<a,b>@h", nc=00000001,, ,username="eve", cnonce=<p,q>, opaque=""  ',
  );
  assert.equal(c.scheme, 'Digest');
  assert.deepEqual([...c.params], [
    ['username', 'bob'], ['realm', 'a, b'], ['nonce', 'x"y'], ['uri', 'sip:<a,b>@h'], ['nc', '00000001'], ['cnonce', '<p,q>'], ['opaque', ''],
  ]);
});

test('value and name trimmed as String.prototype.trim trims (form feed, no-break space), elements as SIP whitespace', () => {
  const c = parseCredentials('Digest \fa\u00a0=\u00a0"v"\f, b=1');
  assert.deepEqual([...c.params], [['a', 'v'], ['b', '1']]);
});

test('errors: no scheme, an element without "=", an unterminated quote or < (which wins over a bad element before it)', () => {
  assert.throws(() => parseCredentials('username="a"'), (e: unknown) => e instanceof SipParseError && /Bad credentials/.test(e.message));
  assert.throws(() => parseCredentials('Digest realm'), /expected name=value, got "realm"/);
  assert.throws(() => parseCredentials('Digest =x'), /expected name=value/);
  assert.throws(() => parseCredentials('Digest bad, realm="open'), /Unterminated quoted string/);
  assert.throws(() => parseCredentials('Digest bad, uri=<sip:a'), /Unterminated </);
});

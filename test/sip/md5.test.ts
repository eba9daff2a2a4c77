// MD5 written out in JavaScript (sip/md5.ts) against node:crypto's: every length across the
// block and padding boundaries, non-ASCII text (2, 3 and 4 UTF-8 bytes, lone surrogates as
// U+FFFD as node encodes them), input fed in pieces, the hex compare; and the digest check and
// To-tag that use it giving what node:crypto gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomInt } from 'node:crypto';
import { Md5, MD5_BYTES, hexOf, md5Hex, sameAsHex } from '../../host/sip/md5.js';
import { ha1Of, ha2Of, responseOf } from '../../host/auth/digest-hash.js';

const reference = (s: string): string => createHash('md5').update(s, 'utf8').digest('hex');

/** A string of n UTF-16 units, mostly ASCII, with 2-, 3- and 4-byte characters and lone surrogates. */
function text(n: number): string {
  let s = '';
  while (s.length < n) {
    const r = randomInt(100);
    if (r < 70) s += String.fromCharCode(0x20 + randomInt(95));
    else if (r < 80) s += String.fromCharCode(0x80 + randomInt(0x780));
    else if (r < 88) s += String.fromCharCode(0x800 + randomInt(0xd000));
    else if (r < 94) s += String.fromCodePoint(0x10000 + randomInt(0xfffff));
    else s += String.fromCharCode(0xd800 + randomInt(0x800)); // lone high or low surrogate
  }
  return s.slice(0, n); // may cut a pair: a lone surrogate at the end
}

test('RFC 1321 test suite', () => {
  const suite: Array<[string, string]> = [
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
    ['1234567890'.repeat(8), '57edf4a22be3c955ac49da2e2107b67a'],
  ];
  for (const [input, want] of suite) assert.equal(md5Hex(input), want, JSON.stringify(input));
});

test("equals node:crypto's MD5 of the UTF-8 bytes for every length 0..300, ASCII and not", () => {
  for (let n = 0; n <= 300; n++) {
    const ascii = 'x'.repeat(n);
    assert.equal(md5Hex(ascii), reference(ascii), `ASCII, ${n} characters`);
    for (let round = 0; round < 4; round++) {
      const s = text(n);
      assert.equal(md5Hex(s), reference(s), `${n} units: ${JSON.stringify(s)}`);
    }
  }
});

test('fed in pieces and as bytes, the same digest as the joined string; the hasher is reusable after reset', () => {
  const h = new Md5();
  const out = new Uint8Array(MD5_BYTES);
  for (let round = 0; round < 50; round++) {
    const a = text(randomInt(80));
    const b = text(randomInt(80));
    h.reset().add(a).byte(0x3a).add(b).digestInto(out);
    assert.equal(hexOf(out), reference(`${a}:${b}`));
    const d = new Uint8Array(out);
    h.reset().addHex(d).byte(0x3a).add(a).digestInto(out);
    assert.equal(hexOf(out), reference(`${hexOf(d)}:${a}`), 'addHex feeds the lower-case hex');
  }
  assert.equal(md5Hex('abc', 12), '900150983cd24fb0d6963f7d', 'the first n bytes');
});

test('sameAsHex: either case matches, any other byte, length or character does not', () => {
  const d = new Uint8Array(MD5_BYTES);
  new Md5().add('abc').digestInto(d);
  const hex = hexOf(d);
  assert.equal(sameAsHex(d, hex), true);
  assert.equal(sameAsHex(d, hex.toUpperCase()), true);
  for (let i = 0; i < hex.length; i++) {
    const flipped = hex.slice(0, i) + (hex[i] === '0' ? '1' : '0') + hex.slice(i + 1);
    assert.equal(sameAsHex(d, flipped), false, `digit ${i} changed`);
    for (const bad of ['g', 'G', ' ', ':', '\u0130', '/', '@', '`']) {
      assert.equal(sameAsHex(d, hex.slice(0, i) + bad + hex.slice(i + 1)), false, `${JSON.stringify(bad)} at ${i}`);
    }
  }
  assert.equal(sameAsHex(d, hex.slice(0, 30)), false, 'shorter');
  assert.equal(sameAsHex(d, `${hex}00`), false, 'longer');
});

test("digest-hash's MD5 functions give node:crypto's hex (RFC 2617 §3.5's example)", () => {
  const ha1 = ha1Of('MD5', 'Mufasa', 'testrealm@host.com', 'Circle Of Life');
  assert.equal(ha1, reference('Mufasa:testrealm@host.com:Circle Of Life'));
  const ha2 = ha2Of('MD5', 'GET', '/dir/index.html', 'auth');
  const r = responseOf('MD5', { ha1, nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', qop: 'auth', nc: '00000001', cnonce: '0a4f113b', ha2 });
  assert.equal(r, '6629fae49393a05397450978507c4ef1');
});

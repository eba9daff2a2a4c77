// The nonce MAC written out in JavaScript (nonce-mac.ts) against node:crypto's HMAC-SHA256:
// keys shorter than, as long as and longer than a block, payloads read from an offset, the
// MAC written at an offset without touching the bytes around it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { MAC_BYTES, MAC_PAYLOAD, NonceMac } from '../../host/auth/nonce-mac.js';

function reference(key: Buffer, payload: Buffer): Buffer {
  return createHmac('sha256', key).update(payload).digest().subarray(0, MAC_BYTES);
}

test('equals the first 16 bytes of node:crypto HMAC-SHA256 for keys of 1 to 200 bytes', () => {
  for (let keyLength = 1; keyLength <= 200; keyLength++) {
    const key = randomBytes(keyLength);
    const mac = new NonceMac(key);
    for (let round = 0; round < 5; round++) {
      const src = randomBytes(MAC_PAYLOAD + 10);
      const at = round * 2;
      const dst = Buffer.alloc(MAC_BYTES + 6, 0xaa);
      mac.mac(src, at, dst, 3);
      assert.deepEqual(dst.subarray(3, 3 + MAC_BYTES), reference(key, src.subarray(at, at + MAC_PAYLOAD)), `key of ${keyLength} bytes`);
      assert.deepEqual([...dst.subarray(0, 3), ...dst.subarray(3 + MAC_BYTES)], [0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa], 'nothing written around the MAC');
    }
  }
});

test('one instance per key: MACs under two keys interleave without mixing', () => {
  const k1 = Buffer.from('first key');
  const k2 = Buffer.from('second key');
  const m1 = new NonceMac(k1);
  const m2 = new NonceMac(k2);
  const payload = Buffer.from('0123456789abc');
  const out = Buffer.alloc(MAC_BYTES);
  for (let i = 0; i < 3; i++) {
    m1.mac(payload, 0, out, 0);
    assert.deepEqual(out, reference(k1, payload));
    m2.mac(payload, 0, out, 0);
    assert.deepEqual(out, reference(k2, payload));
  }
});

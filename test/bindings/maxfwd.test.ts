import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage } from '../../host/sip/message.js';
import { builtMessage, makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from './ksr-call.js';

const without = (name: string) =>
  makeContext('invite').msg.buf.toString().replace(new RegExp(`${name}: [^\\r]*\\r\\n`), '');

test('process_maxfwd decrements through a lump and returns 1', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('maxfwd.process_maxfwd', 70), 1);
  assert.equal(ctx.msg.maxForwards(), 10, 'the received message is unchanged');
  assert.equal(SipMessage.parse(Buffer.from(builtMessage(ctx))).maxForwards(), 9);
});

test('process_maxfwd adds the header with the limit when absent (2)', () => {
  const ctx = makeContext(without('Max-Forwards'));
  assert.equal(ksrOn(ctx)('maxfwd.process_maxfwd', 16), 2);
  assert.equal(SipMessage.parse(Buffer.from(builtMessage(ctx))).maxForwards(), 16);
});

test('process_maxfwd returns -1 at 0 (the script answers 483) and leaves the message alone', () => {
  const ctx = makeContext('options');
  assert.equal(ksrOn(ctx)('maxfwd.process_maxfwd', 70), -1);
  assert.equal(ctx.lumps.size, 0);
});

test('a received value above 70 is lowered to 70 before decrementing; junk is -2', () => {
  const big = makeContext(makeContext('invite').msg.buf.toString().replace('Max-Forwards: 10', 'Max-Forwards: 200'));
  assert.equal(ksrOn(big)('maxfwd.process_maxfwd', 70), 1);
  assert.equal(SipMessage.parse(Buffer.from(builtMessage(big))).maxForwards(), 69);
  const junk = makeContext(makeContext('invite').msg.buf.toString().replace('Max-Forwards: 10', 'Max-Forwards: ten'));
  assert.equal(ksrOn(junk)('maxfwd.process_maxfwd', 70), -2);
});

test('is_maxfwd_lt: 1 below the limit, -1 not below, -2 absent', () => {
  const ksr = ksrOn(makeContext('invite'));
  assert.equal(ksr('maxfwd.is_maxfwd_lt', 11), 1);
  assert.equal(ksr('maxfwd.is_maxfwd_lt', 10), -1);
  assert.equal(ksrOn(makeContext(without('Max-Forwards')))('maxfwd.is_maxfwd_lt', 10), -2);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage } from '../../host/sip/message.js';
import { builtMessage, makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from './ksr-call.js';

test('x.exit stops the callback: the signal, and every later call stops again', () => {
  const ctx = makeContext('register');
  const ksr = ksrOn(ctx);
  assert.deepEqual(ksr('x.exit'), { ksrSignal: 'stop' });
  assert.equal(ctx.stopped, true);
  assert.equal(ctx.dropped, false);
  assert.deepEqual(ksr('setflag', 1), { ksrSignal: 'stop' });
  assert.equal(ctx.flags, 0);
});

test('x.drop marks the message dropped and stops', () => {
  const ctx = makeContext('register');
  assert.deepEqual(ksrOn(ctx)('x.drop'), { ksrSignal: 'stop' });
  assert.equal(ctx.dropped, true);
  assert.equal(ctx.stopped, true);
});

test('x.modf runs the mapped native functions', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('x.modf', 'append_hf', 'X-Modf: 1\r\n'), 1);
  assert.equal(ksr('x.modf', 'is_present_hf', 'X-None'), -1);
  assert.equal(ksr('x.modf', 'setflag', '3'), 1);
  assert.equal(ctx.flags, 8);
  assert.equal(ksr('x.modf', 'sl_send_reply', '404', 'Not Found'), 1);
  assert.equal(SipMessage.parse(ctx.core.replies[0]!.buf).status, 404);
  assert.match(builtMessage(ctx), /X-Modf: 1\r\n/);
});

test('x.modf refuses unknown names, wrong arity and non-numeric ints with -1 and a log', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('x.modf', 't_relay'), -1);
  assert.equal(ksr('x.modf', 'sl_send_reply', '200'), -1);
  assert.equal(ksr('x.modf', 'sl_send_reply', 'two hundred', 'OK'), -1);
  assert.equal(ctx.core.replies.length, 0);
  assert.equal(ctx.core.logs.filter((l) => l.level === 'error').length, 3);
  assert.match(ctx.core.logs[0]!.text, /"t_relay" is not supported/);
});

test('x.probe logs and returns no value', () => {
  const ctx = makeContext('invite');
  assert.equal(ksrOn(ctx)('x.probe'), null);
  assert.equal(ctx.core.logs[0]!.level, 'debug');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWithLumps } from '../../host/sip/builder.js';
import { FIXTURES, makeContext, type RecordingCore } from '../support/sip-fixtures.js';
import { ksrOn } from './ksr-call.js';

const INVITE = FIXTURES.invite;
const built = (ctx: ReturnType<typeof makeContext>) => buildWithLumps(ctx.msg, ctx.lumps).toString();
const logs = (ctx: ReturnType<typeof makeContext>) => (ctx.core as RecordingCore).logs.map((l) => l.text);

test('positions of the headers and the body; a position 0 answers -255 (idx0)', () => {
  const ksr = ksrOn(makeContext('invite'));
  assert.equal(ksr('posops.pos_headers_start'), INVITE.indexOf('Via:'));
  assert.equal(ksr('posops.pos_headers_end'), INVITE.indexOf('\r\n\r\n') + 2);
  assert.equal(ksr('posops.pos_body_start'), INVITE.indexOf('\r\n\r\n') + 4);
  assert.equal(ksr('posops.pos_body_end'), INVITE.length);
  assert.equal(ksr('posops.pos_find_str', 0, 'INVITE'), -255);
  const opts = ksrOn(makeContext('options'));
  assert.equal(opts('posops.pos_body_start'), FIXTURES.options.length, 'an empty body starts at the end');
});

test('pos_find_str / findi / rfind / rfindi: first or last occurrence at or after idx', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  const cseq = INVITE.indexOf('314159 INVITE') + 7;
  assert.equal(ksr('posops.pos_find_str', 1, 'INVITE'), cseq);
  assert.equal(ksr('posops.pos_findi_str', 1, 'invite'), cseq);
  assert.equal(ksr('posops.pos_find_str', 1, 'invite'), -1, 'case matters');
  assert.equal(ksr('posops.pos_rfind_str', 0, 'Record-Route'), INVITE.lastIndexOf('Record-Route'));
  assert.equal(ksr('posops.pos_rfindi_str', 0, 'record-route'), INVITE.lastIndexOf('Record-Route'));
  assert.equal(ksr('posops.pos_rfind_str', INVITE.lastIndexOf('Record-Route') + 1, 'Record-Route'), -1);
  assert.equal(ksr('posops.pos_find_str', -10, 'PCMU'), -1, 'negative idx counts from the end');
  assert.equal(ksr('posops.pos_find_str', -30, 'PCMU'), INVITE.indexOf('PCMU'));
  assert.equal(ksr('posops.pos_find_str', 0, ''), -1);
  assert.equal(ksr('posops.pos_find_str', INVITE.length, 'x'), -1);
  assert.equal(ksr('posops.pos_find_str', -100000, 'x'), -1);
  assert.equal(ksr('posops.pos_find_str', 0, 'x\0y'), -1);
});

test('pos_search / pos_rsearch: regular expressions, case-insensitive, per line', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('posops.pos_search', 0, '^cseq'), INVITE.indexOf('CSeq'));
  assert.equal(ksr('posops.pos_search', 0, '[0-9]+ INVITE'), INVITE.indexOf('314159'));
  assert.equal(ksr('posops.pos_search', 0, 'INVITE$'), -1, '$ is before LF, the CR stays in the way (as regexec)');
  assert.equal(ksr('posops.pos_rsearch', 0, 'a='), INVITE.lastIndexOf('a='));
  assert.equal(ksr('posops.pos_rsearch', 0, 'record'), INVITE.lastIndexOf('Record'));
  assert.equal(ksr('posops.pos_rsearch', 0, '^Via'), INVITE.lastIndexOf('Via'));
  assert.equal(ksr('posops.pos_rsearch', 0, '[0-9]+'), INVITE.length - 3, 'the last start of a match: "0\\r\\n" of PCMU/8000');
  assert.equal(ksr('posops.pos_search', 0, 'nothere'), -1);
  assert.equal(ksr('posops.pos_search', INVITE.length, 'a'), -1);
  assert.equal(ksr('posops.pos_search', 0, '(a'), -1);
  assert.match(logs(ctx).at(-1)!, /^KSR\.posops\.pos_search: regular expression "\(a"/);
  assert.equal(ksr('posops.pos_rsearch', 0, '(\\w)\\1'), -1, 'back-references are refused');
});

test('pos_append / pos_insert / pos_rm are lumps on the current buffer', () => {
  const ctx = makeContext('options');
  const ksr = ksrOn(ctx);
  const mf = FIXTURES.options.indexOf('Max-Forwards: 0') + 14;
  assert.equal(ksr('posops.pos_rm', mf, 1), 1);
  assert.equal(ksr('posops.pos_insert', mf, '7'), 1);
  assert.equal(ksr('posops.pos_append', mf, '0'), 1);
  assert.equal(ksr('hdr.get', 'Max-Forwards'), '0', 'reads keep seeing the received message');
  assert.equal(built(ctx), FIXTURES.options.replace('Max-Forwards: 0', 'Max-Forwards: 70'));
  const c2 = makeContext('options');
  const k2 = ksrOn(c2);
  assert.equal(k2('posops.pos_insert', -2, 'X-End: 1\r\n'), 1, 'negative: from the end');
  assert.equal(built(c2), FIXTURES.options.replace('Content-Length: 0\r\n', 'Content-Length: 0\r\nX-End: 1\r\n'));
});

test('pos_* refuse what posops refuses', () => {
  const ctx = makeContext('options');
  const ksr = ksrOn(ctx);
  const len = FIXTURES.options.length;
  assert.equal(ksr('posops.pos_append', len + 1, 'x'), -1);
  assert.equal(ksr('posops.pos_append', 0, ''), -1);
  assert.equal(ksr('posops.pos_insert', -len - 1, 'x'), -1);
  assert.equal(ksr('posops.pos_rm', 0, 0), -1);
  assert.equal(ksr('posops.pos_rm', len, 5), 1, 'at the very end: nothing to remove');
  assert.equal(ksr('posops.pos_rm', len - 2, 5), -1, 'over the end');
  assert.equal(ctx.lumps.size, 0);
  assert.ok(logs(ctx).some((t) => t.startsWith('KSR.posops.pos_append: offset invalid')));
});

test('pos_set_char writes the byte at once: the message reads the new byte', () => {
  const ctx = makeContext('options');
  const ksr = ksrOn(ctx);
  const at = FIXTURES.options.indexOf('Max-Forwards: 0') + 14;
  assert.equal(ksr('posops.pos_set_char', at, '5'), 1);
  assert.equal(ctx.msg.maxForwards(), 5);
  assert.equal(ksr('hdr.get', 'Max-Forwards'), '5');
  assert.equal(ctx.msg.buf.toString(), FIXTURES.options.replace('Max-Forwards: 0', 'Max-Forwards: 5'));
  assert.equal(ksr('posops.pos_set_char', -1, 'x'), -1, 'a byte that breaks the message is refused');
  assert.equal(ksr('posops.pos_set_char', FIXTURES.options.length, 'x'), -1);
  assert.equal(ksr('posops.pos_set_char', 0, ''), -1);
  assert.equal(ctx.msg.buf.toString(), FIXTURES.options.replace('Max-Forwards: 0', 'Max-Forwards: 5'));
});

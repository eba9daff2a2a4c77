import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWithLumps } from '../../host/sip/builder.js';
import { FIXTURES, makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from './ksr-call.js';
import type { MsgContext } from '../../host/core/context.js';

const built = (ctx: MsgContext) => buildWithLumps(ctx.msg, ctx.lumps).toString();
const INV = FIXTURES.invite as string;

test('replace acts on the first match after the first line; reads still see the received message', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('textops.replace', 'bob', 'Carol'), 1);
  assert.equal(built(ctx), INV.replace('To: Bob', 'To: Carol'));
  assert.equal(ksr('textops.search', 'to: carol'), -1, 'search reads the received message');
  assert.equal(ksr('textops.replace', 'x-none', 'y'), -1);
});

test('a second edit of the same bytes is refused with a log, the message stays whole', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('textops.replace', 'bob', 'Carol'), 1);
  assert.equal(ksr('textops.replace_all', 'bob', 'Dave'), -1);
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.textops\.replace_all: bytes \d+\.\.\d+ .*msg_apply_changes/);
  assert.equal(built(ctx), INV.replace('To: Bob', 'To: Carol'));
  assert.equal(ksr('textops.remove_hf', 'To'), -1, 'the To line holds an edit');
});

test('subst expands groups, \\u and PVs; subst_user / subst_uri set the R-URI', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('textops.subst', '/<sip:alice@([a-z]+)>/<sip:\\1-$fU>/'), 1);
  assert.equal(built(ctx), INV.replace('<sip:alice@localhost>;tag', '<sip:localhost-alice>;tag'));
  assert.equal(ksr('textops.subst_user', '/^bob$/robert/'), 1);
  assert.equal(ctx.ruri, 'sip:robert@example.com:5080;transport=udp');
  assert.equal(ksr('textops.subst_uri', '/^sip:([^@]+)@.*$/sip:\\1@b.example/'), 1);
  assert.equal(ctx.ruri, 'sip:robert@b.example');
  assert.equal(ksr('textops.subst_uri', '/.*/not a uri/'), -1);
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.textops\.subst_uri: the result "not a uri"/);
});

test('a refused pattern logs the function and the pattern and returns -1', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('textops.replace', '(b)\\1', 'x'), -1);
  assert.match(ctx.core.logs[0]!.text, /^KSR\.textops\.replace: regular expression "\(b\)\\\\1": back-references/);
  assert.equal(ksr('textops.subst', '/a/b/q'), -1);
  assert.match(ctx.core.logs[1]!.text, /^KSR\.textops\.subst: .*unknown flag "q"/);
  assert.equal(built(ctx), INV);
});

test('set_body then append_body_part give one multipart body, Content-Length fixed', () => {
  const ctx = makeContext('options');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('textops.set_body', 'hello', 'text/plain'), 1);
  assert.equal(ksr('textops.set_body', 'hello again', 'text/plain'), 1, 'a second set_body replaces the first');
  assert.equal(built(ctx), (FIXTURES.options as string).replace('Content-Length: 0\r\n\r\n', 'Content-Length: 11\r\nContent-Type: text/plain\r\n\r\nhello again'));
  assert.equal(ksr('textops.set_body_multipart_mode'), 1);
  assert.equal(ksr('textops.append_body_part_cd', 'x=1', 'text/x', 'render'), 1);
  const body = '--unique-boundary-1\r\nContent-Type: text/plain\r\n\r\nhello again\r\n--unique-boundary-1\r\nContent-Type: text/x\r\nContent-Disposition: render\r\n\r\nx=1\r\n--unique-boundary-1--\r\n';
  assert.equal(built(ctx), (FIXTURES.options as string).replace('Content-Length: 0\r\n\r\n', `Content-Length: ${body.length}\r\nContent-Type: multipart/mixed;boundary="unique-boundary-1"\r\nMime-Version: 1.0\r\n\r\n${body}`));
  assert.equal(ksr('textops.remove_body_part', 'text/x'), 1);
  assert.equal(ksr('textops.remove_body_part', 'text/x'), -1);
});

test('get_body_part and filter_body on a received multipart body', () => {
  const body = '--b\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n--b\r\nContent-Type: application/isup\r\n\r\nXYZ\r\n--b--\r\n';
  const raw = (FIXTURES.options as string).replace('Content-Length: 0\r\n\r\n', `Content-Type: multipart/mixed;boundary="b"\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  const ctx = makeContext(raw);
  const ksr = ksrOn(ctx);
  assert.equal(ksr('textops.get_body_part', 'application/isup', '$var(p)'), 1);
  assert.equal(ksr('pv.get', '$var(p)'), 'XYZ');
  assert.equal(ksr('textops.get_body_part_raw', 'application/sdp', '$var(p)'), 1);
  assert.equal(ksr('pv.get', '$var(p)'), 'Content-Type: application/sdp\r\n\r\nv=0');
  assert.equal(ksr('textops.has_body_type', 'application/isup'), 1);
  assert.equal(ksr('textops.filter_body', 'application/isup'), 1);
  assert.ok(built(ctx).endsWith('Content-Length: 3\r\n\r\nXYZ'));
});

test('set_reply_body reaches the local reply', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('textops.set_reply_body', 'busy here', 'text/plain'), 1);
  assert.equal(ksr('textops.set_reply_body_hex', 'zz', 'text/plain'), -1);
  assert.equal(ksr('sl.send_reply', 486, 'Busy Here'), 1);
  const reply = ctx.core.replies[0]!.buf.toString();
  assert.ok(reply.endsWith('Content-Type: text/plain\r\nContent-Length: 9\r\n\r\nbusy here'), reply);
});

test('string helpers: return codes', () => {
  const ksr = ksrOn(makeContext('options'));
  assert.equal(ksr('textops.cmp_str', 'a', 'b'), -2);
  assert.equal(ksr('textops.cmp_str', 'b', 'a'), -1);
  assert.equal(ksr('textops.str_find', 'abc', 'a'), 0);
  assert.equal(ksr('textops.in_list', 'a', 'a,b', ',,'), -1);
  assert.equal(ksr('textops.str_any_in', '', 'a'), -1);
  assert.equal(ksr('textops.regex_substring', 'abc', '(b)', 3, 2, '$var(x)'), -1);
});

test('remove_hf_idx, remove_hf_match, is_privacy bad input', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('textops.remove_hf_idx', 'Record-Route', 0), 1);
  assert.equal(ksr('textops.remove_hf_idx', 'Record-Route', 5), -1);
  assert.equal(ksr('textops.remove_hf_match', 'Supported', 'zz', 'x'), -1);
  assert.match(ctx.core.logs.at(-1)!.text, /^KSR\.textops\.remove_hf_match: expected op/);
  assert.equal(ksr('textops.is_privacy', 'bogus\0'), -1);
  assert.equal(built(ctx), INV.replace('Record-Route: <sip:p1.example.com;lr>\r\n', ''));
});

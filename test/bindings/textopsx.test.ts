import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWithLumps } from '../../host/sip/builder.js';
import { MAX_ITERATORS } from '../../host/textopsx/iterators.js';
import { FIXTURES, makeContext, type RecordingCore } from '../support/sip-fixtures.js';
import type { RouteType } from '../../host/core/context.js';
import { ksrOn } from './ksr-call.js';

type Ctx = ReturnType<typeof makeContext>;
const INVITE = FIXTURES.invite;
const REGISTER = FIXTURES.register;
const built = (ctx: Ctx) => buildWithLumps(ctx.msg, ctx.lumps).toString();
const logs = (ctx: Ctx) => (ctx.core as RecordingCore).logs.map((l) => l.text);

/** Runs the calls on a fresh context; returns their results and the context. */
function run(fixture: keyof typeof FIXTURES, calls: Array<[string, ...unknown[]]>, routeType: RouteType = 'request') {
  const ctx = makeContext(fixture);
  ctx.routeType = routeType;
  const ksr = ksrOn(ctx);
  return { ctx, ksr, results: calls.map(([p, ...a]) => ksr(`textopsx.${p}`, ...a)) };
}

function edits(fixture: keyof typeof FIXTURES, calls: Array<[string, ...unknown[]]>, expected: number[], text: string): void {
  const { ctx, results } = run(fixture, calls);
  assert.deepEqual(results, expected, logs(ctx).join('\n'));
  assert.equal(built(ctx), text);
}

test('append_hf_value: a new header at the end, or after the value at idx', () => {
  edits('invite', [['append_hf_value', 'Supported', 'path']], [1],
    INVITE.replace('\r\n\r\nv=0', '\r\nSupported: path\r\n\r\nv=0'));
  edits('invite', [['append_hf_value', 'Supported[1]', 'path']], [1], INVITE.replace('timer, 100rel', 'timer,path, 100rel'));
  edits('invite', [['append_hf_value', 'Supported[-1]', 'path']], [1], INVITE.replace('timer, 100rel', 'timer, 100rel,path'));
  edits('invite', [['append_hf_value', 'X-No[1]', 'a']], [1], INVITE.replace('\r\n\r\nv=0', '\r\nX-No: a\r\n\r\nv=0'));
  edits('invite', [['append_hf_value', 'Supported[*]', 'a'], ['append_hf_value', 'Supported.p', 'a'], ['append_hf_value', 'Supported[-11]', 'a']], [-1, -1, -1], INVITE);
});

test('insert_hf_value: a new header before the first, or a value before the one at idx', () => {
  edits('invite', [['insert_hf_value', 'Supported', 'path']], [1], INVITE.replace('Supported: timer', 'Supported: path\r\nSupported: timer'));
  edits('invite', [['insert_hf_value', 'Supported[2]', 'path']], [1], INVITE.replace('timer, 100rel', 'timer,path, 100rel'));
  edits('invite', [['insert_hf_value', 'Supported[1]', 'path']], [1], INVITE.replace('timer, 100rel', 'path,timer, 100rel'));
  edits('invite', [['insert_hf_value', 'X-No', 'a']], [1], INVITE.replace('\r\n\r\nv=0', '\r\nX-No: a\r\n\r\nv=0'));
  edits('invite', [['insert_hf_value', 'X-No[2]', 'a']], [-1], INVITE);
});

test('remove_hf_value: one value with its comma, every header, or a parameter', () => {
  edits('invite', [['remove_hf_value', 'Supported']], [1], INVITE.replace('timer, 100rel', ' 100rel'));
  edits('invite', [['remove_hf_value', 'Supported[-1]']], [1], INVITE.replace('timer, 100rel', 'timer'));
  edits('invite', [['remove_hf_value', 'Record-Route[*]']], [1], INVITE.replace(/Record-Route: [^\r]*\r\n/g, ''));
  edits('invite', [['remove_hf_value', 'Record-Route[2]']], [1], INVITE.replace('Record-Route: <sip:p2.example.com;lr>\r\n', ''));
  edits('invite', [['remove_hf_value', 'From.tag']], [1], INVITE.replace(';tag=1928301774', ''));
  edits('invite', [['remove_hf_value', 'Via[*].branch']], [1], INVITE.replace(';branch=z9hG4bK-inv-1', '').replace(';branch=z9hG4bK-inv-0', ''));
  edits('invite', [['remove_hf_value', 'Record-Route.lr'], ['remove_hf_value', 'X-No'], ['remove_hf_value', 'Supported[3]']], [-1, -1, -1], INVITE);
});

test('assign_hf_value: a value or a parameter set; an empty value removes the parameter (KEMI)', () => {
  edits('invite', [['assign_hf_value', 'Supported[2]', 'path']], [1], INVITE.replace('timer, 100rel', 'timer, path'));
  edits('invite', [['assign_hf_value', 'Supported', '']], [1], INVITE.replace('timer, 100rel', ', 100rel'));
  edits('invite', [['assign_hf_value', 'From.tag', 'abc']], [1], INVITE.replace('tag=1928301774', 'tag=abc'));
  edits('invite', [['assign_hf_value', 'To.tag', 'xyz']], [1], INVITE.replace('To: Bob <sip:bob@example.com>', 'To: Bob <sip:bob@example.com>;tag=xyz'));
  edits('invite', [['assign_hf_value', 'From.tag', '']], [1], INVITE.replace(';tag=1928301774', ''));
  edits('invite', [['assign_hf_value', 'Via[*].rport', '1']], [1],
    INVITE.replace('z9hG4bK-inv-1', 'z9hG4bK-inv-1;rport=1').replace('z9hG4bK-inv-0', 'z9hG4bK-inv-0;rport=1'));
  edits('invite', [['assign_hf_value', 'Supported[*]', 'x'], ['assign_hf_value', 'Supported[', 'x']], [-1, -1], INVITE);
});

test('assign_hf_value2 / remove_hf_value2: Authorization-style lines, index per line', () => {
  edits('register', [['assign_hf_value2', 'Authorization.nonce', '"xyz"']], [1], REGISTER.replace('nonce="abc"', 'nonce="xyz"'));
  edits('register', [['assign_hf_value2', 'Authorization.qop', 'auth']], [1], REGISTER.replace('0123456789abcdef"\r\n', '0123456789abcdef",qop=auth\r\n'));
  edits('register', [['remove_hf_value2', 'Authorization.uri', '']], [1], REGISTER.replace(' uri="sip:localhost",', ''));
  edits('register', [['remove_hf_value2', 'Authorization', '']], [1], REGISTER.replace(/Authorization: [^\r]*\r\n/, ''));
  edits('register', [['assign_hf_value2', 'Expires', '60']], [1], REGISTER.replace('Expires: 3600', 'Expires: 60'));
  edits('invite', [['assign_hf_value2', 'Record-Route[-1]', '<sip:p3>']], [1], INVITE.replace('<sip:p2.example.com;lr>', '<sip:p3>'));
  edits('register', [['remove_hf_value2', 'X-No', ''], ['assign_hf_value2', 'Authorization[2]', 'x']], [-1, -1], REGISTER);
});

test('include_hf_value / exclude_hf_value / hf_value_exists: the values as a set', () => {
  const { ctx, results } = run('invite', [
    ['hf_value_exists', 'Supported', 'TIMER'], ['hf_value_exists', 'Supported', 'path'], ['include_hf_value', 'Supported', '100REL'],
    ['include_hf_value', 'Supported', 'path'], ['hf_value_exists', 'Supported', 'path'],
  ]);
  assert.deepEqual(results, [1, -1, 1, 1, -1]);
  assert.equal(built(ctx), INVITE.replace('timer, 100rel', 'timer, 100rel,path'));
  edits('invite', [['exclude_hf_value', 'Supported', '100rel']], [1], INVITE.replace('timer, 100rel', 'timer'));
  edits('invite', [['exclude_hf_value', 'Supported', 'timer'], ['exclude_hf_value', 'Supported', 'none']], [1, 1], INVITE.replace('timer, 100rel', ' 100rel'));
  edits('invite', [['include_hf_value', 'Require', 'path']], [1], INVITE.replace('\r\n\r\nv=0', '\r\nRequire: path\r\n\r\nv=0'));
  edits('invite', [['include_hf_value', 'Supported[1]', 'a'], ['hf_value_exists', 'Supported.x', 'a'], ['include_hf_value', 'Supported', '']], [-1, -1, -1], INVITE);
});

test('keep_hf keeps what SIP routing needs; keep_hf_re also the names matching; -1 as Kamailio', () => {
  const noSupported = INVITE.replace('Supported: timer, 100rel\r\n', '');
  edits('invite', [['keep_hf']], [-1], noSupported);
  edits('invite', [['keep_hf_re', 'sup']], [-1], INVITE);
  edits('register', [['keep_hf_re', '^(user|exp)']], [-1], REGISTER.replace(/Authorization: [^\r]*\r\n/, ''));
  const { ctx, results } = run('invite', [['keep_hf_re', '(']]);
  assert.deepEqual(results, [-1]);
  assert.match(logs(ctx)[0]!, /^KSR\.textopsx\.keep_hf_re: regular expression "\("/);
});

test('remove_body removes the body; Content-Length follows', () => {
  edits('invite', [['remove_body']], [1], INVITE.replace(/Content-Length: \d+/, 'Content-Length: 0').replace(/\r\n\r\n[^]*$/, '\r\n\r\n'));
  edits('options', [['remove_body']], [1], FIXTURES.options);
});

test('fnmatch / fnmatch_ex: shell wildcards, "i" ignores case; a match answers 0 (KEMI, as Kamailio)', () => {
  const { results } = run('options', [
    ['fnmatch', '123456', '123*'], ['fnmatch', '123456', '12?4*6'], ['fnmatch', '123456', '[0-2]2[!4]*'], ['fnmatch', 'abc', 'ABC'],
    ['fnmatch_ex', 'abc', 'A[B]?', 'i'], ['fnmatch_ex', 'abc', 'ABC', ''], ['fnmatch', 'a*c', 'a\\*c'], ['fnmatch', 'abc', 'a\\*c'],
    ['fnmatch', '', '*'], ['fnmatch', 'x', ''], ['fnmatch', 'a]', '[]]]'.slice(0, 3) + '*'], ['fnmatch', 'b', '[[:alpha:]]'],
    ['fnmatch', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaab', '*a*a*a*a*a*a*a*a*c'], ['fnmatch', 'x\0', 'x*'],
  ]);
  assert.deepEqual(results, [0, 0, 0, -1, 0, -1, 0, -1, 0, -1, -1, 0, -1, -1]);
});

test('change_reply_status: code written into the reply, reason replaced; Kamailio\'s class rules', () => {
  const { ctx, ksr, results } = run('reply200', [['change_reply_status', 202, 'Accepted here']], 'onreply');
  assert.deepEqual(results, [1]);
  assert.equal(ksr('pv.get', '$rs'), 202, 'the status reads the new code at once');
  assert.equal(built(ctx), FIXTURES.reply200.replace('200 OK', '202 Accepted here'));
  const rules = run('reply200', [
    ['change_reply_status', 300, 'X'], ['change_reply_status', 99, 'X'], ['change_reply_status', 200, ''], ['change_reply_status_code', 700],
  ], 'reply');
  assert.deepEqual(rules.results, [-1, -1, -1, -1]);
  assert.equal(built(rules.ctx), FIXTURES.reply200);
  const code = run('reply200', [['change_reply_status_code', 299]], 'reply');
  assert.deepEqual(code.results, [1]);
  assert.equal(built(code.ctx), FIXTURES.reply200.replace('200 OK', '299 OK'));
  const req = run('invite', [['change_reply_status', 200, 'OK']]);
  assert.deepEqual(req.results, [-1]);
  assert.match(logs(req.ctx)[0]!, /expected a reply/);
});

test('change_reply_status: a final error reply may change to any other final error class', () => {
  const decline = FIXTURES.reply200.replace('200 OK', '603 Decline');
  const { ctx, results } = run('reply200', [['msg_set_buffer', decline], ['change_reply_status', 404, 'Not Found'], ['change_reply_status_code', 200]], 'reply');
  assert.deepEqual(results, [1, 1, -1]);
  assert.equal(built(ctx), FIXTURES.reply200.replace('200 OK', '404 Not Found'));
});

test('msg_apply_changes: lumps applied, the message re-parsed; refused where Kamailio refuses', () => {
  const { ctx, ksr, results } = run('invite', [['msg_apply_changes']]);
  assert.deepEqual(results, [1], 'nothing pending: 1');
  ksr('hdr.remove', 'Supported');
  ksr('hdr.append', 'X-New: 1');
  assert.equal(ksr('hdr.is_present', 'X-New'), -1);
  assert.equal(ksr('textopsx.msg_apply_changes'), 1);
  assert.equal(ksr('hdr.is_present', 'X-New'), 1);
  assert.equal(ksr('hdr.is_present', 'Supported'), -1);
  assert.equal(ctx.msg.buf.toString(), INVITE.replace('Supported: timer, 100rel\r\n', '').replace('\r\n\r\nv=0', '\r\nX-New: 1\r\n\r\nv=0'));
  for (const rt of ['failure', 'branch', 'onreply'] as RouteType[]) {
    const c = run('invite', [['msg_apply_changes'], ['msg_set_buffer', FIXTURES.options]], rt);
    assert.deepEqual(c.results, [-1, -1], rt);
    assert.match(logs(c.ctx)[0]!, /^KSR\.textopsx\.msg_apply_changes: invalid usage/);
  }
  const reply = run('reply200', [['msg_apply_changes']], 'reply');
  assert.deepEqual(reply.results, [1]);
});

test('msg_apply_changes writes a Request-URI the script set into the first line, as Kamailio builds new_uri in', () => {
  const { ctx, ksr } = run('invite', []);
  ksr('pv.sets', '$ru', 'sip:bob@192.0.2.99:5080;transport=udp');
  assert.equal(ksr('textopsx.msg_apply_changes'), 1);
  assert.equal(ctx.msg.buf.toString(), INVITE.replace(/^INVITE \S+ SIP\/2\.0/, 'INVITE sip:bob@192.0.2.99:5080;transport=udp SIP/2.0'));
  assert.equal(ctx.msg.ruri, 'sip:bob@192.0.2.99:5080;transport=udp');
  assert.equal(ksr('pv.get', '$ru'), 'sip:bob@192.0.2.99:5080;transport=udp');
});

test('msg_set_buffer: pending changes are dropped, as Kamailio frees them with the old message', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('hdr.append', 'X-Pending: 1'), 1);
  assert.equal(ksr('hdr.remove', 'Supported'), 1);
  assert.equal(ksr('textopsx.msg_set_buffer', FIXTURES.options), 1);
  assert.equal(ctx.lumps.size, 0);
  assert.equal(buildWithLumps(ctx.msg, ctx.lumps).toString(), FIXTURES.options);
});

test('msg_set_buffer: the text becomes the message; bad texts leave it as it was', () => {
  const { ctx, ksr, results } = run('invite', [['msg_set_buffer', FIXTURES.options]]);
  assert.deepEqual(results, [1]);
  assert.equal(ctx.msg.method, 'OPTIONS');
  assert.equal(ksr('is_OPTIONS'), true);
  const bad = run('invite', [['msg_set_buffer', ''], ['msg_set_buffer', 'garbage'], ['msg_set_buffer', FIXTURES.reply200], ['msg_set_buffer', 'x'.repeat(70000)]]);
  assert.deepEqual(bad.results, [-1, -1, -1, -1]);
  assert.equal(bad.ctx.msg.buf.toString(), INVITE);
  assert.equal(logs(bad.ctx).length, 4);
});

test('hf iterators: the seed talk example (rm + insert, append), prev, hname/hbody', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  const t = (fn: string, ...a: unknown[]) => ksr(`textopsx.hf_iterator_${fn}`, ...a);
  assert.equal(t('start', 'i1'), 1);
  assert.equal(t('hname', 'i1'), null, 'before the first next');
  const names: unknown[] = [];
  while ((t('next', 'i1') as number) > 0) {
    names.push(t('hname', 'i1'));
    if (t('hname', 'i1') === 'Supported') {
      assert.equal(t('rm', 'i1'), 1);
      assert.equal(t('insert', 'i1', 'My-New-Header: abc\r\n'), 1);
    }
    if (t('hbody', 'i1') === 'Bob <sip:bob@example.com>') assert.equal(t('append', 'i1', 'My-Other-Header: def\r\n'), 1);
  }
  assert.deepEqual(names, ctx.msg.headers.map((h) => h.name));
  assert.equal(t('next', 'i1'), -1, 'stays at the end');
  assert.equal(t('hname', 'i1'), null);
  assert.equal(t('prev', 'i1'), 1);
  assert.equal(t('hname', 'i1'), 'Content-Length');
  assert.equal(t('hbody', 'i1'), '134');
  assert.equal(t('end', 'i1'), 1);
  assert.equal(t('end', 'i1'), -1);
  assert.equal(t('next', 'i1'), -1);
  assert.equal(built(ctx), INVITE.replace('Supported: timer, 100rel\r\n', 'My-New-Header: abc\r\n')
    .replace('To: Bob <sip:bob@example.com>\r\n', 'To: Bob <sip:bob@example.com>\r\nMy-Other-Header: def\r\n'));
});

test('bl iterators: the seed talk example replaces a body line; Content-Length follows', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  const b = (fn: string, ...a: unknown[]) => ksr(`textopsx.bl_iterator_${fn}`, ...a);
  assert.equal(b('start', 'b1'), 1);
  const lines: unknown[] = [];
  while ((b('next', 'b1') as number) > 0) {
    const line = b('value', 'b1') as string;
    lines.push(line);
    if (line.startsWith('a=rtpmap:0')) {
      assert.equal(b('rm', 'b1'), 1);
      assert.equal(b('insert', 'b1', 'a=info:xyz\r\n'), 1);
      assert.equal(b('append', 'b1', 'a=sendrecv\r\n'), 1);
    }
  }
  assert.equal(lines.join(''), INVITE.slice(INVITE.indexOf('\r\n\r\n') + 4));
  assert.equal(b('value', 'b1'), null);
  assert.equal(b('end', 'b1'), 1);
  const body = INVITE.slice(INVITE.indexOf('\r\n\r\n') + 4).replace('a=rtpmap:0 PCMU/8000\r\n', 'a=info:xyz\r\na=sendrecv\r\n');
  assert.equal(built(ctx), INVITE.replace(/Content-Length: \d+/, `Content-Length: ${body.length}`).replace(/\r\n\r\n[^]*$/, `\r\n\r\n${body}`));
  const empty = makeContext('options');
  const e = ksrOn(empty);
  assert.equal(e('textopsx.bl_iterator_start', 'b'), 1);
  assert.equal(e('textopsx.bl_iterator_next', 'b'), -1, 'no body, no line');
});

test('iterators: at most 4 names per kind, names bounded, state per message context', () => {
  const ctx = makeContext('options');
  const ksr = ksrOn(ctx);
  for (let i = 0; i < MAX_ITERATORS; i++) assert.equal(ksr('textopsx.hf_iterator_start', `i${i}`), 1);
  assert.equal(ksr('textopsx.hf_iterator_start', 'one-too-many'), -1);
  assert.match(logs(ctx).at(-1)!, /at most 4 at once/);
  assert.equal(ksr('textopsx.hf_iterator_start', 'i0'), 1, 'an open name starts over');
  assert.equal(ksr('textopsx.bl_iterator_start', 'b'), 1, 'body iterators count apart');
  assert.equal(ksr('textopsx.hf_iterator_end', 'i3'), 1);
  assert.equal(ksr('textopsx.hf_iterator_start', 'i4'), 1);
  assert.equal(ksr('textopsx.hf_iterator_start', ''), -1);
  assert.equal(ksr('textopsx.hf_iterator_start', 'x'.repeat(33)), -1);
  assert.equal(ksr('textopsx.hf_iterator_next', 'never'), -1);
  assert.equal(ksr('textopsx.hf_iterator_hname', 'never'), null);
  const next = makeContext('options');
  assert.equal(ksrOn(next)('textopsx.hf_iterator_next', 'i0'), -1, 'nothing leaks into the next message');
  assert.equal(ksrOn(next)('textopsx.hf_iterator_start', 'fresh'), 1);
});

test('iterators: after msg_apply_changes an iterator must be started again', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  ksr('textopsx.hf_iterator_start', 'i');
  ksr('textopsx.hf_iterator_next', 'i');
  ksr('hdr.append', 'X-A: 1');
  assert.equal(ksr('textopsx.msg_apply_changes'), 1);
  assert.equal(ksr('textopsx.hf_iterator_next', 'i'), -1);
  assert.match(logs(ctx).at(-1)!, /the message was replaced/);
  assert.equal(ksr('textopsx.hf_iterator_start', 'i'), 1);
  assert.equal(ksr('textopsx.hf_iterator_next', 'i'), 1);
  assert.equal(ksr('textopsx.hf_iterator_hname', 'i'), 'Via');
});

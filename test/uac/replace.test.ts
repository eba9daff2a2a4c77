import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeRestore, encodeRestore } from '../../host/uac/restore-codec.js';
import { restoreInReply } from '../../host/uac/replace.js';
import { builtMessage, FIXTURES, makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { SipMessage } from '../../host/sip/message.js';
import { MsgContext } from '../../host/core/context.js';

const fromLine = (ctx: MsgContext) => builtMessage(ctx).split('\r\n').find((l) => l.startsWith('From:'));
const toLine = (ctx: MsgContext) => builtMessage(ctx).split('\r\n').find((l) => l.startsWith('To:'));

test('restore codec: either URI gives the other back, with and without a password, any lengths', () => {
  for (const [a, b] of [['sip:alice@localhost', 'sip:x@y'], ['sip:a@b', 'sip:anonymous@anonymous.invalid'], ['sip:same@len.ab', 'sip:diff@len.cd']]) {
    for (const pw of ['', 'secret']) {
      const p = encodeRestore(a!, b!, pw)!;
      assert.match(p, /^[A-Za-z0-9+/]+-{0,2}$/);
      assert.deepEqual(decodeRestore(p, b!, pw), { ok: true, uri: a });
      assert.deepEqual(decodeRestore(p, a!, pw), { ok: true, uri: b });
    }
  }
  // Kamailio's encoding of "sip:a@b" XOR "sip:c@d": base64 with '-' padding
  assert.equal(encodeRestore('sip:a@b', 'sip:c@d', ''), Buffer.from([0, 0, 0, 0, 2, 0, 6]).toString('base64').replace(/=/g, '-'));
  assert.equal(decodeRestore('!!!!', 'sip:a@b', '').ok, false);
  assert.equal(decodeRestore('', 'sip:a@b', '').ok, false);
});

test('uac_replace_from(display, uri): display and URI replaced byte for byte, vsf param for the Record-Route', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('uac.uac_replace_from', 'Bob', 'sip:bob@example.net'), 1);
  assert.equal(fromLine(ctx), 'From: Bob <sip:bob@example.net>;tag=1928301774');
  const p = /;vsf=([A-Za-z0-9+/-]+)/.exec(ctx.rrPendingParams)![1]!;
  assert.deepEqual(decodeRestore(p, 'sip:bob@example.net', ''), { ok: true, uri: 'sip:alice@localhost' });
  assert.equal(ksr('uac.uac_replace_from', 'X', 'sip:x@x'), -1, 'only once per request');
});

test('uac_replace_from_uri keeps the display; "" as display removes it; addr-spec gets angle brackets', () => {
  const a = makeContext('invite');
  assert.equal(ksrOn(a)('uac.uac_replace_from_uri', 'sip:carol@example.org'), 1);
  assert.equal(fromLine(a), 'From: "Alice Liddell" <sip:carol@example.org>;tag=1928301774');
  const b = makeContext('invite');
  assert.equal(ksrOn(b)('uac.uac_replace_from', '', 'sip:carol@example.org'), 1);
  assert.equal(fromLine(b), 'From: <sip:carol@example.org>;tag=1928301774');
  const raw = FIXTURES.options.replace('From: <sip:probe@127.0.0.1:5099>;tag=p1', 'From: sip:probe@127.0.0.1:5099;tag=p1');
  const c = makeContext(raw);
  assert.equal(ksrOn(c)('uac.uac_replace_from', 'Probe', 'sip:p@h'), 1);
  assert.equal(fromLine(c), 'From: Probe <sip:p@h>;tag=p1');
  const d = makeContext('invite');
  assert.equal(ksrOn(d)('uac.uac_replace_to', '"Robert"', ''), 1, 'display only');
  assert.equal(toLine(d), 'To: "Robert" <sip:bob@example.com>');
  assert.equal(d.rrPendingParams, '', 'no URI change: nothing to restore');
});

test('uac_replace_* refuse bad input and an in-dialog URI change in auto mode', () => {
  const ctx = makeContext('invite');
  const ksr = ksrOn(ctx);
  assert.equal(ksr('uac.uac_replace_to_uri', 'sip:a b@c'), -1);
  assert.equal(ksr('uac.uac_replace_from', 'a\r\nX: y', 'sip:a@b'), -1);
  assert.match(ctx.core.logs.at(-1)!.text, /KSR\.uac\.uac_replace_from: expected a display name/);
  const inDialog = makeContext(FIXTURES.invite.replace('To: Bob <sip:bob@example.com>', 'To: Bob <sip:bob@example.com>;tag=zz'));
  assert.equal(ksrOn(inDialog)('uac.uac_replace_from_uri', 'sip:x@y'), -1);
  const noFrom = makeContext(FIXTURES.options.replace(/From: [^\r]*\r\n/, ''));
  assert.equal(ksrOn(noFrom)('uac.uac_replace_from_uri', 'sip:x@y'), -1);
});

test('replies get the received From back (auto mode, TMCB_RESPONSE_IN hook)', () => {
  const req = makeContext('invite');
  ksrOn(req)('uac.uac_replace_from', 'Bob', 'sip:bob@example.net');
  assert.equal(req.replyInHooks?.length, 1);
  const rpl = makeContext(FIXTURES.reply200.replace('From: "Alice Liddell" <sip:alice@localhost>', 'From: Bob <sip:bob@example.net>'), { core: req.core });
  for (const h of req.replyInHooks!) h(rpl, req);
  assert.equal(fromLine(rpl), 'From: "Alice Liddell" <sip:alice@localhost>;tag=1928301774');
  restoreInReply(rpl, makeContext('invite')); // a request without marks changes nothing more
});

function inDialog(byeFrom: string, byeTo: string, route: string): MsgContext & { core: RecordingCore } {
  return makeContext([
    'BYE sip:alice@192.0.2.10 SIP/2.0',
    'Via: SIP/2.0/UDP 198.51.100.20:5060;branch=z9hG4bK-bye-1',
    'Max-Forwards: 70',
    `Route: <${route}>`,
    `From: ${byeFrom}`,
    `To: ${byeTo}`,
    'Call-ID: a84b4c76e66710@192.0.2.10',
    'CSeq: 1 BYE',
    'Content-Length: 0',
    '', '',
  ].join('\r\n'));
}

test('auto mode: loose_route restores the URI in a request of the dialog, both directions', () => {
  const p = encodeRestore('sip:alice@localhost', 'sip:bob@example.net', '')!;
  // callee → caller (upstream): To carries the new URI, gets the original
  const up = inDialog('<sip:bob@example.com>;tag=b55', 'Bob <sip:bob@example.net>;tag=1928301774', `sip:127.0.0.1;lr;ftag=1928301774;vsf=${p}`);
  assert.equal(ksrOn(up)('rr.loose_route'), 1);
  assert.equal(toLine(up), 'To: Bob <sip:alice@localhost>;tag=1928301774');
  assert.ok(up.uacMarks?.to);
  // caller → callee (downstream): From carries the original, gets the new URI
  const down = inDialog('"A" <sip:alice@localhost>;tag=1928301774', '<sip:bob@example.com>;tag=b55', `sip:127.0.0.1;lr;ftag=1928301774;vsf=${p}`);
  assert.equal(ksrOn(down)('rr.loose_route'), 1);
  assert.equal(fromLine(down), 'From: "A" <sip:bob@example.net>;tag=1928301774');
  // and the reply to the upstream BYE gets the To the callee sent
  const rpl = makeContext(['SIP/2.0 200 OK', 'Via: SIP/2.0/UDP 198.51.100.20:5060;branch=z9hG4bK-bye-1', 'From: <sip:bob@example.com>;tag=b55',
    'To: Bob <sip:alice@localhost>;tag=1928301774', 'Call-ID: a84b4c76e66710@192.0.2.10', 'CSeq: 1 BYE', 'Content-Length: 0', '', ''].join('\r\n'));
  for (const h of up.replyInHooks!) h(rpl, up);
  assert.equal(toLine(rpl), 'To: Bob <sip:bob@example.net>;tag=1928301774');
});

test('manual mode: uac_restore_from does it on demand; a tampered param is refused', () => {
  const core = new RecordingCore(undefined, 2, { moduleConfig: { uac: { restore_mode: 'manual', restore_passwd: 'pw' } } });
  const p = encodeRestore('sip:alice@localhost', 'sip:bob@example.net', 'pw')!;
  const msgText = (param: string) => inDialog('"A" <sip:alice@localhost>;tag=1928301774', '<sip:bob@example.com>;tag=b55', `sip:127.0.0.1;lr;ftag=1928301774;vsf=${param}`).msg.buf.toString();
  const ok = makeContext(msgText(p), { core });
  const ksr = ksrOn(ok);
  assert.equal(ksr('rr.loose_route'), 1);
  assert.equal(fromLine(ok), 'From: "A" <sip:alice@localhost>;tag=1928301774', 'manual: loose_route leaves it');
  assert.equal(ksr('uac.uac_restore_from'), 1);
  assert.equal(fromLine(ok), 'From: "A" <sip:bob@example.net>;tag=1928301774');
  assert.equal(ksr('uac.uac_restore_to'), -1, 'no vst param');
  const bad = makeContext(msgText('AAAAAAAAAAAA'), { core });
  ksrOn(bad)('rr.loose_route');
  assert.equal(ksrOn(bad)('uac.uac_restore_from'), -1);
});

test('config errors name the key', () => {
  assert.throws(() => new RecordingCore(undefined, 2, { moduleConfig: { uac: { restore_mode: 'sometimes' } } }), /modules\.uac\.restore_mode/);
  assert.throws(() => new RecordingCore(undefined, 2, { moduleConfig: { uac: { credentials: ['nocolons'] } } }), /modules\.uac\.credentials\[0\]/);
  assert.throws(() => new RecordingCore(undefined, 2, { moduleConfig: { uac: { registrations: [{ l_uuid: 'x' }] } } }), /registrations\[0\]/);
  assert.throws(() => new RecordingCore(undefined, 2, { moduleConfig: { uac_redirect: { deny_filter: '(' } } }), /modules\.uac_redirect\.deny_filter/);
});

void SipMessage;

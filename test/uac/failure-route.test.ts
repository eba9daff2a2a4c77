// uac_auth and get_redirects in a real failure route of the transaction layer (RecordingCore:
// what is sent is recorded, replies are fed in as the network would).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { FIXTURES, makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { SipMessage } from '../../host/sip/message.js';
import type { MsgContext } from '../../host/core/context.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const tick = () => new Promise((r) => setImmediate(r));

function invite(core: RecordingCore) {
  return makeContext(FIXTURES.invite.replace('INVITE sip:bob@example.com:5080;transport=udp', 'INVITE sip:bob@127.0.0.2:5080'), { core });
}

function replyTo(sent: Buffer, status: string, extra: string[]): SipMessage {
  const req = SipMessage.parse(sent);
  const h = (n: string) => req.header(n)!.value;
  return SipMessage.parse(Buffer.from([`SIP/2.0 ${status}`, `Via: ${req.headersNamed('via')[0]!.value}`, `From: ${h('from')}`, `To: ${h('to')};tag=up1`,
    `Call-ID: ${h('call-id')}`, `CSeq: ${h('cseq')}`, ...extra, 'Content-Length: 0', '', ''].join('\r\n')));
}

function feed(core: RecordingCore, msg: SipMessage): void {
  const ctx = makeContext(msg.buf.toString(), { core, srcIp: '127.0.0.2', srcPort: 5080 });
  assert.equal(core.tm.onReply(ctx), true);
}

async function relayWithFailure(core: RecordingCore, onFailure: (ctx: MsgContext) => void): Promise<MsgContext> {
  core.routes.set('fail', onFailure);
  const ctx = invite(core);
  ctx.tmRequests.onFailure = 'fail';
  assert.equal(core.tm.relay(ctx), 1);
  await tick();
  return ctx;
}

test('uac_auth answers a 407 with Proxy-Authorization from the credentials list; the new branch carries it', async () => {
  const core = new RecordingCore(undefined, 2, { moduleConfig: { uac: { credentials: ['alice:upstream.example:s3cret'] } } });
  const results: number[] = [];
  await relayWithFailure(core, (f) => {
    const ksr = ksrOn(f);
    results.push(ksr('uac.uac_auth') as number);
    results.push(ksr('tm.t_relay') as number);
  });
  const first = core.sent.find((s) => s.buf.toString().startsWith('INVITE'))!;
  feed(core, replyTo(first.buf, '407 Proxy Authentication Required', ['Proxy-Authenticate: Digest realm="upstream.example", nonce="n0nce", qop="auth,auth-int", opaque="op1"']));
  await tick();
  assert.deepEqual(results, [1, 1]);
  const invites = core.sent.filter((s) => s.buf.toString().startsWith('INVITE'));
  assert.equal(invites.length, 2);
  const second = SipMessage.parse(invites[1]!.buf);
  const creds = second.authorization('proxy-authorization')[0]!.params;
  assert.equal(creds.get('username'), 'alice');
  assert.equal(creds.get('uri'), 'sip:bob@127.0.0.2:5080');
  assert.equal(creds.get('opaque'), 'op1');
  const ha1 = md5('alice:upstream.example:s3cret');
  const ha2 = md5('INVITE:sip:bob@127.0.0.2:5080');
  assert.equal(creds.get('response'), md5(`${ha1}:n0nce:${creds.get('nc')}:${creds.get('cnonce')}:auth:${ha2}`));
  assert.equal(second.cseq().seq, 314159, 'CSeq kept, as Kamailio without dialog CSeq tracking');
});

test('uac_auth: AVP credentials win, HA1 mode, and -1 without a matching realm or outside a 401/407', async () => {
  const core = new RecordingCore(undefined, 2, { moduleConfig: { uac: { auth_username_avp: '$avp(au)', auth_password_avp: '$avp(ap)', auth_realm_avp: '$avp(ar)' } } });
  const results: number[] = [];
  await relayWithFailure(core, (f) => {
    const ksr = ksrOn(f);
    ksr('pv.sets', '$avp(au)', 'bob');
    ksr('pv.sets', '$avp(ap)', md5('bob:r1:pw'));
    ksr('pv.sets', '$avp(ar)', 'r1');
    results.push(ksr('uac.uac_auth_mode', 1) as number);
    results.push(ksr('tm.t_relay') as number);
  });
  const first = core.sent.find((s) => s.buf.toString().startsWith('INVITE'))!;
  feed(core, replyTo(first.buf, '401 Unauthorized', ['WWW-Authenticate: Digest realm="r1", nonce="abc"']));
  await tick();
  assert.deepEqual(results, [1, 1]);
  const second = SipMessage.parse(core.sent.filter((s) => s.buf.toString().startsWith('INVITE'))[1]!.buf);
  const creds = second.authorization('authorization')[0]!.params;
  assert.equal(creds.get('response'), md5(`${md5('bob:r1:pw')}:abc:${md5('INVITE:sip:bob@127.0.0.2:5080')}`));

  const core2 = new RecordingCore();
  const r2: number[] = [];
  await relayWithFailure(core2, (f) => void r2.push(ksrOn(f)('uac.uac_auth') as number));
  const inv = core2.sent.find((s) => s.buf.toString().startsWith('INVITE'))!;
  feed(core2, replyTo(inv.buf, '407 Proxy Authentication Required', ['Proxy-Authenticate: Digest realm="nowhere", nonce="x"']));
  await tick();
  assert.deepEqual(r2, [-1]);
  assert.ok(core2.logs.some((l) => /KSR\.uac\.uac_auth: no credential for realm "nowhere"/.test(l.text)));
  assert.equal(ksrOn(invite(new RecordingCore()))('uac.uac_auth'), -1, 'request route: no failed branch');
});

test('get_redirects: the best contacts of the 302 by q (appended lowest q first, as Kamailio), limits, tried URIs skipped; 1 / -1', async () => {
  const core = new RecordingCore();
  let added: number[] = [];
  let uris: Array<[string, number | null]> = [];
  const contacts = ['Contact: <sip:c1@127.0.0.3>;q=0.1, <sip:c2@127.0.0.4>;q=0.9', 'Contact: <sip:c3@127.0.0.5>;q=0.5, <sip:bob@127.0.0.2:5080>, <mailto:x@y>'];
  await relayWithFailure(core, (f) => {
    const ksr = ksrOn(f);
    added.push(ksr('uac_redirect.get_redirects', 2, 0) as number);
    uris = f.branches.map((b) => [b.uri, b.q]);
  });
  const first = core.sent.find((s) => s.buf.toString().startsWith('INVITE'))!;
  feed(core, replyTo(first.buf, '302 Moved Temporarily', contacts));
  await tick();
  assert.deepEqual(added, [1]);
  assert.deepEqual(uris, [['sip:c3@127.0.0.5', 0.5], ['sip:c2@127.0.0.4', 0.9]]);

  const core2 = new RecordingCore();
  added = [];
  await relayWithFailure(core2, (f) => {
    added.push(ksrOn(f)('uac_redirect.get_redirects_all') as number);
    uris = f.branches.map((b) => [b.uri, b.q]);
    added.push(ksrOn(f)('uac_redirect.get_redirects_acc', 0, 1, 'redirected') as number);
  });
  const inv = core2.sent.find((s) => s.buf.toString().startsWith('INVITE'))!;
  feed(core2, replyTo(inv.buf, '302 Moved Temporarily', contacts));
  await tick();
  assert.deepEqual(added, [1, -1], 'the tried R-URI and the mailto: are skipped; a second call finds nothing new');
  assert.deepEqual(uris.map((u) => u[0]), ['sip:c1@127.0.0.3', 'sip:c3@127.0.0.5', 'sip:c2@127.0.0.4']);
  assert.equal(uris[0]![1], 0.1);
  assert.equal(ksrOn(invite(new RecordingCore()))('uac_redirect.get_redirects_all'), -1);
});

test('get_redirects follows the 302: t_relay sends the new branches', async () => {
  const core = new RecordingCore();
  await relayWithFailure(core, (f) => {
    const ksr = ksrOn(f);
    ksr('uac_redirect.get_redirects', 1, 1);
    ksr('tm.t_relay');
  });
  const first = core.sent.find((s) => s.buf.toString().startsWith('INVITE'))!;
  feed(core, replyTo(first.buf, '302 Moved Temporarily', ['Contact: <sip:carol@127.0.0.3:5090>']));
  await tick();
  const toCarol = core.sent.filter((s) => s.buf.toString().startsWith('INVITE sip:carol@127.0.0.3:5090 SIP/2.0'));
  assert.equal(toCarol.length, 1);
  assert.deepEqual([toCarol[0]!.dst.ip, toCarol[0]!.dst.port], ['127.0.0.3', 5090]);
});

test('get_redirects_acc writes one acc record per contact; max_branch per reply; a bad q skips the contact', async () => {
  const core = new RecordingCore();
  const results: number[] = [];
  let uris: string[] = [];
  await relayWithFailure(core, (f) => {
    results.push(ksrOn(f)('uac_redirect.get_redirects_acc', 0, 2, 'Redirected') as number);
    uris = f.branches.map((b) => b.uri);
  });
  const first = core.sent.find((s) => s.buf.toString().startsWith('INVITE'))!;
  feed(core, replyTo(first.buf, '301 Moved Permanently', ['Contact: <sip:a@127.0.0.3>;q=0.2, <sip:b@127.0.0.4>;q=bogus, <sip:c@127.0.0.5>;q=0.7, <sip:d@127.0.0.6>;q=0.4']));
  await tick();
  assert.deepEqual(results, [1]);
  assert.deepEqual(uris, ['sip:d@127.0.0.6', 'sip:c@127.0.0.5']);
  const accLines = core.logs.filter((l) => /ACC: /.test(l.text));
  assert.equal(accLines.length, 2, JSON.stringify(core.logs));
  assert.match(accLines[0]!.text, /code=301;reason=Redirected/);
});

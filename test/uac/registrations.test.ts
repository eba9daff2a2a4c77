// Remote registrations and uac_req_send against a RecordingCore: what goes out is recorded,
// the registrar's replies are fed back as the network would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { SipMessage } from '../../host/sip/message.js';
import type { UacState } from '../../host/uac/state.js';
import type { MsgContext } from '../../host/core/context.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const tick = () => new Promise((r) => setTimeout(r, 5));

const ROW = {
  l_uuid: 'acc1', l_username: 'local1', l_domain: 'pbx.local', r_username: 'remote1', r_domain: '127.0.0.2:5070',
  realm: 'prov', auth_username: 'authuser', auth_password: 'pw1', auth_proxy: 'sip:127.0.0.2:5070', expires: 600,
};

function core(extra: Record<string, unknown> = {}) {
  return new RecordingCore(undefined, 2, { moduleConfig: { uac: { reg_contact_addr: '127.0.0.1:5060', auth_username_avp: '$avp(au)', auth_password_avp: '$avp(ap)', auth_realm_avp: '$avp(ar)', registrations: [ROW], ...extra } } });
}

function reply(req: Buffer, status: string, extra: string[]): string {
  const m = SipMessage.parse(req);
  const h = (n: string) => m.header(n)!.value;
  return [`SIP/2.0 ${status}`, `Via: ${m.headersNamed('via')[0]!.value}`, `From: ${h('from')}`, `To: ${h('to')};tag=r1`, `Call-ID: ${h('call-id')}`, `CSeq: ${h('cseq')}`, ...extra, 'Content-Length: 0', '', ''].join('\r\n');
}

function feed(c: RecordingCore, text: string) {
  assert.equal(c.tm.onReply(makeContext(text, { core: c, srcIp: '127.0.0.2', srcPort: 5070 })), true);
}

const registers = (c: RecordingCore) => c.sent.filter((s) => s.buf.toString().startsWith('REGISTER'));

test('a uacreg row registers, answers the 401 once with digest auth, and goes online', async () => {
  const c = core();
  const st = c.modules.get<UacState>('uac');
  const ctx = makeContext('options', { core: c });
  const ksr = ksrOn(ctx);
  assert.equal(ksr('uac.uac_reg_status', 'acc1'), -99);
  st.regs.tick();
  await tick();
  assert.equal(ksr('uac.uac_reg_status', 'acc1'), -2, 'ongoing');
  const r1 = registers(c)[0]!;
  assert.deepEqual([r1.dst.ip, r1.dst.port], ['127.0.0.2', 5070]);
  const m1 = SipMessage.parse(r1.buf);
  assert.equal(m1.ruri, 'sip:127.0.0.2:5070');
  assert.equal(m1.from().uriText, 'sip:remote1@127.0.0.2:5070');
  assert.equal(m1.header('contact')!.value, '<sip:acc1@127.0.0.1:5060>;expires=600');
  feed(c, reply(r1.buf, '401 Unauthorized', ['WWW-Authenticate: Digest realm="prov", nonce="nn1"']));
  await tick();
  const r2 = SipMessage.parse(registers(c)[1]!.buf);
  assert.equal(r2.cseq().seq, m1.cseq().seq + 1);
  assert.equal(r2.callId(), m1.callId());
  const cr = r2.authorization('authorization')[0]!.params;
  assert.equal(cr.get('username'), 'authuser');
  assert.equal(cr.get('response'), md5(`${md5('authuser:prov:pw1')}:nn1:${md5('REGISTER:sip:127.0.0.2:5070')}`));
  feed(c, reply(registers(c)[1]!.buf, '200 OK', ['Contact: <sip:acc1@127.0.0.1:5060>;expires=300']));
  await tick();
  assert.equal(ksr('uac.uac_reg_status', 'acc1'), 1);
  const dump = c.modules.callRpc('uac.reg_dump', undefined) as Array<Record<string, unknown>>;
  assert.equal(dump[0]!.l_uuid, 'acc1');
  assert.equal(dump[0]!.auth_password, '****');
  assert.ok((dump[0]!.diff_expires as number) > 290 && (dump[0]!.diff_expires as number) <= 300);
  // a second 401 after the authenticated one is a failure (no loop)
  assert.equal(ksr('uac.uac_reg_status', 'nope'), -1);
});

test('a second challenge fails the registration; retried after reg_retry_interval only when set', async () => {
  const c = core();
  const st = c.modules.get<UacState>('uac');
  st.regs.tick();
  await tick();
  feed(c, reply(registers(c)[0]!.buf, '401 Unauthorized', ['WWW-Authenticate: Digest realm="prov", nonce="a"']));
  await tick();
  feed(c, reply(registers(c)[1]!.buf, '401 Unauthorized', ['WWW-Authenticate: Digest realm="prov", nonce="b"']));
  await tick();
  const ksr = ksrOn(makeContext('options', { core: c }));
  assert.equal(ksr('uac.uac_reg_status', 'acc1'), -99);
  assert.ok(c.logs.some((l) => /registration acc1 .* failed: 401/.test(l.text)));
  st.regs.tick(Date.now() + 3600_000);
  await tick();
  assert.equal(registers(c).length, 2, 'reg_retry_interval 0: no retry');
});

test('uac_reg_lookup / lookup_uri / request_to / enable / disable / refresh', () => {
  const c = core();
  const ctx = makeContext('invite', { core: c });
  const ksr = ksrOn(ctx);
  assert.equal(ksr('uac.uac_reg_lookup', 'acc1', '$var(dst)'), 1);
  assert.equal(ksr('pv.get', '$var(dst)'), 'sip:local1@pbx.local');
  assert.equal(ksr('uac.uac_reg_lookup', 'none', '$var(dst)'), -1);
  assert.equal(ksr('uac.uac_reg_lookup_uri', 'sip:local1@anything', '$var(u)'), 1);
  assert.equal(ksr('pv.get', '$var(u)'), 'acc1');
  assert.equal(ksr('uac.uac_reg_lookup_uri', 'not a uri', '$var(u)'), -1);
  assert.equal(ksr('uac.uac_reg_request_to', 'local1', 1), 1);
  assert.equal(ksr('pv.get', '$ru'), 'sip:remote1@127.0.0.2:5070');
  assert.equal(ksr('pv.get', '$du'), 'sip:127.0.0.2:5070');
  assert.equal(ksr('pv.get', '$avp(au)'), 'authuser');
  assert.equal(ksr('pv.get', '$avp(ap)'), 'pw1');
  assert.equal(ksr('pv.get', '$avp(ar)'), 'prov');
  assert.equal(ksr('uac.uac_reg_request_to', 'acc1', 0), 1);
  assert.equal(ksr('uac.uac_reg_request_to', 'nobody', 0), -1);
  assert.equal(ksr('uac.uac_reg_request_to', 'acc1', 4), -1);
  assert.equal(ksr('uac.uac_reg_request_to', 'acc1', 2), -1, 'as Kamailio: any mode above 1 is refused');
  assert.equal(ksr('uac.uac_reg_disable', 'l_uuid', 'acc1'), 1);
  assert.equal(ksr('uac.uac_reg_status', 'acc1'), -3);
  assert.equal(ksr('uac.uac_reg_enable', 'r_username', 'remote1'), 1);
  assert.equal(ksr('uac.uac_reg_status', 'acc1'), -99);
  assert.equal(ksr('uac.uac_reg_enable', 'bogus', 'x'), -1);
  assert.equal(ksr('uac.uac_reg_disable', 'l_uuid', 'none'), -1);
  assert.equal(ksr('uac.uac_reg_refresh', 'acc1'), 1);
  assert.equal(ksr('uac.uac_reg_refresh', 'none'), -1);
  c.modules.callRpc('uac.reg_disable', ['l_uuid', 'acc1']);
  assert.equal(ksr('uac.uac_reg_status', 'acc1'), -3);
  assert.throws(() => c.modules.callRpc('uac.reg_info', ['l_uuid', 'none']), /no record/);
  assert.equal((c.modules.callRpc('uac.reg_info', { attr: 'l_uuid', value: 'acc1' }) as { flags: number }).flags & 1, 1);
  assert.equal(c.modules.callRpc('uac.reg_reload', []), 'ok');
});

test('uac_req_send sends what $uac_req describes; the uac:reply event callback gets evcode', async () => {
  const c = core({ event_callback: 'ksr_uac_event' });
  const seen: Array<[string | undefined, unknown, unknown]> = [];
  c.routes.set('ksr_uac_event', (ev: MsgContext, arg?: string) => {
    const k = ksrOn(ev);
    seen.push([arg, k('pv.get', '$uac_req(evcode)'), k('pv.get', '$uac_req(evtype)')]);
  });
  const ctx = makeContext('invite', { core: c });
  const ksr = ksrOn(ctx);
  assert.equal(ksr('uac.uac_req_send'), -1, 'nothing set');
  ksr('pv.sets', '$uac_req(method)', 'OPTIONS');
  ksr('pv.sets', '$uac_req(ruri)', 'sip:probe@127.0.0.2:5070');
  ksr('pv.sets', '$uac_req(furi)', 'sip:me@127.0.0.1');
  ksr('pv.sets', '$uac_req(turi)', 'sip:probe@127.0.0.2');
  ksr('pv.sets', '$uac_req(hdrs)', 'X-Probe: 1\r\n');
  ksr('pv.seti', '$uac_req(evroute)', 1);
  assert.equal(ksr('pv.get', '$uac_req(method)'), 'OPTIONS');
  assert.equal(ksr('uac.uac_req_send'), 1);
  await tick();
  const opt = c.sent.find((s) => s.buf.toString().startsWith('OPTIONS sip:probe@127.0.0.2:5070 '))!;
  assert.ok(opt);
  assert.equal(SipMessage.parse(opt.buf).header('x-probe')!.value, '1');
  feed(c, reply(opt.buf, '404 Not Found', []));
  await tick();
  assert.deepEqual(seen, [['uac:reply', 404, 1]]);
  ksr('pv.sets', '$uac_req(nokey)', 'x');
  assert.ok(c.logs.some((l) => /\$uac_req: unknown key "nokey"/.test(l.text)));
});

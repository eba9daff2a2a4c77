// Differential test: the same KEMI script (JS) on Debian's Kamailio 5.6 (app_jsdt + nathelper)
// and on ksr-host, the same requests from a simulated NAT (127.0.0.2) — and the same answers:
// return code, $du, $ru, the AVPs written, the Contact and SDP lines after the call. Each probe
// names the call in an X-Test header; the script evaluates it, applies the changes
// (msg_apply_changes) and answers with the message as the body. Skipped without Kamailio.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/ports.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { kamailioMissing, kamailioModuleDir, runKamailio, type KamailioProcess } from '../support/kamailio-runner.js';

const missing = kamailioMissing(['app_jsdt.so', 'nathelper.so', 'textops.so', 'textopsx.so', 'sl.so', 'pv.so', 'kex.so'], 'package kamailio');
const moduleDir = kamailioModuleDir();

const SCRIPT = `
function ksr_request_route() {
  var rc = eval(KSR.hdr.get("X-Test"));
  var du = KSR.pv.getw("$du");
  var ru = KSR.pv.getw("$ru");
  var av = KSR.pv.getw("$avp(RECEIVED)");
  var ax = KSR.pv.getw("$avp(aliasuri)");
  KSR.textopsx.msg_apply_changes();
  KSR.hdr.append_to_reply("X-Result: rc=" + rc + " du=" + du + " ru=" + ru + " avp=" + av + " alias=" + ax + "\\r\\n");
  KSR.textops.set_reply_body(KSR.pv.get("$mb"), "text/plain");
  KSR.sl.sl_send_reply(200, "OK");
}
`;

const CFG = (port: number, script: string) => `#!KAMAILIO
debug=2
log_stderror=yes
children=1
auto_aliases=no
listen=udp:127.0.0.1:${port}
mpath="${moduleDir}/"
loadmodule "kex.so"
loadmodule "sl.so"
loadmodule "pv.so"
loadmodule "textops.so"
loadmodule "textopsx.so"
loadmodule "nathelper.so"
loadmodule "app_jsdt.so"
modparam("nathelper", "received_avp", "$avp(RECEIVED)")
modparam("app_jsdt", "load", "${script}")
cfgengine "jsdt"
`;

const lines = (l: string[]) => l.join('\r\n');
const SDPS: Record<string, string> = {
  none: '',
  sdp: lines(['v=0', 'o=ua 1 1 IN IP4 192.168.1.20', 's=-', 'c=IN IP4 192.168.1.20', 't=0 0', 'm=audio 4000 RTP/AVP 0', 'a=rtpmap:0 PCMU/8000', 'a=rtcp-mux', 'a=rtcp:4001 IN IP4 192.168.1.20', '']),
  diff: lines(['v=0', 'o=ua 1 1 IN IP4 192.168.1.30', 's=-', 'c=IN IP4 192.168.1.20', 't=0 0', 'm=audio 4000 RTP/AVP 0', 'a=rtcp:4001',
    'm=video 4002 RTP/AVP 31', 'c=IN IP4 192.168.1.21', 'a=rtcp:4003 IN IP6 fd00::1', '']),
  hold: lines(['v=0', 'o=ua 1 1 IN IP4 192.168.1.30', 's=-', 'c=IN IP4 0.0.0.0', 't=0 0', 'm=audio 4000 RTP/AVP 0', '']),
};

interface Probe {
  call: string;
  ruri?: string;
  contact?: string;
  body?: keyof typeof SDPS;
}

const C = '<sip:alice@192.168.1.20:5062>';
const PROBES: Probe[] = [
  ...[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 19].flatMap((f) => [
    { call: `KSR.nathelper.nat_uac_test(${f})`, body: 'sdp' as const },
    { call: `KSR.nathelper.nat_uac_test(${f})`, contact: '<sip:a@8.8.8.8>, <sip:b@192.168.1.20:5070>' },
  ]),
  ...['192.168.1.20', '10.1', '100.64.0.1', '192.0.0.200', '172.32.0.1', 'fd00::1', '', '10.0.0.1 junk', '0xc0.0250.1.1'].map((a) => ({ call: `KSR.nathelper.is_rfc1918(${JSON.stringify(a)})` })),
  ...['<sip:alice@192.168.1.20:5062>', 'sip:alice@192.168.1.20;ob', '"A" <sip:alice:pw@192.168.1.20:5062;transport=udp;maddr=10.0.0.1;ob>;expires=60',
    '<sip:alice@192.168.1.20>, <sip:b@192.168.1.21>', '<sip:alice@127.0.0.2:5070>', '<sip:alice@127.0.0.2:5070;transport=udp>',
    '<sip:alice@192.168.1.20:5062;alias=10.0.0.1~5060~1;ob>', '*', '<tel:+123>'].flatMap((contact) =>
    ['fix_nated_contact()', 'set_contact_alias()', 'set_contact_alias_trim()', 'add_contact_alias()', 'add_rcv_param(0)', 'add_rcv_param(1)', 'fix_nated_register()']
      .map((f) => ({ call: `KSR.nathelper.${f}`, contact }))),
  { call: 'KSR.nathelper.fix_nated_contact(); KSR.nathelper.fix_nated_contact()' },
  { call: 'KSR.nathelper.add_contact_alias(); KSR.nathelper.add_contact_alias()' },
  ...[['203.0.113.9', '5090', 'TLS'], ['[2001:db8::1]', '5090', 'tcp'], ['[1.2.3.4]', '5060', 'udp'], ['01.2.3.4', '+5060', 'wss'], ['1.2.3.4', '0', 'udp'],
    ['1.2.3.4', '65536', 'udp'], ['1.2.3.4', '5060', 'foo'], ['::ffff:1.2.3.4', '5060', 'udp']].map(([ip, port, proto]) =>
    ({ call: `KSR.nathelper.add_contact_alias_addr(${JSON.stringify(ip)}, ${JSON.stringify(port)}, ${JSON.stringify(proto)})` })),
  ...['sip:alice@192.168.1.20:5062;alias=127.0.0.2~5070~2;ob', 'sip:a@h;alias=[2001:db8::1]~5060~2', 'sip:a@h;alias=1.1.1.1~5060~6;lr', 'sip:a@h;alias=1.1.1.1~~1',
    'sip:a@h;alias=~1~1', 'sip:a@h;alias=', 'sip:a@h;alias=x;alias=1.1.1.1~5~1', 'sip:a@h;alias=1.1.1.1;x=~5~1', 'sip:a@h;xalias=1.1.1.1~5~1;alias=2.2.2.2~6~2',
    'sip:a@h;alias=1.1.1.1~5060~1;alias=2.2.2.2~2~2;lr', 'sip:a@h;ALIAS=1.1.1.1~5060~2', 'sip:a@h;alias=1.1.1.1~5060~1;lr', 'sip:a@h'].flatMap((ruri) =>
    ['handle_ruri_alias()', 'handle_ruri_alias_mode(0)'].map((f) => ({ call: `KSR.nathelper.${f}`, ruri }))),
  { call: 'KSR.nathelper.handle_ruri_alias_mode(1)', ruri: 'sip:a@h;alias=1.1.1.1~1~1;alias=2.2.2.2~2~1;lr' },
  ...['<sip:a@h;alias=1.2.3.4~5~1>;expires=5', '<sip:a@h;alias=1.2.3.4~5~6>', '<sip:a@h>;alias=1.2.3.4~5~2', '<sip:a@h;alias=1.2.3.4~5~12>', '<sip:a@h;alias=1.2.3.4~~2>',
    '<sip:a@h;alias=~5~2>', '<sip:a@h;alias=1.2.3.4~5>', '<sip:a@h;alias=1.2.3.4~5~1>, <sip:b@h>', '<sip:a@h>'].map((contact) =>
    ({ call: 'KSR.nathelper.set_alias_to_pv("$avp(aliasuri)")', contact })),
  ...(['sdp', 'diff', 'hold', 'none'] as const).flatMap((body) =>
    [0, 1, 2, 4, 5, 8, 10, 15].map((f) => ({ call: `KSR.nathelper.fix_nated_sdp(${f})`, body }))),
  { call: 'KSR.nathelper.fix_nated_sdp_ip(10, "203.0.113.7")', body: 'diff' },
  { call: 'KSR.nathelper.fix_nated_sdp_ip(2, "")', body: 'sdp' },
  { call: 'KSR.nathelper.fix_nated_sdp_ip(2, "192.168.1.20")', body: 'sdp' },
];

function request(p: Probe, id: string): string {
  const body = SDPS[p.body ?? 'none']!;
  const contact = p.contact ?? C;
  return lines([
    `INVITE ${p.ruri ?? 'sip:bob@127.0.0.1'} SIP/2.0`,
    `Via: SIP/2.0/UDP 192.168.1.20:5062;branch=z9hG4bK-${id};rport`,
    'Max-Forwards: 70', 'From: <sip:alice@127.0.0.1>;tag=p1', 'To: <sip:bob@127.0.0.1>', `Call-ID: ${id}`, 'CSeq: 1 INVITE',
    `Contact: ${contact}`, `X-Test: ${p.call}`, ...(body ? ['Content-Type: application/sdp'] : []), `Content-Length: ${Buffer.byteLength(body)}`, '', body,
  ]);
}

/** What is compared: the result line, then the Contact and SDP lines of the message after the call. */
function summary(reply: string): string {
  const result = /\r\nX-Result: ([^\r]*)/.exec(reply)?.[1] ?? '(no result)';
  const body = reply.slice(reply.indexOf('\r\n\r\n') + 4);
  const kept = body.split('\r\n').filter((l) => /^(Contact|Content-Length|[a-z]=)/.test(l));
  return [result, ...kept].join('\n');
}

describe('nathelper: ksr-host answers as Kamailio 5.6 does', { skip: missing }, () => {
  let kamailio: KamailioProcess;
  let kamailioPort = 0;
  let server: ServerProcess;
  let dir = '';
  const sock = dgram.createSocket('udp4');
  const replies = new Map<string, string>();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ksr-nh-diff-'));
    const script = join(dir, 'probe.js');
    writeFileSync(script, SCRIPT);
    kamailioPort = await freePort();
    kamailio = await runKamailio(CFG(kamailioPort, script), kamailioPort, { label: 'nathelper probe', settleMs: 500 });
    server = await startServerProcess({ script, startTimeoutMs: 60_000, config: () => ({ modules: { nathelper: { received_avp: '$avp(RECEIVED)' } } }) });
    sock.on('message', (m) => {
      const text = m.toString('latin1');
      const id = /\r\nCall-ID: ([^\r]*)/.exec(text)?.[1];
      if (id) replies.set(id, text);
    });
    await new Promise<void>((r) => sock.bind(0, '127.0.0.2', () => r()));
  });

  after(async () => {
    sock.close();
    await server?.stop();
    await kamailio?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function ask(port: number, p: Probe, id: string): Promise<string> {
    sock.send(request(p, id), port, '127.0.0.1');
    const end = Date.now() + 3000;
    while (!replies.has(id) && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
    return replies.has(id) ? summary(replies.get(id)!) : '(no reply)';
  }

  test(`${PROBES.length} probes give the same answers`, async () => {
    const diffs: string[] = [];
    for (const [i, p] of PROBES.entries()) {
      const k = await ask(kamailioPort, p, `k-${i}`);
      const h = await ask(server.port, p, `h-${i}`);
      if (k !== h) diffs.push(`${p.call} [ruri ${p.ruri ?? '-'} | contact ${p.contact ?? '-'} | body ${p.body ?? 'none'}]\n  kamailio: ${k.replace(/\n/g, '\n            ')}\n  ksr-host: ${h.replace(/\n/g, '\n            ')}`);
    }
    assert.deepEqual(diffs, [], `differences from Kamailio:\n${diffs.join('\n')}`);
  });
});

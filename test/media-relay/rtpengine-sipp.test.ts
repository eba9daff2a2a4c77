// The integration test: a sipp call through a real ksr-host whose script calls
// rtpengine_manage in the branch route (offer), the onreply route (answer) and on BYE (delete),
// against the real rtpengine. The caller plays a G.711 pcap to the address in the 200's SDP
// (rtpengine), the callee echoes it (sipp -rtp_echo) to rtpengine, which relays it back; the
// script queries rtpengine before the delete and logs the answer: its packet counts prove
// that RTP went through rtpengine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { explain, startSipp } from '../support/sipp.js';
import { freePort } from '../support/ports.js';
import { SKIP_RTPENGINE, startRtpengine, type RtpengineDaemon } from '../support/rtpengine.js';

const PCAP = '/usr/share/sip-tester/g711a.pcap';
const SKIP = SKIP_RTPENGINE || (existsSync(PCAP) ? false : `${PCAP} is missing (package sip-tester)`);

const SCRIPT = `
var FLAGS = 'replace-origin replace-session-connection trust-address';
function ksr_request_route() {
  if (KSR.siputils.has_totag() > 0) {
    if (KSR.is_BYE()) {
      KSR.rtpengine.rtpengine_query_v('j', '$var(q)');
      KSR.info('rtpengine query: ' + KSR.pv.gete('$var(q)') + '\\n');
      KSR.info('rtpengine delete: ' + KSR.rtpengine.rtpengine_manage(FLAGS) + '\\n');
    }
    if (KSR.rr.loose_route() > 0 || (KSR.is_ACK() && KSR.tm.t_check_trans() > 0)) { KSR.tm.t_relay(); }
    KSR.x.exit();
  }
  if (KSR.is_ACK()) { if (KSR.tm.t_check_trans() > 0) { KSR.tm.t_relay(); } KSR.x.exit(); }
  KSR.rr.record_route();
  KSR.tm.t_on_branch('ksr_branch_manage');
  KSR.tm.t_on_reply('ksr_onreply_manage');
  if (KSR.tm.t_relay() < 0) { KSR.sl.sl_reply_error(); }
  KSR.x.exit();
}
function ksr_branch_manage() {
  KSR.info('rtpengine offer: ' + KSR.rtpengine.rtpengine_manage(FLAGS) + '\\n');
}
function ksr_onreply_manage() {
  if (KSR.pv.get('$rs') == 200) { KSR.info('rtpengine answer: ' + KSR.rtpengine.rtpengine_manage(FLAGS) + '\\n'); }
}
`;

const scenario = (name: string) => fileURLToPath(new URL(`./scenarios/${name}`, import.meta.url));

let daemon: RtpengineDaemon | null = null;
let server: ServerProcess | null = null;

before(async () => {
  if (SKIP) return;
  daemon = await startRtpengine();
  const dir = mkdtempSync(join(tmpdir(), 'ksr-rtpengine-'));
  const script = join(dir, 'rtpengine.js');
  writeFileSync(script, SCRIPT);
  server = await startServerProcess({
    script, workers: 1,
    config: () => ({ modules: { rtpengine: { rtpengine_sock: `udp:127.0.0.1:${daemon!.ngPort}`, rtpengine_tout_ms: 500, rtpengine_retr: 2 } } }),
  });
});

after(async () => {
  await server?.stop();
  await daemon?.stop();
});

test('a sipp call with media through ksr-host and rtpengine: offer, answer, RTP relayed, delete', { skip: SKIP }, async () => {
  const uasPort = await freePort();
  const uas = startSipp({ scenario: scenario('uas-media.xml'), localPort: uasPort, transport: 'udp', calls: 1, timeoutS: 20, extra: ['-mp', String(await freePort()), '-rtp_echo'] });
  try {
    await new Promise((r) => setTimeout(r, 300));
    const uac = await startSipp({
      scenario: scenario('uac-media.xml'), port: server!.port, localPort: await freePort(), transport: 'udp', calls: 1, timeoutS: 20,
      keys: { callee: `127.0.0.1:${uasPort}` }, extra: ['-s', 'media', '-mp', String(await freePort())],
    }).done;
    assert.equal(uac.code, 0, explain('caller', uac) + `\nserver:\n${server!.output().slice(-3000)}\nrtpengine:\n${daemon!.stderr().slice(-2000)}`);
    const r = await uas.done;
    assert.equal(r.code, 0, explain('callee', r));
    await server!.waitForOutput(/rtpengine delete: 1/, 5000);
    const out = server!.output();
    assert.match(out, /rtpengine offer: 1/);
    assert.doesNotMatch(out, /CPU limit/, 'the waits for rtpengine are not counted as CPU');
    assert.match(out, /rtpengine answer: 1/);
    const msgs = out.split('\n').filter((l) => l.startsWith('{')).map((l) => String((JSON.parse(l) as { msg?: string }).msg ?? ''));
    const q = msgs.find((m) => m.startsWith('rtpengine query: '));
    assert.ok(q, `a query answer in the log:\n${out.slice(-3000)}`);
    const totals = JSON.parse(q!.slice('rtpengine query: '.length)) as { totals?: { RTP?: { packets?: number } } };
    assert.ok((totals.totals?.RTP?.packets ?? 0) > 10, `RTP packets relayed by rtpengine: ${JSON.stringify(totals.totals)}`);
  } finally {
    if (uas.child.exitCode === null) uas.child.kill('SIGKILL');
  }
});

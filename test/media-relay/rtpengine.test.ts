// KSR.rtpengine through the Dispatcher against the real rtpengine: offer/answer rewrite the SDP
// to rtpengine's address and ports, query answers, delete ends the call, failover to the
// second relay when the first does not answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage } from '../../host/sip/message.js';
import { RecordingCore, builtMessage, makeContext } from '../support/sip-fixtures.js';
import { TEST_MODULE_CONFIG } from '../support/module-test-config.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { SKIP_RTPENGINE } from '../support/rtpengine.js';
import { built, relayFixture } from './relay-fixture.js';
import { bye, invite, ok200 } from './sip-messages.js';

const relay = relayFixture('rtpengine');
const coreWith = relay.coreWith;

function mediaOf(built: string): { ip: string; port: number } {
  const msg = SipMessage.parse(Buffer.from(built, 'latin1'));
  const sdp = msg.body().toString('latin1');
  assert.equal(msg.contentLength(), msg.body().length, 'Content-Length fixed');
  return { ip: /c=IN IP4 (\S+)/.exec(sdp)![1]!, port: Number(/m=audio (\d+)/.exec(sdp)![1]) };
}

test('offer, answer, query, delete against rtpengine: the SDP is rtpengine\'s', { skip: SKIP_RTPENGINE }, () => {
  const core = coreWith({ rtpengine_sock: `udp:127.0.0.1:${relay.daemon!.ngPort}` });
  const id = `c1-${process.pid}`;
  const req = makeContext(invite(id), { core });
  assert.equal(ksrOn(req)('rtpengine.rtpengine_offer', 'replace-origin replace-session-connection ICE=remove RTP/AVP'), 1, JSON.stringify(core.logs));
  const offered = mediaOf(built(req));
  assert.equal(offered.ip, '127.0.0.1');
  assert.notEqual(offered.port, 40000);
  const rpl = makeContext(ok200(id), { core });
  assert.equal(ksrOn(rpl)('rtpengine.rtpengine_answer', 'replace-origin replace-session-connection'), 1, JSON.stringify(core.logs));
  const answered = mediaOf(built(rpl));
  assert.equal(answered.ip, '127.0.0.1');
  assert.notEqual(answered.port, 50000);
  assert.notEqual(answered.port, offered.port);
  assert.equal(ksrOn(req)('rtpengine.rtpengine_query0'), 1);
  assert.equal(ksrOn(req)('rtpengine.rtpengine_query_v', 'j', '$var(q)'), 1);
  assert.match(String(req.vars.get('q')), /"result":"ok"/);
  assert.equal(ksrOn(req)('rtpengine.block_media0'), 1);
  assert.equal(ksrOn(req)('rtpengine.unblock_media0'), 1);
  assert.equal(ksrOn(req)('rtpengine.start_recording'), 1);
  assert.equal(ksrOn(req)('rtpengine.stop_recording'), 1);
  assert.deepEqual(core.modules.callRpc('rtpengine.get_hash_total', []), { total: 1 });
  const noBody = makeContext(bye(id).replace('BYE', 'INVITE').replace('2 BYE', '2 INVITE'), { core });
  assert.equal(ksrOn(noBody)('rtpengine.rtpengine_offer0'), -1);
  assert.match(core.logs.at(-1)!.text, /rtpengine_offer0: can't extract body from the message/);
  const b = makeContext(bye(id), { core });
  assert.equal(ksrOn(b)('rtpengine.rtpengine_delete0'), 1, JSON.stringify(core.logs));
  assert.deepEqual(core.modules.callRpc('rtpengine.get_hash_total', []), { total: 0 });
  assert.equal(ksrOn(b)('rtpengine.rtpengine_query0'), -1, 'the call is gone');
  assert.match(core.logs.at(-1)!.text, /^KSR\.rtpengine\.rtpengine_query0: relay .* replied with error: /);
});

test('rtpengine_manage: INVITE → offer, 200 → answer, BYE → delete', { skip: SKIP_RTPENGINE }, () => {
  const core = coreWith({ rtpengine_sock: `udp:127.0.0.1:${relay.daemon!.ngPort}` });
  const id = `c2-${process.pid}`;
  const req = makeContext(invite(id), { core });
  assert.equal(ksrOn(req)('rtpengine.rtpengine_manage', 'replace-origin'), 1, JSON.stringify(core.logs));
  assert.equal(mediaOf(built(req)).ip, '127.0.0.1');
  const rpl = makeContext(ok200(id), { core });
  assert.equal(ksrOn(rpl)('rtpengine.rtpengine_manage0'), 1, JSON.stringify(core.logs));
  assert.equal(mediaOf(built(rpl)).ip, '127.0.0.1');
  assert.equal(ksrOn(makeContext(bye(id), { core }))('rtpengine.rtpengine_manage0'), 1);
  assert.equal(ksrOn(makeContext('OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 1.2.3.4;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n', { core }))('rtpengine.rtpengine_manage0'), -1);
});

test('failover: a relay that does not answer is disabled and the next one of the set takes the call', { skip: SKIP_RTPENGINE }, () => {
  const core = coreWith({ rtpengine_sock: `udp:127.0.0.1:1=1 udp:127.0.0.1:${relay.daemon!.ngPort}=1`, rtpengine_tout_ms: 50, rtpengine_retr: 1 });
  let used = 0;
  for (let i = 0; i < 6; i++) {
    const ctx = makeContext(invite(`fo${i}-${process.pid}`), { core });
    assert.equal(ksrOn(ctx)('rtpengine.rtpengine_offer0'), 1, JSON.stringify(core.logs));
    used++;
  }
  assert.equal(used, 6);
  const disabled = core.logs.filter((l) => /udp:127\.0\.0\.1:1 does not respond .* disabled for 60 s/.test(l.text));
  assert.ok(disabled.length <= 1, 'tried once, then skipped while disabled');
  const shown = core.modules.callRpc('rtpengine.show', ['all']) as Array<{ url: string; disabled: number }>;
  assert.equal(shown.length, 2);
  assert.deepEqual(shown.map((s) => s.disabled).sort(), disabled.length === 1 ? [0, 1] : [0, 0]);
  const ping = core.modules.callRpc('rtpengine.ping', [`udp:127.0.0.1:${relay.daemon!.ngPort}`]) as Array<{ status: string }>;
  assert.deepEqual(ping.map((p) => p.status), ['success']);
});

test('set_rtpengine_set: an unknown set is -1; a chosen set is used', { skip: SKIP_RTPENGINE }, () => {
  const core = coreWith({ rtpengine_sock: ['udp:127.0.0.1:1', `2 == udp:127.0.0.1:${relay.daemon!.ngPort}`], rtpengine_tout_ms: 30, rtpengine_retr: 1 });
  const ctx = makeContext(invite(`s-${process.pid}`), { core });
  const ksr = ksrOn(ctx);
  assert.equal(ksr('rtpengine.set_rtpengine_set', 7), -1);
  assert.equal(ksr('rtpengine.set_rtpengine_set', 2), 1);
  assert.equal(ksr('rtpengine.rtpengine_offer0'), 1, JSON.stringify(core.logs));
  // set2: the first command uses set 2, the next one set 0 (whose relay does not answer)
  assert.equal(ksr('rtpengine.set_rtpengine_set2', 2, 0), 1);
  assert.equal(ksr('rtpengine.rtpengine_query0'), 1, JSON.stringify(core.logs));
  assert.equal(ksr('rtpengine.rtpengine_query0'), -1);
  assert.equal(ksr('rtpengine.set_rtpengine_set2', 2, 9), -1);
});

test('no relay answers: -1 and a log naming the relay', () => {
  const core = coreWith({ rtpengine_sock: 'udp:127.0.0.1:1', rtpengine_tout_ms: 20, rtpengine_retr: 1 });
  const ctx = makeContext(invite('dead'), { core });
  const t0 = Date.now();
  assert.equal(ksrOn(ctx)('rtpengine.rtpengine_offer0'), -1);
  assert.ok(Date.now() - t0 < 3000);
  assert.match(core.logs.map((l) => l.text).join('\n'), /KSR\.rtpengine\.rtpengine_offer0: relay udp:127\.0\.0\.1:1 does not respond/);
  assert.equal(builtMessage(ctx), invite('dead'), 'message unchanged');
});

test('bad config names the key', () => {
  assert.throws(() => new RecordingCore(undefined, 2, { moduleConfig: { ...TEST_MODULE_CONFIG, rtpengine: { rtpengine_sock: 'tcp://x' } } }), /modules\.rtpengine\.rtpengine_sock: expected udp:HOST:PORT/);
  assert.throws(() => new RecordingCore(undefined, 2, { moduleConfig: { ...TEST_MODULE_CONFIG, rtpengine: { rtpengine_tout_ms: 'x' } } }), /modules\.rtpengine\.rtpengine_tout_ms: expected an integer/);
  assert.throws(() => new RecordingCore(undefined, 2, { moduleConfig: { ...TEST_MODULE_CONFIG, rtpengine: { rtpengine_tout_ms: 3000, rtpengine_retr: 5 } } }), /at most 5000/);
});

test('RTP flows through rtpengine between the ports offer and answer gave', { skip: SKIP_RTPENGINE }, async () => {
  const dgram = await import('node:dgram');
  const bind = async () => {
    const s = dgram.createSocket('udp4');
    await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
    return s;
  };
  const caller = await bind();
  const callee = await bind();
  try {
    const core = coreWith({ rtpengine_sock: `udp:127.0.0.1:${relay.daemon!.ngPort}` });
    const id = `rtp-${process.pid}`;
    const sdpOf = (port: number) => `v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio ${port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n`;
    const req = makeContext(invite(id, sdpOf(caller.address().port)), { core, srcIp: '127.0.0.1' });
    assert.equal(ksrOn(req)('rtpengine.rtpengine_offer', 'trust-address replace-origin'), 1, JSON.stringify(core.logs));
    const toCallee = mediaOf(built(req)).port;
    const rpl = makeContext(ok200(id, sdpOf(callee.address().port)), { core, srcIp: '127.0.0.1' });
    assert.equal(ksrOn(rpl)('rtpengine.rtpengine_answer', 'trust-address replace-origin'), 1, JSON.stringify(core.logs));
    const toCaller = mediaOf(built(rpl)).port;
    const got: Buffer[] = [];
    caller.on('message', (m) => got.push(m));
    const rtp = (seq: number) => Buffer.concat([Buffer.from([0x80, 0x00, seq >> 8, seq & 0xff, 0, 0, 0, seq, 1, 2, 3, 4]), Buffer.alloc(160, 0xff)]);
    // the caller speaks first so rtpengine learns its address, then the callee's packets reach it
    for (let i = 0; i < 20 && got.length < 5; i++) {
      caller.send(rtp(i), toCaller, '127.0.0.1');
      callee.send(rtp(100 + i), toCallee, '127.0.0.1');
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(got.length >= 5, `the caller received ${got.length} RTP packets through rtpengine`);
    assert.equal(got[0]!.length, 172);
    assert.equal(ksrOn(req)('rtpengine.rtpengine_query_v', 'j', '$var(q)'), 1);
    assert.match(String(req.vars.get('q')), /"packets":[1-9]/);
  } finally {
    caller.close();
    callee.close();
  }
});

// KSR.rtpproxy through the Dispatcher against rtpengine's rtpproxy-compatible control port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage } from '../../host/sip/message.js';
import { builtMessage, makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { SKIP_RTPENGINE } from '../support/rtpengine.js';
import { built, relayFixture } from './relay-fixture.js';
import { bye, invite, ok200 } from './sip-messages.js';

const relay = relayFixture('rtpproxy');
const coreWith = relay.coreWith;

function media(built: string): { ip: string; port: number; body: string } {
  const msg = SipMessage.parse(Buffer.from(built, 'latin1'));
  const body = msg.body().toString('latin1');
  assert.equal(msg.contentLength(), msg.body().length);
  return { ip: /c=IN IP4 (\S+)/.exec(body)![1]!, port: Number(/m=audio (\d+)/.exec(body)![1]), body };
}

test('rtpproxy offer/answer/destroy against rtpengine --listen-udp: m= port and c= rewritten, nortpproxy added', { skip: SKIP_RTPENGINE }, () => {
  const core = coreWith({ rtpproxy_sock: `udp:127.0.0.1:${relay.daemon!.udpPort}` });
  const id = `rp1-${process.pid}`;
  const req = makeContext(invite(id), { core });
  assert.equal(ksrOn(req)('rtpproxy.rtpproxy_offer', 'r'), 1, JSON.stringify(core.logs));
  const o = media(built(req));
  assert.equal(o.ip, '127.0.0.1');
  assert.notEqual(o.port, 40000);
  assert.match(o.body, /a=nortpproxy:yes\r\n$/);
  const rpl = makeContext(ok200(id), { core });
  assert.equal(ksrOn(rpl)('rtpproxy.rtpproxy_answer', 'r'), 1, JSON.stringify(core.logs));
  const a = media(built(rpl));
  assert.notEqual(a.port, 50000);
  assert.notEqual(a.port, o.port);
  // an SDP that already went through a relay is refused without f
  const again = makeContext(built(req), { core });
  assert.equal(ksrOn(again)('rtpproxy.rtpproxy_offer0'), -1);
  assert.match(core.logs.at(-1)!.text, /KSR\.rtpproxy\.rtpproxy_offer0: the SDP already has 'a=nortpproxy:yes'/);
  assert.equal(ksrOn(makeContext(bye(id), { core }))('rtpproxy.rtpproxy_destroy0'), 1, JSON.stringify(core.logs));
});

test('rtpproxy_manage and offer_ip', { skip: SKIP_RTPENGINE }, () => {
  const core = coreWith({ rtpproxy_sock: `udp:127.0.0.1:${relay.daemon!.udpPort}` });
  const id = `rp2-${process.pid}`;
  const req = makeContext(invite(id), { core });
  assert.equal(ksrOn(req)('rtpproxy.rtpproxy_manage_ip', '', '203.0.113.9'), 1, JSON.stringify(core.logs));
  assert.equal(media(built(req)).ip, '203.0.113.9');
  const rpl = makeContext(ok200(id), { core });
  assert.equal(ksrOn(rpl)('rtpproxy.rtpproxy_manage0'), 1, JSON.stringify(core.logs));
  assert.equal(ksrOn(makeContext(bye(id), { core }))('rtpproxy.rtpproxy_manage0'), 1);
  assert.equal(ksrOn(req)('rtpproxy.set_rtpproxy_set', 3), -1);
  assert.equal(ksrOn(req)('rtpproxy.set_rtpproxy_set', 0), 1);
});

test('no relay: -1, a log, the message unchanged', () => {
  const core = coreWith({ rtpproxy_sock: 'udp:127.0.0.1:1', rtpproxy_tout_ms: 20, rtpproxy_retr: 1 });
  const ctx = makeContext(invite('dead'), { core });
  assert.equal(ksrOn(ctx)('rtpproxy.rtpproxy_offer0'), -1);
  assert.match(core.logs.map((l) => l.text).join('\n'), /KSR\.rtpproxy\.rtpproxy_offer0: relay udp:127\.0\.0\.1:1 does not respond/);
  assert.equal(builtMessage(ctx), invite('dead'));
  const list = core.modules.callRpc('rtpproxy.list', []) as Array<{ disabled: number }>;
  assert.equal(list[0]!.disabled, 1);
});

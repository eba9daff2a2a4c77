// KSR.rtpengine.rtpengine_subscribe_request: the SDP and to-tag of the subscription into PVs
// and rtpengine's "tag-medias" into the streams xavp (one item per participant: tag and a
// label per media, newest first), 0 on success as in Kamailio. Against the real rtpengine
// (an offer/answer call first), and the copy alone against answers a relay could send.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readPv } from '../../host/core/pv.js';
import { xavpRoot, XavpList } from '../../host/core/xavp.js';
import { copyStreamsToXavp, MAX_PARTICIPANTS } from '../../host/media-relay/subscribe-streams.js';
import type { MsgContext } from '../../host/core/context.js';
import { makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from '../bindings/ksr-call.js';
import { SKIP_RTPENGINE } from '../support/rtpengine.js';
import { relayFixture } from './relay-fixture.js';
import { bye, invite, ok200 } from './sip-messages.js';
import { startFakeNgRelay } from './fake-ng-relay.js';

const relay = relayFixture('rtpengine');
const coreWith = relay.coreWith;
const pv = (ctx: MsgContext, name: string) => {
  const r = readPv(ctx, name);
  return r.ok ? r.value : `error: ${r.error}`;
};
/** The xavp as plain data: [{ tag, labels (newest first) }], newest participant first. */
function streamsOf(ctx: MsgContext, name: string): Array<{ tag: unknown; labels: unknown[] }> {
  return xavpRoot(ctx, 'xavp').all(name).map((e) => {
    const list = e.value as XavpList;
    return { tag: list.get('tag')?.value, labels: list.all('label').map((l) => l.value) };
  });
}

test('after an offer/answer call (real rtpengine): SDP and to-tag written; 0; the xavp as the relay answers', { skip: SKIP_RTPENGINE }, () => {
  const core = coreWith({ rtpengine_sock: `udp:127.0.0.1:${relay.daemon!.ngPort}` });
  const id = `sub1-${process.pid}`;
  const req = makeContext(invite(id), { core });
  assert.equal(ksrOn(req)('rtpengine.rtpengine_offer', 'replace-origin replace-session-connection ICE=remove label=caller'), 1, JSON.stringify(core.logs));
  const rpl = makeContext(ok200(id), { core });
  assert.equal(ksrOn(rpl)('rtpengine.rtpengine_answer', 'replace-origin replace-session-connection label=callee'), 1, JSON.stringify(core.logs));
  const sub = makeContext(invite(id), { core });
  const ksr = ksrOn(sub);
  assert.equal(ksr('rtpengine.rtpengine_subscribe_request', 'all', '$var(sdp)', '$var(tt)', 'streams'), 0, JSON.stringify(core.logs));
  // both legs subscribed: two sendonly/inactive media sections of rtpengine's
  const sdp = String(pv(sub, '$var(sdp)'));
  assert.match(sdp, /^v=0\r\n/);
  assert.equal(sdp.match(/^m=audio \d+ RTP\/AVP/gm)?.length, 2, sdp);
  assert.ok(String(pv(sub, '$var(tt)')).length > 0, 'the subscription has a to-tag');
  // rtpengine answers "tag-medias" from version 11 on; the Debian 12 daemon (10.5) does not,
  // and then Kamailio adds nothing either: the xavp is filled exactly from what came
  const streams = streamsOf(sub, 'streams');
  assert.ok(streams.length === 0 || streams.length === 2, JSON.stringify(streams));
  if (streams.length === 2) assert.deepEqual(new Set(streams.map((x) => x.tag)), new Set([`ft-${id}`, `tt-${id}`]));
  // empty PV and xavp names: nothing written, still 0
  const quiet = makeContext(invite(id), { core });
  assert.equal(ksrOn(quiet)('rtpengine.rtpengine_subscribe_request', 'all', '', '', ''), 0, JSON.stringify(core.logs));
  assert.deepEqual(xavpRoot(quiet, 'xavp').names(), []);
  assert.equal(ksrOn(makeContext(bye(id), { core }))('rtpengine.rtpengine_delete0'), 1);
  // a call rtpengine never saw: its error answer is -1
  assert.equal(ksrOn(makeContext(invite(`none-${id}`), { core }))('rtpengine.rtpengine_subscribe_request', 'all', '$var(sdp)', '$var(tt)', 'streams'), -1);
});

test('a relay answering tag-medias (rtpengine ≥ 11): the streams xavp, newest participant first; 0', async () => {
  const relay = await startFakeNgRelay({
    result: 'ok', sdp: 'v=0\r\nm=audio 30000 RTP/AVP 0\r\n', 'to-tag': 'sub-tag-1', 'from-tags': ['ft-a', 'tt-a'],
    'tag-medias': [
      { tag: 'ft-a', medias: [{ index: 1, type: 'audio', label: '1' }] },
      { tag: 'tt-a', medias: [{ index: 1, type: 'audio', label: '0' }, { index: 2, type: 'video', label: '2' }] },
    ],
  });
  try {
    const core = coreWith({ rtpengine_sock: `udp:127.0.0.1:${relay.port}` });
    const ctx = makeContext(invite('fake-1'), { core });
    const ksr = ksrOn(ctx);
    assert.equal(ksr('rtpengine.rtpengine_subscribe_request', 'all', '$var(sdp)', '$var(tt)', 'streams'), 0, JSON.stringify(core.logs));
    assert.equal(pv(ctx, '$var(sdp)'), 'v=0\r\nm=audio 30000 RTP/AVP 0\r\n');
    assert.equal(pv(ctx, '$var(tt)'), 'sub-tag-1');
    assert.deepEqual(streamsOf(ctx, 'streams'), [
      { tag: 'tt-a', labels: [2, 0] },
      { tag: 'ft-a', labels: [1] },
    ]);
    // what a script reads
    assert.equal(pv(ctx, '$xavp(streams=>tag)'), 'tt-a');
    assert.equal(pv(ctx, '$xavp(streams=>label)'), 2);
    assert.equal(pv(ctx, '$xavp(streams[1]=>tag)'), 'ft-a');
    assert.equal(pv(ctx, '$xavp(streams[1]=>label)'), 1);
    // the command sent: a subscribe request of the message's call, flags as given
    await relay.refresh();
    const sent = relay.received();
    assert.match(sent.at(-1)!, /7:command17:subscribe request/);
    assert.match(sent.at(-1)!, /7:call-id6:fake-1/);
  } finally {
    await relay.close();
  }
});

test('a relay answer without sdp or to-tag: -1 (Kamailio: "failed to extract ...")', async () => {
  for (const [answer, missing] of [[{ result: 'ok', 'to-tag': 't' }, 'sdp'], [{ result: 'ok', sdp: 'v=0\r\n' }, 'to-tag']] as const) {
    const relay = await startFakeNgRelay(answer);
    try {
      const core = coreWith({ rtpengine_sock: `udp:127.0.0.1:${relay.port}` });
      const ctx = makeContext(invite(`fake-${missing}`), { core });
      assert.equal(ksrOn(ctx)('rtpengine.rtpengine_subscribe_request', '', '$var(sdp)', '$var(tt)', 'streams'), -1);
      assert.ok(core.logs.some((l) => l.level === 'error' && l.text.includes(`failed to extract ${missing}`)), JSON.stringify(core.logs));
      assert.deepEqual(xavpRoot(ctx, 'xavp').names(), []);
    } finally {
      await relay.close();
    }
  }
});

test('no relay answers: -1, nothing written', () => {
  const core = coreWith({ rtpengine_sock: 'udp:127.0.0.1:9', rtpengine_tout_ms: 50, rtpengine_retr: 1 });
  const ctx = makeContext(invite('sub-none'), { core });
  const ksr = ksrOn(ctx);
  ksr('pv.sets', '$var(sdp)', 'before');
  assert.equal(ksr('rtpengine.rtpengine_subscribe_request', 'all', '$var(sdp)', '$var(tt)', 'streams'), -1);
  assert.equal(pv(ctx, '$var(sdp)'), 'before');
  assert.deepEqual(xavpRoot(ctx, 'xavp').names(), []);
});

test('the copy: participants without tag or medias skipped, labels must be integers (strings), bounded', () => {
  const ctx = makeContext('invite');
  const warnings: string[] = [];
  copyStreamsToXavp(ctx, 's', [
    { tag: 'a', medias: [{ label: '1', index: 1 }, { label: '2' }] },
    { medias: [{ label: '3' }] },
    { tag: 'b' },
    { tag: 'c', medias: [{ label: 'x1' }, { label: 7 }, { label: '-4' }, 'junk'] },
  ], (t) => warnings.push(t));
  assert.deepEqual(streamsOf(ctx, 's'), [
    { tag: 'c', labels: [-4] },
    { tag: 'a', labels: [2, 1] },
  ]);
  assert.equal(warnings.length, 4, warnings.join('\n'));
  assert.match(warnings[0]!, /no tag/);
  assert.match(warnings[1]!, /invalid label "x1"/);
  // not a list, or no name: nothing
  copyStreamsToXavp(ctx, 's2', 'nonsense', () => undefined);
  copyStreamsToXavp(ctx, '', [{ tag: 'z', medias: [] }], () => undefined);
  assert.deepEqual(xavpRoot(ctx, 'xavp').names().sort(), ['s']);
  // a huge answer: at most MAX_PARTICIPANTS items read
  const big = makeContext('invite');
  copyStreamsToXavp(big, 'b', Array.from({ length: 1000 }, (_, i) => ({ tag: `t${i}`, medias: [{ label: '1' }] })), () => undefined);
  assert.equal(xavpRoot(big, 'xavp').count('b'), MAX_PARTICIPANTS);
});

// Conformance rows of KSR.rtpengine (written with ../case-kit.ts). The rows' core points
// rtpengine_sock at a port where no relay listens (test/support/module-test-config.ts): every
// command fails with -1, a log naming the relay, the message unchanged. Success paths (SDP
// rewritten by the real rtpengine, failover, manage) are in test/media-relay/rtpengine.test.ts.
import type { ConformanceCase } from '../cases.js';
import { c, I } from '../case-kit.js';
import { FIXTURES } from '../../support/sip-fixtures.js';

const NO_RELAY = 'KSR.rtpengine.';
const unchanged = (fn: string, text = 'relay udp:127.0.0.1:1 does not respond') => ({
  host: { builtExact: FIXTURES.invite, log: { level: 'error' as const, text: `${NO_RELAY}${fn}: ${text}` } },
});

const FAMILIES = [
  'rtpengine_manage', 'rtpengine_offer', 'rtpengine_delete', 'rtpengine_query', 'rtpengine_connect',
  'block_media', 'unblock_media', 'silence_media', 'unsilence_media', 'block_dtmf', 'unblock_dtmf',
  'stop_media', 'start_forwarding', 'stop_forwarding',
];

export const RTPENGINE_CASES: ConformanceCase[] = [
  ...FAMILIES.flatMap((f) => [
    c(`rtpengine.${f}0`, [], I(-1), unchanged(`${f}0`)),
    c(`rtpengine.${f}`, ['replace-origin ICE=remove'], I(-1), unchanged(f)),
    c(`rtpengine.${f}2`, ['trust-address', 'z9hG4bK-x'], I(-1), unchanged(`${f}2`)),
  ]),
  // an answer in a request takes the tags swapped: the INVITE has no To tag yet
  c('rtpengine.rtpengine_answer0', [], I(-1), unchanged('rtpengine_answer0', 'No to-tag present')),
  c('rtpengine.rtpengine_answer', ['replace-origin'], I(-1), unchanged('rtpengine_answer', 'No to-tag present')),
  c('rtpengine.rtpengine_answer2', ['', 'z9hG4bK-x'], I(-1), unchanged('rtpengine_answer2', 'No to-tag present')),
  c('rtpengine.rtpengine_answer', ['to-tag=abc'], I(-1), unchanged('rtpengine_answer')),
  c('rtpengine.rtpengine_offer', ['via-branch=bogus'], I(-1), unchanged('rtpengine_offer', 'error processing flags "via-branch=bogus": flag \'via-branch=bogus\': invalid value')),
  c('rtpengine.rtpengine_offer', ['force-answer'], I(-1), unchanged('rtpengine_offer', 'No to-tag present')),
  c('rtpengine.rtpengine_delete', ['force-answer'], I(-1), unchanged('rtpengine_delete', 'error processing flags "force-answer": flag \'force-answer\': cannot force answer in non-offer command')),
  c('rtpengine.rtpengine_offer', ['via-branch=2'], I(-1), unchanged('rtpengine_offer')),
  c('rtpengine.start_recording', [], I(-1), unchanged('start_recording')),
  c('rtpengine.stop_recording', [], I(-1), unchanged('stop_recording')),
  c('rtpengine.play_media', ['file=/tmp/x.wav'], I(-1), unchanged('play_media')),
  c('rtpengine.play_media2', ['file=/tmp/x.wav', 'z9hG4bK-x'], I(-1), unchanged('play_media2')),
  c('rtpengine.play_dtmf', ['code=1'], I(-1), unchanged('play_dtmf')),
  c('rtpengine.rtpengine_query_v', ['j', '$var(q)'], I(-1), { host: { ...unchanged('rtpengine_query_v').host, pv: { '$var(q)': 0 } } }),
  c('rtpengine.rtpengine_query_v', ['x', '$var(q)'], I(-1), unchanged('rtpengine_query_v', "unknown format 'x'")),
  c('rtpengine.rtpengine_subscribe_request', ['all', '$var(sdp)', '$var(tt)', 'streams'], I(-1), unchanged('rtpengine_subscribe_request')),
  c('rtpengine.rtpengine_subscribe_answer', [''], I(-1), unchanged('rtpengine_subscribe_answer')),
  c('rtpengine.rtpengine_unsubscribe', [''], I(-1), unchanged('rtpengine_unsubscribe')),
  c('rtpengine.set_rtpengine_set', [0], I(1), { exempt: { test: 'test/media-relay/rtpengine.test.ts', why: 'the set a message chose is seen only by the next command (proved against rtpengine)' } }),
  c('rtpengine.set_rtpengine_set', [5], I(-1), unchanged('set_rtpengine_set', 'no rtpengine set 5')),
  c('rtpengine.set_rtpengine_set2', [0, 0], I(1), { exempt: { test: 'test/media-relay/rtpengine.test.ts', why: 'the set a message chose is seen only by the next command' } }),
  c('rtpengine.set_rtpengine_set2', [0, 9], I(-1), unchanged('set_rtpengine_set2', 'no rtpengine set 0 or 9')),
];

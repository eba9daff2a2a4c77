// Conformance rows of KSR.rtpproxy (written with ../case-kit.ts). The rows' core points
// rtpproxy_sock at a port where no relay listens (test/support/module-test-config.ts): -1, a log
// naming the relay, the message unchanged. Success paths are in test/media-relay/rtpproxy.test.ts.
import type { ConformanceCase } from '../cases.js';
import { c, I } from '../case-kit.js';
import { FIXTURES } from '../../support/sip-fixtures.js';

const unchanged = (fn: string, text = 'relay udp:127.0.0.1:1 does not respond') => ({
  host: { builtExact: FIXTURES.invite, log: { level: 'error' as const, text: `KSR.rtpproxy.${fn}: ${text}` } },
});
const NO_TO = "can't get To tag (an answer needs both tags)";

export const RTPPROXY_CASES: ConformanceCase[] = [
  c('rtpproxy.rtpproxy_manage0', [], I(-1), unchanged('rtpproxy_manage0')),
  c('rtpproxy.rtpproxy_manage', ['r'], I(-1), unchanged('rtpproxy_manage')),
  c('rtpproxy.rtpproxy_manage_ip', ['', '203.0.113.9'], I(-1), unchanged('rtpproxy_manage_ip')),
  c('rtpproxy.rtpproxy_manage0', [], I(-1), { method: 'OPTIONS', exempt: { test: 'test/media-relay/rtpproxy.test.ts', why: 'a method manage does not handle: -1 and nothing sent' } }),
  c('rtpproxy.set_rtpproxy_set', [0], I(1), { exempt: { test: 'test/media-relay/rtpproxy.test.ts', why: 'the set a message chose is seen only by the next command' } }),
  c('rtpproxy.set_rtpproxy_set', [4], I(-1), unchanged('set_rtpproxy_set', 'no rtpproxy set 4')),
  c('rtpproxy.rtpproxy_destroy0', [], I(-1), unchanged('rtpproxy_destroy0')),
  c('rtpproxy.rtpproxy_destroy', [''], I(-1), unchanged('rtpproxy_destroy')),
  c('rtpproxy.start_recording', [], I(-1), unchanged('start_recording')),
  c('rtpproxy.rtpproxy_offer0', [], I(-1), unchanged('rtpproxy_offer0')),
  c('rtpproxy.rtpproxy_offer', ['r'], I(-1), unchanged('rtpproxy_offer')),
  c('rtpproxy.rtpproxy_offer_ip', ['', '203.0.113.9'], I(-1), unchanged('rtpproxy_offer_ip')),
  c('rtpproxy.rtpproxy_answer0', [], I(-1), unchanged('rtpproxy_answer0', NO_TO)),
  c('rtpproxy.rtpproxy_answer', ['r'], I(-1), unchanged('rtpproxy_answer', NO_TO)),
  c('rtpproxy.rtpproxy_answer_ip', ['', '203.0.113.9'], I(-1), unchanged('rtpproxy_answer_ip', NO_TO)),
  c('rtpproxy.rtpproxy_stream2uac', ['welcome', 1], I(-1), unchanged('rtpproxy_stream2uac')),
  c('rtpproxy.rtpproxy_stream2uas', ['welcome', -1], I(-1), unchanged('rtpproxy_stream2uas')),
  c('rtpproxy.rtpproxy_stream2uas', ['two words', 1], I(-1), unchanged('rtpproxy_stream2uas', 'expected a prompt name without spaces')),
  c('rtpproxy.rtpproxy_stop_stream2uac', [], I(-1), unchanged('rtpproxy_stop_stream2uac')),
  c('rtpproxy.rtpproxy_stop_stream2uas', [], I(-1), unchanged('rtpproxy_stop_stream2uas')),
];

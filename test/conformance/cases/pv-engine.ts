// Conformance rows (written with ../case-kit.ts): pv-engine, issue 10 — Kamailio's common PVs,
// indexes and transformations through KSR.pv.*, the same in every runtime.
import type { ConformanceCase } from '../cases.js';
import { B, I, N, S, c, call, v } from '../case-kit.js';

const VIA1 = 'SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-inv-1';
const VIA2 = 'SIP/2.0/TCP 198.51.100.7:5060;branch=z9hG4bK-inv-0';

export const PV_ENGINE_CASES: ConformanceCase[] = [
  // PVs added by issue 10
  v('pv.get', ['$mt'], I(1)),
  v('pv.get', ['$mt'], I(2), { fixture: 'reply200', name: 'pv.get("$mt") of a reply' }),
  v('pv.get', ['$rv'], S('SIP/2.0')),
  v('pv.get', ['$cl'], I(134)),
  v('pv.get', ['$bs'], I(134)),
  v('pv.get', ['$cT'], S('application/sdp')),
  v('pv.get', ['$bF'], S('00000000')),
  v('pv.get', ['$ou'], S('sip:bob@example.com:5080;transport=udp')),
  v('pv.get', ['$oP'], S('udp')),
  v('pv.get', ['$ai'], N),
  v('pv.get', ['$Ts'], { type: 'int', min: 1 }),
  v('pv.gete', ['$dd'], S('')),
  v('pv.getw', ['$br'], S('<null>')),
  // indexes
  v('pv.get', ['$(hdr(Via)[1])'], S(VIA2)),
  v('pv.get', ['$(hdr(Via)[-1])'], S(VIA2)),
  v('pv.get', ['$(hdr(Via)[*])'], S(`${VIA1},${VIA2}`)),
  v('pv.get', ['$(avp(a)[*])'], S('2,one'), { setup: [call('pv.sets', '$avp(a)', 'one'), call('pv.seti', '$avp(a)', 2)] }),
  // transformations
  v('pv.get', ['$(ru{uri.user})'], S('bob')),
  v('pv.get', ['$(ru{uri.port})'], I(5080)),
  v('pv.get', ['$(ru{uri.param,transport})'], S('udp')),
  v('pv.get', ['$(hdr(Via){s.len})'], I(VIA1.length)),
  v('pv.get', ['$(fn{s.tolower}{s.len})'], I(13)),
  v('pv.get', ['$(fu{s.substr,4,5}{s.toupper})'], S('ALICE')),
  v('pv.get', ['$(ci{s.select,-1,@})'], S('192.0.2.10')),
  v('pv.get', ['$(fU{s.md5})'], S('6384e2b2184bcbf58eccf10ca7a6563c')),
  v('pv.get', ['$(hdr(From){tobody.tag})'], S('1928301774')),
  v('pv.get', ['$(hdr(From){nameaddr.name})'], S('"Alice Liddell" ')),
  v('pv.get', ['$(rb{line.count})'], S('7')),
  v('pv.get', ['$(rb{line.at,-1})'], S('a=rtpmap:0 PCMU/8000')),
  v('pv.get', ['$(hdr(Supported){param.count,x})'], I(1)),
  v('pv.get', ['$(ru{s.nosuch})'], N, { name: 'pv.get of a name that does not parse is null' }),
  v('pv.geti', ['$(cs{s.strip,3})'], I(159)),
  v('pv.is_null', ['$(tt{s.len})'], B(true)),
  // writes
  c('pv.seti', ['$mf', 5], B(true), { host: { pv: { $mf: 5, $mF: '00000005' } } }),
  c('pv.sets', ['$sf', '5'], B(false), { name: 'pv.sets("$sf", "5"): flags take ints only', host: { pv: { $sf: 0 } } }),
  c('pv.sets', ['$br', 'sip:b1@example.net'], B(true), { host: { pv: { $br: 'sip:b1@example.net', $bR: 'sip:b1@example.net' } } }),
  c('pv.sets', ['$(avp(a)[0])', 'new'], B(true), { setup: [call('pv.sets', '$avp(a)', 'old')], host: { pv: { '$(avp(a)[*])': 'new' } } }),
  c('pv.sets', ['$(fU{s.len})', 'x'], B(false), { name: 'pv.sets on a name with transformations is refused', host: { pv: { $fU: 'alice' } } }),
  c('pv.unset', ['$bf'], B(true), { setup: [call('pv.seti', '$bf', 3)], host: { pv: { $bf: 0 } } }),
  v('pv.get', ['$rc'], I(-1), { name: 'pv.get("$rc") after a KSR function returned -1', setup: [call('hdr.is_present', 'X-None')] }),
  v('pv.get', ['$retcode'], I(1), { name: 'pv.get("$retcode") after a KSR function returned 1', setup: [call('hdr.is_present', 'Via')] }),
];

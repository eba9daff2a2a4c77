// Conformance rows of KSR.textops (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';
import { FIXTURES } from '../../support/sip-fixtures.js';
import { c, I, v } from '../case-kit.js';

const INV = FIXTURES.invite;
const OPT = FIXTURES.options;
/** The INVITE with one text replaced (first occurrence), Content-Length fixed for a body change. */
const inv = (...pairs: Array<[string, string]>): string => pairs.reduce((m, [a, b]) => m.replace(a, b), INV as string);
const SDP = INV.slice(INV.indexOf('\r\n\r\n') + 4);
const withBody = (msg: string, type: string | null, body: string): string => {
  const head = msg.slice(0, msg.indexOf('\r\n\r\n') + 2).replace(/Content-Length: \d+\r\n/, `Content-Length: ${Buffer.byteLength(body)}\r\n`);
  // the same type stays where it was; another one is a new line after the last header (Kamailio)
  if (type === null || head.includes(`Content-Type: ${type}\r\n`)) return `${head}\r\n${body}`;
  return `${head.replace(/Content-Type: [^\r]*\r\n/, '')}Content-Type: ${type}\r\n\r\n${body}`;
};
const MP = 'multipart/mixed;boundary="unique-boundary-1"';

export const TEXTOPS_CASES: ConformanceCase[] = [
  // searches: value only
  v('textops.search', ['^INVITE sip:bob'], I(1)),
  v('textops.search', ['^x-none:'], I(-1)),
  v('textops.search', ['(a)\\1'], I(-1), { name: 'textops.search with a back-reference is refused' }),
  v('textops.search_body', ['m=AUDIO'], I(1)),
  v('textops.search_body', ['m=audio'], I(-1), { fixture: 'options', name: 'textops.search_body without a body' }),
  v('textops.search_hf', ['Via', 'tcp', 'l'], I(1)),
  v('textops.search_hf', ['Via', 'tcp', 'f'], I(-1)),
  v('textops.is_present_hf', ['record-route'], I(1)),
  v('textops.is_present_hf', ['X-None'], I(-1)),
  v('textops.is_present_hf_re', ['^record-'], I(1)),
  v('textops.search_str', ['Hello World', 'WORLD$'], I(1)),
  v('textops.cmp_str', ['abc', 'abc'], I(1)),
  v('textops.cmp_str', ['abc', 'ABC'], I(-1)),
  v('textops.cmp_istr', ['abc', 'ABC'], I(1)),
  v('textops.starts_with', ['sip:alice', 'sip:'], I(1)),
  v('textops.ends_with', ['sip:alice', 'ice'], I(1)),
  v('textops.ends_with', ['sip:alice', 'bob'], I(-1)),
  v('textops.str_find', ['kamailio', 'mai'], I(2)),
  v('textops.str_ifind', ['kamailio', 'MAI'], I(2)),
  v('textops.str_find', ['kamailio', 'x'], I(-1)),
  v('textops.str_any_in', ['abc', 'xyc'], I(1)),
  v('textops.str_all_in', ['12a', '0123456789'], I(-1)),
  v('textops.str_all_in', ['123', '0123456789'], I(1)),
  v('textops.in_list', ['b', 'a, b ,c', ','], I(1)),
  v('textops.in_list', ['d', 'a,b,c', ','], I(-1)),
  v('textops.in_list_prefix', ['+4930123', '+49,+33', ','], I(1)),
  v('textops.has_body', [], I(1)),
  v('textops.has_body', [], I(-1), { fixture: 'options' }),
  v('textops.has_body_type', ['application/sdp'], I(1)),
  v('textops.has_body_type', ['text/plain'], I(-1)),
  v('textops.is_privacy', ['id'], I(1), { edit: ['Supported:', 'Privacy: id;header\r\nSupported:'] }),
  v('textops.is_privacy', ['user'], I(-1), { edit: ['Supported:', 'Privacy: id;header\r\nSupported:'] }),
  v('textops.is_audio_on_hold', [], I(-1)),
  v('textops.is_audio_on_hold', [], I(2), { edit: ['a=rtpmap:0 PCMU/8000\r\n', 'a=sendonly\r\na=x:1234\r\n'], name: 'textops.is_audio_on_hold() sendonly' }),
  v('textops.is_audio_on_hold', [], I(1), { edit: ['c=IN IP4 192.0.2.10\r\nt=0', 'c=IN IP4 0.0.0.0/12\r\nt=0'], name: 'textops.is_audio_on_hold() c=0.0.0.0' }),

  // writes, byte for byte
  c('textops.search_append', ['^max-forwards: 10', ' ;x'], I(1), { host: { builtExact: inv(['Max-Forwards: 10', 'Max-Forwards: 10 ;x']) } }),
  c('textops.search_append_body', ['s=-', 'x'], I(1), { host: { builtExact: withBody(INV, 'application/sdp', SDP.replace('s=-', 's=-x')) } }),
  c('textops.replace', ['bob', 'carol'], I(1), { host: { builtExact: inv(['To: Bob', 'To: carol']) } }),
  c('textops.replace_all', ['example\\.com', 'example.org'], I(1), { host: { builtExact: inv(['<sip:bob@example.com>', '<sip:bob@example.org>'], ['p1.example.com', 'p1.example.org'], ['p2.example.com', 'p2.example.org']) } }),
  c('textops.replace_all', ['x-none', 'y'], I(-1), { host: { builtExact: INV } }),
  c('textops.replace_body', ['192\\.0\\.2\\.10', '10.0.0.1'], I(1), { host: { builtExact: withBody(INV, 'application/sdp', SDP.replace('192.0.2.10', '10.0.0.1')) } }),
  c('textops.replace_body_all', ['192\\.0\\.2\\.10', '10.0.0.1'], I(1), { host: { builtExact: withBody(INV, 'application/sdp', SDP.replaceAll('192.0.2.10', '10.0.0.1')) } }),
  c('textops.replace_body_atonce', ['192\\.0\\.2\\.10', '10.0.0.1'], I(1), { host: { builtExact: withBody(INV, 'application/sdp', SDP.replaceAll('192.0.2.10', '10.0.0.1')) } }),
  c('textops.replace_hdrs', ['p[12]\\.example', 'px.example'], I(1), { host: { builtExact: inv(['p1.example', 'px.example'], ['p2.example', 'px.example']) } }),
  c('textops.replace_str', ['alice', 'ALICE', 'f'], I(1), { host: { builtExact: inv(['sip:alice@localhost', 'sip:ALICE@localhost']) } }),
  c('textops.replace_body_str', ['PCMU', 'PCMA', 'a'], I(1), { host: { builtExact: withBody(INV, 'application/sdp', SDP.replace('PCMU', 'PCMA')) } }),
  c('textops.replace_hdrs_str', ['lr>', 'lr;x>', 'a'], I(1), { host: { builtExact: inv(['p1.example.com;lr>', 'p1.example.com;lr;x>'], ['p2.example.com;lr>', 'p2.example.com;lr;x>']) } }),
  c('textops.subst', ['/(p[0-9])\\.example/\\1.test/g'], I(1), { host: { builtExact: inv(['p1.example', 'p1.test'], ['p2.example', 'p2.test']) } }),
  c('textops.subst_body', ['/^s=-/s=$fU/'], I(1), { host: { builtExact: withBody(INV, 'application/sdp', SDP.replace('s=-', 's=alice')) } }),
  c('textops.subst_uri', ['/^sip:bob@/sip:carol@/'], I(1), { host: { ruri: 'sip:carol@example.com:5080;transport=udp' } }),
  c('textops.subst_user', ['/^b(.*)$/r\\1/'], I(1), { host: { ruri: 'sip:rob@example.com:5080;transport=udp' } }),
  c('textops.subst_hf', ['Record-Route', '/lr/lr;r2=on/', 'l'], I(1), { host: { builtExact: inv(['p2.example.com;lr', 'p2.example.com;lr;r2=on']) } }),
  c('textops.subst_v', ['alice@localhost', '/@.*$/@example.net/', '$var(out)'], I(1), { host: { pv: { '$var(out)': 'alice@example.net' } } }),
  c('textops.regex_substring', ['sip:bob@example.com', 'sip:([a-z]+)@', 1, 2, '$var(u)'], I(1), { host: { pv: { '$var(u)': 'bob' } } }),
  c('textops.remove_hf', ['Record-Route'], I(1), { host: { builtExact: inv(['Record-Route: <sip:p1.example.com;lr>\r\n', ''], ['Record-Route: <sip:p2.example.com;lr>\r\n', '']) } }),
  c('textops.remove_hf', ['X-None'], I(-1), { host: { builtExact: INV } }),
  c('textops.remove_hf_re', ['^record'], I(1), { host: { builtExact: inv(['Record-Route: <sip:p1.example.com;lr>\r\n', ''], ['Record-Route: <sip:p2.example.com;lr>\r\n', '']) } }),
  c('textops.remove_hf_idx', ['Via', -1], I(1), { host: { builtExact: inv(['Via: SIP/2.0/TCP 198.51.100.7:5060;branch=z9hG4bK-inv-0\r\n', '']) } }),
  c('textops.remove_hf_exp', ['^(record-route|supported)$', '^supported$'], I(1), { host: { builtExact: inv(['Record-Route: <sip:p1.example.com;lr>\r\n', ''], ['Record-Route: <sip:p2.example.com;lr>\r\n', '']) } }),
  c('textops.remove_hf_match', ['Record-Route', 'in', 'p2.'], I(1), { host: { builtExact: inv(['Record-Route: <sip:p2.example.com;lr>\r\n', '']) } }),
  c('textops.set_body', ['hello', 'text/plain'], I(1), { host: { builtExact: withBody(INV, 'text/plain', 'hello') } }),
  c('textops.set_body', ['', 'text/plain'], I(-1), { host: { builtExact: INV } }),
  c('textops.set_body_hex', ['68656c6c6f', 'text/plain'], I(1), { host: { builtExact: withBody(INV, 'text/plain', 'hello') } }),
  c('textops.set_body_hex', ['6g', 'text/plain'], I(-1), { host: { builtExact: INV } }),
  c('textops.set_reply_body', ['busy', 'text/plain'], I(1), { setup: [], host: { fields: { replyBody: { body: { type: 'Buffer', data: [98, 117, 115, 121] }, contentType: 'text/plain' } } } }),
  c('textops.set_reply_body_hex', ['62757379', 'text/plain'], I(1), { host: { fields: { replyBody: { body: { type: 'Buffer', data: [98, 117, 115, 121] }, contentType: 'text/plain' } } } }),
  c('textops.set_body_multipart_mode', [], I(1), { host: { builtExact: withBody(INV, MP, `--unique-boundary-1\r\nContent-Type: application/sdp\r\n\r\n${SDP}\r\n--unique-boundary-1--\r\n`).replace('\r\n\r\n', '\r\nMime-Version: 1.0\r\n\r\n') } }),
  c('textops.set_body_multipart_boundary', ['b1'], I(1), { host: { builtExact: withBody(INV, 'multipart/mixed;boundary="b1"', `--b1\r\nContent-Type: application/sdp\r\n\r\n${SDP}\r\n--b1--\r\n`).replace('\r\n\r\n', '\r\nMime-Version: 1.0\r\n\r\n') } }),
  c('textops.set_body_multipart_content', ['hi', 'text/plain'], I(1), { host: { builtExact: withBody(INV, MP, '--unique-boundary-1\r\nContent-Type: text/plain\r\n\r\nhi\r\n--unique-boundary-1--\r\n').replace('\r\n\r\n', '\r\nMime-Version: 1.0\r\n\r\n') } }),
  c('textops.set_body_multipart', ['hi', 'text/plain', 'b2'], I(1), { host: { builtExact: withBody(INV, 'multipart/mixed;boundary="b2"', '--b2\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b2--\r\n').replace('\r\n\r\n', '\r\nMime-Version: 1.0\r\n\r\n') } }),
  ...appendRows(),
  c('textops.append_body_part', ['x', 'text/plain'], I(-1), { name: 'textops.append_body_part on a body that is not multipart', host: { builtExact: INV } }),
  c('textops.remove_body_part', ['text/plain'], I(1), { setup: [{ path: 'textops.set_body_multipart', args: ['hi', 'text/plain', 'b'] }, { path: 'textops.append_body_part', args: ['x', 'text/x'] }], host: { builtExact: withBody(INV, 'multipart/mixed;boundary="b"', '--b\r\nContent-Type: text/x\r\n\r\nx\r\n--b--\r\n').replace('\r\n\r\n', '\r\nMime-Version: 1.0\r\n\r\n') } }),
  c('textops.remove_body_part', ['text/plain'], I(-1), { host: { builtExact: INV } }),
  c('textops.get_body_part', ['application/sdp', '$var(b)'], I(1), { host: { pv: { '$var(b)': SDP } } }),
  c('textops.get_body_part_raw', ['application/sdp', '$var(b)'], I(1), { host: { pv: { '$var(b)': SDP } } }),
  c('textops.filter_body', ['application/sdp'], I(-1), { host: { builtExact: INV } }),
  c('textops.set_body_multipart_mode', [], I(1), { fixture: 'options', name: 'textops.set_body_multipart_mode() without a body', host: { builtExact: OPT.replace('\r\n\r\n', '\r\nContent-Type: multipart/mixed;boundary="unique-boundary-1"\r\nMime-Version: 1.0\r\n\r\n') } }),
];

/** append_body_part and its variants, each after set_body_multipart_content("hi", "text/plain"). */
function appendRows(): ConformanceCase[] {
  const setup = [{ path: 'textops.set_body_multipart_content', args: ['hi', 'text/plain'] as Array<string | number> }];
  const expect = (part: string) =>
    withBody(INV, MP, `--unique-boundary-1\r\nContent-Type: text/plain\r\n\r\nhi\r\n--unique-boundary-1\r\n${part}\r\n--unique-boundary-1--\r\n`).replace('\r\n\r\n', '\r\nMime-Version: 1.0\r\n\r\n');
  return [
    c('textops.append_body_part', ['abc', 'text/x'], I(1), { setup, host: { builtExact: expect('Content-Type: text/x\r\n\r\nabc') } }),
    c('textops.append_body_part_cd', ['abc', 'text/x', 'signal;handling=optional'], I(1), { setup, host: { builtExact: expect('Content-Type: text/x\r\nContent-Disposition: signal;handling=optional\r\n\r\nabc') } }),
    c('textops.append_body_part_hex', ['616263', 'text/x'], I(1), { setup, host: { builtExact: expect('Content-Type: text/x\r\n\r\nabc') } }),
    c('textops.append_body_part_hex_cd', ['616263', 'text/x', 'session'], I(1), { setup, host: { builtExact: expect('Content-Type: text/x\r\nContent-Disposition: session\r\n\r\nabc') } }),
  ];
}

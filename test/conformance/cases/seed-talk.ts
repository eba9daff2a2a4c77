// The seed talk's examples ("KEMI Scripting — Full Control Of SIP Message Content",
// ../shared/seed/000_21fce87f5e467756.txt), each on the talk's INVITE (FIXTURES.seed), with
// the message a Kamailio user expects, byte for byte: reads give the talk's values, writes
// are stated as the whole message as it would leave (lumps applied, Content-Length fixed) or,
// after msg_apply_changes/msg_set_buffer, as the message the script then sees. The examples
// whose literal arguments match nothing in this INVITE ("alice", "X-My-Hdr") are given
// arguments that do, so that each shows its effect. The iterator examples are loops, written
// per language in test/conformance/seed-iterators.test.ts.
import type { ConformanceCase } from '../cases.js';
import { FIXTURES } from '../../support/sip-fixtures.js';
import { B, c, call, I, N, S, v } from '../case-kit.js';

const SEED: string = FIXTURES.seed;
const HEAD = SEED.slice(0, SEED.indexOf('\r\n\r\n') + 2);
const BODY = SEED.slice(SEED.indexOf('\r\n\r\n') + 4);

/** SEED with each [from, to] replaced once (from must occur), Content-Length made true. */
function edited(...pairs: Array<[string, string]>): string {
  let text = SEED;
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`seed-talk: ${JSON.stringify(from)} is not in the message`);
    text = text.replace(from, to);
  }
  return withTrueLength(text);
}

/** The message with its Content-Length made true to its body. */
export function withTrueLength(text: string): string {
  const at = text.indexOf('\r\n\r\n');
  const body = text.slice(at + 4);
  return text.slice(0, at + 4).replace(/Content-Length: \d+/, `Content-Length: ${Buffer.byteLength(body)}`) + body;
}

/** The seed with a header line inserted before the line starting with `before` ('' = before the blank line). */
function withLine(line: string, before: string): string {
  if (before === '') return SEED.replace('\r\n\r\n', `\r\n${line}\r\n\r\n`);
  return edited([`\r\n${before}`, `\r\n${line}\r\n${before}`]);
}

/** The seed with `count` bytes at `offset` replaced by `text` (offsets of this ASCII message are bytes). */
function at(offset: number, count: number, text: string): string {
  return SEED.slice(0, offset) + text + SEED.slice(offset + count);
}

/** The seed's body as the first part of textops' multipart/mixed body, then `parts`. */
function multipart(parts: Array<[string, string]>): string {
  const B = '--unique-boundary-1';
  const head = HEAD.replace('Content-Type: application/sdp\r\n', '') + 'Content-Type: multipart/mixed;boundary="unique-boundary-1"\r\nMime-Version: 1.0\r\n';
  let body = `${B}\r\nContent-Type: application/sdp\r\n\r\n${BODY}\r\n`;
  for (const [type, text] of parts) body += `${B}\r\nContent-Type: ${type}\r\n\r\n${text}\r\n`;
  return withTrueLength(`${head}\r\n${body}${B}--\r\n`);
}

const seed = { fixture: 'seed' as const };
const MY_HDR = 'X-My-Hdr: 192.0.2.10';

export const SEED_TALK_CASES: ConformanceCase[] = [
  // KSR functions exported from core: method checks, R-URI and destination URI
  v('is_method', ['INVITE'], B(true), { ...seed, name: 'seed talk: KSR.is_method("INVITE")' }),
  v('is_INVITE', [], B(true), { ...seed, name: 'seed talk: KSR.is_INVITE()' }),
  v('is_method_in', ['IABC'], B(true), { ...seed, name: 'seed talk: KSR.is_method_in("IABC")' }),
  v('is_GET', [], B(false), { ...seed, name: 'seed talk: KSR.is_GET()' }),
  v('is_KDMQ', [], B(false), { ...seed, name: 'seed talk: KSR.is_KDMQ()' }),
  c('seturi', ['sip:alice@voip.com'], B(true), { ...seed, name: 'seed talk: KSR.seturi', host: { ruri: 'sip:alice@voip.com' } }),
  c('setuser', ['alice'], B(true), { ...seed, name: 'seed talk: KSR.setuser', host: { ruri: 'sip:alice@asipto.lab;user=phone' } }),
  c('sethost', ['voip.com'], B(true), { ...seed, name: 'seed talk: KSR.sethost', host: { ruri: 'sip:1002@voip.com;user=phone' } }),
  c('setdsturi', ['sip:voip.com:5061;transport=tls'], B(true), { ...seed, name: 'seed talk: KSR.setdsturi', host: { dstUri: 'sip:voip.com:5061;transport=tls' } }),

  // KSR.pv
  v('pv.get', ['$ru'], S('sip:1002@asipto.lab;user=phone'), { ...seed, name: 'seed talk: KSR.pv.get("$ru")' }),
  v('pv.gete', ['$avp(x)'], S(''), { ...seed, name: 'seed talk: KSR.pv.gete("$avp(x)")' }),
  v('pv.getvn', ['$avp(x)', 0], I(0), { ...seed, name: 'seed talk: KSR.pv.getvn("$avp(x)", 0)' }),
  v('pv.getvs', ['$avp(x)', 'foo'], S('foo'), { ...seed, name: 'seed talk: KSR.pv.getvs("$avp(x)", "foo")' }),
  v('pv.getw', ['$avp(x)'], S('<null>'), { ...seed, name: 'seed talk: KSR.pv.getw("$avp(x)")' }),
  v('pv.get', ['$var(x)'], I(10), { ...seed, name: 'seed talk: KSR.pv.seti("$var(x)", 10)', setup: [call('pv.seti', '$var(x)', 10)] }),
  c('pv.sets', ['$rU', 'alice'], B(true), { ...seed, name: 'seed talk: KSR.pv.sets("$rU", "alice")', host: { ruri: 'sip:alice@asipto.lab;user=phone' } }),
  v('pv.is_null', ['$rU'], B(false), { ...seed, name: 'seed talk: KSR.pv.is_null("$rU")' }),
  c('pv.unset', ['$du'], B(true), { ...seed, name: 'seed talk: KSR.pv.unset("$du")', setup: [call('setdsturi', 'sip:voip.com')], host: { dstUri: null } }),

  // KSR.hdr
  v('hdr.is_present', ['X-My-Hdr'], I(-1), { ...seed, name: 'seed talk: KSR.hdr.is_present("X-My-Hdr")' }),
  c('hdr.append_to_reply', [`${MY_HDR}\r\n`], I(1), { ...seed, name: 'seed talk: KSR.hdr.append_to_reply', host: { replyLumps: [`${MY_HDR}\r\n`], builtExact: SEED } }),
  c('hdr.append', [`${MY_HDR}\r\n`], I(1), { ...seed, name: 'seed talk: KSR.hdr.append', host: { builtExact: withLine(MY_HDR, '') } }),
  c('hdr.append_after', [`${MY_HDR}\r\n`, 'Call-Id'], I(1), { ...seed, name: 'seed talk: KSR.hdr.append_after', host: { builtExact: withLine(MY_HDR, 'CSeq:') } }),
  c('hdr.insert', [`${MY_HDR}\r\n`], I(1), { ...seed, name: 'seed talk: KSR.hdr.insert', host: { builtExact: withLine(MY_HDR, 'Via:') } }),
  c('hdr.insert_before', [`${MY_HDR}\r\n`, 'Call-Id'], I(1), { ...seed, name: 'seed talk: KSR.hdr.insert_before', host: { builtExact: withLine(MY_HDR, 'Call-ID:') } }),
  c('hdr.remove', ['User-Agent'], I(1), { ...seed, name: 'seed talk: KSR.hdr.remove', host: { builtExact: edited(['User-Agent: snom370/8.7.5.35\r\n', '']) } }),
  c('hdr.rmappend', ['X-My-Hdr', 'X-My-Hdr: abc\r\n'], I(1), { ...seed, name: 'seed talk: KSR.hdr.rmappend', host: { builtExact: withLine('X-My-Hdr: abc', '') } }),
  v('hdr.get', ['User-Agent'], S('snom370/8.7.5.35'), { ...seed, name: 'seed talk: KSR.hdr.get' }),
  v('hdr.get_idx', ['Via', 1], N, { ...seed, name: 'seed talk: KSR.hdr.get_idx (one Via)' }),
  v('hdr.match_content', ['User-Agent', 'in', 'snom', 'o'], B(true), { ...seed, name: 'seed talk: KSR.hdr.match_content' }),

  // KSR.kx
  v('kx.get_ua', [], S('snom370/8.7.5.35'), { ...seed, name: 'seed talk: KSR.kx.get_ua' }),
  v('kx.get_body', [], S(BODY), { ...seed, name: 'seed talk: KSR.kx.get_body' }),
  v('kx.get_bodylen', [], I(Buffer.byteLength(BODY)), { ...seed, name: 'seed talk: KSR.kx.get_bodylen' }),
  v('kx.get_msgbuf', [], S(SEED), { ...seed, name: 'seed talk: KSR.kx.get_msgbuf' }),
  v('kx.get_msglen', [], I(Buffer.byteLength(SEED)), { ...seed, name: 'seed talk: KSR.kx.get_msglen' }),
  v('kx.get_callid', [], S('313534373435383130393132333431-3xurg8bzzlop'), { ...seed, name: 'seed talk: KSR.kx.get_callid' }),
  v('kx.get_srcip', [], S('192.0.2.10'), { ...seed, name: 'seed talk: KSR.kx.get_srcip' }),

  // KSR.textops: from the second line on (Kamailio's replace and search_append leave the first line alone)
  c('textops.replace', ['1001', 'carol'], I(1), { ...seed, name: 'seed talk: KSR.textops.replace', host: { builtExact: edited(['From: "1001"', 'From: "carol"']) } }),
  c('textops.replace_all', ['1001', 'carol'], I(1), {
    ...seed,
    name: 'seed talk: KSR.textops.replace_all',
    host: {
      builtExact: edited(
        ['From: "1001" <sip:1001@', 'From: "carol" <sip:carol@'],
        ['Contact: <sip:1001@', 'Contact: <sip:carol@'],
        ['o=root 904410018 904410018', 'o=root 9044carol8 9044carol8'],
      ),
    },
  }),
  c('textops.replace_hdrs', ['1001', 'carol'], I(1), {
    ...seed,
    name: 'seed talk: KSR.textops.replace_hdrs',
    host: { builtExact: edited(['From: "1001" <sip:1001@', 'From: "carol" <sip:carol@'], ['Contact: <sip:1001@', 'Contact: <sip:carol@']) },
  }),
  c('textops.replace_body', ['PCMU', 'pcmu'], I(1), { ...seed, name: 'seed talk: KSR.textops.replace_body', host: { builtExact: edited(['0 PCMU/8000', '0 pcmu/8000']) } }),
  c('textops.replace_body_str', ['8000', '16000', 'a'], I(1), {
    ...seed,
    name: 'seed talk: KSR.textops.replace_body_str',
    host: { builtExact: withTrueLength(HEAD + '\r\n' + BODY.split('8000').join('16000')) },
  }),
  c('textops.search_append', ['sip:1001@asipto.lab', ';transport=udp'], I(1), {
    ...seed,
    name: 'seed talk: KSR.textops.search_append',
    host: { builtExact: edited(['<sip:1001@asipto.lab>', '<sip:1001@asipto.lab;transport=udp>']) },
  }),
  c('textops.subst_uri', ['/1002/carol/'], I(1), { ...seed, name: 'seed talk: KSR.textops.subst_uri', host: { ruri: 'sip:carol@asipto.lab;user=phone' } }),
  c('textops.subst', ['/^o=(.*) /o=$fU /'], I(1), {
    ...seed,
    name: 'seed talk: KSR.textops.subst',
    host: { builtExact: edited(['o=root 904410018 904410018 IN IP4 192.168.178.62', 'o=1001 192.168.178.62']) },
  }),
  c('textops.subst_body', ['/^o=(.*) /o=$fU /'], I(1), {
    ...seed,
    name: 'seed talk: KSR.textops.subst_body',
    host: { builtExact: edited(['o=root 904410018 904410018 IN IP4 192.168.178.62', 'o=1001 192.168.178.62']) },
  }),
  c('textops.subst_hf', ['From', '/1001/carol/', 'f'], I(1), { ...seed, name: 'seed talk: KSR.textops.subst_hf', host: { builtExact: edited(['From: "1001"', 'From: "carol"']) } }),
  v('textops.has_body', [], I(1), { ...seed, name: 'seed talk: KSR.textops.has_body' }),
  c('textops.remove_hf_match', ['User-Agent', 'in', 'snom'], I(1), { ...seed, name: 'seed talk: KSR.textops.remove_hf_match', host: { builtExact: edited(['User-Agent: snom370/8.7.5.35\r\n', '']) } }),
  // textops.c: the old body and Content-Type go, the new Content-Type goes last among the headers
  c('textops.set_body', ['Hello!', 'text/plain'], I(1), {
    ...seed,
    name: 'seed talk: KSR.textops.set_body',
    host: { builtExact: withTrueLength(HEAD.replace('Content-Type: application/sdp\r\n', '') + 'Content-Type: text/plain\r\n\r\nHello!') },
  }),
  // a body that is not multipart has nothing to filter (textops.c: -1, "body not multipart")
  c('textops.filter_body', ['application/sdp'], I(-1), { ...seed, name: 'seed talk: KSR.textops.filter_body (not multipart)', host: { builtExact: SEED } }),
  // the body becomes the first part of a multipart/mixed body with textops' default boundary
  // and Mime-Version is added; each part ends with CRLF before the next delimiter and the
  // body with the closing delimiter and CRLF (RFC 2046; Kamailio's core fixes the closing
  // delimiter when it sends, msg_translator's check_boundaries)
  c('textops.set_body_multipart_mode', [], I(1), { ...seed, name: 'seed talk: KSR.textops.set_body_multipart_mode', host: { builtExact: multipart([]) } }),
  c('textops.append_body_part', ['Hello!', 'text/plain'], I(1), {
    ...seed,
    name: 'seed talk: KSR.textops.append_body_part',
    setup: [call('textops.set_body_multipart_mode')],
    host: { builtExact: multipart([['text/plain', 'Hello!']]) },
  }),

  // KSR.textopsx
  c('textopsx.remove_body', [], I(1), { ...seed, name: 'seed talk: KSR.textopsx.remove_body', host: { builtExact: withTrueLength(HEAD + '\r\n') } }),
  c('textopsx.assign_hf_value', ['User-Agent', 'udp'], I(1), { ...seed, name: 'seed talk: KSR.textopsx.assign_hf_value', host: { builtExact: edited(['User-Agent: snom370/8.7.5.35', 'User-Agent: udp']) } }),
  // without an index, append_hf_value adds a header of that name after the last header
  c('textopsx.append_hf_value', ['User-Agent', 'tls'], I(1), { ...seed, name: 'seed talk: KSR.textopsx.append_hf_value', host: { builtExact: withLine('User-Agent: tls', '') } }),
  c('textopsx.remove_hf_value', ['Contact.reg-id'], I(1), { ...seed, name: 'seed talk: KSR.textopsx.remove_hf_value', host: { builtExact: edited([';line=vuw36p4a>;reg-id=1', ';line=vuw36p4a>']) } }),
  c('textopsx.include_hf_value', ['Supported', 'path'], I(1), { ...seed, name: 'seed talk: KSR.textopsx.include_hf_value', host: { builtExact: withLine('Supported: path', '') } }),
  c('textopsx.exclude_hf_value', ['Supported', '100rel'], I(1), { ...seed, name: 'seed talk: KSR.textopsx.exclude_hf_value (no such header)', host: { builtExact: SEED } }),
  // every header of this INVITE is one keep_hf always keeps, or User-Agent
  c('textopsx.keep_hf_re', ['User[-]Agent'], I(-1), { ...seed, name: 'seed talk: KSR.textopsx.keep_hf_re', host: { builtExact: SEED } }),
  c('textopsx.msg_apply_changes', [], I(1), {
    ...seed,
    name: 'seed talk: KSR.textopsx.msg_apply_changes (after KSR.hdr.append)',
    setup: [call('hdr.append', `${MY_HDR}\r\n`)],
    host: { message: withLine(MY_HDR, ''), builtExact: withLine(MY_HDR, '') },
  }),
  c('textopsx.msg_set_buffer', [SEED.toUpperCase()], I(1), {
    ...seed,
    name: 'seed talk: KSR.textopsx.msg_set_buffer (the message upper-cased)',
    host: { message: SEED.toUpperCase() },
  }),

  // KSR.posops: positions in the current buffer; 100 is inside the Via branch
  v('posops.pos_headers_start', [], I(SEED.indexOf('\r\n') + 2), { ...seed, name: 'seed talk: KSR.posops.pos_headers_start' }),
  v('posops.pos_headers_end', [], I(SEED.indexOf('\r\n\r\n') + 2), { ...seed, name: 'seed talk: KSR.posops.pos_headers_end' }),
  v('posops.pos_body_start', [], I(SEED.indexOf('\r\n\r\n') + 4), { ...seed, name: 'seed talk: KSR.posops.pos_body_start' }),
  v('posops.pos_body_end', [], I(Buffer.byteLength(SEED)), { ...seed, name: 'seed talk: KSR.posops.pos_body_end' }),
  c('posops.pos_insert', [100, '1.2.3.4'], I(1), { ...seed, name: 'seed talk: KSR.posops.pos_insert', host: { builtExact: at(100, 0, '1.2.3.4') } }),
  // posops.c: append and insert anchor at the same offset (after / before other edits there)
  c('posops.pos_append', [100, '1.2.3.4'], I(1), { ...seed, name: 'seed talk: KSR.posops.pos_append', host: { builtExact: at(100, 0, '1.2.3.4') } }),
  c('posops.pos_rm', [100, 10], I(1), { ...seed, name: 'seed talk: KSR.posops.pos_rm', host: { builtExact: at(100, 10, '') } }),
  c('posops.pos_set_char', [100, 'X'], I(1), { ...seed, name: 'seed talk: KSR.posops.pos_set_char', host: { message: at(100, 1, 'X') } }),
  v('posops.pos_find_str', [100, 'asipto'], I(SEED.indexOf('asipto', 100)), { ...seed, name: 'seed talk: KSR.posops.pos_find_str' }),
  v('posops.pos_findi_str', [100, 'ASIPTO'], I(SEED.indexOf('asipto', 100)), { ...seed, name: 'seed talk: KSR.posops.pos_findi_str' }),
  v('posops.pos_rfind_str', [100, 'asipto'], I(SEED.lastIndexOf('asipto', 100 + SEED.length)), { ...seed, name: 'seed talk: KSR.posops.pos_rfind_str' }),
];

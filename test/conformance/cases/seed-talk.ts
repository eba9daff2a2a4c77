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

function withTrueLength(text: string): string {
  const at = text.indexOf('\r\n\r\n');
  const body = text.slice(at + 4);
  return text.slice(0, at + 4).replace(/Content-Length: \d+/, `Content-Length: ${Buffer.byteLength(body)}`) + body;
}

/** The seed with a header line inserted before the line starting with `before` ('' = before the blank line). */
function withLine(line: string, before: string): string {
  if (before === '') return SEED.replace('\r\n\r\n', `\r\n${line}\r\n\r\n`);
  return edited([`\r\n${before}`, `\r\n${line}\r\n${before}`]);
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

  // KSR.textopsx
  c('textopsx.remove_body', [], I(1), { ...seed, name: 'seed talk: KSR.textopsx.remove_body', host: { builtExact: withTrueLength(HEAD + '\r\n') } }),
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
];

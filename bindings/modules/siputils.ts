// KSR.siputils.*: the message and URI tests a proxy needs, and Kamailio's Contact encodings
// (host/siputils).
import { defineModule } from '../registry.js';
import { compareAors, compareUris, isUri, sameHeaderName } from '../../host/siputils/uri-compare.js';
import { addRuriParam, removeRuriParam, ruriHasParam } from '../../host/siputils/uri-params.js';
import { isAlphanum, isNumeric, isTelNumber } from '../../host/siputils/text-checks.js';
import {
  dateHeaderFresh, gruuKind, hasToTag, isFirstHop, isUser, parseAllHeaders,
} from '../../host/siputils/message-checks.js';
import { optionsReply } from '../../host/siputils/options-reply.js';
import { decodeContactHeader, decodeContactRuri, encodeContact } from '../../host/siputils/contact-encoding.js';
import {
  decodeContactParam, decodeRuriParam, encodeContactParam, hasContactParam, removeContactParam,
} from '../../host/siputils/contact-param.js';
import { decl, intOf } from './decl.js';

const firstHop = decl('', 'int', (ctx) => intOf(isFirstHop(ctx)));

export const siputilsModule = defineModule('siputils', {
  // answered in the guest from the message as received (the `request` and `totag` facts).
  // The engine parses a request's To on receipt (checkRequestHeaders), so its tag is free; a
  // reply's To is not parsed then (~2-5 µs): its `totag` is unknown and the host answers
  has_totag: { ...decl('', 'int', (ctx) => intOf(hasToTag(ctx))), answer: { fact: 'totag', test: 'is', value: '1' } },
  is_request: { ...decl('', 'int', (ctx) => intOf(ctx.msg.isRequest)), answer: { fact: 'request', test: 'is', value: '1' } },
  is_reply: { ...decl('', 'int', (ctx) => intOf(!ctx.msg.isRequest)), answer: { fact: 'request', test: 'is', value: '' } },
  // every message here is SIP: there is no HTTP transport
  is_sip: decl('', 'int', () => 1),
  is_http: decl('', 'int', () => -1),
  is_first_hop: firstHop,
  is_first_hop_mode: decl('int', 'int', (ctx, mode: number) => intOf(isFirstHop(ctx, mode))),
  is_uri: decl('str', 'int', (_ctx, text: string) => intOf(isUri(text))),
  is_user: decl('str', 'int', (ctx, user: string) => intOf(isUser(ctx, user))),
  uri_param: decl('str', 'int', (ctx, name: string) => intOf(ruriHasParam(ctx, name, null))),
  uri_param_value: decl('str, str', 'int', (ctx, name: string, value: string) => intOf(ruriHasParam(ctx, name, value))),
  uri_param_any: decl('str', 'int', (ctx, name: string) => intOf(ruriHasParam(ctx, name, 'any'))),
  uri_param_rm: decl('str', 'int', (ctx, name: string) => intOf(removeRuriParam(ctx, name))),
  add_uri_param: decl('str', 'int', (ctx, param: string) => intOf(addRuriParam(ctx, param))),
  is_tel_number: decl('str', 'int', (_ctx, s: string) => intOf(isTelNumber(s))),
  is_numeric: decl('str', 'int', (_ctx, s: string) => intOf(isNumeric(s))),
  is_alphanum: decl('str', 'int', (_ctx, s: string) => intOf(isAlphanum(s))),
  is_alphanumex: decl('str, str', 'int', (_ctx, s: string, extra: string) => intOf(isAlphanum(s, extra))),
  options_reply: decl('', 'int', (ctx) => optionsReply(ctx)),
  hdr_date_check: decl('int', 'int', (ctx, tdiff: number) => intOf(dateHeaderFresh(ctx, tdiff))),
  cmp_uri: decl('str, str', 'int', (_ctx, a: string, b: string) => compareUris(a, b)),
  cmp_aor: decl('str, str', 'int', (_ctx, a: string, b: string) => compareAors(a, b)),
  cmp_hdr_name: decl('str, str', 'int', (_ctx, a: string, b: string) => intOf(sameHeaderName(a, b))),
  is_gruu: decl('', 'int', (ctx) => gruuKind(ctx)),
  sip_parse_headers: decl('', 'int', (ctx) => intOf(parseAllHeaders(ctx))),
  // Kamailio's Contact encodings (separator '*', Base64URL parameters): lumps on the first Contact header
  encode_contact: decl('str, str', 'int', (ctx, prefix: string, publicIp: string) => encodeContact(ctx, prefix, publicIp)),
  decode_contact: decl('', 'int', (ctx) => decodeContactRuri(ctx)),
  decode_contact_header: decl('', 'int', (ctx) => decodeContactHeader(ctx)),
  contact_param_encode: decl('str, str', 'int', (ctx, pname: string, saddr: string) => encodeContactParam(ctx, 'contact_param_encode', pname, saddr, false)),
  contact_param_encode_alias: decl('str, str', 'int', (ctx, pname: string, saddr: string) => encodeContactParam(ctx, 'contact_param_encode_alias', pname, saddr, true)),
  contact_param_decode: decl('str', 'int', (ctx, pname: string) => decodeContactParam(ctx, pname)),
  contact_param_decode_ruri: decl('str', 'int', (ctx, pname: string) => decodeRuriParam(ctx, pname)),
  contact_param_rm: decl('str', 'int', (ctx, pname: string) => removeContactParam(ctx, pname)),
  contact_param_check: decl('str', 'int', (ctx, pname: string) => hasContactParam(ctx, pname)),
}, {
  facts: {
    request: (ctx) => (ctx.msg.isRequest ? '1' : ''),
    totag: (ctx) => (ctx.msg.isRequest ? (hasToTag(ctx) ? '1' : '') : null),
  },
});

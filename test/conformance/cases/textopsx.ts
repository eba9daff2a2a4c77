// Conformance rows of KSR.textopsx (written with ../case-kit.ts). Rows run in the request route
// (change_reply_status there is refused: the reply rules are in test/bindings/textopsx.test.ts).
import type { ConformanceCase } from '../cases.js';
import { FIXTURES } from '../../support/sip-fixtures.js';
import { c, v, call, I, N, S } from '../case-kit.js';

const INVITE = FIXTURES.invite;
const REGISTER = FIXTURES.register;
const OPTIONS = FIXTURES.options;
const BODY = INVITE.slice(INVITE.indexOf('\r\n\r\n') + 4);
/** The INVITE with a header line added at the end of its headers. */
const withLastHeader = (line: string): string => INVITE.replace('\r\n\r\nv=0', `\r\n${line}\r\n\r\nv=0`);
const unchanged = (fixture: string) => ({ builtExact: fixture });
const hf = (fn: string) => `textopsx.hf_iterator_${fn}`;
const bl = (fn: string) => `textopsx.bl_iterator_${fn}`;

export const TEXTOPSX_CASES: ConformanceCase[] = [
  c('textopsx.msg_apply_changes', [], I(1), {
    setup: [call('hdr.remove', 'Supported'), call('hdr.append', 'X-New: 1')],
    host: { message: INVITE.replace('Supported: timer, 100rel\r\n', '').replace('\r\n\r\nv=0', '\r\nX-New: 1\r\n\r\nv=0') },
  }),
  c('textopsx.msg_set_buffer', [OPTIONS], I(1), { host: { message: OPTIONS } }),
  c('textopsx.msg_set_buffer', ['not a SIP message'], I(-1), { name: 'msg_set_buffer refuses a text that does not parse', host: { message: INVITE } }),
  c('textopsx.change_reply_status', [202, 'Accepted'], I(-1), {
    fixture: 'reply200', name: 'change_reply_status outside a reply route', host: { builtExact: FIXTURES.reply200, log: { level: 'error', text: 'only in a reply route' } },
  }),
  c('textopsx.change_reply_status_code', [202], I(-1), {
    fixture: 'reply200', name: 'change_reply_status_code outside a reply route', host: { builtExact: FIXTURES.reply200, log: { level: 'error', text: 'only in a reply route' } },
  }),
  c('textopsx.remove_body', [], I(1), { host: { builtExact: INVITE.replace(/Content-Length: \d+/, 'Content-Length: 0').replace(BODY, '') } }),
  c('textopsx.keep_hf', [], I(-1), { host: { builtExact: INVITE.replace('Supported: timer, 100rel\r\n', '') } }),
  c('textopsx.keep_hf_re', ['^(user|exp)'], I(-1), { fixture: 'register', host: { builtExact: REGISTER.replace(/Authorization: [^\r]*\r\n/, '') } }),
  c('textopsx.keep_hf_re', ['('], I(-1), { name: 'keep_hf_re with a bad pattern', host: { builtExact: INVITE, log: { level: 'error', text: 'KSR.textopsx.keep_hf_re: regular expression "("' } } }),
  v('textopsx.fnmatch', ['123456', '12?4*'], I(0)),
  v('textopsx.fnmatch', ['abc', 'ABC'], I(-1)),
  v('textopsx.fnmatch_ex', ['abc', 'A[a-c]?', 'i'], I(0)),
  v('textopsx.fnmatch_ex', ['abc', '[!a]*', 'i'], I(-1)),
  c('textopsx.append_hf_value', ['Supported[-1]', 'path'], I(1), { host: { builtExact: INVITE.replace('timer, 100rel', 'timer, 100rel,path') } }),
  c('textopsx.append_hf_value', ['X-Hdr', 'tls'], I(1), { host: { builtExact: withLastHeader('X-Hdr: tls') } }),
  c('textopsx.insert_hf_value', ['Supported[2]', 'path'], I(1), { host: { builtExact: INVITE.replace('timer, 100rel', 'timer,path, 100rel') } }),
  c('textopsx.assign_hf_value', ['From.tag', 'abc'], I(1), { host: { builtExact: INVITE.replace('tag=1928301774', 'tag=abc') } }),
  c('textopsx.assign_hf_value', ['X-Hdr', 'udp'], I(-1), { name: 'assign_hf_value on a missing header', host: unchanged(INVITE) }),
  c('textopsx.assign_hf_value2', ['Authorization.nonce', '"xyz"'], I(1), { fixture: 'register', host: { builtExact: REGISTER.replace('nonce="abc"', 'nonce="xyz"') } }),
  c('textopsx.remove_hf_value', ['Supported[-1]'], I(1), { host: { builtExact: INVITE.replace('timer, 100rel', 'timer') } }),
  c('textopsx.remove_hf_value', ['Via[*].branch'], I(1), {
    host: { builtExact: INVITE.replace(';branch=z9hG4bK-inv-1', '').replace(';branch=z9hG4bK-inv-0', '') },
  }),
  c('textopsx.remove_hf_value2', ['Authorization.uri', ''], I(1), { fixture: 'register', host: { builtExact: REGISTER.replace(' uri="sip:localhost",', '') } }),
  c('textopsx.include_hf_value', ['Supported', 'path'], I(1), { host: { builtExact: INVITE.replace('timer, 100rel', 'timer, 100rel,path') } }),
  c('textopsx.include_hf_value', ['Supported', '100REL'], I(1), { name: 'include_hf_value of a value already there', host: unchanged(INVITE) }),
  c('textopsx.exclude_hf_value', ['Supported', '100rel'], I(1), { host: { builtExact: INVITE.replace('timer, 100rel', 'timer') } }),
  v('textopsx.hf_value_exists', ['Supported', 'TIMER'], I(1)),
  v('textopsx.hf_value_exists', ['Supported', 'path'], I(-1)),
  // header iterators (the seed talk's example, one call per row)
  c(hf('start'), ['i1'], I(1), { host: unchanged(INVITE) }),
  c(hf('end'), ['i1'], I(1), { setup: [call(hf('start'), 'i1')], host: unchanged(INVITE) }),
  c(hf('end'), ['i1'], I(-1), { name: 'hf_iterator_end of a name never started', host: unchanged(INVITE) }),
  c(hf('next'), ['i1'], I(1), { setup: [call(hf('start'), 'i1')], host: unchanged(INVITE) }),
  c(hf('next'), ['i1'], I(-1), { name: 'hf_iterator_next past the last header', fixture: 'options', setup: [call(hf('start'), 'i1'), ...Array(8).fill(call(hf('next'), 'i1'))], host: unchanged(OPTIONS) }),
  c(hf('prev'), ['i1'], I(1), { setup: [call(hf('start'), 'i1'), call(hf('next'), 'i1'), call(hf('next'), 'i1')], host: unchanged(INVITE) }),
  c(hf('rm'), ['i1'], I(1), {
    setup: [call(hf('start'), 'i1'), ...Array(11).fill(call(hf('next'), 'i1'))],
    host: { builtExact: INVITE.replace('Supported: timer, 100rel\r\n', '') },
  }),
  c(hf('append'), ['i1', 'My-Other-Header: def\r\n'], I(1), {
    setup: [call(hf('start'), 'i1'), ...Array(5).fill(call(hf('next'), 'i1'))],
    host: { builtExact: INVITE.replace('To: Bob <sip:bob@example.com>\r\n', 'To: Bob <sip:bob@example.com>\r\nMy-Other-Header: def\r\n') },
  }),
  c(hf('insert'), ['i1', 'My-New-Header: abc\r\n'], I(1), {
    setup: [call(hf('start'), 'i1'), call(hf('next'), 'i1')],
    host: { builtExact: INVITE.replace('Via: SIP/2.0/UDP 192.0.2.10', 'My-New-Header: abc\r\nVia: SIP/2.0/UDP 192.0.2.10') },
  }),
  v(hf('hname'), ['i1'], S('Supported'), { setup: [call(hf('start'), 'i1'), ...Array(11).fill(call(hf('next'), 'i1'))] }),
  v(hf('hname'), ['i1'], N, { name: 'hf_iterator_hname before the first next', setup: [call(hf('start'), 'i1')] }),
  v(hf('hbody'), ['i1'], S('timer, 100rel'), { setup: [call(hf('start'), 'i1'), ...Array(11).fill(call(hf('next'), 'i1'))] }),
  // body line iterators
  c(bl('start'), ['b1'], I(1), { host: unchanged(INVITE) }),
  c(bl('end'), ['b1'], I(1), { setup: [call(bl('start'), 'b1')], host: unchanged(INVITE) }),
  c(bl('next'), ['b1'], I(1), { setup: [call(bl('start'), 'b1')], host: unchanged(INVITE) }),
  c(bl('next'), ['b1'], I(-1), { name: 'bl_iterator_next without a body', fixture: 'options', setup: [call(bl('start'), 'b1')], host: unchanged(OPTIONS) }),
  c(bl('rm'), ['b1'], I(1), {
    setup: [call(bl('start'), 'b1'), ...Array(7).fill(call(bl('next'), 'b1'))],
    host: { builtExact: INVITE.replace(/Content-Length: \d+/, `Content-Length: ${BODY.length - 22}`).replace('a=rtpmap:0 PCMU/8000\r\n', '') },
  }),
  c(bl('append'), ['b1', 'a=sendrecv\r\n'], I(1), {
    setup: [call(bl('start'), 'b1'), ...Array(7).fill(call(bl('next'), 'b1'))],
    host: { builtExact: INVITE.replace(/Content-Length: \d+/, `Content-Length: ${BODY.length + 12}`).replace('a=rtpmap:0 PCMU/8000\r\n', 'a=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n') },
  }),
  c(bl('insert'), ['b1', 'a=info:xyz\r\n'], I(1), {
    setup: [call(bl('start'), 'b1'), ...Array(7).fill(call(bl('next'), 'b1')), call(bl('rm'), 'b1')],
    host: { builtExact: INVITE.replace(/Content-Length: \d+/, `Content-Length: ${BODY.length - 10}`).replace('a=rtpmap:0 PCMU/8000\r\n', 'a=info:xyz\r\n') },
  }),
  v(bl('value'), ['b1'], S('a=rtpmap:0 PCMU/8000\r\n'), { setup: [call(bl('start'), 'b1'), ...Array(7).fill(call(bl('next'), 'b1'))] }),
  v(bl('value'), ['b1'], N, { name: 'bl_iterator_value before the first next', setup: [call(bl('start'), 'b1')] }),
];

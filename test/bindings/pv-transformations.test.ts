import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from './ksr-call.js';

type Row = [string, string | number | null];

/** Sets $var(x) to `value` then reads each name: Kamailio's results, exactly. */
function check(value: string | number, rows: Row[]): void {
  const ksr = ksrOn(makeContext('invite'));
  ksr(typeof value === 'number' ? 'pv.seti' : 'pv.sets', '$var(x)', value);
  for (const [name, expected] of rows) assert.equal(ksr('pv.get', name), expected, `${name} of ${JSON.stringify(value)}`);
}

test('{s.*}: len, int, case, md5, hexa, trim, rm, replace', () => {
  check('Hello World', [
    ['$(var(x){s.len})', 11], ['$(var(x){s.tolower})', 'hello world'], ['$(var(x){s.toupper})', 'HELLO WORLD'],
    ['$(var(x){s.md5})', 'b10a8db164e0754105b7a99be72e3fe5'], ['$(var(x){s.encode.hexa})', '48656c6c6f20576f726c64'],
    ['$(var(x){s.rm,o})', 'Hell Wrld'], ['$(var(x){s.replace,o,0})', 'Hell0 W0rld'], ['$(var(x){s.int})', null],
    ['$(var(x){s.tolower}{s.len})', 11], ['$(var(x){s.replace,l,}{s.len})', 8],
  ]);
  check('  \tpad \r\n', [['$(var(x){s.trim})', 'pad'], ['$(var(x){s.len})', 9]]);
  check('-42', [['$(var(x){s.int})', -42], ['$(var(x){s.int}{s.len})', 3]]);
  check(42, [['$(var(x){s.len})', 2], ['$(var(x){s.tolower})', 42], ['$(var(x){s.encode.hexa})', '3432']]);
  check('é', [['$(var(x){s.len})', 2], ['$(var(x){s.encode.hexa})', 'c3a9']]);
  check('a\\nb', [['$(var(x){s.rm,\\\\})', 'anb']]);
});

test('{s.substr}, {s.select}, {s.strip}, {s.striptail} follow pv_trans.c offsets', () => {
  check('abcdef', [
    ['$(var(x){s.substr,1,2})', 'bc'], ['$(var(x){s.substr,2,0})', 'cdef'], ['$(var(x){s.substr,4,10})', 'ef'],
    ['$(var(x){s.substr,-2,0})', 'ef'], ['$(var(x){s.substr,-3,1})', 'd'], ['$(var(x){s.substr,-2,5})', 'ef'],
    ['$(var(x){s.substr,6,1})', null], ['$(var(x){s.substr,-7,1})', null],
    ['$(var(x){s.strip,2})', 'cdef'], ['$(var(x){s.strip,9})', ''], ['$(var(x){s.strip,0})', 'abcdef'],
    ['$(var(x){s.striptail,2})', 'abcd'], ['$(var(x){s.striptail,6})', ''],
  ]);
  check('a,b,,c', [
    ['$(var(x){s.select,0,,})', 'a'], ['$(var(x){s.select,2,,})', ''], ['$(var(x){s.select,-1,,})', 'c'],
    ['$(var(x){s.select,-4,,})', 'a'], ['$(var(x){s.select,4,,})', ''], ['$(var(x){s.select,-5,,})', ''],
  ]);
  const ksr = ksrOn(makeContext('invite'));
  ksr('pv.seti', '$var(i)', 2);
  assert.equal(ksr('pv.get', '$(fU{s.substr,$var(i),2})'), 'ic');
  ksr('pv.sets', '$var(s)', '2');
  assert.equal(ksr('pv.get', '$(fU{s.substr,$var(s),2})'), null, 'a string PV is not a number parameter');
});

test('{uri.*} on the R-URI and on URIs held in vars', () => {
  const ksr = ksrOn(makeContext('invite'));
  const rows: Row[] = [
    ['$(ru{uri.user})', 'bob'], ['$(ru{uri.host})', 'example.com'], ['$(ru{uri.port})', 5080],
    ['$(ru{uri.params})', 'transport=udp'], ['$(ru{uri.transport})', 'udp'], ['$(ru{uri.param,TRANSPORT})', 'udp'],
    ['$(ru{uri.param,nosuch})', ''], ['$(fu{uri.port})', 0], ['$(fu{uri.params})', ''], ['$(fu{uri.user}{s.toupper})', 'ALICE'],
    ['$(ci{uri.user})', null], ['$(cs{uri.user})', null],
  ];
  for (const [n, e] of rows) assert.equal(ksr('pv.get', n), e, n);
  check('sip:a%20b:pw@[2001:db8::1]:5070;lr;maddr=10.0.0.1?subject=x', [
    ['$(var(x){uri.user})', 'a%20b'], ['$(var(x){uri.host})', '[2001:db8::1]'], ['$(var(x){uri.port})', 5070],
    ['$(var(x){uri.params})', 'lr;maddr=10.0.0.1'], ['$(var(x){uri.param,maddr})', '10.0.0.1'], ['$(var(x){uri.transport})', ''],
  ]);
});

test('{param.*}, {nameaddr.*}, {tobody.*}', () => {
  check('a=1;b= "two" ;flag', [
    ['$(var(x){param.value,b})', 'two'], ['$(var(x){param.value,A})', '1'], ['$(var(x){param.value,c})', ''],
    ['$(var(x){param.count})', 3], ['$(var(x){param.name,2})', 'flag'], ['$(var(x){param.name,-3})', 'a'], ['$(var(x){param.name,3})', ''],
  ]);
  check('x=1&y=2', [['$(var(x){param.value,y,&})', '2'], ['$(var(x){param.count,&})', 2]]);
  const ksr = ksrOn(makeContext('invite'));
  const rows: Row[] = [
    ['$(hdr(From){nameaddr.uri})', 'sip:alice@localhost'], ['$(hdr(From){nameaddr.name})', '"Alice Liddell" '],
    ['$(hdr(To){nameaddr.name})', 'Bob '], ['$(hdr(Contact){nameaddr.name})', ''],
    ['$(hdr(From){tobody.user})', 'alice'], ['$(hdr(From){tobody.host})', 'localhost'], ['$(hdr(From){tobody.tag})', '1928301774'],
    ['$(hdr(To){tobody.tag})', ''], ['$(hdr(From){tobody.uri})', 'sip:alice@localhost'],
  ];
  for (const [n, e] of rows) assert.equal(ksr('pv.get', n), e, n);
  check('sip:x@y', [['$(var(x){nameaddr.uri})', 'sip:x@y'], ['$(var(x){nameaddr.name})', '']]);
  check('<sip:x@y', [['$(var(x){nameaddr.uri})', null]]);
});

test('{line.*} on the SDP body: count is a string, lines lose their CR', () => {
  const ksr = ksrOn(makeContext('invite'));
  assert.equal(ksr('pv.get', '$(rb{line.count})'), '7');
  assert.equal(ksr('pv.get', '$(rb{line.at,0})'), 'v=0');
  assert.equal(ksr('pv.get', '$(rb{line.at,6})'), 'a=rtpmap:0 PCMU/8000');
  assert.equal(ksr('pv.get', '$(rb{line.at,-2})'), 'm=audio 49170 RTP/AVP 0');
  assert.equal(ksr('pv.get', '$(rb{line.at,9})'), '');
  assert.equal(ksr('pv.get', '$(rb{line.at,1}{s.select,1, })'), '2890844526');
  check('one\ntwo', [['$(var(x){line.count})', '2'], ['$(var(x){line.at,-1})', 'two']]);
  assert.equal(ksrOn(makeContext('register'))('pv.get', '$(rb{line.count})'), null, '$rb of no body is $null');
});

test('a transformation of $null, or of a PV declared by another module, goes through the table', () => {
  const ksr = ksrOn(makeContext('invite'));
  assert.equal(ksr('pv.get', '$(avp(none){s.len})'), null);
  assert.equal(ksr('pv.getw', '$(tt{s.len})'), '<null>');
  assert.equal(ksr('pv.get', '$(T_branch_idx{s.len})'), String(ksr('pv.get', '$T_branch_idx')).length);
});

test('expandFormat expands $(...) names with transformations', async () => {
  const { expandFormat } = await import('../../host/core/pv-format.js');
  const ctx = makeContext('invite');
  assert.deepEqual(expandFormat(ctx, 'u=$(ru{uri.user}{s.toupper}) n=$(hdr(Via)[1]{s.select,1, }) $fU'), {
    ok: true,
    text: 'u=BOB n=198.51.100.7:5060;branch=z9hG4bK-inv-0 alice',
  });
  const bad = expandFormat(ctx, 'x $(ru{s.nosuch}) y');
  assert.equal(bad.ok, false);
});

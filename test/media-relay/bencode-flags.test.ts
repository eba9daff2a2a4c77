// Bencode round trip and hostile inputs (bounded), and Kamailio's flag string → ng dictionary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bdecode, bencode, BENCODE_LIMITS } from '../../host/media-relay/bencode.js';
import { parseNgFlags } from '../../host/media-relay/ng-flags.js';
import { parseRelaySets, selectRelay } from '../../host/media-relay/relay-sets.js';

test('bencode round trip, keys sorted, bytes kept', () => {
  const v = { command: 'offer', flags: ['trust-address', 'x'], n: -42, d: { 'a b': 'é\u00ff' }, sdp: 'v=0\r\n' };
  const enc = bencode(v);
  assert.equal(enc.toString('latin1').slice(0, 20), 'd7:command5:offer1:d');
  assert.deepEqual(JSON.parse(JSON.stringify(bdecode(enc))), v);
  assert.equal(bencode(['a', 1]).toString(), 'l1:ai1ee');
});

test('bdecode refuses hostile input with a reason and an offset', () => {
  const bad: Array<[string, RegExp]> = [
    ['d7:command5:off', /runs past the end/],
    ['d7:command', /truncated/],
    ['99999999:x', /runs past the end/],
    ['999999999999:x', /bad string length/],
    ['i12', /unterminated integer/],
    ['i1x2e', /bad integer/],
    ['di1e1:ae', /key is not a string/],
    ['1:ab', /trailing bytes/],
    ['x', /unexpected byte/],
    ['l'.repeat(BENCODE_LIMITS.maxDepth + 5), /nesting deeper/],
  ];
  for (const [input, why] of bad) assert.throws(() => bdecode(Buffer.from(input, 'latin1')), why, input.slice(0, 30));
  assert.throws(() => bdecode(Buffer.from(`l${'i1e'.repeat(BENCODE_LIMITS.maxItems + 1)}e`)), /more than/);
});

test('flags: Kamailio words to ng members', () => {
  const r = parseNgFlags('replace-origin replace-session-connection ICE=remove RTP/AVP trust-address via-branch=auto direction=internal direction=external codec-strip-PCMU codec-offer-opus rtcp-mux-demux SDES-off delete-delay=5 label=x', 'offer');
  assert.ok(r.ok);
  assert.deepEqual(r.value.dict, {
    replace: ['origin', 'session-connection'], ICE: 'remove', 'transport-protocol': 'RTP/AVP', flags: ['trust-address'],
    direction: ['internal', 'external'], codec: { strip: ['PCMU'], offer: ['opus'] }, 'rtcp-mux': ['demux'], SDES: ['off'],
    'delete-delay': 5, label: 'x',
  });
  assert.equal(r.value.via, 'auto');
  const t = parseNgFlags('RTP SRTP AVPF', 'offer');
  assert.ok(t.ok && t.value.dict['transport-protocol'] === 'RTP/SAVPF');
  const f = parseNgFlags('force-answer from-tag=abc call-id=c1 to-tag=t2', 'offer');
  assert.ok(f.ok && f.value.op === 'answer' && f.value.fromTag === 'abc' && f.value.callId === 'c1' && f.value.toTag === 't2' && f.value.directional);
  assert.deepEqual(parseNgFlags('replace-origin', 'delete'), { ok: true, value: { dict: {}, via: null, callId: null, fromTag: null, toTag: null, wantTo: false, directional: false, op: 'delete' } });
  assert.equal(parseNgFlags('via-branch=9', 'offer').ok, false);
  assert.equal(parseNgFlags('call-id', 'offer').ok, false);
  assert.equal(parseNgFlags('address-family=IP5', 'offer').ok, false);
  assert.equal(parseNgFlags('force-answer', 'delete').ok, false);
  assert.equal(parseNgFlags('x '.repeat(300), 'offer').ok, false);
});

test('relay sets: sets, weights, selection skips tried and disabled relays', () => {
  const sets = parseRelaySets('k', ['udp:127.0.0.1:2223=2 udp:127.0.0.2:2223=1', '1 == udp:[::1]:2000'], 22222);
  assert.deepEqual([...sets.keys()], [0, 1]);
  const s0 = sets.get(0)!;
  assert.deepEqual(s0.relays.map((r) => [r.address, r.port, r.weight]), [['127.0.0.1', 2223, 2], ['127.0.0.2', 2223, 1]]);
  assert.equal(sets.get(1)!.relays[0]!.address, '::1');
  const first = selectRelay(s0, 'call-1', new Set(), Date.now())!;
  const second = selectRelay(s0, 'call-1', new Set([first]), Date.now())!;
  assert.notEqual(first, second);
  assert.equal(selectRelay(s0, 'call-1', new Set([first, second]), Date.now()), null);
  second.disabledUntil = Date.now() + 10_000;
  assert.equal(selectRelay(s0, 'call-1', new Set([first]), Date.now()), null);
  assert.throws(() => parseRelaySets('modules.rtpengine.rtpengine_sock', 'tcp://x', 1), /modules\.rtpengine\.rtpengine_sock: expected udp:HOST:PORT/);
  assert.throws(() => parseRelaySets('k', 42, 1), /expected a string or a list/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage } from '../../host/sip/message.js';
import { buildReply, makeToTag, buildErrorReply } from '../../host/sip/reply.js';
import { crlf, INVITE, REGISTER } from './fixtures.js';

test('RFC 3261 §8.2.6: Via, From, To, Call-ID, CSeq copied; To-tag added', () => {
  const req = SipMessage.parse(crlf(`INVITE sip:b@h SIP/2.0
Via: SIP/2.0/UDP h1;branch=z9hG4bK1, SIP/2.0/TCP h2;branch=z9hG4bK2
Via: SIP/2.0/UDP h3;branch=z9hG4bK3
Max-Forwards: 70
From: "A" <sip:a@h>;tag=ft
To: <sip:b@h>
Call-ID: cid-1
CSeq: 7 INVITE
Contact: <sip:a@10.0.0.1>
Content-Length: 0

`));
  const r = SipMessage.parse(buildReply(req, 486, 'Busy Here'));
  assert.equal(r.isRequest, false);
  assert.equal(r.status, 486);
  assert.equal(r.reason, 'Busy Here');
  assert.deepEqual(r.vias().map((v) => v.host), ['h1', 'h2', 'h3']);
  assert.equal(r.from().raw, req.from().raw);
  assert.equal(r.to().uriText, 'sip:b@h');
  assert.equal(r.to().tag, makeToTag(req));
  assert.equal(r.callId(), 'cid-1');
  assert.deepEqual(r.cseq(), { seq: 7, method: 'INVITE' });
  assert.equal(r.contentLength(), 0);
  // request-only headers are not copied
  assert.equal(r.hasHeader('contact'), false);
  assert.equal(r.hasHeader('max-forwards'), false);
});

test('100 Trying gets no To-tag; an existing To-tag is kept, not doubled', () => {
  const req = SipMessage.parse(INVITE);
  assert.equal(SipMessage.parse(buildReply(req, 100, 'Trying')).to().tag, undefined);
  const inDialog = SipMessage.parse(crlf(`BYE sip:b@h SIP/2.0
Via: SIP/2.0/UDP h1;branch=z9hG4bK9
From: <sip:a@h>;tag=ft
To: <sip:b@h>;tag=tt
Call-ID: c
CSeq: 8 BYE

`));
  const r = SipMessage.parse(buildReply(inDialog, 200, 'OK'));
  assert.equal(r.to().tag, 'tt');
  assert.equal(r.to().raw, '<sip:b@h>;tag=tt');
});

test('To-tag is stable across retransmissions, different for another transaction', () => {
  const a = SipMessage.parse(INVITE);
  const b = SipMessage.parse(Buffer.from(INVITE)); // a retransmission: same bytes
  assert.equal(makeToTag(a), makeToTag(b));
  const r1 = SipMessage.parse(buildReply(a, 404, 'Not Found'));
  const r2 = SipMessage.parse(buildReply(b, 404, 'Not Found'));
  assert.equal(r1.to().tag, r2.to().tag);
  const other = SipMessage.parse(Buffer.from(INVITE.toString('latin1').replace('z9hG4bKnashds8', 'z9hG4bKother'), 'latin1'));
  assert.notEqual(makeToTag(other), makeToTag(a));
  assert.equal(SipMessage.parse(buildReply(a, 404, 'Not Found', { toTag: 'mine' })).to().tag, 'mine');
});

test('received= and rport= are set on the top Via only', () => {
  const req = SipMessage.parse(REGISTER); // top Via has ;rport
  const r = SipMessage.parse(buildReply(req, 200, 'OK', { received: '203.0.113.7', rport: 40000 }));
  const top = r.topVia();
  assert.equal(top.params.get('received'), '203.0.113.7');
  assert.equal(top.params.get('rport'), '40000');
  assert.equal(top.branch, 'z9hG4bK776asdhds');
  assert.equal(top.host, '192.0.2.10');
  // an existing received= is replaced, not duplicated
  const req2 = SipMessage.parse(crlf(`OPTIONS sip:h SIP/2.0
Via: SIP/2.0/UDP h1:5060;received=1.1.1.1;branch=z9hG4bKx, SIP/2.0/UDP h2;branch=z9hG4bKy
From: <sip:a@h>;tag=1
To: <sip:b@h>
Call-ID: c
CSeq: 1 OPTIONS

`));
  const r2 = SipMessage.parse(buildReply(req2, 200, 'OK', { received: '2.2.2.2' }));
  const v = r2.vias();
  assert.equal(v[0].params.get('received'), '2.2.2.2');
  assert.equal(v[0].port, 5060);
  assert.equal(v[0].params.has('rport'), false);
  assert.equal(v[1].params.has('received'), false);
  assert.equal((r2.header('via')!.value.match(/received/g) ?? []).length, 1);
});

test('extra header lines, body and Content-Type', () => {
  const req = SipMessage.parse(REGISTER);
  const out = buildReply(req, 200, 'OK', {
    headers: ['Contact: <sip:alice@192.0.2.10:5060>;expires=3600\r\n', 'X-Reply-Lump: 1\r\n'],
    body: 'hello',
    contentType: 'text/plain',
  });
  const r = SipMessage.parse(out);
  assert.equal(r.contacts().list[0].params.get('expires'), '3600');
  assert.equal(r.header('x-reply-lump')?.value, '1');
  assert.equal(r.contentType(), 'text/plain');
  assert.equal(r.contentLength(), 5);
  assert.equal(r.body().toString(), 'hello');
  // no Content-Type without a body
  assert.equal(SipMessage.parse(buildReply(req, 200, 'OK', { contentType: 'text/plain' })).hasHeader('content-type'), false);
});

test('reason phrase cannot inject lines; bad codes are refused', () => {
  const req = SipMessage.parse(REGISTER);
  const r = SipMessage.parse(buildReply(req, 403, 'Forbidden\r\nX-Evil: 1'));
  assert.equal(r.hasHeader('x-evil'), false);
  assert.throws(() => buildReply(req, 99, 'x'), RangeError);
  assert.throws(() => buildReply(req, 700, 'x'), RangeError);
});

test('buildErrorReply answers 400 from raw bytes of an unparsable request', () => {
  const raw = crlf(`INVITE sip:b@h SIP/2.0
Via: SIP/2.0/UDP h1;branch=z9hG4bK1
From: <sip:a@h>;tag=1
To: <sip:b@h>
Call-ID: c
CSeq: 1 INVITE
Content-Length: 9999

`);
  assert.throws(() => SipMessage.parse(raw), (e: unknown) => (e as { canReply?: boolean }).canReply === true);
  const r = SipMessage.parse(buildErrorReply(raw, 'Content-Length exceeds data')!);
  assert.equal(r.status, 400);
  assert.equal(r.reason, 'Content-Length exceeds data');
  assert.equal(r.topVia().branch, 'z9hG4bK1');
  assert.equal(r.callId(), 'c');
  assert.ok(r.to().tag);
  assert.equal(buildErrorReply(crlf('SIP/2.0 200 OK\nCSeq: 1 INVITE\n\n'), 'x'), null);
  assert.equal(buildErrorReply(crlf('INVITE sip:b@h SIP/2.0\nFrom: <sip:a@h>;tag=1\nCSeq: 1 INVITE\n\n'), 'x'), null, 'no Via: nothing would match the reply');
  // RFC 4475 §3.3.1 (insuf): a Via is enough; what is missing is left out of the 400
  const viaOnly = buildErrorReply(crlf('INVITE sip:b@h SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK2\n\n'), 'Missing From')!.toString();
  assert.equal(viaOnly, 'SIP/2.0 400 Missing From\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK2\r\nContent-Length: 0\r\n\r\n');
});

test('To-tags of 20 000 requests differing in one character of Call-ID, From-tag or branch are all different (16 hex digits)', () => {
  const text = INVITE.toString('latin1');
  const tags = new Set<string>();
  for (let i = 0; i < 20_000; i++) {
    const which = i % 3;
    const n = String(Math.floor(i / 3));
    const t = which === 0 ? text.replace('z9hG4bKnashds8', `z9hG4bKnashds8${n}`)
      : which === 1 ? text.replace(/tag=([^\r;]+)/, (_m, v: string) => `tag=${v}${n}`)
      : text.replace(/Call-ID: ([^\r]+)/, (_m, v: string) => `Call-ID: ${n}${v}`);
    const tag = makeToTag(SipMessage.parse(Buffer.from(t, 'latin1')));
    assert.match(tag, /^[0-9a-f]{16}$/);
    tags.add(tag);
  }
  assert.equal(tags.size, 20_000);
});

test('the top Via stamped by splicing received/rport into the line equals its rewrite from the parse, or is left to it', async () => {
  const { splicedVia, reserialisedVia } = await import('../../host/sip/reply.js');
  const { parseVia } = await import('../../host/sip/via.js');
  const hosts = ['127.0.0.1:5061', 'h.example.com', '[2001:db8::1]:5070', 'H.Example.COM:5060'];
  const params = [
    '', ';branch=z9hG4bK-1', ';branch=z9hG4bK-1;rport', ';rport;branch=z9hG4bK-2', ';branch=z9hG4bK-3;rport=5061',
    ';received=10.0.0.1;branch=z9hG4bK-4;rport', ';branch=z9hG4bK-5;received=10.0.0.1', ';Branch=z9hG4bK-6;RPORT',
    ';branch=z9hG4bK-7 ;rport', '; branch=z9hG4bK-8', ';branch = z9hG4bK-9', ';branch=z9hG4bK-10;rport=', ';branch="quoted;x";rport',
    ';branch=z9hG4bK-11;branch=z9hG4bK-12;rport', ';rport;rport=1', ';branch=z9hG4bK-13;ttl=16;maddr=224.2.0.1;rport',
    ';branch=z9hG4bK-14(comment)', ';branch=z9hG4bK-15;rport (comment)', ';received=[2001:db8::2];rport=7', ';x=a=b;rport',
    ';branch=z9hG4bK-16;received', ';branch=z9hG4bK-ü;rport', ';alias;rport;received=1.2.3.4;branch=z9hG4bK-17',
  ];
  const stamps: Array<[string | undefined, string | undefined]> = [
    ['127.0.0.1', '5061'], ['127.0.0.1', undefined], [undefined, '5061'], ['', ''], ['2001:db8::9', '6000'],
  ];
  let spliced = 0;
  for (const proto of ['SIP/2.0/UDP ', 'SIP/2.0/TCP ', 'SIP / 2.0 / UDP ']) {
    for (const host of hosts) {
      for (const p of params) {
        const value = `${proto}${host}${p}`;
        let via;
        try {
          via = parseVia(value);
        } catch {
          continue; // not a Via: the reply copies the line as it is before either path
        }
        for (const [received, rport] of stamps) {
          const semi = value.indexOf(';');
          const want = reserialisedVia(value, 0, value.length, value, semi, via.params, received, rport);
          const got = splicedVia(value, semi, via.params.size, received, rport);
          if (got === null) continue;
          spliced++;
          assert.equal(got, want, `${JSON.stringify(value)} received=${received} rport=${rport}`);
        }
      }
    }
  }
  assert.ok(spliced > 300, `the splice should serve the usual Vias (served ${spliced})`);
});

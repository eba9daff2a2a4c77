// Torture messages in the spirit of RFC 4475 (written here, not copied) and a bounded,
// seeded fuzz loop. Each case states what must happen: parse, or a SipParseError with a
// reason and the right canReply.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SipMessage, MAX_HEADERS } from '../../host/sip/message.js';
import { SipParseError } from '../../host/sip/errors.js';
import { Lumps } from '../../host/sip/lumps.js';
import { buildRequest, buildForwardedReply } from '../../host/sip/builder.js';
import { buildReply } from '../../host/sip/reply.js';
import { crlf, REGISTER, INVITE, OPTIONS, REPLY_200 } from './fixtures.js';

const HEAD = `INVITE sip:b@h SIP/2.0
Via: SIP/2.0/UDP h1;branch=z9hG4bK1
From: <sip:a@h>;tag=1
To: <sip:b@h>
Call-ID: c
CSeq: 1 INVITE
`;

function rejects(buf: Buffer, reason: RegExp, canReply?: boolean): void {
  assert.throws(
    () => SipMessage.parse(buf),
    (e: unknown) => {
      assert.ok(e instanceof SipParseError, `expected SipParseError, got ${String(e)}`);
      assert.match(e.reason, reason);
      assert.equal((e as { cause?: unknown }).cause, undefined, 'rejection, not a wrapped bug');
      if (canReply !== undefined) assert.equal(e.canReply, canReply, `canReply for ${e.message}`);
      return true;
    },
  );
}

test('escaped characters in URIs and quoted strings', () => {
  const m = SipMessage.parse(crlf(`INVITE sip:sip%3Auser%40example.com@example.net;other-param=summit SIP/2.0
Via: SIP/2.0/UDP h1;branch=z9hG4bK1
From: "J Rosenberg \\\\\\"" <sip:jdrosen@example.com>;tag=1
To: "%Zoë <>" <sip:b%20c@h>
Call-ID: c
CSeq: 1 INVITE

`));
  assert.equal(m.ruriParsed().user, 'sip:user@example.com');
  assert.equal(m.ruriParsed().host, 'example.net');
  assert.equal(m.from().display, 'J Rosenberg \\"');
  assert.equal(m.to().display, '%Zoë <>');
  assert.equal(m.to().uri?.user, 'b c');
});

test('unknown URI schemes: message parses, the URI does not', () => {
  const m = SipMessage.parse(crlf(`OPTIONS nobodyKnowsThisScheme:totallyopaquecontent SIP/2.0
Via: SIP/2.0/UDP h1;branch=z9hG4bK1
From: <http://example.com/a>;tag=1
To: <urn:x:y>
Call-ID: c
CSeq: 1 OPTIONS

`));
  assert.throws(() => m.ruriParsed(), (e: unknown) => e instanceof SipParseError && e.canReply === true);
  assert.equal(m.from().uri, null);
  assert.equal(m.from().uriText, 'http://example.com/a');
  assert.equal(m.from().tag, '1');
  assert.equal(m.to().uri, null);
});

test('long values: a 30 KB header value, a 10 000-param Via', () => {
  const long = 'x'.repeat(30000);
  const m = SipMessage.parse(crlf(`${HEAD}X-Long: ${long}\n\n`));
  assert.equal(m.header('x-long')?.value.length, 30000);
  const params = Array.from({ length: 10000 }, (_, i) => `;a${i.toString(36)}`).join('');
  const v = SipMessage.parse(crlf(`OPTIONS sip:h SIP/2.0\nVia: SIP/2.0/UDP h1;branch=z9hG4bK1${params}\nCSeq: 1 OPTIONS\n\n`));
  assert.equal(v.topVia().params.size, 10001);
  assert.equal(v.topVia().params.get('a7pr'), ''); // 9999 in base 36
  // one 60 KB line of blanks with a fold must not go quadratic
  const blanks = SipMessage.parse(crlf(`${HEAD}Subject: a${' '.repeat(60000)}\n b\n\n`));
  assert.equal(blanks.header('subject')?.value, 'a b');
});

test('Content-Length: negative, huge, non-numeric, larger than the data, conflicting', () => {
  rejects(crlf(`${HEAD}Content-Length: -5\n\n`), /Content-Length/, true);
  rejects(crlf(`${HEAD}Content-Length: 99999999999999999999\n\n`), /Content-Length/, true);
  rejects(crlf(`${HEAD}Content-Length: 12abc\n\n`), /Content-Length/, true);
  rejects(crlf(`${HEAD}Content-Length: 0x10\n\n`), /Content-Length/, true);
  rejects(crlf(`${HEAD}Content-Length: 10\n\nshort`), /Content-Length exceeds data/, true);
  rejects(crlf(`${HEAD}Content-Length: 1\nl: 2\n\nab`), /Conflicting Content-Length/, true);
  // the same value twice is harmless
  assert.equal(SipMessage.parse(crlf(`${HEAD}Content-Length: 2\nl: 2\n\nab`)).body().toString(), 'ab');
});

test('missing or bad CSeq: parse works, cseq() rejects, no 400 without CSeq', () => {
  const noCseq = SipMessage.parse(crlf(`INVITE sip:b@h SIP/2.0\nVia: SIP/2.0/UDP h1;branch=z9hG4bK1\nFrom: <sip:a@h>;tag=1\nTo: <sip:b@h>\nCall-ID: c\n\n`));
  assert.equal(noCseq.canReply(), false);
  assert.throws(() => noCseq.cseq(), (e: unknown) => e instanceof SipParseError && /Missing CSeq/.test(e.reason) && !e.canReply);
  for (const bad of ['CSeq: -1 INVITE', 'CSeq: 99999999999 INVITE', 'CSeq: 1', 'CSeq: INVITE', 'CSeq: 1x INVITE', 'CSeq: 1 INV ITE', 'CSeq: 4294967296 INVITE']) {
    const m = SipMessage.parse(crlf(HEAD.replace('CSeq: 1 INVITE', bad) + '\n'));
    assert.throws(() => m.cseq(), (e: unknown) => e instanceof SipParseError && /CSeq/.test(e.reason), bad);
  }
  assert.equal(SipMessage.parse(crlf(HEAD.replace('CSeq: 1 INVITE', 'CSeq: 4294967295 INVITE') + '\n')).cseq().seq, 4294967295);
});

test('header without colon, header name with spaces, continuation with no header', () => {
  rejects(crlf(`${HEAD}ThisHasNoColon\n\n`), /Malformed header/, true);
  rejects(crlf(`INVITE sip:b@h SIP/2.0\nVia SIP/2.0/UDP h1\n\n`), /Malformed header/, false);
  rejects(crlf(`${HEAD}Bad Name: x\n\n`), /Malformed header/);
  rejects(crlf(`INVITE sip:b@h SIP/2.0\n continued\nCSeq: 1 INVITE\n\n`), /Malformed header/);
  rejects(crlf(`${HEAD}: novalue\n\n`), /Malformed header/);
  // whitespace before the colon is allowed
  assert.equal(SipMessage.parse(crlf(`${HEAD}X-Sp \t: v\n\n`)).header('x-sp')?.value, 'v');
});

test('NUL bytes in the header section are refused; in the body they are data', () => {
  rejects(Buffer.concat([crlf(HEAD), Buffer.from('X-Nul: a\0b\r\n\r\n')]), /NUL/, true);
  rejects(Buffer.from('INV\0ITE sip:b@h SIP/2.0\r\n\r\n'), /method|NUL/i);
  const m = SipMessage.parse(Buffer.concat([crlf(`${HEAD}Content-Length: 3\n\n`), Buffer.from([0, 0, 0])]));
  assert.deepEqual([...m.body()], [0, 0, 0]);
});

test('no empty line after the headers, only whitespace, empty, truncated first line', () => {
  rejects(crlf(HEAD), /Missing end of headers/, true);
  rejects(Buffer.from(HEAD.replace(/\n/g, '\r\n') + 'X-Cut: abc'), /Missing end of headers/, true);
  rejects(Buffer.from('   \r\n\t\r\n  '), /Empty message/, false);
  rejects(Buffer.alloc(0), /Empty message/, false);
  rejects(Buffer.from('INVITE sip:b@h SIP/2.0'), /Truncated first line/, false);
  rejects(Buffer.from('INVITE sip:b@h\r\n\r\n'), /Bad (request line|SIP version)/, false);
  rejects(Buffer.from('INVITE\r\n\r\n'), /Bad first line/, false);
  rejects(Buffer.from('SIP/2.0 2000 OK\r\n\r\n'), /Bad status code/, false);
  rejects(Buffer.from('SIP/2.0 OK\r\n\r\n'), /Bad status code/, false);
  rejects(Buffer.from('SIP/2.x 200 OK\r\n\r\n'), /Bad SIP version/, false);
  rejects(Buffer.from('INVITE sip:b@h HTTP/1.1\r\n\r\n'), /Bad SIP version/, false);
  rejects(Buffer.from('INV<ITE sip:b@h SIP/2.0\r\n\r\n'), /Bad method/, false);
  rejects(Buffer.from('INVITE sip:b@h extra SIP/2.0\r\n\r\n'), /Bad Request-URI/, false);
});

test('bare LF everywhere, mixed with CRLF', () => {
  const m = SipMessage.parse(Buffer.from(HEAD + 'Subject: a\r\n b\nContent-Length: 1\n\nZ'));
  assert.equal(m.header('subject')?.value, 'a b');
  assert.equal(m.body().toString(), 'Z');
  assert.equal(m.canReply(), true);
});

test('extremely long header line and oversize message', () => {
  const line = 'X-Big: ' + 'y'.repeat(65000);
  const m = SipMessage.parse(Buffer.from(`OPTIONS sip:h SIP/2.0\r\n${line}\r\n\r\n`));
  assert.equal(m.header('x-big')?.value.length, 65000);
  rejects(Buffer.from(`OPTIONS sip:h SIP/2.0\r\nX-Big: ${'y'.repeat(70000)}\r\n\r\n`), /Message too large/);
  // a 60 KB header NAME (no colon for a long time) is refused in linear time
  rejects(Buffer.from(`OPTIONS sip:h SIP/2.0\r\n${'N'.repeat(60000)}\r\n\r\n`), /Malformed header/);
});

test(`header count is bounded (${MAX_HEADERS} lines)`, () => {
  const ok = Array.from({ length: MAX_HEADERS - 5 }, (_, i) => `X-H${i}: ${i}\n`).join('');
  assert.equal(SipMessage.parse(crlf(HEAD + ok + '\n')).headers.length, MAX_HEADERS);
  const many = Array.from({ length: 300 }, (_, i) => `X-H${i}: ${i}\n`).join('');
  rejects(crlf(HEAD + many + '\n'), /Too many headers/, true);
});

test('malformed Via, From, To, Contact, Authorization values are SipParseErrors on access', () => {
  const m = SipMessage.parse(crlf(`INVITE sip:b@h SIP/2.0
Via: SIP/2.0/UDP
From: "unterminated <sip:a@h>;tag=1
To: <sip:b@h
Call-ID: c
CSeq: 1 INVITE
Contact: <sip:a@h>, <sip:b@h>, *
Authorization: noscheme=1
Proxy-Authorization: Digest realm="x, nonce=y
Route: <sip:r@h>;lr junk

`));
  for (const [name, f] of [
    ['vias', () => m.vias()], ['topVia', () => m.topVia()], ['from', () => m.from()], ['to', () => m.to()],
    ['contacts', () => m.contacts()], ['auth', () => m.authorization('authorization')],
    ['proxy-auth', () => m.authorization('proxy-authorization')], ['routes', () => m.routes()],
  ] as Array<[string, () => unknown]>) {
    assert.throws(f, (e: unknown) => e instanceof SipParseError && (e as { cause?: unknown }).cause === undefined, name);
  }
  // a bad Via makes the message unanswerable; the others leave a 400 possible
  assert.throws(() => m.vias(), (e: unknown) => e instanceof SipParseError && e.canReply === false);
  assert.throws(() => m.contacts(), (e: unknown) => e instanceof SipParseError && e.canReply === true);
});

test('odd but valid: Via comment, spaces around Via slashes and colon, empty list elements', () => {
  const m = SipMessage.parse(crlf(`OPTIONS sip:h SIP/2.0
Via: SIP / 2.0 / UDP h1 : 5060 ;branch=z9hG4bK1 (a comment)
Via: ,, SIP/2.0/UDP h2 ,
From: <sip:a@h>;tag=1
To: <sip:b@h>
Call-ID: c
CSeq: 1 OPTIONS

`));
  assert.deepEqual(m.vias().map((v) => [v.host, v.port, v.branch]), [['h1', 5060, 'z9hG4bK1'], ['h2', 0, undefined]]);
});

// ---- bounded fuzz: seeded mutations of valid messages ----

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTERESTING = [...':;,"<>[]@%\\ \t\r\n=?&/0123456789'].map((c) => c.charCodeAt(0)).concat([0, 0x7f, 0x80, 0xc3, 0xff]);

function mutate(src: Buffer, rnd: () => number): Buffer {
  let b = Buffer.from(src);
  const ops = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < ops; k++) {
    const at = Math.floor(rnd() * (b.length + 1));
    const pick = rnd();
    if (pick < 0.3 && b.length > 0) {
      b[Math.min(at, b.length - 1)] = INTERESTING[Math.floor(rnd() * INTERESTING.length)];
    } else if (pick < 0.5) {
      b = Buffer.concat([b.subarray(0, at), Buffer.from([INTERESTING[Math.floor(rnd() * INTERESTING.length)]]), b.subarray(at)]);
    } else if (pick < 0.7) {
      b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + Math.floor(rnd() * 20)))]);
    } else if (pick < 0.85) {
      const len = Math.floor(rnd() * 40);
      const piece = b.subarray(at, at + len);
      const times = 1 + Math.floor(rnd() * 50);
      b = Buffer.concat([b.subarray(0, at), ...Array(times).fill(piece), b.subarray(at)]);
    } else if (pick < 0.95) {
      b = b.subarray(0, at);
    } else {
      b = Buffer.from(b.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
    }
  }
  return b;
}

function onlyParseErrors(what: string, input: Buffer, f: () => unknown): void {
  try {
    f();
  } catch (e) {
    const cause = (e as { cause?: unknown }).cause;
    if (!(e instanceof SipParseError) || cause !== undefined) {
      assert.fail(`${what} threw ${String(cause ?? e)} on ${JSON.stringify(input.toString('latin1'))}`);
    }
  }
}

// SIP_FUZZ_SEED / SIP_FUZZ_COUNT let a person run a longer or different campaign by hand.
const FUZZ_SEED = Number(process.env.SIP_FUZZ_SEED ?? 0x5eed);
const FUZZ_COUNT = Number(process.env.SIP_FUZZ_COUNT ?? 20000);

test(`fuzz: ${FUZZ_COUNT} seeded mutations parse or throw SipParseError, accessors and builders too`, () => {
  const rnd = mulberry32(FUZZ_SEED);
  const seeds = [REGISTER, INVITE, OPTIONS, REPLY_200];
  let parsed = 0;
  for (let n = 0; n < FUZZ_COUNT; n++) {
    const input = mutate(seeds[n % seeds.length], rnd);
    let m: SipMessage | undefined;
    onlyParseErrors('parse', input, () => (m = SipMessage.parse(input)));
    if (!m) continue;
    parsed++;
    const msg = m;
    const accessors: Array<() => unknown> = [
      () => msg.vias(), () => msg.topVia(), () => msg.from(), () => msg.to(), () => msg.contacts(), () => msg.cseq(),
      () => msg.callId(), () => msg.maxForwards(), () => msg.contentLength(), () => msg.routes(), () => msg.recordRoutes(),
      () => msg.expires(), () => msg.authorization('authorization'), () => msg.authorization('proxy-authorization'),
      () => msg.contentType(), () => msg.ruriParsed(), () => msg.body(), () => msg.headers.map((h) => h.value),
      () => (msg.isRequest ? buildRequest(msg, new Lumps(), { via: 'Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKx', removeTopVia: n % 2 === 0 }) : buildForwardedReply(msg, new Lumps())),
      () => (msg.isRequest ? buildReply(msg, 400, 'Bad Request', { received: '10.0.0.9', rport: 5060 }) : undefined),
    ];
    for (const f of accessors) onlyParseErrors('accessor', input, f);
  }
  // the mutations must leave a good share parseable, or the accessors were not exercised
  assert.ok(parsed > FUZZ_COUNT / 5, `only ${parsed} of ${FUZZ_COUNT} mutated messages parsed`);
});

test('header names use the whole token alphabet; unknown methods are tokens too', () => {
  const m = SipMessage.parse(crlf(`!interesting-Method0123456789_*+\`.%indeed'~ sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com SIP/2.0
Via: SIP/2.0/TCP host1.example.com;branch=z9hG4bK-.!%66*_+\`'~
From: "BEL:\\\u0007 NUL:\\\u0000 DEL:\\\u007f" <sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*@example.com>;tag=_token~1'+\`*%!-.
To: "Watson, Thomas" <sip:watson@example.com>
Call-ID: intmeth.word%ZK-!.*_+'@word\`~)(><:\\/"][?}{
CSeq: 139122385 !interesting-Method0123456789_*+\`.%indeed'~
!extra-Header\`_~+%: value

`.replace('\\\u0000', '\\\\x')));
  assert.equal(m.method, "!interesting-Method0123456789_*+`.%indeed'~");
  assert.equal(m.cseq().method, m.method);
  assert.equal(m.header("!EXTRA-header`_~+%")?.value, 'value');
  assert.equal(m.topVia().branch, "z9hG4bK-.!%66*_+`'~");
  assert.equal(m.to().display, 'Watson, Thomas');
  assert.equal(m.from().tag, "_token~1'+`*%!-.");
  assert.equal(m.callId(), 'intmeth.word%ZK-!.*_+\'@word`~)(><:\\/"][?}{');
  assert.equal(m.ruriParsed().host, 'example.com');
});

test('two requests in one datagram: Content-Length ends the first', () => {
  const one = crlf(`${HEAD}Content-Length: 0\n\n`);
  const m = SipMessage.parse(Buffer.concat([one, one]));
  assert.equal(m.buf.length, one.length);
  assert.equal(m.body().length, 0);
});

test('keep-alive CRLFs before the first line are not forwarded', () => {
  const m = SipMessage.parse(Buffer.concat([Buffer.from('\r\n\r\n'), crlf(`${HEAD}Content-Length: 0\n\n`)]));
  assert.equal(m.firstLineOffset, 4);
  const out = buildRequest(m, new Lumps(), {});
  assert.ok(out.toString('latin1').startsWith('INVITE sip:b@h SIP/2.0\r\n'));
});

test('Max-Forwards and Expires bounds', () => {
  const mf = (v: string) => SipMessage.parse(crlf(`${HEAD}Max-Forwards: ${v}\nExpires: ${v}\n\n`));
  assert.equal(mf('0').maxForwards(), 0);
  assert.equal(mf('0255').maxForwards(), 255);
  assert.throws(() => mf('256').maxForwards(), SipParseError);
  assert.equal(mf('4294967295').expires(), 4294967295);
  assert.throws(() => mf('4294967296').expires(), SipParseError);
  assert.throws(() => mf('1.5').expires(), SipParseError);
});

test('Via with sent-by errors: bad port, no host, IPv6 without brackets, not SIP', () => {
  for (const v of ['SIP/2.0/UDP h:0', 'SIP/2.0/UDP h:99999', 'SIP/2.0/UDP :5060', 'SIP/2.0/UDP 2001:db8::1', 'HTTP/1.1/TCP h', 'SIP/2.0 h', 'SIP/2.0/UDP', 'SIP/2.0/UDP [::1', 'SIP/2.0/UDP h;branch=x junk']) {
    const m = SipMessage.parse(crlf(HEAD.replace('Via: SIP/2.0/UDP h1;branch=z9hG4bK1', `Via: ${v}`) + '\n'));
    assert.throws(() => m.vias(), (e: unknown) => e instanceof SipParseError && /Via/.test(e.reason) && !e.canReply, v);
  }
});

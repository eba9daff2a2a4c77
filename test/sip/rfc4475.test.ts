// RFC 4475's 49 torture messages through the parser and the engine's own header checks, each
// against the outcome the table (rfc4475/cases.ts) states from the RFC's section 3 text. The
// end-to-end run of the same table against a real server is test/integration/rfc4475.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SipMessage } from '../../host/sip/message.js';
import { SipParseError } from '../../host/sip/errors.js';
import { buildErrorReply } from '../../host/sip/reply.js';
import { checkReplyHeaders, checkRequestHeaders } from '../../host/engine/engine.js';
import { serverKey } from '../../host/tm/keys.js';
import { CASES, tortureMessage, type TortureCase } from './rfc4475/cases.js';

/** What the engine's onMessage decides before any script runs (its parse and header checks). */
function coreOutcome(buf: Buffer): { outcome: 'route' | 'reply' } | { outcome: 'refused'; error: SipParseError } {
  try {
    const msg = SipMessage.parse(buf);
    if (msg.isRequest) checkRequestHeaders(msg);
    else checkReplyHeaders(msg);
    return { outcome: msg.isRequest ? 'route' : 'reply' };
  } catch (e) {
    assert.ok(e instanceof SipParseError, `only SipParseError may leave the parser, got ${String(e)}`);
    assert.equal((e as { cause?: unknown }).cause, undefined, `a rejection, not a wrapped bug: ${e.message}`);
    return { outcome: 'refused', error: e };
  }
}

test('the table holds each of the 49 messages once, and every .dat file is in it', () => {
  const dir = fileURLToPath(new URL('./rfc4475/', import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith('.dat')).map((f) => f.slice(0, -4)).sort();
  assert.equal(files.length, 49);
  assert.deepEqual(CASES.map((c) => c.name).sort(), files);
});

function expectCase(c: TortureCase): void {
  const buf = tortureMessage(c.name);
  const got = coreOutcome(buf);
  if (c.core === 'route' || c.core === 'reply') {
    assert.equal(got.outcome, c.core, got.outcome === 'refused' ? `refused: ${got.error.message}` : '');
    return;
  }
  assert.equal(got.outcome, 'refused', `${c.name} must be refused`);
  if (got.outcome !== 'refused') return;
  if (c.reason) assert.match(got.error.reason, c.reason);
  const reply = buildErrorReply(buf, got.error.reason);
  if (c.core === 'drop') {
    assert.equal(reply, null, 'no reply can be built');
    return;
  }
  assert.ok(reply, `a 400 must be built for ${c.name} (${got.error.message})`);
  const r = SipMessage.parse(reply);
  assert.equal(r.status, 400);
  assert.equal(r.reason, got.error.reason);
  // the reply carries the request's Via (as written, printable ASCII kept) so the client matches it
  const via = /^(?:via|v)[ \t]*:[ \t]*(.*)$/im.exec(buf.toString('latin1'))![1]!.trim();
  assert.equal(r.headersNamed('via')[0]!.value, via.replace(/[^\x20-\x7e]/g, ''));
}

for (const c of CASES) {
  test(`RFC 4475 §${c.section} ${c.name}: ${c.core === 400 ? '400' : c.core}`, () => expectCase(c));
}

// ---- the specific points of issue 7 item 15, beyond the outcome ----

test('intmeth: the escaped NUL, BEL and DEL are text of the To display name', () => {
  const m = SipMessage.parse(tortureMessage('intmeth'));
  assert.equal(m.method, "!interesting-Method0123456789_*+`.%indeed'~");
  assert.equal(m.to().display, 'BEL:\x07 NUL:\x00 DEL:\x7f');
  assert.equal(m.cseq().method, m.method);
  assert.equal(m.topVia().branch, "z9hG4bK-.!%66*_+`'~");
  assert.equal(m.ruriParsed().host, 'example.com');
});

test('a NUL anywhere but escaped in a quoted string is still refused', () => {
  const good = tortureMessage('intmeth');
  const nul = good.indexOf(0);
  assert.equal(good[nul - 1], 0x5c, 'the fixture escapes its NUL');
  const cases: Array<[string, Buffer]> = [
    ['unescaped, inside quotes', Buffer.concat([good.subarray(0, nul - 1), Buffer.from('x'), good.subarray(nul)])],
    ['in the first line', Buffer.concat([Buffer.from('OPTIONS sip:a\0b@h SIP/2.0\r\n'), good.subarray(good.indexOf('\n') + 1)])],
    ['escaped, outside quotes', Buffer.from(good.toString('latin1').replace('Max-Forwards: 255', 'Max-Forwards: 2\\\x0055'), 'latin1')],
    ['in a header name', Buffer.from(good.toString('latin1').replace('Max-Forwards: 255', 'Max-\x00Forwards: 255'), 'latin1')],
  ];
  for (const [what, buf] of cases) {
    assert.throws(() => SipMessage.parse(buf), (e: unknown) => e instanceof SipParseError && /NUL|Malformed|Bad/.test(e.reason), what);
  }
});

test('multi01: each of From, To, Call-ID, CSeq, Max-Forwards twice is refused; Via and Contact may repeat', () => {
  const base = 'OPTIONS sip:a@h SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@h>;tag=1\r\nTo: <sip:b@h>\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContact: <sip:a@h>\r\n';
  const ok = SipMessage.parse(Buffer.from(base + 'Via: SIP/2.0/UDP g;branch=z9hG4bK2\r\nContact: <sip:b@h>\r\n\r\n'));
  assert.equal(ok.vias().length, 2);
  for (const dup of ['From: <sip:x@h>;tag=2', 't: <sip:y@h>', 'i: d', 'CSeq: 2 OPTIONS', 'Max-Forwards: 5']) {
    assert.throws(() => SipMessage.parse(Buffer.from(`${base}${dup}\r\n\r\n`)), (e: unknown) => e instanceof SipParseError && e.reason === 'Duplicate header', dup);
  }
});

test('ltgtruri and escruri are 400 from the core, before any scheme check could say 416', () => {
  for (const name of ['ltgtruri', 'escruri']) {
    assert.throws(() => SipMessage.parse(tortureMessage(name)), (e: unknown) => e instanceof SipParseError && e.reason === 'Bad Request-URI', name);
  }
  // unknown but well-formed schemes still parse: the 416 is the script's (sanity) to give
  for (const name of ['unkscm', 'novelsc']) assert.equal(SipMessage.parse(tortureMessage(name)).isRequest, true);
  // a '?' in the user part is not a header (intmeth), one after the host is
  SipMessage.parse(Buffer.from('OPTIONS sip:a?b@h SIP/2.0\r\nVia: SIP/2.0/UDP h\r\n\r\n'));
  assert.throws(() => SipMessage.parse(Buffer.from('OPTIONS sips:h?Route=x SIP/2.0\r\nVia: SIP/2.0/UDP h\r\n\r\n')), /headers in a SIP Request-URI/);
  assert.throws(() => SipMessage.parse(Buffer.from('OPTIONS 1sip:h SIP/2.0\r\nVia: SIP/2.0/UDP h\r\n\r\n')), /bad scheme/);
});

test('regbadct: the Contact is refused when read; in <> (regescrt) its headers are the URI\'s', () => {
  const bad = SipMessage.parse(tortureMessage('regbadct'));
  assert.throws(() => bad.contacts(), (e: unknown) => e instanceof SipParseError && e.reason === 'Bad Contact' && e.canReply);
  const good = SipMessage.parse(tortureMessage('regescrt'));
  assert.equal(good.contacts().list[0]!.uri!.headers.get('Route'), '%3Csip:sip.example.com%3E');
});

test('insuf: the 400 carries the Via and CSeq it has and leaves out what it lacks', () => {
  const r = buildErrorReply(tortureMessage('insuf'), 'Missing From')!.toString('latin1');
  assert.match(r, /^SIP\/2\.0 400 Missing From\r\nVia: SIP\/2\.0\/UDP 192\.0\.2\.95;branch=z9hG4bKkdj\.insuf\r\nCSeq: 193942 INVITE\r\nContent-Length: 0\r\n\r\n$/);
});

test('the valid messages parse all the way down: every header the core reads', () => {
  for (const c of CASES.filter((k) => k.section.startsWith('3.1.1') && k.core === 'route')) {
    const m = SipMessage.parse(tortureMessage(c.name));
    m.vias();
    m.from();
    m.to();
    m.callId();
    m.cseq();
    m.contacts();
    m.routes();
    m.recordRoutes();
    m.maxForwards();
    m.contentLength();
    m.contentType();
    m.ruriParsed();
  }
});

test('badbranch: a branch that is only the magic cookie is matched by RFC 2543 rules, not as a transaction id', () => {
  assert.match(serverKey(SipMessage.parse(tortureMessage('badbranch')))!, /^2543\n/);
  assert.match(serverKey(SipMessage.parse(tortureMessage('zeromf')))!, /^3261\nz9hG4bKkdjuw2349i\n/);
});

// KSR.registrar.save on real REGISTERs through the Dispatcher: RFC 3261 §10.3 rules, the
// reply, Kamailio's flag bits, Path, RFC 5626 instance/reg-id and the received address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { register, registrar, replyContacts } from './support.js';

const AOR = { username: 'alice', domain: '' };

test('a REGISTER is saved and the 200 lists the binding with its expires', () => {
  const r = registrar();
  const { ksr } = r.on(register({ contacts: ['<sip:alice@192.0.2.10:5062>;expires=600'] }));
  assert.equal(ksr('registrar.save', 'location', 0), 1);
  const reply = r.lastReply();
  assert.equal(reply.status, 200);
  assert.deepEqual(replyContacts(reply), ['<sip:alice@192.0.2.10:5062>;expires=600']);
  const [b] = r.ul.contacts('location', AOR);
  assert.equal(b!.contact, 'sip:alice@192.0.2.10:5062');
  assert.equal(b!.expires, r.ul.nowS() + 600);
  assert.equal(b!.callid, 'reg-alice');
  assert.equal(b!.socket, 'udp:127.0.0.1:5060');
});

test('the 200 lists the lifetime granted even when a second ends during the save', () => {
  // a clock that moves 1 s at every reading: no two readings in one save fall in one second, as
  // when a loaded server crosses a second's edge mid-save (CI once saw a binding granted 1 s listed as expires=0)
  const r = registrar();
  r.clock.tickMs = 1000;
  const { ksr } = r.on(register({ contacts: ['<sip:alice@192.0.2.10:5062>;expires=600'] }));
  assert.equal(ksr('registrar.save', 'location', 0), 1);
  assert.deepEqual(replyContacts(r.lastReply()), ['<sip:alice@192.0.2.10:5062>;expires=600']);
});

test('a re-REGISTER refreshes the binding (2 = updated) and the reply shows the new lifetime', () => {
  const r = registrar();
  r.on(register({ cseq: 1, expires: 600 })).ksr('registrar.save', 'location', 0);
  r.clock.advance(100);
  assert.equal(r.on(register({ cseq: 2, expires: 900 })).ksr('registrar.save', 'location', 0), 2);
  const list = r.ul.contacts('location', AOR);
  assert.equal(list.length, 1);
  assert.equal(list[0]!.expires, r.ul.nowS() + 900);
  assert.equal(list[0]!.cseq, 2);
  assert.deepEqual(replyContacts(r.lastReply()), ['<sip:alice@192.0.2.10:5062>;expires=900']);
});

test('lifetime: contact expires over Expires over default_expires; min and max clamp; 0 removes', () => {
  const r = registrar({ registrar: { defaultExpires: 1234, minExpires: 60, maxExpires: 3600 } });
  const exp = (contact: string, expires?: number, cseq = 1) => {
    r.on(register({ callId: `c-${contact}`, cseq, contacts: [contact], expires })).ksr('registrar.save', 'location', 0);
    const uri = contact.replace(/^<|>.*$/g, '');
    const b = r.ul.contacts('location', AOR).find((x) => x.contact === uri);
    return b ? b.expires - r.ul.nowS() : null;
  };
  assert.equal(exp('<sip:a@h1>;expires=300', 900), 300);
  assert.equal(exp('<sip:a@h2>', 900), 900);
  assert.equal(exp('<sip:a@h3>'), 1234);
  assert.equal(exp('<sip:a@h4>;expires=10'), 60);
  assert.equal(exp('<sip:a@h5>', 86400), 3600);
  assert.equal(exp('<sip:a@h1>;expires=0', undefined, 2), null);
  assert.equal(r.ul.contacts('location', AOR).length, 4);
  assert.equal(exp('<sip:a@h2>', 0, 2), null);
  assert.equal(r.ul.contacts('location', AOR).length, 3);
});

test('Contact * with Expires: 0 removes every binding (3); * with another Expires is a 400', () => {
  const r = registrar();
  r.on(register({ contacts: ['<sip:alice@h1>', '<sip:alice@h2>'] })).ksr('registrar.save', 'location', 0);
  assert.equal(r.ul.contacts('location', AOR).length, 2);
  assert.equal(r.on(register({ cseq: 2, contacts: ['*'], expires: 5 })).ksr('registrar.save', 'location', 0), -1);
  assert.equal(r.lastReply().status, 400);
  assert.match(r.lastReply().header('p-registrar-error')!.value, /star/);
  assert.equal(r.ul.contacts('location', AOR).length, 2);
  assert.equal(r.on(register({ cseq: 3, contacts: ['*'], expires: 0 })).ksr('registrar.save', 'location', 0), 3);
  assert.equal(r.lastReply().status, 200);
  assert.equal(r.lastReply().header('contact'), undefined, 'the 200 to a removal lists no Contact');
  assert.deepEqual(replyContacts(r.lastReply()), []);
  assert.equal(r.ul.contacts('location', AOR).length, 0);
});

test('same Call-ID: an older CSeq is a 400; an equal one within 20 s is a retransmission, later a 400', () => {
  const r = registrar();
  r.on(register({ cseq: 5, expires: 600 })).ksr('registrar.save', 'location', 0);
  assert.equal(r.on(register({ cseq: 4, expires: 100 })).ksr('registrar.save', 'location', 0), -1);
  assert.equal(r.lastReply().status, 400);
  assert.equal(r.lastReply().header('p-registrar-error')!.value, 'Invalid CSeq number');
  assert.equal(r.ul.contacts('location', AOR)[0]!.expires, r.ul.nowS() + 600);
  r.clock.advance(5);
  assert.ok(r.on(register({ cseq: 5, expires: 100 })).ksr('registrar.save', 'location', 0) as number > 0);
  assert.equal(r.lastReply().status, 200);
  assert.equal(r.ul.contacts('location', AOR)[0]!.expires, r.ul.nowS() - 5 + 600, 'a retransmission changes nothing');
  r.clock.advance(30);
  assert.equal(r.on(register({ cseq: 5, expires: 100 })).ksr('registrar.save', 'location', 0), -1);
  assert.equal(r.lastReply().status, 400);
  // another Call-ID (the UA restarted) may use any CSeq
  assert.equal(r.on(register({ callId: 'new', cseq: 1, expires: 100 })).ksr('registrar.save', 'location', 0), 2);
});

test('max_contacts: one binding too many is a 503 and nothing changes', () => {
  const r = registrar({ registrar: { maxContacts: 2 } });
  r.on(register({ contacts: ['<sip:alice@h1>', '<sip:alice@h2>'] })).ksr('registrar.save', 'location', 0);
  assert.equal(r.on(register({ callId: 'x', contacts: ['<sip:alice@h3>'] })).ksr('registrar.save', 'location', 0), -1);
  assert.equal(r.lastReply().status, 503);
  assert.match(r.lastReply().header('p-registrar-error')!.value, /Too many registered contacts/);
  assert.deepEqual(r.ul.contacts('location', AOR).map((b) => b.contact), ['sip:alice@h1', 'sip:alice@h2']);
  // replacing one while adding one fits
  assert.equal(r.on(register({ callId: 'y', contacts: ['<sip:alice@h1>;expires=0', '<sip:alice@h3>'] })).ksr('registrar.save', 'location', 0), 1);
  assert.deepEqual(r.ul.contacts('location', AOR).map((b) => b.contact).sort(), ['sip:alice@h2', 'sip:alice@h3']);
});

test('q: stored, listed, orders the bindings; a q outside 0..1 is a 400', () => {
  const r = registrar();
  r.on(register({ contacts: ['<sip:alice@low>;q=0.1', '<sip:alice@high>;q=0.9', '<sip:alice@none>'] })).ksr('registrar.save', 'location', 0);
  assert.deepEqual(r.ul.contacts('location', AOR).map((b) => [b.contact, b.q]), [['sip:alice@high', 0.9], ['sip:alice@low', 0.1], ['sip:alice@none', -1]]);
  assert.deepEqual(replyContacts(r.lastReply()), ['<sip:alice@high>;expires=3600;q=0.9', '<sip:alice@low>;expires=3600;q=0.1', '<sip:alice@none>;expires=3600']);
  assert.equal(r.on(register({ callId: 'q', contacts: ['<sip:alice@bad>;q=1.5'] })).ksr('registrar.save', 'location', 0), -1);
  assert.equal(r.lastReply().status, 400);
  assert.equal(r.ul.contacts('location', AOR).length, 3);
});

test('no Contact: a query (4), the 200 lists the bindings', () => {
  const r = registrar();
  r.on(register({ contacts: ['<sip:alice@h1>'] })).ksr('registrar.save', 'location', 0);
  assert.equal(r.on(register({ cseq: 2, contacts: [] })).ksr('registrar.save', 'location', 0), 4);
  assert.deepEqual(replyContacts(r.lastReply()), ['<sip:alice@h1>;expires=3600']);
});

test('Path: stored; echoed with Supported: path; strict mode answers 420 without it, lazy stores silently', () => {
  const strict = registrar();
  const path = ['Path: <sip:edge.example.net;lr>'];
  assert.equal(strict.on(register({ extra: path })).ksr('registrar.save', 'location', 0), -1);
  assert.equal(strict.lastReply().status, 420);
  assert.equal(strict.lastReply().header('unsupported')!.value, 'path');
  assert.equal(strict.on(register({ cseq: 2, extra: [...path, 'Supported: outbound, path'] })).ksr('registrar.save', 'location', 0), 1);
  assert.equal(strict.lastReply().status, 200);
  assert.equal(strict.lastReply().header('path')!.value, '<sip:edge.example.net;lr>');
  assert.equal(strict.ul.contacts('location', AOR)[0]!.path, '<sip:edge.example.net;lr>');

  const lazy = registrar({ registrar: { pathMode: 'lazy' } });
  assert.equal(lazy.on(register({ extra: path })).ksr('registrar.save', 'location', 0), 1);
  assert.equal(lazy.lastReply().header('path'), undefined);
  assert.equal(lazy.ul.contacts('location', AOR)[0]!.path, '<sip:edge.example.net;lr>');
});

test('+sip.instance/reg-id: a new registration of the same instance and reg-id replaces the old binding', () => {
  const r = registrar();
  const inst = '+sip.instance="<urn:uuid:00000000-0000-1000-8000-000A95A0E128>"';
  r.on(register({ contacts: [`<sip:alice@192.0.2.10:5062>;${inst};reg-id=1`], extra: ['Supported: outbound'] })).ksr('registrar.save', 'location', 0);
  r.on(register({ callId: 'after-reboot', contacts: [`<sip:alice@192.0.2.99:6000>;${inst};reg-id=1`] })).ksr('registrar.save', 'location', 0);
  const list = r.ul.contacts('location', AOR);
  assert.deepEqual(list.map((b) => [b.contact, b.instance, b.regId]), [['sip:alice@192.0.2.99:6000', '<urn:uuid:00000000-0000-1000-8000-000A95A0E128>', 1]]);
  assert.deepEqual(replyContacts(r.lastReply()), [`<sip:alice@192.0.2.99:6000>;expires=3600;${inst};reg-id=1`]);
  // another reg-id of the same instance is another flow: a second binding
  r.on(register({ callId: 'flow2', contacts: [`<sip:alice@192.0.2.99:6001>;${inst};reg-id=2`] })).ksr('registrar.save', 'location', 0);
  assert.equal(r.ul.contacts('location', AOR).length, 2);
});

test('received: from the RECEIVED AVP (fix_nated_register-like) or, with flag 0x100, from the source address', () => {
  const r = registrar();
  const a = r.on(register(), { srcIp: '203.0.113.5', srcPort: 40000 });
  a.ksr('pv.sets', '$avp(RECEIVED)', 'sip:203.0.113.5:40000');
  a.ksr('registrar.save', 'location', 0);
  assert.equal(r.ul.contacts('location', AOR)[0]!.received, 'sip:203.0.113.5:40000');
  r.on(register({ user: 'bob' }), { srcIp: '203.0.113.6', srcPort: 41000, proto: 'tcp' }).ksr('registrar.save', 'location', 0x100);
  assert.equal(r.ul.contacts('location', { username: 'bob', domain: '' })[0]!.received, 'sip:203.0.113.6:41000;transport=tcp');
  r.on(register({ user: 'carol' })).ksr('registrar.save', 'location', 0);
  assert.equal(r.ul.contacts('location', { username: 'carol', domain: '' })[0]!.received, '');
});

test('flag 0x02: no reply until reg_send_reply; 0x04: the last contact replaces every other binding', () => {
  const r = registrar();
  const a = r.on(register({ contacts: ['<sip:alice@h1>', '<sip:alice@h2>'] }));
  assert.equal(a.ksr('registrar.save', 'location', 0x02), 1);
  assert.equal(r.core.replies.length, 0);
  assert.equal(a.ksr('registrar.reg_send_reply'), 1);
  assert.equal(r.lastReply().status, 200);
  assert.equal(replyContacts(r.lastReply()).length, 2);
  assert.equal(a.ksr('registrar.reg_send_reply'), -1, 'sent once only');
  r.on(register({ callId: 'one', contacts: ['<sip:alice@h3>', '<sip:alice@h4>'] })).ksr('registrar.save', 'location', 0x04);
  assert.deepEqual(r.ul.contacts('location', AOR).map((b) => b.contact), ['sip:alice@h4']);
});

test('set_q_override gives every saved contact that q; a bad value is refused', () => {
  const r = registrar();
  const a = r.on(register({ contacts: ['<sip:alice@h1>;q=0.2'] }));
  assert.equal(a.ksr('registrar.set_q_override', '0.7'), 1);
  assert.equal(a.ksr('registrar.set_q_override', '7'), -1);
  a.ksr('registrar.save', 'location', 0);
  assert.equal(r.ul.contacts('location', AOR)[0]!.q, 0.7);
});

test('save_uri saves under the AoR given instead of To', () => {
  const r = registrar();
  assert.equal(r.on(register()).ksr('registrar.save_uri', 'location', 0, 'sip:other@localhost'), 1);
  assert.equal(r.ul.contacts('location', { username: 'other', domain: '' }).length, 1);
  assert.equal(r.ul.contacts('location', AOR).length, 0);
});

test('tables are separate; use_domain keys the AoR by user@domain', () => {
  const r = registrar({ usrloc: { useDomain: true } });
  r.on(register()).ksr('registrar.save', 'other', 0);
  assert.equal(r.ul.contacts('location', { username: 'alice', domain: 'localhost' }).length, 0);
  assert.equal(r.ul.contacts('other', { username: 'alice', domain: 'localhost' }).length, 1);
});

// lookup and the other readers of the location table, on real INVITEs after real REGISTERs.
import { buildOutgoingRequest } from '../../host/forward/build-request.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtMessage } from '../support/sip-fixtures.js';
import { invite, register, registrar } from './support.js';

function withAlice(contacts: string[], extra: string[] = [], opts: Parameters<typeof registrar>[0] = {}) {
  const r = registrar(opts);
  assert.ok((r.on(register({ contacts, extra })).ksr('registrar.save', 'location', 0) as number) > 0, 'save');
  return r;
}

test('lookup: the best binding becomes the R-URI, the others branches (highest q first); -1 when unknown', () => {
  const r = withAlice(['<sip:alice@low:5060>;q=0.2', '<sip:alice@best:5060>;q=0.9', '<sip:alice@mid:5060>;q=0.5']);
  const { ctx, ksr } = r.on(invite());
  assert.equal(ksr('registrar.lookup', 'location'), 1);
  assert.equal(ctx.ruri, 'sip:alice@best:5060');
  assert.equal(ctx.dstUri, null);
  assert.deepEqual(ctx.branches.map((b) => [b.uri, b.q]), [['sip:alice@mid:5060', 0.5], ['sip:alice@low:5060', 0.2]]);
  const other = r.on(invite('nobody'));
  assert.equal(other.ksr('registrar.lookup', 'location'), -1);
  assert.equal(other.ctx.ruri, 'sip:nobody@localhost');
});

test('lookup: an expired binding is not found', () => {
  const r = withAlice(['<sip:alice@h1>;expires=120']);
  r.clock.advance(119);
  assert.equal(r.on(invite()).ksr('registrar.lookup', 'location'), 1);
  r.clock.advance(1);
  assert.equal(r.on(invite()).ksr('registrar.lookup', 'location'), -1);
});

test('lookup: $du from received; Path gives $du = first hop and Route headers before the first Route', () => {
  const r = registrar();
  const a = r.on(register(), { srcIp: '203.0.113.5', srcPort: 40000 });
  a.ksr('registrar.save', 'location', 0x100);
  const l = r.on(invite());
  assert.equal(l.ksr('registrar.lookup', 'location'), 1);
  assert.equal(l.ctx.dstUri, 'sip:203.0.113.5:40000');
  assert.equal(l.ksr('pv.get', '$du'), 'sip:203.0.113.5:40000');

  const p = withAlice(['<sip:alice@10.0.0.1:5060>'], ['Path: <sip:edge1.example.net;lr>, <sip:edge2.example.net;lr>', 'Supported: path']);
  const c = p.on(invite('alice', ['Route: <sip:127.0.0.1;lr>']));
  assert.equal(c.ksr('registrar.lookup', 'location'), 1);
  assert.equal(c.ctx.dstUri, 'sip:edge1.example.net;lr');
  // the Path goes on this branch when it is built for sending
  assert.equal(c.ctx.path, '<sip:edge1.example.net;lr>, <sip:edge2.example.net;lr>');
  const built = buildOutgoingRequest(c.ctx, { proto: 'udp', ip: '192.0.2.1', port: 5060 }, 'z9hG4bKpath')!.buf.toString();
  assert.match(built, /Route: <sip:edge1\.example\.net;lr>, <sip:edge2\.example\.net;lr>\r\nRoute: <sip:127\.0\.0\.1;lr>/);
});

test('lookup: method filtering gives -2 when no binding allows the method', () => {
  const r = withAlice(['<sip:alice@h1>'], ['Allow: REGISTER, MESSAGE'], { registrar: { methodFiltering: true } });
  assert.equal(r.on(invite()).ksr('registrar.lookup', 'location'), -2);
  const msg = r.on(invite().replace(/INVITE/g, 'MESSAGE'));
  assert.equal(msg.ksr('registrar.lookup', 'location'), 1);
});

test('lookup_uri, lookup_to_dset and lookup_branches', () => {
  const r = withAlice(['<sip:alice@a1>', '<sip:alice@a2>']);
  r.on(register({ user: 'bob', contacts: ['<sip:bob@b1>'] })).ksr('registrar.save', 'location', 0);

  const u = r.on(invite('nobody'));
  assert.equal(u.ksr('registrar.lookup_uri', 'location', 'sip:bob@localhost'), 1);
  assert.equal(u.ctx.ruri, 'sip:bob@b1');

  const d = r.on(invite());
  assert.equal(d.ksr('registrar.lookup_to_dset', 'location', ''), 1);
  assert.equal(d.ctx.ruri, 'sip:alice@localhost', 'R-URI unchanged');
  assert.deepEqual(d.ctx.branches.map((b) => b.uri), ['sip:alice@a1', 'sip:alice@a2']);

  const b = r.on(invite());
  b.ksr('corex.append_branch_uri', 'sip:bob@localhost');
  b.ksr('corex.append_branch_uri', 'sip:stranger@elsewhere');
  assert.equal(b.ksr('registrar.lookup_branches', 'location'), 1);
  assert.equal(b.ctx.ruri, 'sip:alice@a1');
  assert.deepEqual(b.ctx.branches.map((x) => x.uri), ['sip:alice@a2', 'sip:bob@b1', 'sip:stranger@elsewhere']);
});

test('registered, registered_uri, registered_flags', () => {
  const r = withAlice(['<sip:alice@192.0.2.10:5062>']);
  assert.equal(r.on(invite()).ksr('registrar.registered', 'location'), 1);
  assert.equal(r.on(invite('nobody')).ksr('registrar.registered', 'location'), -1);
  assert.equal(r.on(invite('nobody')).ksr('registrar.registered_uri', 'location', 'sip:alice@localhost'), 1);
  // match bit 1: Call-ID of the current message; 4: its Contact URI
  const again = r.on(register({ cseq: 9 }));
  assert.equal(again.ksr('registrar.registered_flags', 'location', 'sip:alice@localhost', 1), 1);
  assert.equal(again.ksr('registrar.registered_flags', 'location', 'sip:alice@localhost', 4), 1);
  assert.equal(r.on(invite()).ksr('registrar.registered_flags', 'location', 'sip:alice@localhost', 1), -1);
  assert.equal(r.on(invite()).ksr('registrar.registered_action', 'location', 'sip:alice@localhost', 0, 1), 1);
});

test('unregister removes the AoR; unregister_ruid one binding', () => {
  const r = withAlice(['<sip:alice@h1>', '<sip:alice@h2>']);
  const [first] = r.ul.contacts('location', { username: 'alice', domain: '' });
  const x = r.on(invite());
  assert.equal(x.ksr('registrar.unregister_ruid', 'location', 'sip:alice@localhost', 'no-such-ruid'), -1);
  assert.equal(x.ksr('registrar.unregister_ruid', 'location', 'sip:alice@localhost', first!.ruid), 1);
  assert.deepEqual(r.ul.contacts('location', { username: 'alice', domain: '' }).map((b) => b.contact), ['sip:alice@h2']);
  assert.equal(x.ksr('registrar.unregister', 'location', 'sip:alice@localhost'), 1);
  assert.equal(x.ksr('registrar.unregister', 'location', 'sip:alice@localhost'), -1);
  assert.equal(x.ksr('registrar.lookup', 'location'), -1);
});

test('reg_fetch_contacts, ulc_rget/ulc_cget, $ulc and reg_free_contacts', () => {
  const r = withAlice(['<sip:alice@h1>;q=0.5', '<sip:alice@h2>;q=1']);
  const x = r.on(invite());
  assert.equal(x.ksr('registrar.reg_fetch_contacts', 'location', 'sip:alice@localhost', 'res'), 1);
  assert.equal(x.ksr('registrar.ulc_rget', 'res', 'count'), 2);
  assert.equal(x.ksr('registrar.ulc_rget', 'res', 'aor'), 'alice');
  assert.equal(x.ksr('registrar.ulc_cget', 'res', 'addr', 0), 'sip:alice@h2');
  assert.equal(x.ksr('registrar.ulc_cget', 'res', 'addr', 1), 'sip:alice@h1');
  assert.equal(x.ksr('registrar.ulc_cget', 'res', 'q', 1), 500);
  assert.equal(x.ksr('registrar.ulc_cget', 'res', 'addr', 2), 0, 'past the end: int 0');
  assert.equal(x.ksr('registrar.ulc_cget', 'res', 'nonsense', 0), 0);
  assert.equal(x.ksr('pv.get', '$ulc(res=>count)'), 2);
  assert.equal(x.ksr('pv.get', '$ulc(res=>addr)'), 'sip:alice@h2');
  assert.equal(x.ksr('pv.get', '$ulc(res=>callid)'), 'reg-alice');
  // the result outlives the message, as Kamailio's per-process one
  assert.equal(r.on(invite()).ksr('registrar.ulc_rget', 'res', 'count'), 2);
  assert.equal(x.ksr('registrar.reg_free_contacts', 'res'), 1);
  assert.equal(x.ksr('registrar.ulc_rget', 'res', 'count'), 0);
  assert.equal(x.ksr('registrar.reg_fetch_contacts', 'location', 'sip:nobody@localhost', 'none'), -1);
  assert.equal(x.ksr('registrar.ulc_rget', 'none', 'count'), 0);
});

test('add_sock_hdr adds the receiving socket; reg_from_user matches the source of a registered user', () => {
  const r = registrar();
  r.on(register(), { srcIp: '192.0.2.10', srcPort: 5062 }).ksr('registrar.save', 'location', 0);
  const x = r.on(invite(), { srcIp: '192.0.2.10', srcPort: 5062 });
  assert.equal(x.ksr('registrar.add_sock_hdr', 'X-Sock'), 1);
  assert.match(builtMessage(x.ctx), /X-Sock: udp:127\.0\.0\.1:5060\r\n/);
  assert.equal(x.ksr('registrar.add_sock_hdr', 'bad name'), -1);
  assert.equal(x.ksr('registrar.reg_from_user', 'location', 'sip:alice@localhost', 1), 1);
  const elsewhere = r.on(invite(), { srcIp: '192.0.2.10', srcPort: 7000 });
  assert.equal(elsewhere.ksr('registrar.reg_from_user', 'location', 'sip:alice@localhost', 0), 1, 'mode 0: IP only');
  assert.equal(elsewhere.ksr('registrar.reg_from_user', 'location', 'sip:alice@localhost', 1), -1, 'mode 1: port too');
});

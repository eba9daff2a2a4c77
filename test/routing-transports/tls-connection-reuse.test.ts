// The UDP ↔ TLS bridge on a real engine with a `tls:` listener (certificates from the test CA):
// a UA registered over TLS is called by a UDP UA over the TLS connection it registered on, with
// our Via saying TLS and two Record-Route entries (transport=tls on the TLS side); its reply
// comes back to the caller; scripts see tls ($proto, is_TLS, is_proto("e")); once the connection
// is closed the call fails at once (480 from the failure route).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type net from 'node:net';
import tls from 'node:tls';
import { SipMessage } from '../../host/sip/message.js';
import { freePort } from '../support/ports.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';
import { DEFAULT_TLS } from '../../host/transport/tls-settings.js';
import { isReply, isRequest, makeRequest, Peer, type Route } from '../tm/harness.js';
import { CONNECTION_ROUTES, id, inDialog, recordRoutes, register, replyTo, startConnectionProxy, TcpUa } from './support.js';

const SEEN: Route = (KSR, ctx) => {
  if (ctx.msg.method !== 'OPTIONS') return CONNECTION_ROUTES.ksr_request_route!(KSR, ctx);
  const seen = [KSR('pv.get', '$proto'), KSR('is_TLS'), KSR('is_proto', 'e'), KSR('is_TCP')].map(String).join(' ');
  KSR('hdr.append_to_reply', `X-Seen: ${seen}\r\n`);
  KSR('sl.sl_send_reply', 200, 'OK');
};

describe('routing over TLS connections', () => {
  let pki: TestPki;
  before(() => {
    pki = makeTestPki();
  });
  after(() => pki?.remove());

  test('UDP caller → TLS callee over its registered connection; replies on it; closed: 480 at once', async () => {
    const { cert, key } = pki.server('ksr', ['127.0.0.1']);
    const tlsPort = await freePort();
    const { engine, port } = await startConnectionProxy({ ...CONNECTION_ROUTES, ksr_request_route: SEEN }, { tls: { ...DEFAULT_TLS, certificate: cert, privateKey: key } }, [{ proto: 'tls', ip: '127.0.0.1', port: tlsPort }]);
    const bob = await TcpUa.connect(tlsPort, pki.caCert);
    const alice = await Peer.open();
    try {
      bob.send(inDialog('OPTIONS', { ruri: 'sip:127.0.0.1', routes: [], via: 'SIP/2.0/TLS bobhost.invalid', from: '<sip:bob@x>;tag=1', to: '<sip:127.0.0.1>', callId: id(), cseq: 1 }));
      const seen = await bob.inbox.waitFor(isReply(200, 'OPTIONS'), '200 to the OPTIONS over TLS');
      assert.equal(seen.header('x-seen')?.value, 'tls true true false');
      assert.equal(seen.topVia().params.get('rport'), String(bob.localPort));

      bob.send(register('bob', 'tls'));
      await bob.inbox.waitFor(isReply(200, 'REGISTER'), '200 to the REGISTER');
      alice.send(makeRequest('INVITE', alice, 'sip:bob@127.0.0.1'), port);
      const invite = await bob.inbox.waitFor(isRequest('INVITE'), 'the INVITE over TLS');
      assert.match(invite.headersNamed('via')[0]!.value, new RegExp(`^SIP/2\\.0/TLS 127\\.0\\.0\\.1:${tlsPort};branch=`));
      const rr = recordRoutes(invite);
      assert.equal(rr.length, 2, rr.join(' | '));
      assert.match(rr[0]!, new RegExp(`^<sip:127\\.0\\.0\\.1:${tlsPort};transport=tls;r2=on;lr`));
      assert.match(rr[1]!, new RegExp(`^<sip:127\\.0\\.0\\.1:${port};r2=on;lr`));
      bob.send(replyTo(invite, 486, 'Busy Here', null));
      await alice.waitFor(isReply(486, 'INVITE'), '486 over UDP');

      await bob.close();
      const started = Date.now();
      const callId = id();
      alice.send(makeRequest('INVITE', alice, 'sip:bob@127.0.0.1', { callId }), port);
      const gone = await alice.waitFor((m) => !m.isRequest && m.status >= 300 && m.callId() === `${callId}@test`, 'a final reply once the TLS connection is closed', 4000);
      assert.equal(gone.status, 480);
      assert.ok(Date.now() - started < 2000, `answered in ${Date.now() - started} ms`);
    } finally {
      alice.close();
      await bob.close();
      await engine.stop();
    }
  });

  test('outbound TLS checks the certificate against the URI\'s host name: sips:svc@localhost passes, the same server by IP does not', async () => {
    // the far server's certificate names localhost only (no IP SAN)
    const far = pki.server('far', ['localhost']);
    const got: string[] = [];
    const farServer = tls.createServer({ cert: readFileSync(far.cert), key: readFileSync(far.key) }, (sock) => {
      sock.on('data', (b) => {
        const m = SipMessage.parse(b);
        got.push(m.ruri);
        sock.write(replyTo(m, 200, 'OK', null));
      });
      sock.on('error', () => {});
    });
    await new Promise<void>((r) => farServer.listen(0, '127.0.0.1', r));
    const farPort = (farServer.address() as net.AddressInfo).port;
    const { cert, key } = pki.server('ksr2', ['127.0.0.1']);
    const tlsPort = await freePort();
    const relay: Route = (KSR) => {
      KSR('tm.t_relay');
    };
    const { engine, port } = await startConnectionProxy({ ksr_request_route: relay }, { tls: { ...DEFAULT_TLS, certificate: cert, privateKey: key, caList: pki.caCert } }, [{ proto: 'tls', ip: '127.0.0.1', port: tlsPort }]);
    const alice = await Peer.open();
    try {
      // by IP first: a connection verified by name would be reused for the address (as Kamailio reuses by address)
      alice.send(makeRequest('OPTIONS', alice, `sips:svc@127.0.0.1:${farPort}`), port);
      const failed = await alice.waitFor((m) => !m.isRequest && m.status >= 400, 'an error: the certificate does not name 127.0.0.1');
      assert.ok(failed.status >= 400);
      assert.deepEqual(got, [], 'nothing reached the far server over an unverified connection');
      alice.send(makeRequest('OPTIONS', alice, `sips:svc@localhost:${farPort}`), port);
      await alice.waitFor(isReply(200, 'OPTIONS'), '200 relayed from the far TLS server named localhost');
      assert.deepEqual(got, [`sips:svc@localhost:${farPort}`]);
    } finally {
      alice.close();
      await engine.stop();
      await new Promise((r) => farServer.close(r));
    }
  });
});

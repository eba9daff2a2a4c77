// UDP in, TCP out: the branch goes over a TCP connection the proxy opens, with no
// retransmissions (reliable transport), a double Record-Route (transport change), and the
// replies come back on that connection and are relayed over UDP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { SipMessage } from '../../host/sip/message.js';
import { isReply, makeReply, makeRequest, Peer, PROXY_ROUTES, startProxy, until } from './harness.js';

test('UDP in, TCP out: one INVITE on the stream, double Record-Route, 200 relayed over UDP', async () => {
  const got: SipMessage[] = [];
  const server = net.createServer((sock) => {
    let buf = Buffer.alloc(0);
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (let end = buf.indexOf('\r\n\r\n'); end >= 0; end = buf.indexOf('\r\n\r\n')) {
        const m = SipMessage.parse(buf.subarray(0, end + 4)); // our test requests have no body
        buf = buf.subarray(end + 4);
        got.push(m);
        if (m.method === 'INVITE') {
          setTimeout(() => {
            sock.write(makeReply(m, 180, 'Ringing'));
            sock.write(makeReply(m, 200, 'OK'));
          }, 150); // longer than T1: over TCP nothing is retransmitted meanwhile
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const tcpPort = (server.address() as net.AddressInfo).port;
  const { engine, port } = await startProxy(PROXY_ROUTES);
  const caller = await Peer.open();
  try {
    caller.send(makeRequest('INVITE', caller, `sip:bob@127.0.0.1:${tcpPort};transport=tcp`), port);
    await caller.waitFor(isReply(180), '180 over UDP');
    await caller.waitFor(isReply(200), '200 over UDP');
    await until(() => got.length > 0, 'the INVITE on TCP');
    assert.equal(got.filter((m) => m.method === 'INVITE').length, 1, 'no retransmission over TCP');
    const inv = got[0]!;
    assert.equal(inv.topVia().transport, 'TCP');
    assert.equal(inv.headersNamed('record-route').length, 2, 'a Record-Route per transport');
  } finally {
    caller.close();
    await engine.stop();
    server.close();
  }
});

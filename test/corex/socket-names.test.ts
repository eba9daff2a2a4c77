// Named listen sockets through a real engine on 127.0.0.1: two UDP listeners named from the
// config's spelling ("udp:IP:PORT name s0"); set_send_socket_name("s1") makes a forwarded
// request leave from the second, and kx reads back the names the script sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseListenList } from '../../host/config/settings.js';
import { isRequest, makeRequest, Peer, startProxy, type Route } from '../tm/harness.js';
import { freePort } from '../support/ports.js';

for (const forward of ['forward', 'tm.t_relay']) {
  test(`${forward}: set_send_socket_name("s1") sends from the listener named s1; kx reads s0 (received) and s1 (forced)`, async () => {
    const [first, second] = [await freePort(), await freePort()];
    const listen = parseListenList([`udp:127.0.0.1:${first} name s0`, `udp:127.0.0.1:${second} name "s1"`]);
    for (const name of [null, 's1', 'nope']) {
      const seen: Record<string, unknown> = {};
      const route: Route = (KSR) => {
        seen.rcv = KSR('kx.get_rcv_sock_name');
        if (name) seen.set = KSR('corex.set_send_socket_name', name);
        seen.send = KSR('kx.get_send_sock_name');
        seen.isS1 = KSR('corex.is_socket_name', 's1');
        seen.isS2 = KSR('corex.is_socket_name', 's2');
        KSR(forward);
      };
      const callee = await Peer.open();
      const caller = await Peer.open();
      const { engine } = await startProxy({ ksr_request_route: route }, {}, { listen });
      let from = 0;
      callee.onMessage = (_m, rinfo) => void (from = rinfo.port);
      try {
        caller.send(makeRequest('MESSAGE', caller, `sip:bob@127.0.0.1:${callee.port}`), first);
        const m = await callee.waitFor(isRequest('MESSAGE'), 'MESSAGE');
        const expected = name === 's1' ? second : first;
        assert.equal(from, expected, `the source port of the datagram (${name})`);
        assert.equal(m.vias()[0]!.port, expected, 'the port our Via shows');
        assert.deepEqual(seen, {
          rcv: 's0',
          ...(name ? { set: 1 } : {}),
          send: name === 's1' ? 's1' : null,
          isS1: 1,
          isS2: -1,
        });
      } finally {
        callee.close();
        caller.close();
        await engine.stop();
      }
    }
  });
}

// The script's say over TCP connections, on a real engine with real TCP and UDP peers on
// loopback: set_reply_close / send_reply_mode(…, 2) and set_forward_close end the connection
// after sending; set_forward_no_connect / set_reply_no_connect never open one (the send
// fails instead); add_tcp_alias / add_tcp_alias_via make requests to the peer's alias port
// go on the connection it came on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SipMessage } from '../../host/sip/message.js';
import { freePort } from '../support/ports.js';
import { isReply, makeReply, makeRequest, Peer, startProxy, until, type Route } from '../tm/harness.js';

/** A TCP endpoint (client or accepted socket): the SIP messages it read, and whether the other side ended it. */
class Stream {
  readonly got: SipMessage[] = [];
  ended = false;
  private buf = Buffer.alloc(0);

  constructor(readonly sock: net.Socket) {
    sock.on('data', (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      for (let end = this.buf.indexOf('\r\n\r\n'); end >= 0; end = this.buf.indexOf('\r\n\r\n')) {
        this.got.push(SipMessage.parse(this.buf.subarray(0, end + 4))); // no bodies in these tests
        this.buf = this.buf.subarray(end + 4);
      }
    });
    sock.on('end', () => (this.ended = true));
    sock.on('close', () => (this.ended = true));
    sock.on('error', () => {});
  }

  static async connect(port: number, localPort?: number): Promise<Stream> {
    const sock = net.connect({ port, host: '127.0.0.1', localAddress: '127.0.0.1', localPort });
    await new Promise<void>((r, j) => (sock.once('connect', () => r()), sock.once('error', j)));
    return new Stream(sock);
  }

  get localPort(): number {
    return this.sock.localPort!;
  }
}

/** A TCP server peer: every connection it accepted, as Streams. */
async function tcpServer(port = 0): Promise<{ server: net.Server; port: number; streams: Stream[] }> {
  const streams: Stream[] = [];
  const server = net.createServer((s) => streams.push(new Stream(s)));
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return { server, port: (server.address() as net.AddressInfo).port, streams };
}

/** A request sent over TCP: its Via says TCP and the sent-by port given. */
function tcpRequest(method: string, viaPort: number, headers: string[] = []): string {
  return makeRequest(method, { port: viaPort } as Peer, 'sip:svc@127.0.0.1', { headers }).replace('SIP/2.0/UDP', 'SIP/2.0/TCP');
}

const header = (ctx: { msg: SipMessage }, name: string): string => ctx.msg.header(name)?.value ?? '';

/** Runs the script's functions named in X-Do (comma-separated), then answers 200 or relays to X-Relay. */
const ROUTES: Record<string, Route> = {
  ksr_request_route: (KSR, ctx) => {
    for (const step of header(ctx, 'x-do').split(',').filter(Boolean)) {
      const [fn, arg] = step.trim().split(' ');
      if (arg !== undefined) KSR(fn!, Number(arg));
      else KSR(fn!);
    }
    const relay = header(ctx, 'x-relay');
    if (relay) {
      if ((KSR('tm.t_relay_to_proxy', relay) as number) < 0) KSR('sl.sl_send_reply', 500, 'Relay Refused');
      return;
    }
    if (header(ctx, 'x-mode')) KSR('sl.send_reply_mode', 200, 'OK', Number(header(ctx, 'x-mode')));
    else KSR('sl.sl_send_reply', 200, 'OK');
  },
};

test('set_reply_close and send_reply_mode(…, 2) close the connection after the reply; without them it stays open', async () => {
  const { engine, port } = await startProxy(ROUTES);
  try {
    for (const [what, headers] of [
      ['set_reply_close', ['X-Do: set_reply_close']],
      ['send_reply_mode 2', ['X-Mode: 2']],
    ] as const) {
      const c = await Stream.connect(port);
      c.sock.write(tcpRequest('OPTIONS', c.localPort, [...headers]));
      await until(() => c.ended, `${what}: the server ends the connection`, 3000);
      assert.deepEqual(c.got.map((m) => m.status), [200], `${what}: the reply came before the close`);
      c.sock.destroy();
    }
    const open = await Stream.connect(port);
    open.sock.write(tcpRequest('OPTIONS', open.localPort, ['X-Mode: 0']));
    await until(() => open.got.length === 1, 'the reply');
    open.sock.write(tcpRequest('OPTIONS', open.localPort));
    await until(() => open.got.length === 2, 'a second reply on the same connection');
    await sleep(300);
    assert.equal(open.ended, false, 'no flag: the connection stays open');
    open.sock.destroy();
  } finally {
    await engine.stop();
  }
});

test('set_forward_close: the relayed request goes out, then the proxy ends that connection', async () => {
  const peer = await tcpServer();
  peer.streams.length = 0;
  const { engine, port } = await startProxy(ROUTES);
  const caller = await Peer.open();
  try {
    const answer = (s: Stream) => s.got.filter((m) => m.isRequest).forEach((m) => s.sock.writable && s.sock.write(makeReply(m, 200, 'OK')));
    caller.send(makeRequest('OPTIONS', caller, 'sip:svc@127.0.0.1', { headers: [`X-Relay: tcp:127.0.0.1:${peer.port}`, 'X-Do: set_forward_close'] }), port);
    await until(() => peer.streams.length === 1 && peer.streams[0]!.got.length === 1, 'the OPTIONS at the TCP peer');
    await until(() => peer.streams[0]!.ended, 'the proxy ends the connection after the request', 3000);
    caller.send(makeRequest('OPTIONS', caller, 'sip:svc@127.0.0.1', { headers: [`X-Relay: tcp:127.0.0.1:${peer.port}`] }), port);
    await until(() => peer.streams.length === 2 && peer.streams[1]!.got.length === 1, 'a second OPTIONS on a new connection');
    answer(peer.streams[1]!);
    await caller.waitFor(isReply(200), 'the 200 relayed back');
    assert.equal(peer.streams[1]!.ended, false, 'no flag: the connection stays open');
  } finally {
    caller.close();
    await engine.stop();
    peer.server.close();
  }
});

test('set_forward_no_connect: no connection is opened and the branch fails; an open one is used', async () => {
  const peer = await tcpServer();
  const { engine, port } = await startProxy(ROUTES);
  const caller = await Peer.open();
  try {
    const noConnect = makeRequest('OPTIONS', caller, 'sip:svc@127.0.0.1', { headers: [`X-Relay: tcp:127.0.0.1:${peer.port}`, 'X-Do: set_forward_no_connect'] });
    caller.send(noConnect, port);
    const failed = await caller.waitFor((m) => !m.isRequest && m.status >= 400, 'a final error reply');
    assert.equal(failed.status, 477, 'the send failure a branch records');
    await sleep(200);
    assert.equal(peer.streams.length, 0, 'the TCP peer saw no connection');
    // an ordinary relay opens one; a no-connect relay then goes over it
    caller.send(makeRequest('OPTIONS', caller, 'sip:svc@127.0.0.1', { headers: [`X-Relay: tcp:127.0.0.1:${peer.port}`] }), port);
    await until(() => peer.streams.length === 1 && peer.streams[0]!.got.length === 1, 'the OPTIONS on a new connection');
    caller.send(makeRequest('OPTIONS', caller, 'sip:svc@127.0.0.1', { headers: [`X-Relay: tcp:127.0.0.1:${peer.port}`, 'X-Do: set_forward_no_connect'] }), port);
    await until(() => peer.streams[0]!.got.length === 2, 'the no-connect OPTIONS on the open connection');
    assert.equal(peer.streams.length, 1);
  } finally {
    caller.close();
    await engine.stop();
    peer.server.close();
  }
});

test('set_reply_no_connect: a reply whose connection is gone is not sent on a new one', async () => {
  const callee = await Peer.open();
  const { engine, port } = await startProxy(ROUTES);
  try {
    for (const noConnect of [false, true]) {
      const clientPort = await freePort();
      const c = await Stream.connect(port, clientPort);
      const held: SipMessage[] = [];
      callee.onMessage = (m) => void (m.isRequest && held.push(m));
      const headers = [`X-Relay: udp:127.0.0.1:${callee.port}`, ...(noConnect ? ['X-Do: set_reply_no_connect'] : [])];
      c.sock.write(tcpRequest('OPTIONS', clientPort, headers));
      await until(() => held.length === 1, 'the OPTIONS at the callee');
      // the caller goes away and listens where its connection came from: a new connection
      // toward it would land there
      c.sock.destroy();
      await sleep(50);
      const back = await tcpServer(clientPort);
      callee.send(makeReply(held[0]!, 200, 'OK'), port);
      if (noConnect) {
        await sleep(500);
        assert.equal(back.streams.length, 0, 'set_reply_no_connect: no connection was opened for the 200');
      } else {
        await until(() => back.streams.length === 1 && back.streams[0]!.got.length === 1, 'without the flag the 200 comes on a new connection');
        assert.equal(back.streams[0]!.got[0]!.status, 200);
      }
      for (const s of back.streams) s.sock.destroy();
      back.server.close();
    }
  } finally {
    callee.close();
    await engine.stop();
  }
});

for (const fn of ['add_tcp_alias', 'add_tcp_alias_via']) {
  test(`${fn}: a request to the peer's alias port goes on its connection; without it a new one is tried`, async () => {
    const { engine, port } = await startProxy(ROUTES);
    const caller = await Peer.open();
    try {
      const aliasPort = await freePort(); // nothing listens there
      const c = await Stream.connect(port);
      const step = fn === 'add_tcp_alias' ? `add_tcp_alias ${aliasPort}` : 'add_tcp_alias_via';
      // add_tcp_alias_via takes the port of the Via's sent-by, which the client sets to its alias port
      c.sock.write(tcpRequest('OPTIONS', fn === 'add_tcp_alias' ? c.localPort : aliasPort, [`X-Do: ${step}`]));
      await until(() => c.got.length === 1, 'the 200 to the aliasing request');
      caller.send(makeRequest('OPTIONS', caller, `sip:svc@127.0.0.1:${aliasPort};transport=tcp`, { headers: [`X-Relay: tcp:127.0.0.1:${aliasPort}`] }), port);
      await until(() => c.got.some((m) => m.isRequest), 'the relayed OPTIONS on the aliased connection');
      const relayed = c.got.find((m) => m.isRequest)!;
      c.sock.write(makeReply(relayed, 200, 'OK'));
      await caller.waitFor(isReply(200, 'OPTIONS'), 'its 200 relayed to the caller');
      c.sock.destroy();
      // the connection is gone: the alias with it, so a new connection is tried and refused
      await sleep(100);
      caller.received.length = 0;
      caller.send(makeRequest('OPTIONS', caller, `sip:svc@127.0.0.1:${aliasPort};transport=tcp`, { headers: [`X-Relay: tcp:127.0.0.1:${aliasPort}`] }), port);
      const refused = await caller.waitFor((m) => !m.isRequest && m.status >= 400, 'a final error reply');
      assert.equal(refused.status, 477);
    } finally {
      caller.close();
      await engine.stop();
    }
  });
}

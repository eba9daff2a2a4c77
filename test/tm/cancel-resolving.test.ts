// A CANCEL that comes while the branch's next hop is still being resolved (DNS): the caller
// gets its 487 at once; the INVITE that goes out once the name resolves is CANCELed as soon
// as it rings, its 487 ACKed, and the transaction ends by its timers (it used to stay until
// max_inv_lifetime, and the callee was never CANCELed).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { clearDnsCache, setDnsServers } from '../../host/dns/resolve-target.js';
import { TinyDnsServer } from '../dns/tiny-dns-server.js';
import { isReply, isRequest, makeAck, makeReply, makeRequest, Peer, PROXY_ROUTES, startProxy, until } from './harness.js';

/** A DNS relay in front of the tiny server that holds every question until release(). */
class HeldDns {
  private readonly sock = dgram.createSocket('udp4');
  private held: Array<() => void> = [];
  private open = false;
  asked = 0;

  constructor(private readonly upstreamPort: number) {
    this.sock.on('message', (q, from) => {
      this.asked++;
      const forward = () => {
        const up = dgram.createSocket('udp4');
        up.on('message', (a) => {
          this.sock.send(a, from.port, from.address);
          up.close();
        });
        up.send(q, this.upstreamPort, '127.0.0.1');
      };
      if (this.open) forward();
      else this.held.push(forward);
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((r) => this.sock.bind(0, '127.0.0.1', () => r()));
    return `127.0.0.1:${this.sock.address().port}`;
  }

  release(): void {
    this.open = true;
    for (const f of this.held) f();
    this.held = [];
  }

  close(): void {
    this.sock.close();
  }
}

const dns = new TinyDnsServer(new Map([['callee.test', [{ type: 'A' as const, address: '127.0.0.1' }]]]));
let held: HeldDns;

before(async () => {
  const upstream = await dns.start();
  held = new HeldDns(Number(upstream.split(':')[1]));
  setDnsServers([await held.start()]);
  clearDnsCache();
});
after(async () => {
  held.close();
  await dns.close();
});

test('CANCEL while the next hop resolves: 487 now, CANCEL downstream once it rings, the table empties', async () => {
  const { engine, port } = await startProxy(PROXY_ROUTES);
  const caller = await Peer.open();
  const callee = await Peer.open();
  callee.onMessage = (m) => {
    if (m.isRequest && m.method === 'INVITE') callee.send(makeReply(m, 180, 'Ringing'), port);
    if (m.isRequest && m.method === 'CANCEL') {
      callee.send(makeReply(m, 200, 'OK'), port);
      callee.send(makeReply(callee.received.find(isRequest('INVITE'))!, 487, 'Request Terminated'), port);
    }
  };
  try {
    const invite = makeRequest('INVITE', caller, `sip:bob@callee.test:${callee.port}`);
    caller.send(invite, port);
    await caller.waitFor(isReply(100), '100 Trying');
    await until(() => held.asked > 0, 'the proxy to ask DNS');
    const cancel = invite.replace(/^INVITE /, 'CANCEL ').replace('CSeq: 1 INVITE', 'CSeq: 1 CANCEL');
    caller.send(cancel, port);
    await caller.waitFor(isReply(200, 'CANCEL'), '200 to the CANCEL');
    const terminated = await caller.waitFor(isReply(487, 'INVITE'), '487 upstream');
    caller.send(makeAck(invite, terminated), port);
    held.release();
    await callee.waitFor(isRequest('CANCEL'), 'the CANCEL once the callee rings');
    await callee.waitFor(isRequest('ACK'), 'the ACK of the callee\'s 487');
    await until(() => engine.tm.size === 0, 'the table to empty (Timer D)');
    assert.equal(engine.tm.snapshot().timers, 0);
    assert.equal(caller.count(isReply(487, 'INVITE')) >= 1, true);
    assert.equal(caller.count(isReply(180)), 0, 'nothing of the canceled branch goes upstream');
  } finally {
    caller.close();
    callee.close();
    await engine.stop();
  }
});

// A real server: a UA behind a (simulated) NAT registers from 127.0.0.2 with its private
// Contact 192.168.1.20; the script detects it (nat_uac_test(19)), fixes the registration
// (fix_nated_register → the binding's received) and marks it NATed (bflags 6 and 7). An INVITE
// to that user then reaches the NAT address 127.0.0.2:<port>, not the private Contact, and the
// keepalive OPTIONS (natping_interval 1 s, SIP pings for sipping_bflag 7) arrive there too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const SCRIPT = `
function ksr_request_route() {
  if (KSR.is_REGISTER()) {
    if (KSR.nathelper.nat_uac_test(19) > 0) {
      KSR.nathelper.fix_nated_register();
      KSR.setbflag(6);
      KSR.setbflag(7);
    }
    KSR.registrar.save("location", 0);
    return;
  }
  if (KSR.is_INVITE()) {
    if (KSR.registrar.lookup("location") < 0) {
      KSR.sl.sl_send_reply(404, "Not Found");
      return;
    }
    KSR.tm.t_relay();
    return;
  }
  KSR.sl.sl_send_reply(200, "OK");
}
`;

const lines = (l: string[]) => l.join('\r\n');

function register(): string {
  return lines([
    'REGISTER sip:127.0.0.1 SIP/2.0',
    'Via: SIP/2.0/UDP 192.168.1.20:5062;branch=z9hG4bK-natreg-1;rport',
    'Max-Forwards: 70',
    'From: <sip:alice@127.0.0.1>;tag=natreg',
    'To: <sip:alice@127.0.0.1>',
    'Call-ID: natreg-1',
    'CSeq: 1 REGISTER',
    'Contact: <sip:alice@192.168.1.20:5062>;expires=300',
    'Content-Length: 0',
    '',
    '',
  ]);
}

function invite(callerPort: number): string {
  return lines([
    'INVITE sip:alice@127.0.0.1 SIP/2.0',
    `Via: SIP/2.0/UDP 127.0.0.1:${callerPort};branch=z9hG4bK-natinv-1;rport`,
    'Max-Forwards: 70',
    'From: <sip:bob@127.0.0.1>;tag=natinv',
    'To: <sip:alice@127.0.0.1>',
    'Call-ID: natinv-1',
    'CSeq: 1 INVITE',
    `Contact: <sip:bob@127.0.0.1:${callerPort}>`,
    'Content-Length: 0',
    '',
    '',
  ]);
}

describe('nathelper on a real server: NATed registration, delivery and keepalives', () => {
  let server: ServerProcess;
  const ua = dgram.createSocket('udp4');
  const caller = dgram.createSocket('udp4');
  const atUa: string[] = [];
  const atCaller: string[] = [];

  before(async () => {
    const script = join(mkdtempSync(join(tmpdir(), 'ksr-nathelper-')), 'route.js');
    writeFileSync(script, SCRIPT);
    server = await startServerProcess({
      script, startTimeoutMs: 60_000,
      config: () => ({
        modules: { nathelper: { natping_interval: 1, ping_nated_only: 1, nat_bflag: 6, sipping_bflag: 7, sipping_from: 'sip:pinger@kamailio.org' } },
      }),
    });
    ua.on('message', (m) => atUa.push(m.toString('latin1')));
    caller.on('message', (m) => atCaller.push(m.toString('latin1')));
    await new Promise<void>((r) => ua.bind(0, '127.0.0.2', () => r()));
    await new Promise<void>((r) => caller.bind(0, '127.0.0.1', () => r()));
  });
  after(async () => {
    ua.close();
    caller.close();
    await server?.stop();
  });

  async function waitFor(list: string[], pred: (m: string) => boolean, ms = 8000): Promise<string | undefined> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const hit = list.find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 20));
    }
    return undefined;
  }

  test('REGISTER from 127.0.0.2 stores the NAT address as received; INVITE goes there; OPTIONS pings arrive', async () => {
    const uaPort = (ua.address() as { port: number }).port;
    ua.send(register(), server.port, '127.0.0.1');
    const ok = await waitFor(atUa, (m) => m.startsWith('SIP/2.0 200'));
    assert.ok(ok, `no 200 to the REGISTER; got ${JSON.stringify(atUa)}`);

    const dump = await server.rpc('ul.dump');
    assert.match(JSON.stringify(dump.result), new RegExp(`sip:127\\.0\\.0\\.2:${uaPort}`), 'the binding\'s received is the NAT address');

    const callerPort = (caller.address() as { port: number }).port;
    caller.send(invite(callerPort), server.port, '127.0.0.1');
    const inv = await waitFor(atUa, (m) => m.startsWith('INVITE '));
    assert.ok(inv, `the INVITE did not reach the NAT address 127.0.0.2:${uaPort}; ua got ${JSON.stringify(atUa)}, caller got ${JSON.stringify(atCaller)}`);
    assert.match(inv!, /^INVITE sip:alice@192\.168\.1\.20:5062 SIP\/2\.0\r\n/, 'the R-URI stays the registered Contact');

    const ping = await waitFor(atUa, (m) => m.startsWith('OPTIONS '), 5000);
    assert.ok(ping, 'a keepalive OPTIONS within the 1 s interval');
    assert.match(ping!, /^OPTIONS sip:alice@192\.168\.1\.20:5062 SIP\/2\.0\r\n/);
    assert.match(ping!, /\r\nFrom: <sip:pinger@kamailio\.org>;tag=/i);
    const stats = await server.rpc('nathelper.ping_stats');
    assert.ok(stats.result.sipPings >= 1, JSON.stringify(stats));
    assert.equal((await server.rpc('nathelper.enable_ping', [0])).error, undefined);
  });
});

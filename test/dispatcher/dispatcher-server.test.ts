// A real server dispatching to small UDP gateways on loopback: round robin spreads requests,
// a 503 from the first gateway sends the INVITE on to the next one through the failure route's
// ds_next_dst, probing marks a failing gateway inactive (dispatcher.list shows it, the
// dst-down event runs), and with 2 workers round robin still alternates server-wide.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const SCRIPT = `
function ksr_request_route() {
  if (KSR.is_method("ACK")) { KSR.tm.t_relay(); return; }
  const set = KSR.is_method("INVITE") ? 2 : 1;
  const alg = KSR.is_method("INVITE") ? 8 : 4;
  if (KSR.dispatcher.ds_select_dst(set, alg) < 0) { KSR.sl.sl_send_reply(404, "No destination"); return; }
  KSR.tm.t_on_failure("ksr_failure_dispatch");
  KSR.tm.t_relay();
}
function ksr_failure_dispatch() {
  if (KSR.tm.t_check_status("503") > 0 && KSR.dispatcher.ds_next_dst() > 0) {
    KSR.tm.t_on_failure("ksr_failure_dispatch");
    KSR.tm.t_relay();
  }
}
function ksr_dispatcher_event(evname) {
  KSR.info("ds-event " + evname + " " + KSR.pv.get("$ru") + "\\n");
}
`;

interface Gateway {
  sock: dgram.Socket;
  port: number;
  /** Request lines seen: "METHOD call-id". */
  seen: string[];
}

function header(req: string, name: string): string {
  return new RegExp(`^${name}:.*$`, 'mi').exec(req)?.[0] ?? '';
}

/** A gateway answering every request with `code` (ACKs are only recorded). */
async function gateway(code: (method: string) => number): Promise<Gateway> {
  const sock = dgram.createSocket('udp4');
  const gw: Gateway = { sock, port: 0, seen: [] };
  sock.on('message', (m, rinfo) => {
    const req = m.toString('latin1');
    const method = req.slice(0, req.indexOf(' '));
    gw.seen.push(`${method} ${header(req, 'Call-ID').replace(/^Call-ID:\s*/i, '')}`);
    if (method === 'ACK') return;
    const vias = req.split('\r\n').filter((l) => /^Via:/i.test(l));
    const c = code(method);
    const reply = [
      `SIP/2.0 ${c} ${c === 200 ? 'OK' : 'Service Unavailable'}`, ...vias, header(req, 'From'), `${header(req, 'To')};tag=gw${gw.port}`,
      header(req, 'Call-ID'), header(req, 'CSeq'), 'Content-Length: 0', '', '',
    ].join('\r\n');
    sock.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  gw.port = (sock.address() as { port: number }).port;
  return gw;
}

function request(method: string, peerPort: number, callId: string, serverPort: number): string {
  return [
    `${method} sip:bob@127.0.0.1:${serverPort} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${peerPort};branch=z9hG4bK-${callId};rport`,
    `From: <sip:alice@127.0.0.1>;tag=${callId}`, 'To: <sip:bob@127.0.0.1>', `Call-ID: ${callId}`, `CSeq: 1 ${method}`,
    'Contact: <sip:alice@127.0.0.1>', 'Max-Forwards: 70', 'Content-Length: 0', '', '',
  ].join('\r\n');
}

async function until(pred: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end && !pred()) await new Promise((r) => setTimeout(r, 25));
  return pred();
}

for (const workers of [1, 2]) {
  describe(`dispatcher on a server with ${workers} worker(s)`, () => {
    let server: ServerProcess;
    let a: Gateway, b: Gateway, dead: Gateway;
    const client = dgram.createSocket('udp4');
    const replies: string[] = [];

    before(async () => {
      a = await gateway((m) => (m === 'INVITE' ? 503 : 200));
      b = await gateway(() => 200);
      dead = await gateway(() => 503);
      const script = join(mkdtempSync(join(tmpdir(), 'ksr-ds-')), 'route.js');
      writeFileSync(script, SCRIPT);
      server = await startServerProcess({
        script, workers, startTimeoutMs: 60_000,
        config: () => ({
          modules: {
            dispatcher: {
              flags: 2, ds_ping_interval: 1, ds_probing_mode: 3, event_callback: 'ksr_dispatcher_event',
              list: [
                { setid: 1, destination: `sip:127.0.0.1:${a.port}` },
                { setid: 1, destination: `sip:127.0.0.1:${b.port}` },
                { setid: 2, destination: `sip:127.0.0.1:${a.port}`, priority: 10 },
                { setid: 2, destination: `sip:127.0.0.1:${b.port}`, priority: 5 },
                { setid: 3, destination: `sip:127.0.0.1:${dead.port}`, flags: 8 },
              ],
            },
          },
        }),
      });
      client.on('message', (m) => replies.push(m.toString('latin1')));
      await new Promise<void>((r) => client.bind(0, '127.0.0.1', () => r()));
    });
    after(async () => {
      client.close();
      for (const g of [a, b, dead]) g?.sock.close();
      await server?.stop();
    });

    test('round robin alternates OPTIONS between the two gateways', async () => {
      const port = (client.address() as { port: number }).port;
      const n = 6;
      for (let i = 0; i < n; i++) {
        client.send(request('OPTIONS', port, `rr-${workers}-${i}`, server.port), server.port, '127.0.0.1');
        // one at a time: the order of arrival is the order of selection
        assert.ok(await until(() => replies.filter((r) => r.includes(`rr-${workers}-${i}`)).length >= 1, 5000), `reply to rr-${i}`);
      }
      const opt = (g: Gateway) => g.seen.filter((s) => s.startsWith('OPTIONS rr-')).length;
      assert.equal(opt(a), n / 2, `gateway a got ${a.seen.join(', ')}`);
      assert.equal(opt(b), n / 2, `gateway b got ${b.seen.join(', ')}`);
    });

    test('a 503 from the first gateway: the failure route takes the next one with ds_next_dst', async () => {
      const port = (client.address() as { port: number }).port;
      const cid = `fo-${workers}`;
      client.send(request('INVITE', port, cid, server.port), server.port, '127.0.0.1');
      assert.ok(await until(() => replies.some((r) => r.startsWith('SIP/2.0 200') && r.includes(cid)), 8000), replies.join('\n---\n'));
      assert.ok(a.seen.includes(`INVITE ${cid}`));
      assert.ok(b.seen.includes(`INVITE ${cid}`));
    });

    test('probing marks the failing gateway inactive; dispatcher.list shows it; dst-down runs', async () => {
      const flagsOfDead = async () => {
        const r = await server.rpc('dispatcher.list');
        const set3 = r.result?.RECORDS?.find((x: { SET: { ID: number } }) => x.SET.ID === 3);
        return set3?.SET.TARGETS[0].DEST.FLAGS as string | undefined;
      };
      let flags: string | undefined;
      const end = Date.now() + 8000;
      while (Date.now() < end && (flags = await flagsOfDead()) !== 'IP') await new Promise((r) => setTimeout(r, 200));
      assert.equal(flags, 'IP');
      assert.ok(dead.seen.some((s) => s.startsWith('OPTIONS ')), 'probed with OPTIONS');
      await server.waitForOutput(new RegExp(`ds-event dispatcher:dst-down sip:127\\.0\\.0\\.1:${dead.port}`), 5000);
      const list = await server.rpc('dispatcher.list');
      assert.equal(list.result.NRSETS, 3);
    });
  });
}

// A request to a WebSocket client's registered Contact reaches it over its connection (the
// browser's Contact, `sip:...@xyz.invalid;transport=ws`, cannot be reached otherwise), its
// answer goes back to the UDP caller; once the connection is gone the caller gets an error
// reply promptly instead of a hang. A real server process running the registrar and tm.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { freePort } from '../support/ports.js';

const script = `
function ksr_request_route()
  if KSR.is_method("REGISTER") then
    KSR.registrar.save("location", 0)
    return
  end
  if KSR.registrar.lookup("location") < 0 then
    KSR.sl.sl_send_reply(404, "Not Found")
    return
  end
  KSR.tm.t_relay()
end
`;

const register = `REGISTER sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bKreg1\r\nMax-Forwards: 70\r\n` +
  `From: <sip:bob@127.0.0.1>;tag=r1\r\nTo: <sip:bob@127.0.0.1>\r\nCall-ID: reg1\r\nCSeq: 1 REGISTER\r\n` +
  `Contact: <sip:bob@df7jal23ls0d.invalid;transport=ws>;expires=600\r\nContent-Length: 0\r\n\r\n`;

/** The 200 a UA sends for a request: its Vias, From, To with a tag, Call-ID, CSeq. */
function okFor(req: string): string {
  const lines = req.split('\r\n');
  const keep = lines.filter((l) => /^(Via|v|From|f|Call-ID|i|CSeq):/i.test(l));
  const to = lines.find((l) => /^(To|t):/i.test(l))!;
  return ['SIP/2.0 200 OK', ...keep, `${to};tag=ua`, 'Content-Length: 0', '', ''].join('\r\n');
}

function udpCaller(): Promise<{ sock: dgram.Socket; port: number; next(maxMs: number): Promise<string | null> }> {
  const sock = dgram.createSocket('udp4');
  const queue: string[] = [];
  const waiters: ((m: string) => void)[] = [];
  sock.on('message', (m) => {
    const w = waiters.shift();
    if (w) w(m.toString());
    else queue.push(m.toString());
  });
  return new Promise((resolve) => sock.bind(0, '127.0.0.1', () => resolve({
    sock,
    port: (sock.address() as { port: number }).port,
    next: (maxMs) => queue.length > 0 ? Promise.resolve(queue.shift()!) : new Promise((r) => {
      const t = setTimeout(() => r(null), maxMs);
      waiters.push((m) => { clearTimeout(t); r(m); });
    }),
  })));
}

const message = (sipPort: number, callerPort: number, tag: string) =>
  `MESSAGE sip:bob@127.0.0.1:${sipPort} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${callerPort};branch=z9hG4bK${tag};rport\r\nMax-Forwards: 70\r\n` +
  `From: <sip:alice@127.0.0.1>;tag=${tag}\r\nTo: <sip:bob@127.0.0.1>\r\nCall-ID: ${tag}\r\nCSeq: 1 MESSAGE\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi`;

describe('a request to a WebSocket contact', () => {
  let server: ServerProcess;
  let wsPort = 0;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ksr-ws-contact-'));
    const file = join(dir, 'route.lua');
    writeFileSync(file, script);
    wsPort = await freePort();
    server = await startServerProcess({ script: file, extraArgs: ['--listen', `ws:127.0.0.1:${wsPort}`] });
  });
  after(async () => server?.stop());

  test('reaches the client over its connection; its 200 reaches the UDP caller; after it closed, the caller gets an error promptly', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${wsPort}`, 'sip');
    await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
    const frames: string[] = [];
    ws.on('message', (d) => {
      const text = d.toString();
      frames.push(text);
      if (/^MESSAGE /.test(text)) ws.send(okFor(text));
    });
    ws.send(register);
    const deadline = Date.now() + 3000;
    while (!frames.some((f) => /^SIP\/2\.0 200/.test(f)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.ok(frames.some((f) => /^SIP\/2\.0 200/.test(f)), `REGISTER not answered 200: ${frames.join('\n---\n')}`);

    const caller = await udpCaller();
    try {
      caller.sock.send(message(server.port, caller.port, 'm1'), server.port, '127.0.0.1');
      let reply = await caller.next(5000);
      while (reply !== null && /^SIP\/2\.0 1\d\d/.test(reply)) reply = await caller.next(5000);
      assert.match(reply ?? 'no reply', /^SIP\/2\.0 200 OK/);
      const got = frames.find((f) => /^MESSAGE /.test(f))!;
      assert.match(got, /^MESSAGE sip:bob@df7jal23ls0d\.invalid;transport=ws SIP\/2\.0/);
      assert.match(got, /Via: SIP\/2\.0\/WS 127\.0\.0\.1:\d+;branch=/);

      ws.close();
      await new Promise((r) => ws.once('close', r));
      await new Promise((r) => setTimeout(r, 100));
      const started = Date.now();
      caller.sock.send(message(server.port, caller.port, 'm2'), server.port, '127.0.0.1');
      reply = await caller.next(5000);
      while (reply !== null && /^SIP\/2\.0 1\d\d/.test(reply)) reply = await caller.next(5000);
      assert.match(reply ?? 'no reply', /^SIP\/2\.0 (4\d\d|5\d\d)/);
      assert.ok(Date.now() - started < 3000, `the error came after ${Date.now() - started} ms`);
    } finally {
      caller.sock.close();
    }
  });
});

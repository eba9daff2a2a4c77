// A stand-in for rtpengine's ng control socket, in a worker thread (the module's exchange is
// synchronous: a relay in the test's thread could never answer). Every command gets the one
// answer given, bencoded, after the command's cookie; the commands received are kept.
import { Worker } from 'node:worker_threads';

const RELAY = `
const dgram = require('node:dgram');
const { parentPort, workerData } = require('node:worker_threads');
function benc(v) {
  if (typeof v === 'number') return Buffer.from('i' + v + 'e');
  if (typeof v === 'string') { const b = Buffer.from(v); return Buffer.concat([Buffer.from(b.length + ':'), b]); }
  if (Array.isArray(v)) return Buffer.concat([Buffer.from('l'), ...v.map(benc), Buffer.from('e')]);
  const keys = Object.keys(v).sort();
  return Buffer.concat([Buffer.from('d'), ...keys.flatMap((k) => [benc(k), benc(v[k])]), Buffer.from('e')]);
}
const received = [];
const sock = dgram.createSocket('udp4');
sock.on('message', (m, r) => {
  const text = m.toString('latin1');
  received.push(text);
  const cookie = text.slice(0, text.indexOf(' '));
  sock.send(Buffer.concat([Buffer.from(cookie + ' '), benc(workerData.answer)]), r.port, r.address);
});
sock.bind(0, '127.0.0.1', () => parentPort.postMessage({ port: sock.address().port }));
parentPort.on('message', (m) => {
  if (m === 'received') parentPort.postMessage({ received });
  if (m === 'close') { sock.close(); process.exit(0); }
});
`;

export interface FakeNgRelay {
  port: number;
  /** The commands received so far (latin1), known as of the last call to refresh(). */
  received(): string[];
  refresh(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeNgRelay(answer: Record<string, unknown>): Promise<FakeNgRelay> {
  const worker = new Worker(RELAY, { eval: true, workerData: { answer } });
  const { port } = await new Promise<{ port: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  let got: string[] = [];
  const refresh = async () => {
    const reply = new Promise<{ received: string[] }>((resolve) => worker.once('message', resolve));
    worker.postMessage('received');
    got = (await reply).received;
  };
  return {
    port,
    received: () => got,
    refresh,
    async close() {
      const exited = new Promise((r) => worker.once('exit', r));
      worker.postMessage('close');
      await exited;
    },
  };
}

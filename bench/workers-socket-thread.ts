// The socket thread's cost per message with the engine in worker threads: a server with
// --workers N under a bounded UDP OPTIONS load (distinct Call-IDs, a fixed rate), and the CPU
// time of its main thread (/proc/PID/task/PID/schedstat) divided by the messages it read.
// With --workers 1 the main thread does everything: the same figure is the whole engine's.
//
//   node --no-node-snapshot --import tsx bench/workers-socket-thread.ts [--workers 2] [--rate 4000] [--seconds 5]
import dgram from 'node:dgram';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServerProcess } from '../test/support/server-process.js';

const { values } = parseArgs({ options: { workers: { type: 'string', default: '2' }, rate: { type: 'string', default: '4000' }, seconds: { type: 'string', default: '5' } } });
const workers = Number(values.workers);
const rate = Number(values.rate);
const seconds = Math.min(Number(values.seconds), 20);

const dir = mkdtempSync(join(tmpdir(), 'ksr-hop-'));
const script = join(dir, 'options.js');
writeFileSync(script, 'function ksr_request_route() { KSR.sl.sl_send_reply(200, "OK"); }\n');
// one source sends everything: its per-source overload limits are lifted, as bench/compare.ts does
const server = await startServerProcess({ script, workers, config: () => ({ overload: { source_rate: 1_000_000, source_rate_any: 1_000_000 } }) });

/** The server process: bin/ksr-host.mjs's child. */
function serverPid(): number {
  const wrapper = server.child.pid!;
  const kids = readFileSync(`/proc/${wrapper}/task/${wrapper}/children`, 'utf8').trim().split(/\s+/).map(Number);
  return kids[0]!;
}
const pid = serverPid();
/** ns on a CPU of the main thread, and of the whole process. */
function cpu(): { mainNs: number; allNs: number } {
  const mainNs = Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]);
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').slice(readFileSync(`/proc/${pid}/stat`, 'utf8').lastIndexOf(')') + 2).split(' ');
  const ticks = Number(f[11]) + Number(f[12]);
  return { mainNs, allNs: (ticks * 1e9) / 100 };
}

const sock = dgram.createSocket('udp4');
await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
const myPort = (sock.address() as { port: number }).port;
let replies = 0;
sock.on('message', () => replies++);
const total = rate * seconds;
const msg = (i: number) =>
  `OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${myPort};branch=z9hG4bKb${i}\r\nFrom: <sip:a@127.0.0.1>;tag=${i}\r\nTo: <sip:x@127.0.0.1>\r\nCall-ID: hop-${i}@bench\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n`;
// warm up, unmeasured
for (let i = 0; i < 2000; i++) {
  sock.send(msg(-i - 1), server.port, '127.0.0.1');
  if (i % 100 === 0) await new Promise((r) => setTimeout(r, 25));
}
await new Promise((r) => setTimeout(r, 1000));
replies = 0;
const c0 = cpu();
const t0 = performance.now();
let sent = 0;
// 1 ms ticks: rate/1000 datagrams each
while (sent < total) {
  const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * rate));
  while (sent < due) sock.send(msg(sent++), server.port, '127.0.0.1');
  await new Promise((r) => setTimeout(r, 1));
}
await new Promise((r) => setTimeout(r, 500));
const c1 = cpu();
const stats = (await server.rpc('kemi.stats')).result;
const received = workers > 1 ? stats.workers.socketThread.received : stats.messages.received;
console.log(JSON.stringify({
  workers, rate, seconds, sent: total, replies,
  received,
  mainThreadUsPerMessage: Math.round(((c1.mainNs - c0.mainNs) / 1000 / total) * 10) / 10,
  processUsPerMessage: Math.round(((c1.allNs - c0.allNs) / 1000 / total) * 10) / 10,
  routeAvgUs: stats.routes.ksr_request_route?.avg,
  overload: { shedSourceRate: stats.overload.shedSourceRate, shedSourceFlood: stats.overload.shedSourceFlood, shedStale: stats.overload.shedStale, episodes: stats.overload.episodes },
  kernelDrops: stats.transport.udpKernelDrops,
}));
sock.close();
await server.stop();

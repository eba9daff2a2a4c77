// What a UDP flood from one source costs the server: an in-process server, 20 000 OPTIONS/s
// (or garbage) for 3 s from another process, the server CPU per datagram and the overload counters.
//   node --no-node-snapshot --import tsx bench/udp-flood-cost.ts [garbage]
import { writeFileSync } from 'node:fs';
import { pino } from 'pino';
import { startServer } from '../bin/server.js';
import { DEFAULT_SETTINGS } from '../host/config/settings.js';
import { runAttack } from '../test/support/attack-process.js';
writeFileSync('/tmp/answer.js', `function ksr_request_route() { if (KSR.is_ACK()) return; KSR.sl.sl_send_reply(200, 'OK'); }`);
const port = 47000 + Math.floor(Math.random() * 1000);
const s = await startServer({ ...DEFAULT_SETTINGS, store: 'sqlite::memory:', control: null, routing: { script: '/tmp/answer.js', engine: 'v8' },
  listen: [{ proto: 'udp', ip: '127.0.0.1', port }, { proto: 'tcp', ip: '127.0.0.1', port }] }, pino({ level: 'warn' }));
const garbage = process.argv[2] === 'garbage';
const c0 = process.cpuUsage(); const t0 = performance.now();
const r = await runAttack('udpFlood', { port, rate: 20000, count: 60000, maxMs: 5000, garbage });
const cpu = process.cpuUsage(c0); const wall = performance.now() - t0;
console.log(JSON.stringify(r), 'server cpu', Math.round((cpu.user + cpu.system) / 1000), 'ms over', Math.round(wall), 'ms wall; per datagram', ((cpu.user + cpu.system) / r.sent).toFixed(1), 'µs', JSON.stringify(s.engine.overload.snapshot()), s.engine.counters.received);
await s.stop(); process.exit(0);

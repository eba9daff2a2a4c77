// Cost of the overload policy's shed path in one process: parse, classify, 503 built (not sent:
// no listener is started), for UDP datagrams from a source beyond its rate.
//   [REPLY=tcp|all|none] node --no-node-snapshot --import tsx bench/shed-path.ts [N]
import { pino } from 'pino';
import { Engine } from '../host/engine/engine.js';
import { DEFAULT_SETTINGS } from '../host/config/settings.js';
import { Usrloc } from '../host/registrar/usrloc.js';
import { attackOptions } from '../test/support/sip-attacks.js';
import { createRegistry } from '../bindings/modules/index.js';

const n = Number(process.argv[2] ?? 20000);
const engine = new Engine({ ...DEFAULT_SETTINGS, overload: { ...DEFAULT_SETTINGS.overload, sourceRate: 1, reply: (process.env.REPLY ?? 'tcp') as 'tcp' | 'all' | 'none' } }, pino({ level: 'silent' }), { store: null, usrloc: new Usrloc(), pvs: createRegistry().pvs });
(engine.overload.monitor as unknown as { overloaded: boolean }).overloaded = true;
const bufs = Array.from({ length: 64 }, (_, i) => Buffer.from(attackOptions(5060, i, { transport: 'UDP', from: '127.0.0.2:9' })));
const rcv = { proto: 'udp' as const, srcIp: '127.0.0.2', srcPort: 9, rcvIp: '127.0.0.1', rcvPort: 5060, conId: 0, receivedAt: Date.now() };
for (let i = 0; i < 2000; i++) engine.onMessage(bufs[i % 64]!, { ...rcv, receivedAt: Date.now() });
const t0 = performance.now();
for (let i = 0; i < n; i++) engine.onMessage(bufs[i % 64]!, { ...rcv, receivedAt: Date.now() });
const ms = performance.now() - t0;
console.log(`${n} shed in ${ms.toFixed(0)} ms: ${((ms * 1000) / n).toFixed(1)} µs each`, engine.overload.snapshot());
engine.overload.stop();

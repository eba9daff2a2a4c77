// The cost of one synchronous store call per driver: SQLite in process, Redis and PostgreSQL
// through the worker-thread bridge with results on the port or in the shared buffer.
// Uses KSR_TEST_REDIS_URL / KSR_TEST_POSTGRES_URL when set, else throwaway servers.
//   node --no-node-snapshot --import tsx bench/store-roundtrip.ts [N]
import { openStore } from '../host/store/open-store.js';
import { RemoteStore } from '../host/store/remote-store.js';
import type { LocationRecord, Store } from '../host/store/store.js';
import { postgresUrl, redisUrl, stopSharedServices } from '../test/support/services.js';

const N = Number(process.argv[2] ?? 5000);

function record(i: number): LocationRecord {
  const now = Math.floor(Date.now() / 1000);
  return {
    ruid: `bench-${i}`, username: `user${i % 100}`, domain: '', contact: `sip:user${i}@127.0.0.1:5062`, received: '', path: '',
    expires: now + 3600, q: -1, callid: `c${i}`, cseq: 1, lastModified: now, flags: 0, cflags: 0, userAgent: 'bench',
    socket: 'udp:127.0.0.1:5060', methods: -1, instance: '', regId: 0, serverId: 0, connectionId: -1, keepalive: 0, partition: 0,
  };
}

function measure(name: string, f: (i: number) => void): void {
  for (let i = 0; i < 200; i++) f(i);
  const samples: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = process.hrtime.bigint();
    f(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  samples.sort((a, b) => a - b);
  const avg = samples.reduce((a, b) => a + b, 0) / samples.length;
  const p = (q: number) => samples[Math.floor(q * (samples.length - 1))]!.toFixed(1);
  console.log(`${name.padEnd(34)} avg ${avg.toFixed(1).padStart(7)} µs  p50 ${p(0.5).padStart(7)}  p99 ${p(0.99).padStart(7)}  max ${p(1).padStart(8)}`);
}

async function bench(label: string, store: Store): Promise<void> {
  for (let i = 0; i < 100; i++) store.putLocation(record(i));
  measure(`${label} ping`, () => store.ping());
  measure(`${label} subscriber (miss)`, () => store.subscriber('nobody', 'example.com'));
  measure(`${label} locations (1 record)`, (i) => store.locations({ username: `user${i % 100}`, domain: '' }));
  measure(`${label} putLocation`, (i) => store.putLocation(record(i % 100)));
  await store.close();
}

/** Port against shared buffer, call by call in turn, so that load on the machine hits both alike. */
async function interleaved(kind: 'redis' | 'postgres', url: string): Promise<void> {
  const stores = { port: await RemoteStore.open(kind, url, { resultVia: 'port' }), shared: await RemoteStore.open(kind, url, { resultVia: 'shared' }) };
  const samples: Record<string, number[]> = { port: [], shared: [] };
  for (let i = 0; i < N * 2 + 400; i++) {
    const via = i % 2 === 0 ? 'port' : 'shared';
    const t0 = process.hrtime.bigint();
    stores[via].locations({ username: `user${i % 100}`, domain: '' });
    if (i >= 400) samples[via]!.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  for (const [via, s] of Object.entries(samples)) {
    s.sort((a, b) => a - b);
    console.log(`${kind} locations, interleaved, via ${via}`.padEnd(40), `p50 ${s[s.length >> 1]!.toFixed(1)} µs  p90 ${s[Math.floor(s.length * 0.9)]!.toFixed(1)} µs`);
  }
  await Promise.all([stores.port.close(), stores.shared.close()]);
}

await bench('sqlite(:memory:)', await openStore('sqlite::memory:'));
for (const [kind, url] of [['redis', await redisUrl(9)], ['postgres', await postgresUrl()]] as const) {
  for (const via of ['port', 'shared'] as const) await bench(`${kind} via ${via}`, await RemoteStore.open(kind, url, { resultVia: via }));
  await interleaved(kind, url);
}
await stopSharedServices();

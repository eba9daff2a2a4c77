// The bridge's worker thread: owns the Redis or PostgreSQL client and answers the calling
// thread's requests (see bridge-protocol.ts). Loaded through bridge-worker-boot.mjs.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { AsyncDriver } from './async-driver.js';
import { HEADER_BYTES, ON_PORT, SLOT, type AsyncRequest, type Outcome, type Ready, type SyncRequest, type WorkerConfig } from './bridge-protocol.js';

const { config, syncPort } = workerData as { config: WorkerConfig; syncPort: MessagePort };
const i32 = new Int32Array(config.shared, 0, HEADER_BYTES / 4);
const bytes = new Uint8Array(config.shared, HEADER_BYTES);
const encoder = new TextEncoder();

async function makeDriver(): Promise<AsyncDriver> {
  if (config.kind === 'redis') {
    const { RedisDriver } = await import('./redis-driver.js');
    return new RedisDriver(config.url, config.timeoutMs);
  }
  const { PostgresDriver } = await import('./postgres-driver.js');
  return new PostgresDriver(config.url, config.timeoutMs);
}

async function run(driver: AsyncDriver, op: AsyncRequest['op'], args: unknown[]): Promise<Outcome> {
  try {
    const f = driver[op] as (...a: unknown[]) => Promise<unknown>;
    if (typeof f !== 'function') throw new Error(`unknown store operation '${op}'`);
    return { ok: true, value: (await f.apply(driver, args)) ?? null };
  } catch (e) {
    return { ok: false, error: (e as Error).message || String(e) };
  }
}

function deliverSync(req: SyncRequest, out: Outcome): void {
  // a caller that gave up is waiting for another id now; its answer would only overwrite
  if (Atomics.load(i32, SLOT.WANTED) !== req.id) return;
  let onPort = req.via === 'port';
  if (!onPort) {
    const written = encoder.encodeInto(JSON.stringify(out), bytes);
    if (written.read === undefined || written.written >= bytes.length) onPort = true;
    else Atomics.store(i32, SLOT.LENGTH, written.written);
  }
  if (onPort) {
    Atomics.store(i32, SLOT.LENGTH, ON_PORT);
    syncPort.postMessage({ id: req.id, ...out });
  }
  Atomics.store(i32, SLOT.DONE, req.id);
  Atomics.notify(i32, SLOT.DONE);
}

async function main(): Promise<void> {
  let driver: AsyncDriver;
  try {
    driver = await makeDriver();
    await driver.init();
  } catch (e) {
    parentPort!.postMessage({ ready: false, error: (e as Error).message || String(e) } satisfies Ready);
    return;
  }
  syncPort.on('message', (req: SyncRequest) => void run(driver, req.op, req.args).then((out) => deliverSync(req, out)));
  parentPort!.on('message', (msg: AsyncRequest | 'close') => {
    if (msg === 'close') {
      void driver.close().finally(() => process.exit(0));
      return;
    }
    void run(driver, msg.op, msg.args).then((out) => parentPort!.postMessage({ id: msg.id, ...out }));
  });
  parentPort!.postMessage({ ready: true } satisfies Ready);
}

await main();

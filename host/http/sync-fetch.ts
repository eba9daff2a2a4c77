// Makes HTTP requests synchronous for the calling thread, as Kamailio's http_client is for its
// worker process: a worker thread owns a pooled undici Agent; a call posts its request and
// sleeps in Atomics.wait for at most the request's timeout. While it sleeps THIS thread serves
// nothing else (the other worker threads do) — the price of a synchronous KSR function;
// http_async_client is the way that does not block.
//
// One bridge per thread, shared by every core of the thread (test cores, the engine): it holds
// no settings, each request carries its own. A breaker per origin keeps a server that is gone
// from costing every route its timeout: after BREAKER_FAILURES failures in a row (no
// connection, timeout) requests to it fail at once for BREAKER_MS, then one is tried again.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { CURL } from './curl-codes.js';
import { sleepUntil } from '../core/blocked-wait.js';
import type { HttpOutcome, HttpRequestSpec } from './fetch-once.js';
import { FETCH_SLOT, FETCH_SLOTS_BYTES, type FetchReply } from './fetch-protocol.js';
import { workerEntry } from '../workers/worker-entry.js';

const BOOT = workerEntry(import.meta.url, { boot: './fetch-worker-boot.mjs', entry: './fetch-worker' });
const START_TIMEOUT_MS = 15_000;
const CONNECTIONS_PER_ORIGIN = 8;
const MAX_HEADER_BYTES = 16 * 1024;
export const BREAKER_FAILURES = 3;
export const BREAKER_MS = 2000;

interface Live {
  worker: Worker;
  port: MessagePort;
  slots: Int32Array;
}

interface OriginHealth {
  failures: number;
  openUntil: number;
  last: { code: number; error: string };
}

export class SyncFetch {
  private live: Live | null = null;
  private nextId = 1;
  private readonly health = new Map<string, OriginHealth>();

  /** Starts the worker now (a server does it at start, so the first route does not wait for it). */
  warmUp(): boolean {
    return this.ensureLive() !== null;
  }

  private ensureLive(): Live | null {
    if (this.live) return this.live;
    const shared = new SharedArrayBuffer(FETCH_SLOTS_BYTES);
    const slots = new Int32Array(shared);
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(BOOT, {
      workerData: { shared, syncPort: port2, connectionsPerOrigin: CONNECTIONS_PER_ORIGIN, maxHeaderBytes: MAX_HEADER_BYTES },
      transferList: [port2],
    });
    worker.unref();
    port1.unref();
    const live = { worker, port: port1, slots };
    worker.on('error', () => this.gone(live));
    worker.on('exit', () => this.gone(live));
    if (!sleepUntil(slots, FETCH_SLOT.READY, 1, START_TIMEOUT_MS)) {
      void worker.terminate();
      return null;
    }
    this.live = live;
    return live;
  }

  private gone(live: Live): void {
    if (this.live === live) this.live = null;
  }

  /** Sends the request and waits for its outcome, at most spec.timeoutMs (then curl's 28). */
  request(spec: HttpRequestSpec): HttpOutcome {
    const origin = originOf(spec.url);
    const h = origin ? this.health.get(origin) : undefined;
    if (h && Date.now() < h.openUntil) {
      return { ok: false, curlCode: h.last.code, error: `${h.last.error} (failing fast for ${h.openUntil - Date.now()} ms after ${h.failures} failures)`, ms: 0 };
    }
    const live = this.ensureLive();
    if (!live) return { ok: false, curlCode: CURL.COULDNT_CONNECT, error: 'the HTTP worker thread did not start', ms: 0 };
    const id = this.nextId++;
    Atomics.store(live.slots, FETCH_SLOT.WANTED, id);
    live.port.postMessage({ id, spec });
    const outcome = this.await(live, id, spec.timeoutMs + 50) ?? { ok: false, curlCode: CURL.OPERATION_TIMEDOUT, error: `no answer in ${spec.timeoutMs} ms`, ms: spec.timeoutMs };
    if (origin) this.record(origin, outcome);
    return outcome;
  }

  private await(live: Live, id: number, waitMs: number): HttpOutcome | null {
    if (!sleepUntil(live.slots, FETCH_SLOT.DONE, id, waitMs)) {
      Atomics.store(live.slots, FETCH_SLOT.WANTED, 0);
      return null;
    }
    // answers to earlier calls that timed out may still be queued: ours is the last one posted
    for (;;) {
      const m = receiveMessageOnPort(live.port);
      if (!m) return null;
      const reply = m.message as FetchReply;
      if (reply.id === id) return reply.outcome;
    }
  }

  private record(origin: string, o: HttpOutcome): void {
    const unreachable = !o.ok && (o.curlCode === CURL.COULDNT_CONNECT || o.curlCode === CURL.OPERATION_TIMEDOUT);
    if (!unreachable) {
      this.health.delete(origin);
      return;
    }
    const h = this.health.get(origin) ?? { failures: 0, openUntil: 0, last: { code: 0, error: '' } };
    h.failures++;
    h.last = { code: o.curlCode, error: o.error };
    if (h.failures >= BREAKER_FAILURES) h.openUntil = Date.now() + BREAKER_MS;
    // bounded: origins come from scripts
    if (!this.health.has(origin) && this.health.size >= 1024) this.health.clear();
    this.health.set(origin, h);
  }

  async close(): Promise<void> {
    const live = this.live;
    this.live = null;
    if (live) await live.worker.terminate();
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

let perThread: SyncFetch | null = null;

/** This thread's bridge. */
export function syncFetch(): SyncFetch {
  return (perThread ??= new SyncFetch());
}

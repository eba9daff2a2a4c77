// What the calling thread and the bridge's worker thread say to each other.
//
// Synchronous calls: the caller posts a SyncRequest on a dedicated MessagePort and sleeps in
// Atomics.wait on slot DONE of a SharedArrayBuffer. The worker runs the operation, delivers
// the result (see ResultVia), stores the request id in DONE and notifies. The caller keeps
// only a result with its own id, so a late answer to a call that timed out is dropped.
import type { DriverOp } from './async-driver.js';

export type DriverKind = 'redis' | 'postgres';

/**
 * 'port': the result is a message on the sync port, read with receiveMessageOnPort.
 * 'shared': the result is JSON written into the shared buffer (falls back to the port when
 * it does not fit).
 */
export type ResultVia = 'port' | 'shared';

/** Int32 slots at the start of the shared buffer. */
export const SLOT = { DONE: 0, WANTED: 1, LENGTH: 2 } as const;
export const HEADER_BYTES = 16;
/** LENGTH when the result went on the port instead. */
export const ON_PORT = -1;

export interface WorkerConfig {
  kind: DriverKind;
  url: string;
  timeoutMs: number;
  shared: SharedArrayBuffer;
}

export interface SyncRequest {
  id: number;
  op: DriverOp;
  args: unknown[];
  via: ResultVia;
}

export interface AsyncRequest {
  id: number;
  op: DriverOp;
  args: unknown[];
}

export type Outcome = { ok: true; value: unknown } | { ok: false; error: string };
export type Reply = Outcome & { id: number };

/** The worker's first message: the driver connected and the schema is there, or why not. */
export type Ready = { ready: true } | { ready: false; error: string };

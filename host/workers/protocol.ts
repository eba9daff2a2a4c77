// What the socket thread and the worker threads say to each other over a worker's port.
// Messages travel in batches, one postMessage per worker per turn of the event loop, their
// bytes packed into one transferred buffer (no copy per message, no clone of each Buffer).
import type { Destination, ReceiveInfo } from '../transport/types.js';

/** Socket thread → worker. */
export type ToWorker =
  /** Messages read off the sockets: bytes[ends[i-1], ends[i]) goes with rcvs[i]. */
  | { t: 'msgs'; bytes: ArrayBuffer; ends: number[]; rcvs: ReceiveInfo[] }
  /** Sends that failed after they left the worker (connect failure, no-connect without a connection). */
  | { t: 'sendErrors'; ids: number[]; reasons: string[] }
  /** A request (stats, reload steps...) answered with an `answer` of the same id. */
  | { t: 'call'; id: number; op: string; args?: unknown };

/** One thing a worker asks the sockets to do, in order. */
export type OutOp =
  /** id 0: nobody waits for an error. */
  | { k: 'send'; id: number; dst: Destination; from?: { ip: string; port: number }; len: number }
  | { k: 'alias'; conId: number; port: number };

/** Worker → socket thread. */
export type FromWorker =
  | { t: 'ready' }
  | { t: 'failed'; error: string }
  /** Sends and aliases in order; each send's bytes are the next `len` bytes of `bytes`. */
  | { t: 'out'; ops: OutOp[]; bytes: ArrayBuffer }
  | { t: 'answer'; id: number; ok: boolean; value?: unknown; error?: string };

/** The addresses the socket thread listens on, as bound (for Via and Record-Route in a worker). */
export interface BoundAddress {
  proto: 'udp' | 'tcp';
  ip: string;
  port: number;
}

/** Packs buffers into one ArrayBuffer to transfer. */
export function pack(parts: readonly Uint8Array[], total: number): ArrayBuffer {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out.buffer;
}

// What the socket thread and the worker threads say to each other over a worker's port.
// Messages travel in batches, one postMessage per worker per turn of the event loop, as flat
// arrays of primitives and byte arrays: structured cloning an object per message, or
// transferring a fresh ArrayBuffer, cost 3-4× more per message than this (measured with
// postMessage in one process: ~2 µs a message here against 5-11 µs).
import type { Destination, Proto, ReceiveInfo } from '../transport/types.js';

/** A message's bytes as they cross: a byte array with its own store, or latin1 text (see wire()). */
export type WireBytes = Uint8Array | string;

/** Socket thread → worker: a batch of messages, MSG_STRIDE entries each (see pushMessage). */
export type MessageBatch = unknown[];
export const MSG_STRIDE = 8;

/** Socket thread → worker, besides message batches. */
export type ToWorker =
  /** Sends that failed after they left the worker (connect failure, no-connect without a connection). */
  | { t: 'sendErrors'; ids: number[]; reasons: string[] }
  /** A request (stats, reload steps...) answered with an `answer` of the same id. */
  | { t: 'call'; id: number; op: string; args?: unknown };

/** Worker → socket thread, besides batches of sends (OUT_STRIDE entries each, see pushSend). */
export type FromWorker =
  | { t: 'ready' }
  | { t: 'failed'; error: string }
  | { t: 'answer'; id: number; ok: boolean; value?: unknown; error?: string }
  /** The worker's overload monitor changed: the socket thread sheds for it before the message crosses. */
  | { t: 'overload'; overloaded: boolean; admitFactor: number };
export const OUT_STRIDE = 10;

/** The addresses the socket thread listens on, as bound (for Via and Record-Route in a worker). */
export interface BoundAddress {
  proto: Destination['proto'];
  ip: string;
  port: number;
}

/**
 * Bytes as they cross a port. A Buffer that is a view into a larger store (Node's pool, a TCP
 * chunk) would be cloned with its whole store, so it crosses as latin1 text; a Buffer that owns
 * its store (a UDP datagram) crosses as it is.
 */
export function wire(buf: Buffer): WireBytes {
  return buf.byteOffset === 0 && buf.buffer.byteLength === buf.length ? buf : buf.toString('latin1');
}

export function unwire(w: WireBytes): Buffer {
  return typeof w === 'string' ? Buffer.from(w, 'latin1') : Buffer.from(w.buffer, w.byteOffset, w.byteLength);
}

export function pushMessage(batch: MessageBatch, buf: Buffer, r: ReceiveInfo): void {
  batch.push(wire(buf), r.proto, r.srcIp, r.srcPort, r.rcvIp, r.rcvPort, r.conId, r.receivedAt);
}

export function messageAt(batch: MessageBatch, i: number): { buf: Buffer; rcv: ReceiveInfo } {
  return {
    buf: unwire(batch[i] as WireBytes),
    rcv: {
      proto: batch[i + 1] as Proto, srcIp: batch[i + 2] as string, srcPort: batch[i + 3] as number,
      rcvIp: batch[i + 4] as string, rcvPort: batch[i + 5] as number, conId: batch[i + 6] as number, receivedAt: batch[i + 7] as number,
    },
  };
}

const CLOSE = 1;
const NO_CONNECT = 2;

/** A send: bytes, error id (0: nobody waits), destination, flags, the local address to send from. */
export function pushSend(batch: unknown[], buf: Buffer, id: number, dst: Destination, from?: { ip: string; port: number }): void {
  const flags = (dst.close ? CLOSE : 0) | (dst.noConnect ? NO_CONNECT : 0);
  batch.push(wire(buf), id, dst.proto, dst.ip, dst.port, dst.conId ?? -1, flags, from?.ip ?? null, from?.port ?? 0, dst.host ?? null);
}

/** add_tcp_alias, in the same stream as the sends (so it is made before any later send). */
export function pushAlias(batch: unknown[], conId: number, port: number): void {
  batch.push(null, 0, 'alias', '', port, conId, 0, null, 0, null);
}

/**
 * The socket thread asked to be woken (it holds messages for this worker, worker-signals.ts):
 * the worker finished more, so its credit allows more to cross. After the sends they caused.
 */
export function pushWake(batch: unknown[]): void {
  batch.push(null, 0, 'wake', '', 0, -1, 0, null, 0, null);
}

export type OutOp =
  | { k: 'send'; buf: Buffer; id: number; dst: Destination; from?: { ip: string; port: number } }
  | { k: 'alias'; conId: number; port: number }
  | { k: 'wake' };

export function outAt(batch: unknown[], i: number): OutOp {
  const conId = batch[i + 5] as number;
  if (batch[i] === null) return batch[i + 2] === 'wake' ? { k: 'wake' } : { k: 'alias', conId, port: batch[i + 4] as number };
  const flags = batch[i + 6] as number;
  const dst: Destination = { proto: batch[i + 2] as Destination['proto'], ip: batch[i + 3] as string, port: batch[i + 4] as number };
  if (conId >= 0) dst.conId = conId;
  if (flags & CLOSE) dst.close = true;
  if (flags & NO_CONNECT) dst.noConnect = true;
  const host = batch[i + 9] as string | null;
  if (host !== null) dst.host = host;
  const fromIp = batch[i + 7] as string | null;
  return { k: 'send', buf: unwire(batch[i] as WireBytes), id: batch[i + 1] as number, dst, ...(fromIp ? { from: { ip: fromIp, port: batch[i + 8] as number } } : {}) };
}

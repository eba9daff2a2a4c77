// The worker thread's side of its port: messages from the sockets go to the engine, send
// failures to the transports facade, and the socket thread's questions to named operations.
import type { MessagePort } from 'node:worker_threads';
import type { MessageHandler } from '../transport/types.js';
import { messageAt, MSG_STRIDE, type FromWorker, type MessageBatch, type ToWorker } from './protocol.js';
import type { WorkerTransports } from './worker-transports.js';

export type WorkerOps = Record<string, (args: unknown) => unknown>;

export function serveWorker(port: MessagePort, onMessage: MessageHandler, transports: WorkerTransports, ops: WorkerOps): void {
  const answer = (m: FromWorker) => port.postMessage(m);
  port.on('message', (m: ToWorker | MessageBatch) => {
    if (Array.isArray(m)) {
      for (let i = 0; i < m.length; i += MSG_STRIDE) {
        const { buf, rcv } = messageAt(m, i);
        onMessage(buf, rcv);
      }
      // the socket thread's credit for this worker (worker-pool.ts), with this turn's sends
      transports.ack(m.length / MSG_STRIDE);
    } else if (m.t === 'sendErrors') transports.onSendErrors(m.ids, m.reasons);
    else if (m.t === 'call') void runOp(ops, m.op, m.args).then((r) => answer({ t: 'answer', id: m.id, ...r }));
  });
}

async function runOp(ops: WorkerOps, op: string, args: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  const f = ops[op];
  if (!f) return { ok: false, error: `unknown worker operation '${op}'` };
  try {
    return { ok: true, value: await f(args) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

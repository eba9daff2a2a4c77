// Bytes the kernel holds for a TCP peer that has not acknowledged them (Linux: the tx_queue
// column of /proc/net/tcp and tcp6). Node's writableLength only counts what the kernel has
// not yet taken, and the kernel takes up to its send buffer (autotuned to megabytes): a peer
// that never reads is only visible here. Read in the background, for the connections that
// were written much since the last look; elsewhere than Linux there is no such file.
import { readFile } from 'node:fs/promises';
import { isIPv6 } from 'node:net';
import { procAddress } from './proc-net-address.js';

export interface SocketEnds {
  localAddress?: string;
  localPort?: number;
  remoteAddress?: string;
  remotePort?: number;
}

/** "LOCAL REMOTE" as /proc/net/tcp prints them; null when the socket is not connected. */
export function procKey(s: SocketEnds): string | null {
  if (!s.localAddress || !s.localPort || !s.remoteAddress || !s.remotePort) return null;
  return `${procAddress(s.localAddress, s.localPort)} ${procAddress(s.remoteAddress, s.remotePort)}`;
}

/** tx_queue by key, for the keys asked, from the text of /proc/net/tcp or tcp6. */
export function parseProcTcp(text: string, keys: ReadonlySet<string>, into = new Map<string, number>()): Map<string, number> {
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    const key = `${f[1]} ${f[2]}`;
    if (!keys.has(key)) continue;
    const tx = parseInt(f[4]!.split(':')[0] ?? '', 16);
    if (Number.isFinite(tx)) into.set(key, tx);
  }
  return into;
}

/** The kernel send queues of the sockets given (by procKey); empty where unknown. */
export async function readTcpSendQueues(sockets: SocketEnds[]): Promise<Map<string, number>> {
  const v4 = new Set<string>();
  const v6 = new Set<string>();
  for (const s of sockets) {
    const key = procKey(s);
    if (key) (isIPv6(s.localAddress!) ? v6 : v4).add(key);
  }
  const out = new Map<string, number>();
  for (const [file, keys] of [['/proc/net/tcp', v4], ['/proc/net/tcp6', v6]] as const) {
    if (keys.size === 0) continue;
    try {
      parseProcTcp(await readFile(file, 'latin1'), keys, out);
    } catch {
      /* not Linux, or no such file: the write buffer bounds alone apply */
    }
  }
  return out;
}

/** A connection whose kernel send queue is looked at: TCP, TLS and WebSocket ones alike. */
export interface KernelQueued {
  readonly needsKernelCheck: boolean;
  readonly socket: SocketEnds;
  noteKernelQueue(bytes: number, now: number): void;
}

/**
 * One listener's looks at the kernel's send queues: of the connections written much since the
 * last look, one look at a time (a sweep that comes while one is under way does nothing).
 */
export class KernelQueueCheck {
  private checking = false;

  async look(connections: Iterable<KernelQueued>): Promise<void> {
    if (this.checking) return;
    const suspects = [...connections].filter((c) => c.needsKernelCheck);
    if (suspects.length === 0) return;
    this.checking = true;
    try {
      const queues = await readTcpSendQueues(suspects.map((c) => c.socket));
      const now = Date.now();
      for (const c of suspects) {
        const key = procKey(c.socket);
        const bytes = key === null ? undefined : queues.get(key);
        if (bytes !== undefined) c.noteKernelQueue(bytes, now);
      }
    } finally {
      this.checking = false;
    }
  }
}

// What the kernel knows about one of our UDP sockets and Node does not tell: datagrams it
// dropped because the receive buffer was full, and the bytes waiting in that buffer. Read from
// Linux's /proc/net/udp and /proc/net/udp6 (one line per socket: local address and port in
// hex, `tx_queue:rx_queue`, ..., `drops` last), matched by local address, port and our uid.
// Elsewhere there is no such file and the figures are null.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isIPv6 } from 'node:net';
import { procAddress } from './proc-net-address.js';

export interface UdpKernelStats {
  /** Datagrams the kernel dropped for this socket since it was opened. */
  drops: number;
  /** Bytes waiting in the socket's receive buffer now. */
  rxQueueBytes: number;
}

const UID = typeof process.getuid === 'function' ? process.getuid() : -1;

/** Finds the socket bound to ip:port in the text of /proc/net/udp or udp6. */
export function parseProcUdp(text: string, ip: string, port: number): UdpKernelStats | null {
  const local = procAddress(ip, port);
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    // sl local rem st tx:rx tr:when retrnsmt uid timeout inode ref pointer drops
    if (f.length < 13 || f[1] !== local) continue;
    if (UID >= 0 && Number(f[7]) !== UID) continue;
    const rx = parseInt(f[4]!.split(':')[1] ?? '0', 16);
    return { drops: Number(f[12]), rxQueueBytes: Number.isFinite(rx) ? rx : 0 };
  }
  return null;
}

function procFile(ip: string): string {
  return isIPv6(ip) ? '/proc/net/udp6' : '/proc/net/udp';
}

/** Synchronous read, for kemi.stats (the file is small: one line per UDP socket). */
export function readUdpKernelStats(ip: string, port: number): UdpKernelStats | null {
  try {
    return parseProcUdp(readFileSync(procFile(ip), 'latin1'), ip, port);
  } catch {
    return null;
  }
}

/** The same, off the event loop, for the periodic sample. */
export async function readUdpKernelStatsAsync(ip: string, port: number): Promise<UdpKernelStats | null> {
  try {
    return parseProcUdp(await readFile(procFile(ip), 'latin1'), ip, port);
  } catch {
    return null;
  }
}

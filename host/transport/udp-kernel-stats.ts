// What the kernel knows about one of our UDP sockets and Node does not tell: datagrams it
// dropped because the receive buffer was full, and the bytes waiting in that buffer. Read from
// Linux's /proc/net/udp and /proc/net/udp6 (one line per socket: local address and port in
// hex, `tx_queue:rx_queue`, ..., `drops` last), matched by local address, port and our uid.
// Elsewhere there is no such file and the figures are null.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isIPv6 } from 'node:net';
import { endianness } from 'node:os';

export interface UdpKernelStats {
  /** Datagrams the kernel dropped for this socket since it was opened. */
  drops: number;
  /** Bytes waiting in the socket's receive buffer now. */
  rxQueueBytes: number;
}

const UID = typeof process.getuid === 'function' ? process.getuid() : -1;

/** The hex form /proc/net/udp{,6} gives a local address in (each 32-bit word in host order). */
export function procAddress(ip: string, port: number): string {
  const words: number[] = [];
  if (isIPv6(ip)) {
    const full = expandIPv6(ip);
    for (let i = 0; i < 8; i += 2) words.push(((full[i]! << 16) | full[i + 1]!) >>> 0);
  } else {
    const b = ip.split('.').map(Number);
    words.push(((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0);
  }
  const little = endianness() === 'LE';
  const hex = words.map((w) => (little ? swap32(w) : w).toString(16).toUpperCase().padStart(8, '0')).join('');
  return `${hex}:${port.toString(16).toUpperCase().padStart(4, '0')}`;
}

function swap32(w: number): number {
  return (((w & 0xff) << 24) | ((w & 0xff00) << 8) | ((w >>> 8) & 0xff00) | (w >>> 24)) >>> 0;
}

function expandIPv6(ip: string): number[] {
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const b = v4[1]!.split('.').map(Number);
    text = text.slice(0, -v4[1]!.length) + `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head ? head.split(':').map((x) => parseInt(x, 16)) : [];
  const t = tail ? tail.split(':').map((x) => parseInt(x, 16)) : [];
  const zeros = tail === undefined ? [] : new Array<number>(8 - h.length - t.length).fill(0);
  return [...h, ...zeros, ...t];
}

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

// Socket addresses as Linux's /proc/net/{udp,udp6,tcp,tcp6} print them, to find our sockets
// there (udp-kernel-stats.ts, tcp-send-queue.ts).
import { isIPv6 } from 'node:net';
import { endianness } from 'node:os';

/** The hex form /proc/net/* gives a local address in (each 32-bit word in host order). */
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


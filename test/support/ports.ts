// Free loopback ports for a test server: a port free for both UDP and TCP.
import dgram from 'node:dgram';
import net from 'node:net';
import { readFileSync } from 'node:fs';

async function tcpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function udpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    s.once('error', () => resolve(false));
    s.bind(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/**
 * The first port the kernel hands out on its own (connects, binds to port 0): a port chosen
 * below it cannot be taken by such a socket between the check and the server's bind (seen:
 * a control endpoint's port taken by a neighbour test's connection, EADDRINUSE).
 */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 12000 ? low : 32768;
  } catch {
    return 32768;
  }
}

const LOW = 10000;
const HIGH = ephemeralLow();

/** A port below the kernel's ephemeral range, free for UDP and TCP on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if ((await udpFree(port)) && (await tcpFree(port))) return port;
  }
  throw new Error('no free port found on 127.0.0.1 after 200 tries');
}

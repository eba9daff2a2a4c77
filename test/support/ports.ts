// Free loopback ports for a test server: a port free for both UDP and TCP.
import dgram from 'node:dgram';
import net from 'node:net';

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

/** A port in 20000..59999 free for UDP and TCP on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    if ((await udpFree(port)) && (await tcpFree(port))) return port;
  }
  throw new Error('no free port found on 127.0.0.1 after 200 tries');
}

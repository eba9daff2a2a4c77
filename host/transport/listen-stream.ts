// Listens a stream server (TCP, TLS's raw side, the WebSocket's HTTP(S) server) on ip:port: an
// IPv6 address only for IPv6, a deep accept backlog (a burst of connects must not be refused by
// the kernel before the connection table can judge them), and the bind's error as the rejection.
import type net from 'node:net';

export function listenStream(server: net.Server, ip: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: ip, port, ipv6Only: ip.includes(':'), backlog: 4096 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

// A tiny SIP peer for tests: sends raw requests over UDP or TCP on loopback and collects
// the replies, so a test can read every header the server put in them.
import dgram from 'node:dgram';
import net from 'node:net';
import { randomBytes } from 'node:crypto';

export function request(method: string, port: number, opts: { ruri?: string; headers?: string[]; body?: string; transport?: 'UDP' | 'TCP'; localPort?: number } = {}): string {
  const id = randomBytes(6).toString('hex');
  const body = opts.body ?? '';
  const ruri = opts.ruri ?? `sip:127.0.0.1:${port}`;
  return [
    `${method} ${ruri} SIP/2.0`,
    `Via: SIP/2.0/${opts.transport ?? 'UDP'} 127.0.0.1:${opts.localPort ?? 5999};branch=z9hG4bK${id};rport`,
    `From: <sip:alice@127.0.0.1>;tag=${id}`,
    `To: <sip:bob@127.0.0.1>`,
    `Call-ID: ${id}@test`,
    `CSeq: 1 ${method}`,
    'Max-Forwards: 70',
    ...(opts.headers ?? []),
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
}

/**
 * Sends one datagram and waits for the replies that arrive within waitMs (at most `count`).
 * `localIp` sends from another loopback address (127.0.0.0/8), i.e. as another source.
 */
export async function udpExchange(port: number, data: string | Buffer, opts: { count?: number; waitMs?: number; localIp?: string } = {}): Promise<string[]> {
  const sock = dgram.createSocket('udp4');
  await new Promise<void>((r) => sock.bind(0, opts.localIp ?? '127.0.0.1', () => r()));
  const replies: string[] = [];
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, opts.waitMs ?? 3000);
    sock.on('message', (m) => {
      replies.push(m.toString('latin1'));
      if (replies.length >= (opts.count ?? 1)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const text = typeof data === 'string' ? data.replace(/127\.0\.0\.1:5999/g, `127.0.0.1:${(sock.address() as { port: number }).port}`) : data;
  sock.send(text, port, '127.0.0.1');
  await done;
  sock.close();
  return replies;
}

/** Opens a TCP connection, writes the chunks, and collects what comes back until close or waitMs. */
export async function tcpExchange(port: number, chunks: (string | Buffer)[], opts: { waitMs?: number; gapMs?: number } = {}): Promise<{ data: string; closedByServer: boolean }> {
  const sock = net.connect(port, '127.0.0.1');
  await new Promise<void>((r, j) => (sock.once('connect', () => r()), sock.once('error', j)));
  let data = '';
  let closedByServer = false;
  sock.on('data', (d) => (data += d.toString('latin1')));
  sock.on('error', () => {});
  const closed = new Promise<void>((r) => sock.once('close', () => ((closedByServer = true), r())));
  for (const c of chunks) {
    if (sock.destroyed) break;
    sock.write(c);
    if (opts.gapMs) await new Promise((r) => setTimeout(r, opts.gapMs));
  }
  await Promise.race([closed, new Promise((r) => setTimeout(r, opts.waitMs ?? 2000))]);
  const wasClosed = closedByServer;
  sock.destroy();
  return { data, closedByServer: wasClosed };
}

export function headerValue(reply: string, name: string): string | undefined {
  const m = new RegExp(`^${name}[ \\t]*:[ \\t]*(.*)$`, 'im').exec(reply);
  return m?.[1]?.trim();
}

export function statusOf(reply: string): number {
  return Number(/^SIP\/2\.0 (\d{3})/.exec(reply)?.[1] ?? 0);
}

/** The status of the server's answer to one OPTIONS sent from `localIp` (another source on loopback); 0 when none came within 2 s. */
export async function optionsStatusFrom(port: number, localIp: string): Promise<number> {
  const [reply] = await udpExchange(port, request('OPTIONS', port), { localIp, waitMs: 2000 });
  return reply ? statusOf(reply) : 0;
}

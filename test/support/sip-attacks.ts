// Hostile SIP peers for the transport tests (issue 7 items 11-14): pipelined TCP bursts,
// peers that never read, held and slow connections, a UDP flood. Each is bounded in count
// and time, talks to loopback only, and comes from its own loopback address (127.0.0.2 and
// up) so that it is one source, apart from the legitimate probes on 127.0.0.1.
import dgram from 'node:dgram';
import net from 'node:net';
import { randomBytes } from 'node:crypto';

/** An OPTIONS over TCP or UDP from `from` (host:port for its Via); `pad` bytes of display name make its reply as large. */
export function attackOptions(port: number, n: number, opts: { transport?: 'TCP' | 'UDP'; from?: string; pad?: number; toTag?: boolean } = {}): string {
  const id = `a${n}x${Math.random().toString(36).slice(2, 10)}`;
  const display = opts.pad ? `"${'p'.repeat(opts.pad)}" ` : '';
  return [
    `OPTIONS sip:attack@127.0.0.1:${port} SIP/2.0`,
    `Via: SIP/2.0/${opts.transport ?? 'TCP'} ${opts.from ?? '127.0.0.2:9'};branch=z9hG4bK${id};rport`,
    `From: ${display}<sip:attacker@127.0.0.1>;tag=${id}`,
    `To: <sip:attack@127.0.0.1>${opts.toTag ? ';tag=indialog' : ''}`,
    `Call-ID: ${id}@attack`,
    `CSeq: ${n + 1} OPTIONS`,
    'Max-Forwards: 70',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

export function connectFrom(port: number, localAddress: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ port, host: '127.0.0.1', localAddress });
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });
}

export interface BurstReport {
  sent: number;
  /** Final replies received, by status. */
  replies: Record<number, number>;
  /** Connections the server closed. */
  closedByServer: number;
  ms: number;
}

/**
 * `connections` connections from `localAddress`, each writing `perConnection` OPTIONS at once.
 * With `read`, replies are read and counted until all came or `maxMs`; without, the peer does
 * not read (its replies pile up at the server) until `maxMs`, then reads what is there for up to
 * 2 s only to learn which connections the server closed (a socket that is not read never sees
 * the close).
 */
export async function pipelinedBurst(o: {
  port: number; connections: number; perConnection: number; read: boolean; maxMs: number; localAddress?: string; pad?: number;
}): Promise<BurstReport> {
  const t0 = performance.now();
  const sockets = await Promise.all(Array.from({ length: o.connections }, () => connectFrom(o.port, o.localAddress ?? '127.0.0.2')));
  const replies: Record<number, number> = {};
  let got = 0;
  let closedByServer = 0;
  let finishing = false;
  const total = o.connections * o.perConnection;
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, o.maxMs);
    let open = sockets.length;
    for (const s of sockets) {
      let partial = '';
      s.on('error', () => {});
      s.on('close', () => {
        if (!finishing) closedByServer++;
        if (--open === 0) (clearTimeout(timer), resolve());
      });
      s.on('end', () => s.destroy());
      if (!o.read) {
        s.pause();
        continue;
      }
      s.on('data', (d: Buffer) => {
        // whole lines only: a status line split between two reads is counted once
        const lines = (partial + d.toString('latin1')).split('\r\n');
        partial = lines.pop()!;
        for (const line of lines) {
          const m = /^SIP\/2\.0 (\d{3})/.exec(line);
          if (!m || Number(m[1]) < 200) continue;
          replies[Number(m[1])] = (replies[Number(m[1])] ?? 0) + 1;
          got++;
        }
        if (got >= total) (clearTimeout(timer), resolve());
      });
    }
  });
  for (const s of sockets) {
    const batch: string[] = [];
    for (let i = 0; i < o.perConnection; i++) batch.push(attackOptions(o.port, i, { pad: o.pad }));
    s.write(batch.join(''));
  }
  await done;
  if (!o.read) {
    const open = sockets.filter((s) => !s.destroyed);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000);
      let left = open.length;
      if (left === 0) return (clearTimeout(timer), resolve());
      for (const s of open) {
        s.once('close', () => --left === 0 && (clearTimeout(timer), resolve()));
        s.on('data', () => {});
        s.resume();
      }
    });
  }
  finishing = true;
  for (const s of sockets) s.destroy();
  return { sent: total, replies, closedByServer, ms: Math.round(performance.now() - t0) };
}

/**
 * Opens `count` connections spread over the source addresses given, sends nothing, keeps them
 * `holdMs`, then closes them. Reports how many the server closed meanwhile.
 */
export async function heldConnections(o: { port: number; count: number; sources: string[]; holdMs: number }): Promise<{ opened: number; failed: number; closedByServer: number }> {
  const sockets: net.Socket[] = [];
  let failed = 0;
  let closedByServer = 0;
  let releasing = false;
  const batch = 100;
  for (let i = 0; i < o.count; i += batch) {
    const round = await Promise.allSettled(
      Array.from({ length: Math.min(batch, o.count - i) }, (_, k) => connectFrom(o.port, o.sources[(i + k) % o.sources.length]!)),
    );
    for (const r of round) {
      if (r.status === 'rejected') {
        failed++;
        continue;
      }
      const s = r.value;
      s.on('error', () => {});
      s.on('close', () => {
        if (!releasing) closedByServer++;
      });
      sockets.push(s);
    }
  }
  await new Promise((r) => setTimeout(r, o.holdMs));
  releasing = true;
  for (const s of sockets) s.destroy();
  return { opened: sockets.length, failed, closedByServer };
}

/**
 * Slowloris: `count` connections that each send the start of a request and then one byte every
 * `everyMs`, never finishing it. Resolves when the server closed them all or after `maxMs`,
 * with how long each lasted.
 */
export async function slowloris(o: { port: number; count: number; everyMs: number; maxMs: number; localAddress?: string }): Promise<{ closedByServer: number; lastedMs: number[] }> {
  const t0 = performance.now();
  const sockets = await Promise.all(Array.from({ length: o.count }, () => connectFrom(o.port, o.localAddress ?? '127.0.0.3')));
  const lasted: number[] = [];
  await new Promise<void>((resolve) => {
    let open = sockets.length;
    const stop = setTimeout(finish, o.maxMs);
    const drip = setInterval(() => {
      for (const s of sockets) if (!s.destroyed) s.write('X-Slow: a\r\n');
    }, o.everyMs);
    function finish() {
      clearInterval(drip);
      clearTimeout(stop);
      resolve();
    }
    for (const s of sockets) {
      s.on('error', () => {});
      s.on('close', () => {
        lasted.push(Math.round(performance.now() - t0));
        if (--open === 0) finish();
      });
      s.write(`OPTIONS sip:slow@127.0.0.1:${o.port} SIP/2.0\r\n`);
    }
  });
  const closedByServer = lasted.length;
  for (const s of sockets) s.destroy();
  return { closedByServer, lastedMs: lasted };
}

export interface FloodReport {
  sent: number;
  replies: Record<number, number>;
  ms: number;
}

/**
 * A UDP flood from one socket on `localAddress`: `rate` OPTIONS (with `toTag`, in-dialog ones;
 * with `garbage`, datagrams of random bytes instead) per second, at most `count` and at most `maxMs`, sent in bursts every 5 ms.
 * Replies coming back are counted by status.
 */
export async function udpFlood(o: { port: number; rate: number; count: number; maxMs: number; localAddress?: string; garbage?: boolean; toTag?: boolean }): Promise<FloodReport> {
  const sock = dgram.createSocket('udp4');
  await new Promise<void>((r) => sock.bind(0, o.localAddress ?? '127.0.0.2', () => r()));
  const replies: Record<number, number> = {};
  sock.on('message', (m) => {
    const code = Number(/^SIP\/2\.0 (\d{3})/.exec(m.toString('latin1', 0, 16))?.[1] ?? 0);
    replies[code] = (replies[code] ?? 0) + 1;
  });
  const from = `${o.localAddress ?? '127.0.0.2'}:${(sock.address() as { port: number }).port}`;
  const templates = Array.from({ length: 64 }, (_, i) =>
    o.garbage ? randomBytes(100 + i * 5) : Buffer.from(attackOptions(o.port, i, { transport: 'UDP', from, toTag: o.toTag })),
  );
  const t0 = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const elapsed = performance.now() - t0;
      const due = Math.min(o.count, Math.floor((elapsed / 1000) * o.rate));
      for (; sent < due; sent++) sock.send(templates[sent % templates.length]!, o.port, '127.0.0.1');
      if (sent >= o.count || elapsed >= o.maxMs) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  const ms = Math.round(performance.now() - t0);
  // replies still on their way
  await new Promise((r) => setTimeout(r, 500));
  sock.close();
  return { sent, replies, ms };
}

// A legitimate client beside an attack: sends OPTIONS at a steady pace (over UDP from one
// socket, or over a new TCP connection each time) and reports the longest time the server
// left it unanswered. A probe counts from when it was sent to when its reply came; a probe
// still unanswered when the probe stops counts until then. Bounded: one probe in flight per
// interval, stops by itself after maxMs. firstReply() tells when the client is under way.
import dgram from 'node:dgram';
import net from 'node:net';
import { randomBytes } from 'node:crypto';

export type ProbeTransport = 'udp' | 'tcp-new';

export interface GapReport {
  transport: ProbeTransport;
  sent: number;
  answered: number;
  /** The longest a probe waited for its reply (or until the probe stopped), in ms. */
  maxGapMs: number;
  /** When that probe was sent, in ms since the probe started: tells a flood's onset from its steady state. */
  worstAtMs: number;
}

export interface GapProbe {
  /** Resolves at the probe's first reply (false: none within `withinMs`). */
  firstReply(withinMs: number): Promise<boolean>;
  stop(): Promise<GapReport>;
}

export interface GapProbeOptions {
  port: number;
  transport?: ProbeTransport;
  /** Pace of the probes (default 20 ms over UDP, 50 ms over new TCP connections). */
  intervalMs?: number;
  /** Hard stop, so a forgotten probe cannot run on (default 120 s). */
  maxMs?: number;
  /** Extra header lines on every probe (the script tells probes from attacks by X-Attack). */
  headers?: string[];
}

function options(port: number, via: string, headers: string[]): { text: string; callId: string } {
  const id = randomBytes(8).toString('hex');
  const text = [
    `OPTIONS sip:probe@127.0.0.1:${port} SIP/2.0`,
    `Via: SIP/2.0/${via};branch=z9hG4bK${id};rport`,
    `From: <sip:probe@127.0.0.1>;tag=${id}`,
    `To: <sip:probe@127.0.0.1>`,
    `Call-ID: ${id}@probe`,
    `CSeq: 1 OPTIONS`,
    'Max-Forwards: 70',
    ...headers,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
  return { text, callId: `${id}@probe` };
}

const CALL_ID = /^(?:Call-ID|i)[ \t]*:[ \t]*(\S+)/im;

export async function startGapProbe(o: GapProbeOptions): Promise<GapProbe> {
  const transport = o.transport ?? 'udp';
  return transport === 'udp' ? udpProbe(o) : tcpProbe(o);
}

/** Shared bookkeeping: when each probe went out, and the longest wait seen. */
class Ledger {
  readonly pending = new Map<string, number>();
  sent = 0;
  answered = 0;
  maxGapMs = 0;
  worstAt = 0;
  private readonly startedAt = performance.now();
  /** Called at the first reply (firstReply). */
  private onFirst: (() => void) | null = null;

  out(callId: string): void {
    this.sent++;
    this.pending.set(callId, performance.now());
  }

  answer(callId: string): void {
    const t = this.pending.get(callId);
    if (t === undefined) return;
    this.pending.delete(callId);
    this.answered++;
    this.onFirst?.();
    this.noteWait(t, performance.now() - t);
  }

  private noteWait(sentAt: number, ms: number): void {
    if (ms <= this.maxGapMs) return;
    this.maxGapMs = ms;
    this.worstAt = sentAt - this.startedAt;
  }

  firstReply(withinMs: number): Promise<boolean> {
    if (this.answered > 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), withinMs);
      this.onFirst = () => {
        this.onFirst = null;
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  close(transport: ProbeTransport): GapReport {
    const now = performance.now();
    for (const t of this.pending.values()) this.noteWait(t, now - t);
    return { transport, sent: this.sent, answered: this.answered, maxGapMs: Math.round(this.maxGapMs), worstAtMs: Math.round(this.worstAt) };
  }
}

async function udpProbe(o: GapProbeOptions): Promise<GapProbe> {
  const sock = dgram.createSocket('udp4');
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  const local = (sock.address() as { port: number }).port;
  const ledger = new Ledger();
  sock.on('message', (m) => {
    const id = CALL_ID.exec(m.toString('latin1'))?.[1];
    if (id) ledger.answer(id);
  });
  const tick = () => {
    const p = options(o.port, `UDP 127.0.0.1:${local}`, o.headers ?? []);
    ledger.out(p.callId);
    sock.send(p.text, o.port, '127.0.0.1');
  };
  tick();
  const timer = setInterval(tick, o.intervalMs ?? 20);
  const limit = setTimeout(() => clearInterval(timer), o.maxMs ?? 120_000);
  return {
    firstReply: (ms) => ledger.firstReply(ms),
    async stop() {
      clearInterval(timer);
      clearTimeout(limit);
      // a last short wait so probes sent just now are not counted as gaps
      await new Promise((r) => setTimeout(r, 100));
      const report = ledger.close('udp');
      sock.close();
      return report;
    },
  };
}

async function tcpProbe(o: GapProbeOptions): Promise<GapProbe> {
  const ledger = new Ledger();
  const open = new Set<net.Socket>();
  let stopped = false;
  const one = () => {
    const sock = net.connect(o.port, '127.0.0.1');
    open.add(sock);
    const p = options(o.port, `TCP 127.0.0.1:${0}`, o.headers ?? []);
    // the probe counts from the connection attempt: a server that cannot accept is a gap too
    ledger.out(p.callId);
    let data = '';
    sock.on('connect', () => sock.write(p.text));
    sock.on('data', (d) => {
      data += d.toString('latin1');
      const id = CALL_ID.exec(data)?.[1];
      if (id) {
        ledger.answer(id);
        sock.destroy();
      }
    });
    sock.on('error', () => {});
    sock.on('close', () => open.delete(sock));
    // a probe that waited 10 s is given up on (it stays counted as unanswered until then)
    sock.setTimeout(10_000, () => sock.destroy());
  };
  const tick = () => {
    if (!stopped) one();
  };
  tick();
  const timer = setInterval(tick, o.intervalMs ?? 50);
  const limit = setTimeout(() => clearInterval(timer), o.maxMs ?? 120_000);
  return {
    firstReply: (ms) => ledger.firstReply(ms),
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(limit);
      await new Promise((r) => setTimeout(r, 100));
      const report = ledger.close('tcp-new');
      for (const s of open) s.destroy();
      return report;
    },
  };
}

// The SIP message trace, as Kamailio's sipdump/siptrace: every message in and out with time,
// transport and addresses, to the log (a JSON line each) or to a pcap file that Wireshark and
// sngrep open. It runs on demand (trace.start) or from boot (config `trace:`), and is bounded:
// it stops itself after `max` messages, after `seconds`, or before its pcap passes 100 MB.
// While none runs it is not attached to the transports at all (TransportTap: one null check).
import type { ReceiveInfo } from '../transport/types.js';
import type { TransportTap } from '../transport/transports.js';
import { summarize, type MessageSummary } from './sip-message-summary.js';
import { PcapWriter } from './pcap-writer.js';
import { LOG_TEXT_MAX_BYTES, PCAP_MAX_BYTES, pcapPathFor, TraceSettingsError, type TraceFilter, type TraceProto, type TraceRequest } from './trace-settings.js';

export interface TraceLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Where the tap is set: the socket thread's Transports (one per server, workers or not). */
export interface TapPoint {
  tap: TransportTap | null;
}

export interface TracedMessage {
  at: number;
  direction: 'in' | 'out';
  /** As the script sees it ($proto); a pcap frame is UDP for udp, TCP for the others. */
  proto: TraceProto;
  srcIp: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
}

export interface TraceStatus {
  running: boolean;
  output?: 'log' | 'pcap';
  file?: string;
  filter?: TraceFilter;
  max?: number;
  seconds?: number;
  startedAt?: string;
  /** Messages recorded (that passed the filter). */
  messages: number;
  /** pcap: bytes in the file. */
  bytes?: number;
  stoppedAt?: string;
  stopReason?: string;
}

export class TraceBusyError extends Error {}

interface Running {
  request: TraceRequest;
  startedAt: number;
  messages: number;
  pcap: PcapWriter | null;
  timer: NodeJS.Timeout;
}

export class SipTrace implements TransportTap {
  private running: Running | null = null;
  /** The last trace's figures, kept for trace.status after it stopped. */
  private last: TraceStatus = { running: false, messages: 0 };

  constructor(
    private readonly opts: { stateDir: string; log: TraceLog; points: readonly TapPoint[]; pcapMaxBytes?: number },
  ) {}

  get active(): boolean {
    return this.running !== null;
  }

  /** Starts a trace; refused while one runs (TraceBusyError) or when its pcap file cannot be made (TraceSettingsError). */
  start(request: TraceRequest): TraceStatus {
    if (this.running) throw new TraceBusyError(`a trace is running already (${this.running.request.output}, started ${new Date(this.running.startedAt).toISOString()}); trace.stop it first`);
    const pcap = request.output === 'pcap' ? this.openPcap(request.file) : null;
    const timer = setTimeout(() => this.stop(`its ${request.seconds} s were up`), request.seconds * 1000).unref();
    this.running = { request, startedAt: Date.now(), messages: 0, pcap, timer };
    for (const p of this.opts.points) p.tap = this;
    this.opts.log.info({ output: request.output, file: pcap?.path, filter: request.filter, max: request.max, seconds: request.seconds }, 'sip trace started');
    return this.status();
  }

  /** Stops the trace under way (closing its file); the status of the one that ran. */
  stop(reason = 'stopped by request'): TraceStatus {
    const r = this.running;
    if (!r) return this.status();
    for (const p of this.opts.points) if (p.tap === this) p.tap = null;
    clearTimeout(r.timer);
    r.pcap?.close();
    this.running = null;
    this.last = { ...this.describe(r), running: false, stoppedAt: new Date().toISOString(), stopReason: reason };
    this.opts.log.info({ messages: r.messages, file: r.pcap?.path, bytes: r.pcap?.bytes, reason }, 'sip trace stopped');
    return this.status();
  }

  status(): TraceStatus {
    return this.running ? this.describe(this.running) : { ...this.last };
  }

  received(buf: Buffer, rcv: ReceiveInfo): void {
    this.record(buf, {
      at: rcv.receivedAt, direction: 'in', proto: rcv.proto as TraceProto,
      srcIp: rcv.srcIp, srcPort: rcv.srcPort, dstIp: rcv.rcvIp, dstPort: rcv.rcvPort,
    });
  }

  sent(buf: Buffer, proto: TraceProto, from: { ip: string; port: number }, to: { ip: string; port: number }): void {
    this.record(buf, { at: Date.now(), direction: 'out', proto, srcIp: from.ip, srcPort: from.port, dstIp: to.ip, dstPort: to.port });
  }

  private describe(r: Running): TraceStatus {
    const q = r.request;
    return {
      running: true, output: q.output, ...(r.pcap ? { file: r.pcap.path, bytes: r.pcap.bytes } : {}),
      filter: q.filter, max: q.max, seconds: q.seconds, startedAt: new Date(r.startedAt).toISOString(), messages: r.messages,
    };
  }

  private openPcap(name: string | undefined): PcapWriter {
    const path = pcapPathFor(this.opts.stateDir, name);
    try {
      return new PcapWriter(path, this.opts.pcapMaxBytes ?? PCAP_MAX_BYTES);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new TraceSettingsError(`trace file ${path} exists already: give another 'file' name`);
      throw new TraceSettingsError(`cannot create the trace file ${path}: ${code ?? (e as Error).message}`);
    }
  }

  /** Never throws: it runs inside the transports' receive and send paths. */
  private record(buf: Buffer, m: TracedMessage): void {
    const r = this.running;
    if (!r) return;
    try {
      const summary = summarize(buf);
      if (!matches(r.request.filter, m, summary)) return;
      if (r.pcap) {
        if (!r.pcap.write({ proto: m.proto === 'udp' ? 'udp' : 'tcp', srcIp: m.srcIp, srcPort: m.srcPort, dstIp: m.dstIp, dstPort: m.dstPort }, buf, m.at)) {
          this.stop(r.pcap.open ? `the file reached its bound of ${this.opts.pcapMaxBytes ?? PCAP_MAX_BYTES} bytes` : 'the file could not be written');
          return;
        }
      } else {
        this.logMessage(buf, m, summary);
      }
      if (++r.messages >= r.request.max) this.stop(`it recorded its max of ${r.request.max} messages`);
    } catch (e) {
      this.opts.log.warn({ err: e }, 'sip trace: a message could not be recorded');
    }
  }

  private logMessage(buf: Buffer, m: TracedMessage, s: MessageSummary): void {
    const cut = buf.length > LOG_TEXT_MAX_BYTES;
    const src = hostPort(m.srcIp, m.srcPort);
    const dst = hostPort(m.dstIp, m.dstPort);
    this.opts.log.info(
      {
        trace: m.direction, at: new Date(m.at).toISOString(), proto: m.proto, src, dst, firstLine: s.firstLine, callId: s.callId, bytes: buf.length,
        sip: buf.toString('utf8', 0, Math.min(buf.length, LOG_TEXT_MAX_BYTES)), ...(cut ? { cut: true } : {}),
      },
      `SIP ${m.direction} ${m.proto} ${src} -> ${dst}: ${s.firstLine}`,
    );
  }
}

function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** Every filter key given must hold; ip and port match either end. */
export function matches(f: TraceFilter, m: TracedMessage, s: MessageSummary): boolean {
  if (f.proto !== undefined && f.proto !== m.proto) return false;
  if (f.port !== undefined && f.port !== m.srcPort && f.port !== m.dstPort) return false;
  if (f.ip !== undefined && !sameIp(f.ip, m.srcIp) && !sameIp(f.ip, m.dstIp)) return false;
  if (f.method !== undefined && f.method !== s.method) return false;
  if (f.callId !== undefined && f.callId !== s.callId) return false;
  return true;
}

/** Lower case, and an IPv4 peer seen by a dual-stack socket (::ffff:a.b.c.d) is a.b.c.d. */
function sameIp(filter: string, ip: string): boolean {
  const a = ip.toLowerCase();
  return a === filter || a === `::ffff:${filter}`;
}

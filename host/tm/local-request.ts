// Requests the server originates itself (issue 11): dispatcher's and nathelper's OPTIONS
// probes, uac's remote registrations and uac_req_send. A client transaction of its own
// (RFC 3261 §17.1): the request built whole, sent to its next hop (an IP literal at once, a
// name through host/dns), retransmitted over UDP (timer E from T1 doubling to T2 for a
// non-INVITE, timer A doubling for an INVITE), ended by its final reply or by timer F/B (408);
// a reply is matched by our branch in TransactionLayer.onReply and consumed there, never
// relayed. `done` is called once, never synchronously. An INVITE's non-2xx final reply gets the
// hop-by-hop ACK; a 2xx is the caller's to acknowledge, as for Kamailio's t_uac.
import { randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { CoreServices } from '../core/services.js';
import { SipMessage } from '../sip/message.js';
import type { Destination } from '../transport/types.js';
import { newTransactionId, viaLine } from '../forward/via.js';
import { parseHop, resolveHopTargets, type Target } from '../forward/next-hop.js';
import { buildAck } from './uac-requests.js';
import type { TimerHandle } from './timers.js';

export interface LocalRequest {
  method: string;
  ruri: string;
  /** A URI or a name-addr; a tag is added when it has none. */
  from: string;
  to: string;
  /** The next hop as a SIP URI (an outbound proxy, the probed destination); default the R-URI. */
  dst?: string;
  callId?: string;
  cseq?: number;
  /** Extra header lines, without CRLF. */
  headers?: string[];
  body?: string;
  contentType?: string;
  /** The listen socket to send from, "udp:IP:PORT" (Kamailio's socket spelling); default the one for the next hop's family. */
  socket?: string;
}

export interface LocalResult {
  code: number;
  reason: string;
  /** The final reply; null on a timeout (408) or a failure to send (477) or resolve (478). */
  reply: SipMessage | null;
}

/** One request in flight, as the transaction layer knows it (by branch). */
export interface LocalClient {
  onReply(reply: SipMessage): void;
}

const MAX_HEADERS = 64;
const MAX_BODY_BYTES = 64 * 1024;
const METHOD = /^[A-Z][A-Z0-9_.!%*+`'~-]{0,31}$/;
const NO_CRLF = /[\r\n]/;

/**
 * Sends the request; false (and no `done`) when it is malformed: a method that is no token,
 * a CR or LF inside a value, too many headers or too large a body. Everything later (resolve,
 * send, timeout) is reported through `done`.
 */
export function sendLocalRequest(core: CoreServices, req: LocalRequest, done: (r: LocalResult) => void = () => {}): boolean {
  const refusal = checkRequest(req);
  if (refusal) {
    core.logger.log('error', `local request ${req.method} ${req.ruri}: ${refusal}`);
    return false;
  }
  const finishLater = (code: number, reason: string) => setImmediate(() => done({ code, reason, reply: null }));
  const hop = parseHop(req.dst ?? req.ruri);
  if (!hop) {
    finishLater(478, `next hop "${req.dst ?? req.ruri}" is not a SIP URI`);
    return true;
  }
  resolveHopTargets(hop, null, (list) => {
    if (typeof list === 'string') return finishLater(478, list);
    new LocalTransaction(core, req, list[0]!, done).start();
  });
  return true;
}

function checkRequest(req: LocalRequest): string | null {
  if (!METHOD.test(req.method)) return `expected a method token, got ${JSON.stringify(req.method.slice(0, 40))}`;
  for (const [what, v] of [['ruri', req.ruri], ['from', req.from], ['to', req.to], ['dst', req.dst ?? ''], ['callId', req.callId ?? ''], ['contentType', req.contentType ?? '']] as const) {
    if (NO_CRLF.test(v)) return `${what} must not contain CR or LF`;
  }
  if ((req.headers?.length ?? 0) > MAX_HEADERS) return `at most ${MAX_HEADERS} extra headers, got ${req.headers!.length}`;
  if (req.headers?.some((h) => NO_CRLF.test(h) || !/^[A-Za-z0-9!%*_+`'~.-]+\s*:/.test(h))) return 'each extra header is one "Name: value" line';
  if (Buffer.byteLength(req.body ?? '') > MAX_BODY_BYTES) return `a body of at most ${MAX_BODY_BYTES} bytes`;
  return null;
}

/** "udp:IP:PORT" → the address to send from, null when not given or not one of ours. */
function socketOf(core: CoreServices, spec: string | undefined, proto: Destination['proto']): { ip: string; port: number } | null {
  if (!spec) return null;
  const m = /^(udp|tcp|tls|ws|wss):\[?([^\]]+?)\]?:(\d+)$/i.exec(spec.trim());
  if (!m || m[1]!.toLowerCase() !== proto) return null;
  const ip = m[2]!;
  const port = Number(m[3]);
  const ours = core.listenSockets?.().some((s) => s.proto === proto && s.ip === ip && s.port === port) ?? false;
  return ours ? { ip, port } : null;
}

const nameAddr = (v: string): string => (v.includes('<') ? v : `<${v}>`);
const withTag = (v: string): string => (/;\s*tag=/i.test(v.slice(v.lastIndexOf('>') + 1)) ? v : `${nameAddr(v)};tag=${randomBytes(6).toString('hex')}`);

class LocalTransaction implements LocalClient {
  private readonly branch = newTransactionId();
  private readonly dst: Destination;
  private buf: Buffer | null = null;
  private retransmit: TimerHandle | null = null;
  private timeout: TimerHandle | null = null;
  private interval: number;
  private finished = false;
  private provisional = false;

  constructor(
    private readonly core: CoreServices,
    private readonly req: LocalRequest,
    target: Target,
    private readonly done: (r: LocalResult) => void,
  ) {
    this.dst = { proto: target.proto, ip: target.ip, port: target.port, ...(target.host ? { host: target.host } : {}) };
    this.interval = core.tm.settings.t1;
  }

  start(): void {
    const forced = socketOf(this.core, this.req.socket, this.dst.proto);
    const local = forced ?? this.core.localAddress(this.dst.proto, isIPv6(this.dst.ip));
    if (!local) return this.finish(477, `no ${this.dst.proto.toUpperCase()} listener toward ${this.dst.ip}`, null);
    if (forced) this.dst.from = forced;
    this.buf = this.build(local);
    this.core.tm.localRequests.set(this.branch, this);
    const t1 = this.core.tm.settings.t1;
    this.timeout = this.core.tm.timers.start(64 * t1, () => this.finish(408, 'Request Timeout', null));
    this.send();
    if (this.dst.proto === 'udp') this.scheduleRetransmit();
  }

  private build(local: { ip: string; port: number }): Buffer {
    const r = this.req;
    const body = r.body ?? '';
    const lines = [
      `${r.method} ${r.ruri} SIP/2.0`,
      viaLine(this.dst.proto, local, this.branch, true),
      'Max-Forwards: 70',
      `From: ${withTag(r.from)}`,
      `To: ${nameAddr(r.to)}`,
      `Call-ID: ${r.callId ?? `${randomBytes(12).toString('hex')}@${local.ip}`}`,
      `CSeq: ${r.cseq ?? 1} ${r.method}`,
      ...(r.headers ?? []),
      ...(body !== '' ? [`Content-Type: ${r.contentType ?? 'text/plain'}`] : []),
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ];
    return Buffer.from(lines.join('\r\n'), 'utf8');
  }

  private send(): void {
    const ok = this.core.send(this.buf!, this.dst, (reason) => this.finish(477, reason, null));
    if (!ok) this.finish(477, `cannot send to ${this.dst.proto}:${this.dst.ip}:${this.dst.port}`, null);
  }

  /** Timer E (non-INVITE: doubling up to T2, T2 once a provisional reply came) or A (INVITE: doubling, until the first reply). */
  private scheduleRetransmit(): void {
    if (this.finished) return;
    const invite = this.req.method === 'INVITE';
    if (invite && this.provisional) return;
    this.retransmit = this.core.tm.timers.start(this.interval, () => {
      if (this.finished) return;
      this.send();
      const t2 = this.core.tm.settings.t2;
      this.interval = invite ? this.interval * 2 : this.provisional ? t2 : Math.min(this.interval * 2, t2);
      this.scheduleRetransmit();
    });
  }

  onReply(reply: SipMessage): void {
    if (this.finished) {
      // a retransmitted final reply to an INVITE gets its ACK again; anything else is absorbed
      if (this.req.method === 'INVITE' && reply.status >= 300) this.core.send(buildAck(this.sentMessage(), reply), this.dst);
      return;
    }
    if (reply.status < 200) {
      this.provisional = true;
      return;
    }
    if (this.req.method === 'INVITE' && reply.status >= 300) this.core.send(buildAck(this.sentMessage(), reply), this.dst);
    this.finish(reply.status, reply.reason, reply);
  }

  private sentMessage(): SipMessage {
    return SipMessage.parse(this.buf!);
  }

  private finish(code: number, reason: string, reply: SipMessage | null): void {
    if (this.finished) return;
    this.finished = true;
    const timers = this.core.tm.timers;
    this.retransmit = timers.stop(this.retransmit);
    this.timeout = timers.stop(this.timeout);
    // kept for T4 so a retransmitted final reply is absorbed here, not relayed by its Via
    if (this.buf) timers.start(this.core.tm.settings.t4, () => this.core.tm.localRequests.delete(this.branch));
    setImmediate(() => {
      try {
        this.done({ code, reason, reply });
      } catch (e) {
        this.core.logger.log('error', `local request ${this.req.method} ${this.req.ruri}: its completion failed: ${(e as Error).message}`);
      }
    });
  }
}

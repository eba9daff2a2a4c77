// The overload policy: which requests are shed before the script runs, so that a flood from
// one source does not deny everyone (issue 7 item 12). The policy, in order:
//
// 1. Replies, ACK, CANCEL and in-dialog requests (To tag) finish work already started: they
//    are shed only after new requests, from a source sending more than
//    overload.source_rate_any messages of any kind a second (without that bound, a To tag on
//    every request of a flood would pass it through).
// 2. Nothing is shed unless the server is overloaded (load-monitor.ts: a queue in front of the
//    route that stands — UDP reads keep coming back full and none empties the socket, or TCP
//    messages keep waiting — for ~200 ms with the loop busy at least overload.busy_ratio,
//    until the load counting the shed requests has stayed below overload.calm_ratio for a
//    second). A busy server whose queue drains between bursts sheds nothing.
// 3. While overloaded, each source address gets overload.source_rate new requests per second,
//    scaled by the load monitor's admit factor (it climbs while no queue stands, halves while
//    one does: load-monitor.ts)
//    (a token bucket holding a tenth of a second's worth, started full at the first message of
//    the episode: a larger burst allowance would let a flood run at full cost while the
//    queues fill); what goes beyond is shed. A flooding source loses its excess; a source sending
//    at a human or trunk rate is not touched.
// 4. While overloaded, a new request that waited longer than overload.max_wait_ms before its
//    turn (TCP messages queued behind a pipelined burst) is shed: its sender has given up or
//    retransmitted by then. Over UDP the wait counts from the datagram's arrival in the
//    kernel's receive buffer (host/transport/udp-wait-probe.ts: where a single engine's
//    queue builds, out of Node's sight) and the bound is overload.udp_max_wait_ms, below T1:
//    a request answered after its client retransmitted it costs a route per copy, and a
//    server that answers only such requests never catches up (issue 9's collapse).
//
// What a shed request gets (overload.reply): `tcp` (the default) answers requests that came
// over TCP with a stateless 503 and Retry-After, and drops those that came over UDP, as
// Kamailio's pike does: a UDP source may be spoofed (a 503 would be reflected at a victim),
// and a drop costs the least; a UDP client retransmits anyway. `all` answers both, `none`
// drops both. Every shed request is counted. What is to be dropped is judged before it is
// even parsed (only its first line and To tag are looked at; garbage counts as a new
// request), so a flood, well-formed or not, costs a few microseconds a message. Kamailio's pike (per-source rate, drop) and
// ratelimit (503 under load) are the models; this policy only bites while the server is
// actually overloaded.
import { isMainThread } from 'node:worker_threads';
import type { SipMessage } from '../sip/message.js';
import type { ReceiveInfo } from './context.js';
import { LoadMonitor } from './load-monitor.js';
import type { OverloadSettings } from './overload-settings.js';

/** A message that waited this long for its turn since it was read (TCP: its last byte) was queued. */
const QUEUED_MS = 50;
/**
 * Whether this thread reads the sockets itself. A worker thread (workers ≥ 2) gets datagrams
 * through its port, which hands over every queued message in one turn: a turn of 32 there says
 * nothing about what is left, and only each message's wait tells (noteWait).
 */
const READS_SOCKETS = isMainThread;
/** A bucket holds this many seconds' worth of its rate (at least one token). */
const BURST_S = 0.1;
/** Buckets kept at most; past it (sources spoofed by the thousand) they start over. */
const MAX_SOURCES = 100_000;

export interface OverloadCounters {
  /** Requests shed because their source went beyond overload.source_rate. */
  shedSourceRate: number;
  /** Messages of any kind dropped because their source went beyond overload.source_rate_any. */
  shedSourceFlood: number;
  /** Requests shed because they waited longer than overload.max_wait_ms. */
  shedStale: number;
  /** Of those, answered with 503. */
  shed503: number;
}

/** A source's tokens: for new requests, and for messages of any kind. */
interface Bucket {
  tokens: number;
  any: number;
  at: number;
}

export class OverloadPolicy {
  readonly monitor: LoadMonitor;
  readonly counters: OverloadCounters = { shedSourceRate: 0, shedSourceFlood: 0, shedStale: 0, shed503: 0 };
  private readonly buckets = new Map<string, Bucket>();
  /**
   * The socket thread of a server with workers: the overloaded workers, by index, with the
   * factor the socket thread applies for each (followWorker). Its own loop is rarely the one
   * congested; a worker's is, and a flood shed here does not cross to it.
   */
  private readonly workers = new Map<number, number>();

  constructor(readonly settings: OverloadSettings) {
    this.monitor = new LoadMonitor(settings);
  }

  start(): void {
    this.monitor.start();
  }

  stop(): void {
    this.monitor.stop();
  }

  /**
   * Before parsing, while overloaded: every message takes a token of its source's
   * any-message bucket, and (for what a shed would drop rather than answer, overload.reply) a
   * new request by its first line and To tag takes one of its new-request bucket. True when
   * one was missing and the message is dropped. The cheap path for a flood. A new request
   * that is answered when shed (over TCP by default) is left to shouldShed and its 503 even
   * past the any-message rate: over TCP nothing would retransmit it.
   */
  dropEarly(buf: Buffer, rcv: ReceiveInfo, now?: number): boolean {
    this.watchQueue(rcv, now);
    return this.overloaded() && this.judgeEarly(buf, rcv, now ?? Date.now());
  }

  /**
   * dropEarly's verdict for a message that was held (the socket thread of a server with
   * workers holds what a worker has no credit for: host/workers/worker-pool.ts) and reaches its
   * turn, when it was read before the server turned overloaded: it is charged now, and a new
   * request that waited longer than overload.max_wait_ms is shed as stale (its sender has
   * retransmitted or given up). Its wait was seen already (the hold is the queue watched).
   */
  judgeHeld(buf: Buffer, rcv: ReceiveInfo, now = Date.now()): boolean {
    if (!this.overloaded()) return false;
    if (now - rcv.receivedAt > this.maxWaitMs(rcv.proto) && !this.replies(rcv.proto) && looksLikeNewRequest(buf)) {
      this.counters.shedStale++;
      return this.shed();
    }
    return this.judgeEarly(buf, rcv, now);
  }

  /** Whether the policy sheds now: this thread's monitor, or a worker it follows, is overloaded. */
  get active(): boolean {
    return this.overloaded();
  }

  private judgeEarly(buf: Buffer, rcv: ReceiveInfo, now: number): boolean {
    const b = this.bucket(rcv.srcIp, now);
    const isNew = looksLikeNewRequest(buf);
    const answered = this.replies(rcv.proto);
    if (b.any < 1) {
      if (answered && isNew) return false;
      this.counters.shedSourceFlood++;
      return this.shed();
    }
    b.any--;
    if (answered || !isNew) return false;
    if (b.tokens >= 1) {
      b.tokens--; // admitted; shouldShed does not charge it again
      return false;
    }
    this.counters.shedSourceRate++;
    return this.shed();
  }

  /** How long a new request may have waited and still be served while overloaded: overload.udp_max_wait_ms over UDP (its wait in the kernel counted), else max_wait_ms. */
  private maxWaitMs(proto: ReceiveInfo['proto']): number {
    return proto === 'udp' ? this.settings.udpMaxWaitMs : this.settings.maxWaitMs;
  }

  /** Whether a request shed from this transport is answered with 503 (overload.reply). */
  replies(proto: ReceiveInfo['proto']): boolean {
    const r = this.settings.reply;
    return r === 'all' || (r === 'tcp' && proto !== 'udp');
  }

  /** True when this request is to be shed rather than routed. Called for every parsed request. */
  shouldShed(msg: SipMessage, rcv: ReceiveInfo, at?: number): boolean {
    if (!this.overloaded()) {
      if (this.buckets.size > 0) this.buckets.clear();
      this.monitor.noteAdmitted();
      return false;
    }
    if (!isNewRequest(msg)) {
      this.monitor.noteAdmitted();
      return false;
    }
    // the clock is read only here, while overloaded (not for every message)
    const now = at ?? Date.now();
    if (now - rcv.receivedAt > this.maxWaitMs(rcv.proto)) {
      this.counters.shedStale++;
      return this.shed();
    }
    // what is dropped when shed was charged in dropEarly already
    if (this.replies(rcv.proto)) {
      const b = this.bucket(rcv.srcIp, now);
      if (b.tokens < 1) {
        this.counters.shedSourceRate++;
        return this.shed();
      }
      b.tokens--;
    }
    this.monitor.noteAdmitted();
    return false;
  }

  /** The shed request was answered with a 503. */
  noteReplied(): void {
    this.counters.shed503++;
  }

  snapshot() {
    return { ...this.monitor.snapshot(), ...this.counters, sourcesTracked: this.buckets.size, overloadedWorkers: this.workers.size };
  }

  /**
   * The socket thread follows worker `index`'s monitor: while it is overloaded, this policy is
   * too, with the sources' rates scaled by `factor` (the worker's own factor × the number of
   * workers: a source's messages spread over the workers by Call-ID, so the worker sees its
   * share of what passes here). null: that worker is not overloaded (or died).
   */
  followWorker(index: number, factor: number | null): void {
    if (factor === null) this.workers.delete(index);
    else this.workers.set(index, factor);
  }

  /** Overloaded: this thread's loop, or a worker it follows. */
  private overloaded(): boolean {
    return this.monitor.overloaded || this.workers.size > 0;
  }

  /** The factor the sources' rates are scaled by: the smallest of this loop's and the followed workers'. */
  private admitFactor(): number {
    let f = this.monitor.overloaded ? this.monitor.admitFactor : Infinity;
    for (const w of this.workers.values()) f = Math.min(f, w);
    return Number.isFinite(f) ? f : this.monitor.admitFactor;
  }

  /**
   * Tells the monitor whether a message waited its turn (TCP: since its last byte; in a
   * worker: since the socket thread read it). For UDP in the thread that reads the sockets,
   * the queue is the kernel's: the listeners report each turn of the loop that read them (a
   * full batch left more waiting: Transports.watchUdpTurns, wired by the Engine and by the
   * socket thread of a server with workers, bin/worker-server.ts).
   */
  private watchQueue(rcv: ReceiveInfo, now: number | undefined): void {
    if (rcv.proto === 'udp' && READS_SOCKETS && now === undefined) {
      // a datagram this thread read is judged in the same callback (engine.onMessage,
      // worker-server): it waited no time since the read, and no clock is read to tell so
      // (its wait in the kernel is in rcv.receivedAt: judged only while overloaded, shouldShed)
      return this.monitor.noteWait(false);
    }
    this.monitor.noteWait((now ?? Date.now()) - rcv.receivedAt > QUEUED_MS);
  }

  private shed(): true {
    this.monitor.noteShed();
    return true;
  }

  /** The source's bucket, with the tokens earned since it was last seen; full when new. */
  private bucket(source: string, now: number): Bucket {
    // the rates the server can carry now: overload.source_rate(_any) × the monitor's factor
    const f = this.admitFactor();
    const sourceRate = this.settings.sourceRate * f;
    const sourceRateAny = this.settings.sourceRateAny * f;
    const most = Math.max(1, sourceRate * BURST_S);
    const mostAny = Math.max(1, sourceRateAny * BURST_S);
    let b = this.buckets.get(source);
    if (!b) {
      if (this.buckets.size >= MAX_SOURCES) this.buckets.clear();
      b = { tokens: most, any: mostAny, at: now };
      this.buckets.set(source, b);
    } else if (now > b.at) {
      const s = (now - b.at) / 1000;
      b.tokens = Math.min(most, b.tokens + s * sourceRate);
      b.any = Math.min(mostAny, b.any + s * sourceRateAny);
      b.at = now;
    }
    return b;
  }
}

/**
 * A new request judged from the raw bytes: not a reply, not ACK or CANCEL, no To tag in the
 * header block. Garbage counts as new (it is what a flood sends); a To tag folded onto a
 * continuation line is missed, so such an in-dialog request from a flooding source is shed.
 * Read from the bytes in place (this runs for every datagram while overloaded): no string of
 * the message is made. Same verdict as /\r\n(?:to|t)[ \t]*:[^\r\n]*;[ \t]*tag[ \t]*=/i over the
 * header block (test/core/overload-policy.test.ts compares them).
 */
export function looksLikeNewRequest(buf: Buffer): boolean {
  if (startsWith(buf, SIP_SLASH) || startsWith(buf, ACK_SP) || startsWith(buf, CANCEL_SP)) return false;
  const end = buf.indexOf(HEADERS_END);
  return !hasToTag(buf, end < 0 ? Math.min(buf.length, 8192) : end);
}

const SIP_SLASH = Buffer.from('SIP/');
const ACK_SP = Buffer.from('ACK ');
const CANCEL_SP = Buffer.from('CANCEL ');
const HEADERS_END = Buffer.from('\r\n\r\n');
const CR = 0x0d, LF = 0x0a, SP = 0x20, HT = 0x09, COLON = 0x3a, SEMI = 0x3b, EQ = 0x3d;

function startsWith(buf: Buffer, prefix: Buffer): boolean {
  if (buf.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (buf[i] !== prefix[i]) return false;
  return true;
}

/** A line of buf[0, end) after a CRLF that is "To" or "t", blanks, ":", and somewhere after a
 *  ";" followed by blanks, "tag", blanks, "=" (letters in any case). */
function hasToTag(buf: Buffer, end: number): boolean {
  let nl = buf.indexOf(LF, 1);
  while (nl >= 0 && nl < end) {
    const s = nl + 1;
    nl = buf.indexOf(LF, s);
    if (buf[s - 2] !== CR || s >= end || (buf[s]! | 0x20) !== 0x74) continue; // "t" after CRLF
    let i = s + 1;
    if (i < end && (buf[i]! | 0x20) === 0x6f) i++; // "to"
    while (i < end && (buf[i] === SP || buf[i] === HT)) i++;
    if (i >= end || buf[i] !== COLON) continue;
    for (i++; i < end && buf[i] !== CR && buf[i] !== LF; i++) {
      if (buf[i] === SEMI && tagParamAt(buf, i + 1, end)) return true;
    }
  }
  return false;
}

function tagParamAt(buf: Buffer, i: number, end: number): boolean {
  while (i < end && (buf[i] === SP || buf[i] === HT)) i++;
  if (i + 3 > end || (buf[i]! | 0x20) !== 0x74 || (buf[i + 1]! | 0x20) !== 0x61 || (buf[i + 2]! | 0x20) !== 0x67) return false;
  i += 3;
  while (i < end && (buf[i] === SP || buf[i] === HT)) i++;
  return i < end && buf[i] === EQ;
}

/** A request that starts something: not ACK, not CANCEL, no To tag. */
function isNewRequest(msg: SipMessage): boolean {
  if (!msg.isRequest) return false;
  const m = msg.method.toUpperCase();
  if (m === 'ACK' || m === 'CANCEL') return false;
  return msg.to().tag === undefined;
}

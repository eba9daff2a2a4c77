// The overload policy: which requests are shed before the script runs, so that a flood from
// one source does not deny everyone (issue 7 item 12). The policy, in order:
//
// 1. Replies, ACK, CANCEL and in-dialog requests (To tag) are never shed: they finish work
//    already started and are cheap.
// 2. Nothing is shed unless the server is overloaded (load-monitor.ts: the event loop busy at
//    least overload.busy_ratio of a 25 ms window, until the load counting the shed requests
//    falls below overload.calm_ratio).
// 3. While overloaded, each source address gets overload.source_rate new requests per second
//    (a token bucket holding one second's worth, started full at the first request of the
//    episode); what goes beyond is shed. A flooding source loses its excess; a source sending
//    at a human or trunk rate is not touched.
// 4. While overloaded, a new request that waited longer than overload.max_wait_ms before its
//    turn (TCP messages queued behind a pipelined burst) is shed: its sender has given up or
//    retransmitted by then.
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
import type { SipMessage } from '../sip/message.js';
import type { ReceiveInfo } from './context.js';
import { LoadMonitor } from './load-monitor.js';
import type { OverloadSettings } from './overload-settings.js';

/** Buckets kept at most; past it (sources spoofed by the thousand) they start over. */
const MAX_SOURCES = 100_000;

export interface OverloadCounters {
  /** Requests shed because their source went beyond overload.source_rate. */
  shedSourceRate: number;
  /** Requests shed because they waited longer than overload.max_wait_ms. */
  shedStale: number;
  /** Of those, answered with 503. */
  shed503: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class OverloadPolicy {
  readonly monitor: LoadMonitor;
  readonly counters: OverloadCounters = { shedSourceRate: 0, shedStale: 0, shed503: 0 };
  private readonly buckets = new Map<string, Bucket>();

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
   * Before parsing, for what a shed would drop rather than answer (overload.reply): while
   * overloaded, a new request by its first line and To tag takes a token from its source's
   * bucket here; true when there was none and it is dropped. The cheap path for a flood.
   */
  dropEarly(buf: Buffer, rcv: ReceiveInfo, now = Date.now()): boolean {
    if (!this.monitor.overloaded || this.replies(rcv.proto)) return false;
    if (!looksLikeNewRequest(buf)) return false;
    if (this.take(rcv.srcIp, now)) return false; // admitted; shouldShed does not charge it again
    this.counters.shedSourceRate++;
    return this.shed();
  }

  /** Whether a request shed from this transport is answered with 503 (overload.reply). */
  replies(proto: ReceiveInfo['proto']): boolean {
    const r = this.settings.reply;
    return r === 'all' || (r === 'tcp' && proto !== 'udp');
  }

  /** True when this request is to be shed rather than routed. Called for every parsed request. */
  shouldShed(msg: SipMessage, rcv: ReceiveInfo, now = Date.now()): boolean {
    if (!this.monitor.overloaded) {
      if (this.buckets.size > 0) this.buckets.clear();
      this.monitor.noteAdmitted();
      return false;
    }
    if (!isNewRequest(msg)) {
      this.monitor.noteAdmitted();
      return false;
    }
    if (now - rcv.receivedAt > this.settings.maxWaitMs) {
      this.counters.shedStale++;
      return this.shed();
    }
    // what is dropped when shed was charged in dropEarly already
    if (this.replies(rcv.proto) && !this.take(rcv.srcIp, now)) {
      this.counters.shedSourceRate++;
      return this.shed();
    }
    this.monitor.noteAdmitted();
    return false;
  }

  /** The shed request was answered with a 503. */
  noteReplied(): void {
    this.counters.shed503++;
  }

  snapshot() {
    return { ...this.monitor.snapshot(), ...this.counters, sourcesTracked: this.buckets.size };
  }

  private shed(): true {
    this.monitor.noteShed();
    return true;
  }

  /** One token from the source's bucket, if it has one. */
  private take(source: string, now: number): boolean {
    let b = this.buckets.get(source);
    if (!b) {
      if (this.buckets.size >= MAX_SOURCES) this.buckets.clear();
      b = { tokens: this.settings.sourceRate, at: now };
      this.buckets.set(source, b);
    }
    if (this.refill(b, now) < 1) return false;
    b.tokens--;
    return true;
  }

  /** Adds the tokens earned since the bucket was last seen; returns what it holds. */
  private refill(b: Bucket, now: number): number {
    const rate = this.settings.sourceRate;
    b.tokens = Math.min(rate, b.tokens + ((now - b.at) * rate) / 1000);
    b.at = now;
    return b.tokens;
  }
}

const TO_TAG = /\r\n(?:to|t)[ \t]*:[^\r\n]*;[ \t]*tag[ \t]*=/i;

/**
 * A new request judged from the raw bytes: not a reply, not ACK or CANCEL, no To tag in the
 * header block. Garbage counts as new (it is what a flood sends); a To tag folded onto a
 * continuation line is missed, so such an in-dialog request from a flooding source is shed.
 */
function looksLikeNewRequest(buf: Buffer): boolean {
  const first = buf.toString('latin1', 0, Math.min(buf.length, 8));
  if (first.startsWith('SIP/') || first.startsWith('ACK ') || first.startsWith('CANCEL ')) return false;
  const end = buf.indexOf('\r\n\r\n');
  return !TO_TAG.test(buf.toString('latin1', 0, end < 0 ? Math.min(buf.length, 8192) : end));
}

/** A request that starts something: not ACK, not CANCEL, no To tag. */
function isNewRequest(msg: SipMessage): boolean {
  if (!msg.isRequest) return false;
  const m = msg.method.toUpperCase();
  if (m === 'ACK' || m === 'CANCEL') return false;
  return msg.to().tag === undefined;
}

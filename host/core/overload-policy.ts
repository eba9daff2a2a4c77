// The overload policy: which requests are shed before the script runs, so that a flood from
// one source does not deny everyone (issue 7 item 12). The policy, in order:
//
// 1. Replies, ACK, CANCEL and in-dialog requests (To tag) are never shed: they finish work
//    already started and are cheap.
// 2. Nothing is shed unless the server is overloaded (load-monitor.ts: the event loop busy at
//    least overload.busy_ratio of a 50 ms window, until the load counting the shed requests
//    falls below overload.calm_ratio).
// 3. While overloaded, each source address gets overload.source_rate new requests per second
//    (a token bucket holding one second's worth, started full at the first request of the
//    episode); what goes beyond is shed. A flooding source loses its excess; a source sending
//    at a human or trunk rate is not touched.
// 4. While overloaded, a new request that waited longer than overload.max_wait_ms before its
//    turn (TCP messages queued behind a pipelined burst) is shed: its sender has given up or
//    retransmitted by then.
//
// A shed request gets a stateless 503 with Retry-After (overload.action: reply), or nothing
// (drop). Both are counted. Kamailio's pike (per-source rate, drop) and ratelimit (503 under
// load) are the models; this one only bites while the server is actually overloaded.
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
    if (!this.take(rcv.srcIp, now)) {
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
    const rate = this.settings.sourceRate;
    let b = this.buckets.get(source);
    if (!b) {
      if (this.buckets.size >= MAX_SOURCES) this.buckets.clear();
      b = { tokens: rate, at: now };
      this.buckets.set(source, b);
    } else {
      b.tokens = Math.min(rate, b.tokens + ((now - b.at) * rate) / 1000);
      b.at = now;
    }
    if (b.tokens < 1) return false;
    b.tokens--;
    return true;
  }
}

/** A request that starts something: not ACK, not CANCEL, no To tag. */
function isNewRequest(msg: SipMessage): boolean {
  if (!msg.isRequest) return false;
  const m = msg.method.toUpperCase();
  if (m === 'ACK' || m === 'CANCEL') return false;
  return msg.to().tag === undefined;
}

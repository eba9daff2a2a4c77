// Is the server overloaded? Congestion is a queue that stands, not a loop that is busy: a
// server at 60-80 % that takes a burst of 40 datagrams, serves them in 6 ms and waits for the
// next burst has a queue that drains between bursts; a server that cannot keep up has a queue
// that never drains. So, as CoDel judges a queue by its minimum over an interval rather than
// its peak, the monitor tracks when each queue in front of the route was last seen empty:
//
// - UDP, in the thread that reads the sockets: libuv reads at most 32 datagrams from a socket per turn of the loop. A turn that read
//   fewer emptied the kernel's receive buffer (the read came back EAGAIN): the queue was at 0
//   then. A turn that read 32 left more behind. The policy reports every turn (noteUdpTurn).
// - Any message that waited more than 50 ms for its turn since it was read was queued; one that
//   did not means the queue was (close to) empty (noteWait). Over TCP the wait counts from the
//   message's last byte; in a worker (workers ≥ 2) from the socket thread's read, so it is the
//   wait in the worker's port. (A UDP datagram in a single engine is handled as it is read: its
//   wait is 0, and only the read turns tell.)
// - In the socket thread of a server with workers, what it holds for a worker that has no
//   credit (host/workers/worker-pool.ts: at most CREDIT messages are in flight to a worker):
//   how long that hold has stood deep, read at each window (downstreamStandingMs). A window in
//   which it stood STANDING_MS is pressed whatever this loop's utilisation: the loop that is
//   behind is the worker's; an episode so started begins at START_SHARE of what crossed.
//
// A queue *stands* while it has been seen full (a full read, a message that waited) in the
// current window and at every look for STANDING_MS. A sample window (SAMPLE_MS) is *pressed*
// when a queue stands at its end and the loop was busy at least busyRatio in it. The server
// turns overloaded once a queue has stood ENTER_MS (100 ms) over ENTER_WINDOWS pressed windows
// in a row; a UDP queue counts only while the kernel holds SHALLOW_BYTES or more for the
// sockets (its rx_queue, read from /proc only while the queue stands: udpBytesIfStanding), and
// one that holds DEEP_BYTES turns it overloaded at its first pressed window. It stays
// so until the load it would carry if it served what it is shedding falls below calmRatio, for
// HOLD_MS on end: the shed requests are counted at the cost an admitted one had, so shedding
// does not make the load look low, and a flood that pauses (its sender stalled) finds the
// policy still on when it resumes.
//
// Why not the busy loop and a full read in the same window (the signal before): sipp at 2000
// registrations/s sends bursts that fill one read and leave a 25 ms window ≥ 90 % busy at 60-80 %
// utilisation; eight such windows in a row started an episode that held the one source at
// source_rate, and the retransmissions of what was shed kept it going (750/s of 1500/s achieved,
// 18 000 shed). Why not the kernel's rx_queue alone (/proc/net/udp, also read by transports.ts
// for kemi.stats): sampled every 25 ms it is a point in time, read through a file of every UDP
// socket on the machine, and says nothing for TCP or a worker's port; the read turns see every
// moment the queue emptied, for free, and the rx_queue is read only to tell a deep standing
// queue from a shallow one.
//
// While overloaded, the sources' rates are scaled by `admitFactor`: it starts at START_SHARE of
// what the loop served, climbs (×1.5 a window, up to MAX_ADMIT_FACTOR) in every window in which
// the queue emptied, and falls to half of what was served in one that is pressed: the policy finds the rate the server can carry instead of holding every source at
// overload.source_rate. An episode also ends once the factor has been at its top, with no
// pressed window, for HOLD_MS (without it, the retransmissions of what was shed, counted at a
// served request's cost, kept the projected load above calmRatio for a single trunk).
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

const SAMPLE_MS = 25;
/**
 * A queue seen full at every look for this long stands (CoDel's interval, scaled to SIP: T1 is
 * 500 ms). A burst that fills a read drains within a few ms.
 */
export const STANDING_MS = 50;
/**
 * How long a queue stands, over at least ENTER_WINDOWS pressed windows in a row, before the
 * server counts as overloaded. Not longer: a legitimate client's datagram waits behind a
 * flood's queue that long and then behind its backlog being shed (test/hostile bounds the wait
 * at 200 ms: 150 ms here left probes waiting 180-220 ms); counted in windows instead, the wait
 * grew with the loop's lag (windows of 40-77 ms under a flood on a busy machine: 300 ms). Not
 * shorter, and only deep UDP queues count (SHALLOW_BYTES): a step up in load, or a loop held
 * 50 ms (a GC, the process preempted), leaves a queue that stands 100-200 ms while it is
 * caught up, but a shallow one; without the depth, such steps started episodes at 800-1500
 * registrations/s from one sipp source.
 */
export const ENTER_MS = 100;
const ENTER_WINDOWS = 3;
/**
 * Bytes in the UDP receive buffers below which a standing UDP queue is shallow: ~200 datagrams
 * of SIP on loopback (the kernel counts each at its allocation, 1280 bytes for a 400-byte
 * datagram), 50-70 ms of work at 3000-4000 requests/s.
 */
const SHALLOW_BYTES = 256 * 1024;
/**
 * Bytes in the UDP receive buffers past which a standing UDP queue starts an episode at once,
 * without the ENTER_MS wait: ~800 datagrams, more than a step up in load or a 150 ms stall at
 * 4000 datagrams/s leaves (600; 2000 registrations/s are 4000 requests/s), which a flood from
 * one source passes within tens of ms. Every ms the episode
 * waits, a legitimate client's datagram waits behind the flood's queue and then behind its
 * backlog being shed: on a machine twice as slow as the one ENTER_MS was set on, the UDP flood
 * test's probes waited 122-236 ms against its 200 ms bound (ARCHITECTURE.md, twelfth pass).
 */
const DEEP_BYTES = 4 * SHALLOW_BYTES;
/** How long the load must stay below calmRatio before the server is no longer overloaded. */
export const HOLD_MS = 1000;
/** The most the sources' rates are raised while overloaded (× overload.source_rate and source_rate_any). */
export const MAX_ADMIT_FACTOR = 64;
/** How fast the factor climbs per window in which the queue emptied, and falls when pressed (at most once per FALL_EVERY_MS). */
const CLIMB = 1.5;
const FALL = 0.5;
const FALL_EVERY_MS = 50;
/**
 * An episode starts with each source allowed this share of what the loop serves a second at
 * full time (its measured cost per request), not at overload.source_rate: the queue stood
 * because more came than the loop serves, and halving that is the first step down, as FALL is.
 * Starting at source_rate (200/s) cut one sipp source at 1500/s to 200/s, and the
 * retransmissions of what was shed kept the queue standing: 300-750/s achieved where the loop
 * served ~1000/s. A flood from one source is still held to half of what the loop serves, and
 * the factor falls further while the queue stands.
 */
const START_SHARE = 0.5;

export interface LoadSnapshot {
  overloaded: boolean;
  /** Share of the last window the loop was busy, 0..1. */
  utilisation: number;
  /** The same with shed requests counted as served, 0..n. */
  projected: number;
  /** Times it turned overloaded. */
  episodes: number;
  /** The longest the sampling timer fired late since the last snapshot: how long the loop was held. */
  loopLagMaxMs: number;
  /** The longest a queue stood (seen full at every look; UDP: deep; a worker's hold: deep) since the last snapshot, in ms. */
  queueStandingMaxMs: number;
  /** While overloaded, the factor the sources' rates are scaled by. */
  admitFactor: number;
}

/**
 * Since when one queue has been seen full on end (every look since then found it full), and
 * when it was last seen full. Counted from the first full look, not from the last empty one:
 * before the first message, or after a loop held by a first route's compile, the last empty
 * look is long past, and a server that had just started counted 1.3 s of standing queue at its
 * first full read (an episode at once, seen at 700 registrations/s).
 */
class QueueWatch {
  private fullSince: number | null = null;
  private fullAt = -Infinity;

  note(full: boolean, at: number): void {
    if (!full) {
      this.fullSince = null;
      return;
    }
    this.fullSince ??= at;
    this.fullAt = at;
  }

  /** How long it has stood at `at`: 0 unless it was seen full since `since` and not empty since. */
  standingMs(at: number, since: number): number {
    return this.fullSince !== null && this.fullAt >= since ? at - this.fullSince : 0;
  }
}

export class LoadMonitor {
  overloaded = false;
  /** While overloaded: the factor the sources' rates are scaled by (startFactor when an episode starts). */
  admitFactor = 1;
  private utilisation = 0;
  private projected = 0;
  private episodes = 0;
  private admitted = 0;
  private shed = 0;
  /** Busy ms per admitted message, smoothed; kept from windows that admitted some. */
  private costMs = 0;
  private last: EventLoopUtilization = performance.eventLoopUtilization();
  private timer: NodeJS.Timeout | null = null;
  private lastAt = performance.now();
  private lagMaxMs = 0;
  private standingMaxMs = 0;
  /** Since when the load has been below calmRatio while overloaded. */
  private calmSince: number | null = null;
  private readonly udp = new QueueWatch();
  private readonly waits = new QueueWatch();
  /** Pressed windows in a row. */
  private pressed = 0;
  /** When the factor last fell. */
  private fellAt = -Infinity;
  /**
   * Bytes waiting in the UDP sockets' receive buffers now, or null where that cannot be read;
   * set by whoever owns the sockets (Engine, the socket thread). Asked only while the UDP queue
   * stands: one that stands shallow is not congestion, a deep one is a flood (udpBytesIfStanding).
   */
  udpQueueBytes: (() => number | null) | null = null;
  /**
   * The socket thread of a server with workers: how long a queue in front of a worker has
   * stood deep (the messages held for a worker without credit: host/workers/worker-pool.ts
   * heldStandingMs), in ms at `at`. A window in which it stood STANDING_MS is pressed whatever
   * this loop's own utilisation: the loop that is behind is the worker's.
   */
  downstreamStandingMs: ((at: number) => number) | null = null;
  /** Admitted messages a second, smoothed (what the workers took, for a socket thread: the factor a downstream episode starts at). */
  private servedPerS = 0;
  /** Told at the end of a window whose state differs from the last told (a worker tells its socket thread). */
  onChange: ((state: { overloaded: boolean; admitFactor: number }) => void) | null = null;
  private told = { overloaded: false, admitFactor: 1 };

  constructor(private readonly thresholds: { busyRatio: number; calmRatio: number; sourceRate: number }) {}

  start(): void {
    this.last = performance.eventLoopUtilization();
    this.lastAt = performance.now();
    this.timer ??= setInterval(() => this.sample(), SAMPLE_MS).unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  noteAdmitted(): void {
    this.admitted++;
  }

  /** A turn of the loop read UDP datagrams: `full` when it read libuv's whole batch (more were waiting), else the sockets were emptied. */
  noteUdpTurn(full: boolean, at = performance.now()): void {
    this.udp.note(full, at);
  }

  /** A message reached its turn: `queued` when it waited long for it since it was read. */
  noteWait(queued: boolean, at?: number): void {
    // a message that did not wait clears the standing mark, at no particular time: no clock read
    this.waits.note(queued, queued ? (at ?? performance.now()) : 0);
  }

  noteShed(): void {
    this.shed++;
  }

  snapshot(): LoadSnapshot {
    const r = (x: number) => Math.round(x * 1000) / 1000;
    const lag = Math.round(Math.max(this.lagMaxMs, performance.now() - this.lastAt - SAMPLE_MS));
    const standing = Math.round(this.standingMaxMs);
    this.lagMaxMs = 0;
    this.standingMaxMs = 0;
    return {
      overloaded: this.overloaded, utilisation: r(this.utilisation), projected: r(this.projected), episodes: this.episodes,
      loopLagMaxMs: Math.max(0, lag), queueStandingMaxMs: standing, admitFactor: Math.round(this.admitFactor * 100) / 100,
    };
  }

  private sample(): void {
    const at = performance.now();
    const windowStart = this.lastAt;
    this.lagMaxMs = Math.max(this.lagMaxMs, at - this.lastAt - SAMPLE_MS);
    this.lastAt = at;
    const now = performance.eventLoopUtilization();
    const d = performance.eventLoopUtilization(now, this.last);
    this.last = now;
    const windowMs = d.active + d.idle;
    if (windowMs <= 0) return;
    if (this.admitted > 0) {
      const cost = d.active / this.admitted;
      this.costMs = this.costMs === 0 ? cost : 0.7 * this.costMs + 0.3 * cost;
    }
    const rate = (this.admitted * 1000) / windowMs;
    this.servedPerS = this.servedPerS === 0 ? rate : 0.7 * this.servedPerS + 0.3 * rate;
    this.utilisation = d.utilization;
    this.projected = (d.active + this.shed * this.costMs) / windowMs;
    const udpStanding = this.udp.standingMs(at, windowStart);
    const udpBytes = this.udpBytesIfStanding(udpStanding);
    const shallowUdp = udpBytes !== null && udpBytes < SHALLOW_BYTES;
    const own = Math.max(shallowUdp ? 0 : udpStanding, this.waits.standingMs(at, windowStart));
    const downstream = this.downstreamStandingMs?.(at) ?? 0;
    const standing = Math.max(own, downstream);
    this.standingMaxMs = Math.max(this.standingMaxMs, standing);
    const ownPressed = own >= STANDING_MS && this.utilisation >= this.thresholds.busyRatio;
    const pressedNow = ownPressed || downstream >= STANDING_MS;
    this.pressed = pressedNow ? this.pressed + 1 : 0;
    if (!this.overloaded) {
      const deepUdp = ownPressed && udpBytes !== null && udpBytes >= DEEP_BYTES;
      if ((this.pressed >= ENTER_WINDOWS && standing >= ENTER_MS) || deepUdp) {
        this.overloaded = true;
        // a worker that is behind serves what crossed to it, whatever this loop's cost
        this.admitFactor = ownPressed ? this.startFactor() : this.factorFor(this.servedPerS);
        this.fellAt = at;
        this.calmSince = null;
        this.episodes++;
      }
      return this.endWindow();
    }
    // as congestion control: increase while the queue empties, cut on the signal, but at most
    // once per FALL_EVERY_MS (a cut needs that long to show in the queue), and to half of what
    // the window served rather than half the allowance: halving the allowance every window
    // (×1/16 in 100 ms) overshot, and the loop idled at 20-30 % afterwards
    if (pressedNow) {
      if (at - this.fellAt >= FALL_EVERY_MS) {
        // half of what the window served, when that is below the allowance: a factor far above
        // what the loop serves (a starved process) would take several halvings to bite
        const servedFactor = (this.admitted * 1000) / windowMs / this.thresholds.sourceRate;
        this.admitFactor = Math.max(1, Math.min(this.admitFactor, servedFactor) * FALL);
        this.fellAt = at;
      }
    } else if (standing === 0) {
      this.admitFactor = Math.min(MAX_ADMIT_FACTOR, this.admitFactor * CLIMB);
    }
    const calm = this.projected < this.thresholds.calmRatio || (!pressedNow && this.admitFactor >= MAX_ADMIT_FACTOR);
    if (!calm) {
      this.calmSince = null;
    } else {
      this.calmSince ??= at;
      if (at - this.calmSince >= HOLD_MS) this.overloaded = false;
    }
    this.endWindow();
  }

  /**
   * The bytes the kernel holds for the UDP sockets, once a UDP queue has stood STANDING_MS
   * (null before, or when unknown). Below SHALLOW_BYTES it is a server taking a step up in load
   * (sipp going from 200 to 1000 registrations/s reads full batches for ~200 ms while it
   * catches up, with a hundred datagrams waiting, ~30 ms of work); a flood passes SHALLOW_BYTES
   * within tens of ms, and DEEP_BYTES soon after. Read from the kernel only then (a /proc read).
   */
  private udpBytesIfStanding(standingMs: number): number | null {
    if (standingMs < STANDING_MS || !this.udpQueueBytes) return null;
    return this.udpQueueBytes();
  }

  /** The factor an episode starts at: START_SHARE of the requests a second the loop serves at full time, per source. */
  private startFactor(): number {
    return this.factorFor(this.costMs > 0 ? 1000 / this.costMs : 0);
  }

  /** The factor that gives each source START_SHARE of `servedPerS`. */
  private factorFor(servedPerS: number): number {
    const f = (servedPerS * START_SHARE) / this.thresholds.sourceRate;
    return Math.min(MAX_ADMIT_FACTOR, Math.max(1, f));
  }

  private endWindow(): void {
    this.admitted = 0;
    this.shed = 0;
    const t = this.told;
    if (this.onChange && (t.overloaded !== this.overloaded || (this.overloaded && t.admitFactor !== this.admitFactor))) {
      this.told = { overloaded: this.overloaded, admitFactor: this.admitFactor };
      this.onChange(this.told);
    }
  }
}





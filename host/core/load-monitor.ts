// Is the server overloaded? Samples the event loop's utilisation (the share of time spent
// running callbacks rather than waiting for I/O) every SAMPLE_MS. Busy alone is not overload:
// a server at 95 % that keeps up must not shed. So it turns overloaded when, for
// ENTER_WINDOWS windows on end, the loop was busy at least busyRatio AND messages were
// queueing (noteBacklog: a UDP read that came back full, a TCP message that waited). It stays
// so until the load it would carry if it served what it is shedding falls below calmRatio, for
// HOLD_MS on end: the shed requests are counted at the cost an admitted one had, so shedding
// does not make the load look low, and a flood that pauses (its sender stalled) finds the
// policy still on when it resumes.
//
// While overloaded, the sources' rates are scaled by `admitFactor`, which climbs (×1.5 a
// window, up to MAX_ADMIT_FACTOR) in every window that is not busy and queueing, and halves in
// one that is: the policy finds the rate the server can carry instead of holding every source at
// overload.source_rate. Without it an episode could outlive its cause: a single trunk sending
// more than source_rate kept being shed after a short spike, and the retransmissions of what
// was shed, counted at a served request's cost, kept the projected load above calmRatio
// (one sipp source offering 1000/s was held at ~200/s by a server 21 % busy). An episode also
// ends once the factor has been at its top, with no window busy and queueing, for HOLD_MS.
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

const SAMPLE_MS = 25;
/**
 * Busy and queueing windows in a row before the server counts as overloaded (200 ms). Not
 * fewer: a loop held 15 ms (a reload compiling its script, a GC) at 2000 messages/s finds
 * 30 datagrams queued and needs a window or two at full speed to drain them, which is busy and
 * queueing but not overload; an episode started by it held sipp's one source at source_rate
 * and the retransmissions of what it shed halved the rate achieved. A flood keeps the loop
 * busy and the reads full for as long as it lasts: 200 ms of it is what the kernel's buffer holds.
 */
const ENTER_WINDOWS = 8;
/** How long the load must stay below calmRatio before the server is no longer overloaded. */
export const HOLD_MS = 1000;
/** The most the sources' rates are raised while overloaded (× overload.source_rate and source_rate_any). */
export const MAX_ADMIT_FACTOR = 64;
/** How fast the factor climbs per window with room, and falls per window busy and queueing. */
const CLIMB = 1.5;
const FALL = 0.5;

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
  /** While overloaded, the factor the sources' rates are scaled by. */
  admitFactor: number;
}

export class LoadMonitor {
  overloaded = false;
  /** While overloaded: the factor the sources' rates are scaled by (1 when an episode starts). */
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
  /** Since when the load has been below calmRatio while overloaded. */
  private calmSince: number | null = null;
  /** Messages queued in this window (noteBacklog). */
  private backlog = false;
  /** Busy windows with a backlog, in a row. */
  private pressed = 0;

  constructor(private readonly thresholds: { busyRatio: number; calmRatio: number }) {}

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

  /** Messages are queueing: a read came back full, or a message waited its turn. */
  noteBacklog(): void {
    this.backlog = true;
  }

  noteShed(): void {
    this.shed++;
  }

  snapshot(): LoadSnapshot {
    const r = (x: number) => Math.round(x * 1000) / 1000;
    const lag = Math.round(Math.max(this.lagMaxMs, performance.now() - this.lastAt - SAMPLE_MS));
    this.lagMaxMs = 0;
    return { overloaded: this.overloaded, utilisation: r(this.utilisation), projected: r(this.projected), episodes: this.episodes, loopLagMaxMs: Math.max(0, lag), admitFactor: Math.round(this.admitFactor * 100) / 100 };
  }

  private sample(): void {
    const at = performance.now();
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
    this.utilisation = d.utilization;
    this.projected = (d.active + this.shed * this.costMs) / windowMs;
    const pressedNow = this.backlog && this.utilisation >= this.thresholds.busyRatio;
    this.pressed = pressedNow ? this.pressed + 1 : 0;
    // room: anything short of busy and queueing, as congestion control does (increase until
    // the signal, halve on it). Waiting for a loop under calm_ratio kept the factor flat while
    // a single source at 2000 registrations/s held the loop 60-80 % busy, and the
    // retransmissions of what it shed made the load that kept the episode going.
    const room = !pressedNow;
    this.backlog = false;
    if (!this.overloaded) {
      if (this.pressed >= ENTER_WINDOWS) {
        this.overloaded = true;
        this.admitFactor = 1;
        this.calmSince = null;
        this.episodes++;
      }
      return this.endWindow();
    }
    if (pressedNow) this.admitFactor = Math.max(1, this.admitFactor * FALL);
    else this.admitFactor = Math.min(MAX_ADMIT_FACTOR, this.admitFactor * CLIMB);
    const calm = this.projected < this.thresholds.calmRatio || (room && this.admitFactor >= MAX_ADMIT_FACTOR);
    if (!calm) {
      this.calmSince = null;
    } else {
      this.calmSince ??= at;
      if (at - this.calmSince >= HOLD_MS) this.overloaded = false;
    }
    this.endWindow();
  }

  private endWindow(): void {
    this.admitted = 0;
    this.shed = 0;
  }
}

// Is the server overloaded? Samples the event loop's utilisation (the share of time spent
// running callbacks rather than waiting for I/O) every SAMPLE_MS. It turns overloaded when the
// loop was busy at least busyRatio of a window, and stays so until the load it would carry if
// it served what it is shedding falls below calmRatio, for HOLD_MS on end: the shed requests
// are counted at the cost an admitted one had, so shedding does not make the load look low, and
// a flood that pauses (its sender stalled) finds the policy still on when it resumes.
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

const SAMPLE_MS = 25;
/**
 * Between two samples, every 16th admitted message looks at the window so far: once it spans
 * QUICK_MS and the loop was busy throughout, the server turns overloaded at once, not at the
 * next sample (a flood does not get a whole window of full-cost routing to fill the queues).
 */
const QUICK_MS = 10;
/** How long the load must stay below calmRatio before the server is no longer overloaded. */
export const HOLD_MS = 1000;

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
}

export class LoadMonitor {
  overloaded = false;
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
    if ((++this.admitted & 15) === 0 && !this.overloaded) this.quickCheck();
  }

  noteShed(): void {
    this.shed++;
  }

  snapshot(): LoadSnapshot {
    const r = (x: number) => Math.round(x * 1000) / 1000;
    const lag = Math.round(Math.max(this.lagMaxMs, performance.now() - this.lastAt - SAMPLE_MS));
    this.lagMaxMs = 0;
    return { overloaded: this.overloaded, utilisation: r(this.utilisation), projected: r(this.projected), episodes: this.episodes, loopLagMaxMs: Math.max(0, lag) };
  }

  private quickCheck(): void {
    if (performance.now() - this.lastAt < QUICK_MS) return;
    if (performance.eventLoopUtilization(this.last).utilization < this.thresholds.busyRatio) return;
    this.overloaded = true;
    this.calmSince = null;
    this.episodes++;
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
    if (!this.overloaded) {
      if (this.utilisation >= this.thresholds.busyRatio) {
        this.overloaded = true;
        this.calmSince = null;
        this.episodes++;
      }
    } else if (this.projected >= this.thresholds.calmRatio) {
      this.calmSince = null;
    } else {
      this.calmSince ??= at;
      if (at - this.calmSince >= HOLD_MS) this.overloaded = false;
    }
    this.admitted = 0;
    this.shed = 0;
  }
}

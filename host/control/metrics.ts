// Prometheus metrics for GET /metrics (prom-client renders the exposition format). No metric is
// touched on the message path: every figure is read at scrape time from the counters the engine
// keeps (kemi.stats: RouteStats, tm, engine.counters, message-counts.ts' arrays, limit throttle,
// overload), one snapshot per scrape taken before prom-client's collect() callbacks copy it in.
// With workers each thread's figures carry its index in the label `worker`; the whole server is
// `sum without (worker) (...)`: a summed series beside them would be counted twice by sum().
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { BUCKETS, bucketUpperUs, type RouteFigures } from '../core/route-stats.js';
import type { PageAnswer } from './rpc-server.js';
import type { MessageCountsSnapshot } from '../core/message-counts.js';
import { TM_LEVELS } from '../tm/tm-core.js';

/** One thread's figures, in the shape kemi.stats (and a worker's 'stats' answer) has. */
export interface ThreadFigures {
  /** "0", "1", ...: the worker's index ("0" when the engine runs in the main thread). */
  worker: string;
  routes: Record<string, RouteFigures>;
  messages: object;
  /** Requests and replies in and out by method and code (only those seen); absent in an older worker's answer. */
  sip?: MessageCountsSnapshot;
  /** Store operations of this thread that failed (StoreUnavailable.failures). */
  store?: { failures: number };
  tm: object;
  limitThrottle: object;
  overload: object;
  runtime: { engine: string; memoryBytes: number; rebuilds: number; renewals: number; timeoutsKept: number; ready: boolean };
}

/** What the store answered to a ping made for this scrape. */
export interface StoreProbe {
  up: boolean;
  seconds: number;
}

/** The whole server's figures, beside the threads'. */
export interface ServerFigures {
  /** Reloads that went into service since start. */
  reloads: number;
  /** Live bindings in the location table (registrations). */
  bindings: number;
  store: StoreProbe;
  /** The socket thread's own counters, with workers (messages read, shed before dispatch). */
  socketThread?: { received: number; earlyDropped: number };
}

export interface MetricsSnapshot {
  threads: ThreadFigures[];
  server: ServerFigures;
}

/**
 * Route latency buckets, seconds: every second bound of RouteStats' (4 per doubling, so every
 * 8th), 4 µs to ~1 s, so each is the exact cumulative count of RouteStats' own buckets.
 */
const ROUTE_BUCKET_INDEXES = Array.from({ length: Math.floor(BUCKETS / 8) }, (_, k) => 8 * (k + 1) - 1).filter((i) => bucketUpperUs(i) <= 1_100_000);

type Labels = Record<string, string>;
type Sample = [Labels, number];

export class ControlMetrics {
  readonly registry = new Registry();
  private current: MetricsSnapshot = { threads: [], server: { reloads: 0, bindings: 0, store: { up: false, seconds: 0 } } };
  private storePingFailures = 0;

  constructor(private readonly gather: () => Promise<MetricsSnapshot>) {
    collectDefaultMetrics({ register: this.registry, prefix: 'ksr_' });
    this.threadMetrics();
    this.serverMetrics();
    this.registry.registerMetric(new RouteHistogram(() => this.current.threads) as unknown as Counter);
  }

  /** The text a scrape gets: one snapshot (one question to the workers), then prom-client's rendering. */
  async render(): Promise<PageAnswer> {
    this.current = await this.gather();
    if (!this.current.server.store.up) this.storePingFailures++;
    return { status: 200, contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private threadMetrics(): void {
    const perThread = (read: (t: ThreadFigures) => number) => (): Sample[] => this.current.threads.map((t) => [{ worker: t.worker }, read(t)]);
    this.counter('ksr_sip_received_total', 'SIP messages a worker received', ['worker'], perThread((t) => at(t.messages, 'received')));
    this.counter('ksr_sip_requests_total', 'SIP requests routed (request_route)', ['worker'], perThread((t) => at(t.messages, 'requests')));
    this.counter('ksr_sip_replies_received_total', 'SIP replies received (reply_route)', ['worker'], perThread((t) => at(t.messages, 'replies')));
    this.counter('ksr_sip_replies_sent_total', 'SIP replies sent', ['worker'], perThread((t) => at(t.messages, 'repliesSent')));
    this.messageCountMetrics();
    this.counter('ksr_sip_malformed_total', 'malformed SIP messages, answered 400 or dropped', ['worker', 'outcome'], () =>
      this.current.threads.flatMap((t): Sample[] => [[{ worker: t.worker, outcome: 'answered' }, at(t.messages, 'badRequests')], [{ worker: t.worker, outcome: 'dropped' }, at(t.messages, 'malformedDropped')]]));
    this.counter('ksr_store_errors_total', 'store operations a worker made that failed (an error, no answer in time, or refused while the breaker is open)', ['worker'], perThread((t) => t.store?.failures ?? 0));
    this.counter('ksr_script_failures_total', 'callbacks that ended in a script error, a timeout or out of memory', ['worker'], perThread((t) => at(t.messages, 'scriptFailures')));
    this.counter('ksr_limit_hits_total', 'callbacks stopped by a limit (CPU, memory)', ['worker'], perThread((t) => at(t.limitThrottle, 'limitHits')));
    this.counter('ksr_limit_refused_total', 'requests refused with 503 because their source was throttled for limit hits', ['worker'], perThread((t) => at(t.limitThrottle, 'refused')));
    this.counter('ksr_overload_shed_total', 'messages shed under overload, by reason', ['worker', 'reason'], () =>
      this.current.threads.flatMap((t) => ['shedSourceRate', 'shedSourceFlood', 'shedStale', 'shed503'].map((r): Sample => [{ worker: t.worker, reason: r }, at(t.overload, r)])));
    this.gauge('ksr_tm_transactions', 'transactions in the table now', ['worker'], perThread((t) => at(t.tm, 'transactions')));
    this.counter('ksr_tm_events_total', 'transaction events (tm.stats): created, freed, retransmissionsAbsorbed, ...', ['worker', 'event'], () =>
      this.current.threads.flatMap((t) => Object.keys(t.tm).filter((k) => !TM_GAUGES.has(k)).map((k): Sample => [{ worker: t.worker, event: k }, at(t.tm, k)])));
    this.gauge('ksr_runtime_memory_bytes', 'memory the script runtime holds', ['worker', 'runtime'], () => this.current.threads.map((t) => [{ worker: t.worker, runtime: t.runtime.engine }, t.runtime.memoryBytes]));
    this.gauge('ksr_runtime_ready', '1 when the runtime (and its warm spare, if any) is ready', ['worker'], perThread((t) => (t.runtime.ready ? 1 : 0)));
    this.counter('ksr_runtime_rebuilds_total', 'runtimes rebuilt after a memory-limit stop', ['worker'], perThread((t) => t.runtime.rebuilds));
    this.counter('ksr_runtime_timeouts_kept_total', 'callbacks stopped at the CPU limit whose runtime was kept', ['worker'], perThread((t) => t.runtime.timeoutsKept));
  }

  /**
   * By method ('other' for any method not in SIP_METHODS) and by exact reply code: only the codes
   * seen get a series (at most 600, 100..699), and a code is what operators alert on (401 vs 403
   * vs 408); classes are one PromQL label_replace away.
   */
  private messageCountMetrics(): void {
    const family = (key: keyof MessageCountsSnapshot, label: 'method' | 'code') => (): Sample[] =>
      this.current.threads.flatMap((t) => Object.entries(t.sip?.[key] ?? {}).map(([k, n]): Sample => [{ worker: t.worker, [label]: k }, n]));
    this.counter('ksr_sip_requests_in_total', 'SIP requests received, by method (other: any method not named)', ['worker', 'method'], family('requestsIn', 'method'));
    this.counter('ksr_sip_replies_in_total', 'SIP replies received, by code', ['worker', 'code'], family('repliesIn', 'code'));
    this.counter('ksr_sip_requests_out_total', 'SIP requests sent (forwarded, or made by tm and modules; retransmissions included), by method', ['worker', 'method'], family('requestsOut', 'method'));
    this.counter('ksr_sip_replies_out_total', 'SIP replies sent (made here or relayed; retransmissions included), by code', ['worker', 'code'], family('repliesOut', 'code'));
  }

  private serverMetrics(): void {
    const server = () => this.current.server;
    this.counter('ksr_reloads_total', 'script reloads that went into service', [], () => [[{}, server().reloads]]);
    this.gauge('ksr_usrloc_bindings', 'live registrations (bindings in the location table)', [], () => [[{}, server().bindings]]);
    this.gauge('ksr_store_up', '1 when the store answered a ping at this scrape', [], () => [[{}, server().store.up ? 1 : 0]]);
    this.gauge('ksr_store_ping_seconds', 'round trip of the store ping made at this scrape', [], () => [[{}, server().store.seconds]]);
    this.counter('ksr_store_ping_failures_total', 'scrapes at which the store did not answer its ping', [], () => [[{}, this.storePingFailures]]);
    this.counter('ksr_socket_received_total', 'SIP messages the socket thread read (with workers)', [], () => (server().socketThread ? [[{}, server().socketThread!.received]] : []));
    this.counter('ksr_socket_early_dropped_total', 'messages the socket thread shed before dispatch (with workers)', [], () => (server().socketThread ? [[{}, server().socketThread!.earlyDropped]] : []));
  }

  /** A counter whose values are copied from the snapshot at scrape time (never incremented by the server). */
  private counter(name: string, help: string, labelNames: string[], read: () => Sample[]): void {
    new Counter({
      name, help, labelNames, registers: [this.registry],
      collect() {
        this.reset();
        for (const [labels, v] of read()) this.inc(labels, Math.max(0, v));
      },
    });
  }

  private gauge(name: string, help: string, labelNames: string[], read: () => Sample[]): void {
    new Gauge({
      name, help, labelNames, registers: [this.registry],
      collect() {
        this.reset();
        for (const [labels, v] of read()) this.set(labels, v);
      },
    });
  }
}

/** A number of a figures object (0 when absent or not a number: a figure a thread does not keep). */
function at(figures: object, key: string): number {
  const v = (figures as Record<string, unknown>)[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** tm.stats figures that are levels, not counts. */
const TM_GAUGES = new Set(TM_LEVELS);

/**
 * Route latency per callback, runtime and worker, from RouteStats' histogram (its buckets summed
 * into coarser Prometheus ones). prom-client's Histogram can only observe(), and observing per
 * message is what this avoids: this object has the shape prom-client renders (get()).
 */
class RouteHistogram {
  readonly name = 'ksr_route_duration_seconds';
  readonly help = 'time in each script callback (wall clock, as kemi.stats measures it)';
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly labelNames = ['worker', 'callback', 'runtime'];

  constructor(private readonly threads: () => ThreadFigures[]) {}

  get() {
    const values: Array<{ metricName: string; labels: Labels; value: number }> = [];
    for (const t of this.threads()) {
      for (const [callback, f] of Object.entries(t.routes)) {
        const labels = { worker: t.worker, callback, runtime: t.runtime.engine };
        let cumulative = 0;
        let from = 0;
        for (const i of ROUTE_BUCKET_INDEXES) {
          for (; from <= i; from++) cumulative += f.histogram[from] ?? 0;
          values.push({ metricName: `${this.name}_bucket`, labels: { ...labels, le: String(bucketUpperUs(i) / 1e6) }, value: cumulative });
        }
        values.push({ metricName: `${this.name}_bucket`, labels: { ...labels, le: '+Inf' }, value: f.count });
        values.push({ metricName: `${this.name}_sum`, labels, value: f.sum / 1e6 });
        values.push({ metricName: `${this.name}_count`, labels, value: f.count });
      }
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {}
}

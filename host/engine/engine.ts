// The engine: receive → parse → route → reply. It owns no script: it calls the one it is
// given through ScriptRouter (router.ts), and offers CoreServices to whatever acts on a message.
import { networkInterfaces } from 'node:os';
import type { Logger } from 'pino';
import { MsgContext, type Proto, type ReceiveInfo } from '../core/context.js';
import { ServiceSlots, type CoreServices, type LogLevel, type ReplyOptions } from '../core/services.js';
import type { InvokeResult, ScriptRouter } from '../core/router.js';
import { RouteStats } from '../core/route-stats.js';
import { PvTable } from '../core/pv.js';
import { replyDestination, viaReceivedParams } from '../core/reply-destination.js';
import { SipMessage } from '../sip/message.js';
import { isConnectionProto, type SendProto } from '../sip/uri.js';
import { SipParseError } from '../sip/errors.js';
import { buildErrorReply, buildReply } from '../sip/reply.js';
import { scriptReplyBody } from '../textops/body-state.js';
import type { Settings } from '../config/settings.js';
import { Transports } from '../transport/transports.js';
import type { Destination, MessageHandler, TransportCounters } from '../transport/types.js';
import { TransactionLayer } from '../tm/layer.js';
import { forwardReplyStateless } from '../forward/stateless.js';
import type { SyncStore } from '../store/store.js';
import type { Usrloc } from '../registrar/usrloc.js';
import { startExpiry } from '../registrar/expired-event.js';
import { DigestAuth } from '../auth/digest-auth.js';
import type { SharedState } from '../shared/shared-state.js';
import { ModuleStates, type NamedModuleService } from '../core/module-service.js';
import { CoreHooks } from '../core/core-hooks.js';
import { useSharedValuesOf } from '../pvx/shared-values.js';
import { OutboundGuard } from '../transport/outbound-guard.js';
import { protectedEndpoints } from '../transport/protected-endpoints.js';
import { OverloadPolicy } from '../core/overload-policy.js';
import { LimitThrottle, retryAfterHeader } from '../core/limit-throttle.js';
import { GcStats } from '../core/gc-stats.js';
import { MessageCounts } from '../core/message-counts.js';

export interface EngineCounters {
  received: number;
  requests: number;
  replies: number;
  /** Malformed messages answered with 400. */
  badRequests: number;
  /** Malformed messages that could not be answered, dropped. */
  malformedDropped: number;
  /** badRequests and malformedDropped by the parser's reason ("Bad Via", "Duplicate header",
   *  ...): a fixed set in the parser's code, capped at MAX_MALFORMED_REASONS keys all the same. */
  malformedReasons: Record<string, { answered: number; dropped: number }>;
  /** Callbacks that ended in a script error, a timeout or out of memory. */
  scriptFailures: number;
  repliesSent: number;
}

/** What the engine is given besides settings: the route services made before it. */
export interface EngineOptions {
  /** Opened (and later closed) by whoever builds the engine: bin/server.ts. null: no database. */
  store: SyncStore | null;
  /** The location table; its expiry timer runs between start() and stop(). */
  usrloc: Usrloc;
  /** The pseudo-variables of the registry the scripts call (Registry.pvs). */
  pvs: PvTable;
  /** The workers' shared state (host/shared), when several workers serve: auth keeps its nonce counts there. */
  shared?: SharedState | null;
  /**
   * The sockets, when not this thread's own: a worker thread's engine is given the socket
   * thread's (host/workers/worker-transports.ts). Absent: the listeners of settings.listen.
   */
  transports?: (onMessage: MessageHandler, guard: OutboundGuard) => EngineTransports;
  /** Whether this engine runs usrloc's expiry timer (with several workers, worker 0 only). Default true. */
  expiry?: boolean;
  /** The registry's module services (Registry.services): the engine makes their states. Default none. */
  modules?: readonly NamedModuleService[];
  /** This worker's index (0 with one thread): module states see it. */
  worker?: number;
}

/** What the engine needs of its transports (host/transport's Transports, or a worker's facade). */
export interface EngineTransports {
  readonly guard: OutboundGuard;
  start(): Promise<void>;
  stop(): Promise<void>;
  send(buf: Buffer, dst: Destination, from?: { ip: string; port: number }, onError?: (reason: string) => void): boolean;
  addTcpAlias(conId: number, port: number): boolean;
  permits(proto: string, ip: string, port: number, onError?: (reason: string) => void): boolean;
  localAddress(proto: SendProto, ipv6: boolean): { ip: string; port: number } | null;
  snapshot(): TransportCounters;
}

const PINO_LEVEL: Record<LogLevel, 'debug' | 'info' | 'warn' | 'error' | 'fatal'> = {
  debug: 'debug', info: 'info', notice: 'info', warn: 'warn', error: 'error', crit: 'fatal',
};

export class Engine implements CoreServices {
  readonly stats = new RouteStats();
  readonly counters: EngineCounters = {
    received: 0, requests: 0, replies: 0, badRequests: 0, malformedDropped: 0, malformedReasons: {}, scriptFailures: 0, repliesSent: 0,
  };
  /** Requests and replies in and out by method and code (/metrics; read at scrape time). */
  readonly messageCounts = new MessageCounts();
  readonly transports: EngineTransports;
  private readonly runsExpiry: boolean;
  readonly defines: ReadonlyMap<string, string>;
  readonly debugLevel: number;
  readonly logger: CoreServices['logger'];
  private readonly myselfHosts: Set<string>;
  private readonly myselfPorts: Set<number>;
  private router: ScriptRouter | null = null;
  private readonly services = new ServiceSlots('Engine');
  readonly store: SyncStore | null;
  readonly pvs: PvTable;
  /** Sheds new requests before the script while overloaded (overload-policy.ts). */
  readonly overload: OverloadPolicy;
  /** Sources whose requests keep hitting the script's limits get a 503 for a while. */
  readonly limitThrottle = new LimitThrottle();
  /** This thread's garbage collections, for kemi.stats `gc` (observed between start() and stop()). */
  readonly gc = new GcStats();
  /** Where module states hook into message handling; filled by them as they are made. */
  readonly hooks = new CoreHooks();
  /** The states of the registry's modules (htable, pike, dispatcher...), made once the route services are. */
  readonly modules: ModuleStates;

  constructor(
    readonly settings: Settings,
    private readonly log: Logger,
    opts: EngineOptions,
  ) {
    if (opts?.store === undefined) throw new Error('Engine: expected options.store (a SyncStore, or null for none), got undefined');
    this.store = opts.store;
    if (!(opts.pvs instanceof PvTable)) throw new Error(`Engine: expected options.pvs (the registry's PvTable), got ${opts.pvs === null ? 'null' : typeof opts.pvs}`);
    this.pvs = opts.pvs;
    // $shv is one table for every worker: the shared state's, when there is one
    if (opts.shared) useSharedValuesOf(opts.shared);
    const onMessage: MessageHandler = (buf, rcv) => this.onMessage(buf, rcv);
    const guard = new OutboundGuard(settings.outbound, log);
    this.transports = opts.transports
      ? opts.transports(onMessage, guard)
      : new Transports(settings.listen, onMessage, { udpMaxBytes: settings.udp.maxMessageBytes, tcp: { ...settings.tcp }, ...(settings.tls ? { tls: settings.tls } : {}), ...(settings.websocket ? { websocket: settings.websocket } : {}) }, log, guard);
    this.runsExpiry = opts.expiry ?? true;
    this.overload = new OverloadPolicy(settings.overload);
    // where this thread reads the sockets itself: whether each turn emptied them, and how deep a standing UDP queue is
    const own = this.transports;
    if (own instanceof Transports) {
      const monitor = this.overload.monitor;
      own.watchUdpTurns((full) => monitor.noteUdpTurn(full));
      monitor.udpQueueBytes = () => own.udpQueueBytes();
    }
    this.defines = new Map(Object.entries(settings.defines));
    // Kamailio's numbers (dprint.h): L_DBG 3, L_INFO 2, L_NOTICE 1, L_WARN 0, L_ERR -1, L_CRIT -2
    this.debugLevel = { trace: 3, debug: 3, info: 2, warn: 0, error: -1, fatal: -2, silent: -3 }[settings.log.level];
    const scriptLog = log.child({ component: 'script' });
    // fields (xlog's facility) go on that line's JSON, beside the text
    this.logger = {
      log: (level, text, fields) => {
        const method = PINO_LEVEL[level] ?? 'error';
        if (fields) scriptLog[method]({ ...fields }, text);
        else scriptLog[method](text);
      },
    };
    this.myselfHosts = myselfHosts(settings);
    this.myselfPorts = new Set(settings.listen.map((l) => l.port));
    // the route services last, from this core: none of them may use another in its constructor
    this.services.fill({
      tm: new TransactionLayer(this, settings.tm),
      auth: new DigestAuth(this, settings.auth, undefined, opts.shared ?? null),
      usrloc: opts.usrloc,
    });
    // module states last: they may use every service of this core (they start with the transports)
    this.modules = new ModuleStates(this, {
      services: opts.modules ?? [], config: settings.modules, shared: opts.shared ?? null,
      primary: this.runsExpiry, worker: opts.worker ?? 0,
    });
  }

  get tm(): TransactionLayer {
    return this.services.get('tm');
  }

  get auth(): DigestAuth {
    return this.services.get('auth');
  }

  get usrloc(): Usrloc {
    return this.services.get('usrloc');
  }

  setRouter(router: ScriptRouter): void {
    this.router = router;
  }

  async start(): Promise<void> {
    // the fixed outbound rule: nothing we send reaches our control endpoint or our store
    const endpoints = await protectedEndpoints(this.settings.control, this.settings.store, (m) => this.log.warn(m));
    this.transports.guard.protect(endpoints);
    this.log.info({ protected: this.transports.guard.protectedEndpoints, outbound: this.settings.outbound.rules.map((r) => r.text).concat(`default ${this.settings.outbound.defaultAction}`) }, 'outbound guard');
    if (this.runsExpiry) startExpiry(this, this.usrloc);
    this.overload.start();
    this.gc.start();
    await this.transports.start();
    await this.modules.start();
  }

  async stop(): Promise<void> {
    await this.modules.stop();
    this.usrloc.stop();
    this.tm.stop();
    this.overload.stop();
    this.gc.stop();
    return this.transports.stop();
  }

  /** Every message read off a socket comes here. Nothing it is given may throw out of it. */
  onMessage(buf: Buffer, rcv: ReceiveInfo): void {
    this.counters.received++;
    if (this.overload.dropEarly(buf, rcv)) return;
    let msg: SipMessage;
    try {
      msg = SipMessage.parse(buf);
      if (msg.isRequest) checkRequestHeaders(msg);
      else checkReplyHeaders(msg);
    } catch (e) {
      return this.refuseMalformed(buf, rcv, e);
    }
    if (msg.isRequest) this.messageCounts.requestReceived(msg.method);
    else this.messageCounts.replyReceived(msg.status);
    if (msg.isRequest && this.overload.shouldShed(msg, rcv)) return this.shed(msg, rcv);
    try {
      if (msg.isRequest) this.onRequest(msg, rcv);
      else this.onReply(msg, rcv);
    } catch (e) {
      this.log.error({ err: e, src: `${rcv.srcIp}:${rcv.srcPort}` }, 'message handling failed');
    }
  }

  /** A message that did not parse, or a request without what every request needs: a 400 when
   *  one can be built (a request with a Via, not an ACK), else dropped; counted either way. */
  private refuseMalformed(buf: Buffer, rcv: ReceiveInfo, e: unknown): void {
    if (!(e instanceof SipParseError)) this.log.error({ err: e }, 'parser failed unexpectedly');
    const reason = e instanceof SipParseError ? e.reason : 'Bad Request';
    const reply = buildErrorReply(buf, reason);
    const answered = reply !== null && this.transports.send(reply, { proto: isConnectionProto(rcv.proto) ? rcv.proto : 'udp', ip: rcv.srcIp, port: rcv.srcPort, conId: rcv.conId }, { ip: rcv.rcvIp, port: rcv.rcvPort });
    if (answered) {
      this.counters.badRequests++;
      this.messageCounts.replySent(400);
    }
    else this.counters.malformedDropped++;
    const reasons = this.counters.malformedReasons;
    const key = reason in reasons || Object.keys(reasons).length < MAX_MALFORMED_REASONS ? reason : 'other';
    const count = (reasons[key] ??= { answered: 0, dropped: 0 });
    if (answered) count.answered++;
    else count.dropped++;
    if (this.log.isLevelEnabled('debug')) {
      const why = e instanceof Error ? e.message : String(e);
      const outcome = answered ? 'answered 400' : reply ? 'dropped: the 400 could not be sent' : 'dropped: no reply can be built';
      this.log.debug({ src: `${rcv.proto}:${rcv.srcIp}:${rcv.srcPort}`, bytes: buf.length, reason, why }, `malformed message ${outcome}`);
    }
  }

  /** A request the overload policy sheds: a stateless 503 with Retry-After, or nothing. */
  private shed(msg: SipMessage, rcv: ReceiveInfo): void {
    if (!this.overload.replies(rcv.proto)) return;
    const ctx = new MsgContext(msg, rcv, new Map(), this);
    const headers = [`Retry-After: ${this.overload.settings.retryAfterS}`];
    if (this.sendReply(ctx, 503, 'Service Unavailable', { headers })) this.overload.noteReplied();
  }

  private onRequest(msg: SipMessage, rcv: ReceiveInfo): void {
    this.counters.requests++;
    const ctx = new MsgContext(msg, rcv, new Map(), this);
    const throttledMs = this.limitThrottle.refuses(rcv.srcIp);
    if (throttledMs > 0) return void this.sendReply(ctx, 503, 'Service Unavailable', { headers: [retryAfterHeader(throttledMs)] });
    const result = this.runRoute('ksr_request_route', ctx);
    if (result.outcome === 'timeout' || result.outcome === 'memory') this.limitThrottle.hit(rcv.srcIp);
    if (result.outcome === 'error' || result.outcome === 'timeout' || result.outcome === 'memory') {
      this.counters.scriptFailures++;
      if (!ctx.replied && !ctx.dropped && msg.method !== 'ACK') this.sendReply(ctx, 500, 'Server Internal Error');
    }
  }

  private onReply(msg: SipMessage, rcv: ReceiveInfo): void {
    this.counters.replies++;
    const ctx = new MsgContext(msg, rcv, new Map(), this);
    ctx.routeType = 'reply';
    // as Kamailio: the core reply route first (a drop there ends the reply), then tm, then
    // the stateless relay by Via for replies that belong to no transaction
    if (this.router?.has('ksr_reply_route')) this.runRoute('ksr_reply_route', ctx);
    if (ctx.dropped) return;
    ctx.routeType = 'reply';
    if (this.tm.onReply(ctx)) return;
    forwardReplyStateless(ctx);
  }

  /** Runs one callback, timed (wall clock) into the route statistics; script flags start at 0 (sr_kemi_route). */
  runRoute(callback: string, ctx: MsgContext, arg?: string): InvokeResult {
    if (!this.router) return { outcome: 'missing' };
    ctx.sflags = 0;
    // Wall-clock time around the callback. Not CPU time: process.cpuUsage() counts every thread
    // of the process (with workers, the others' too), Node 20 has no per-thread CPU clock, and
    // its getrusage cost 7-8 % of the serving thread in a profile (two reads per callback).
    // On a machine that preempts the server the figure includes the wait: read a quiet run's.
    const t0 = performance.now();
    const result = this.router.invoke(callback, ctx, arg);
    const elapsedUs = (performance.now() - t0) * 1000;
    if (result.outcome !== 'missing') this.stats.recordUs(callback, elapsedUs);
    if (result.error) {
      const e = result.error;
      this.log.error({ callback, file: e.file, line: e.line, ksr: e.ksrFunction, outcome: result.outcome }, e.message);
    }
    return result;
  }

  sendReply(ctx: MsgContext, code: number, reason: string, opts: ReplyOptions = {}): boolean {
    const req = ctx.msg;
    if (!req.isRequest || req.method === 'ACK') return false;
    const via = req.topVia();
    // append_to_reply's lines, then the caller's: a new array only when there are both
    const lumps = ctx.replyLumps;
    const extra = opts.headers;
    const headers = extra === undefined || extra.length === 0 ? lumps : lumps.length === 0 ? extra : lumps.concat(extra);
    const stamp = viaReceivedParams(ctx, via);
    const set = scriptReplyBody(ctx, opts);
    const buf = buildReply(req, code, reason, {
      received: stamp.received, rport: stamp.rport, headers, body: set ? set.body : opts.body, contentType: set ? set.contentType : opts.contentType,
    });
    const sent = this.transports.send(buf, replyDestination(ctx, via, code), { ip: ctx.rcv.rcvIp, port: ctx.rcv.rcvPort });
    if (sent) {
      this.counters.repliesSent++;
      this.messageCounts.replySent(code);
      if (code >= 200) ctx.replied = true;
    }
    return sent;
  }

  hasRoute(callback: string): boolean {
    return this.router?.has(callback) ?? false;
  }

  send(buf: Buffer, dst: Destination, onError?: (reason: string) => void): boolean {
    // dst.from: the listen socket the script chose (corex.set_send_socket, sendx)
    const sent = this.transports.send(buf, dst, dst.from, onError);
    if (sent) this.messageCounts.sent(buf);
    return sent;
  }

  get viaSettings(): Settings['core'] {
    return this.settings.core;
  }

  listenSockets(): readonly { proto: Destination['proto']; ip: string; port: number; name?: string }[] {
    return this.settings.listen;
  }

  addTcpAlias(conId: number, port: number): boolean {
    return this.transports.addTcpAlias(conId, port);
  }

  permitsOutbound(dst: Destination): boolean {
    return this.transports.permits(dst.proto, dst.ip, dst.port);
  }

  localAddress(proto: Proto, ipv6: boolean): { ip: string; port: number } | null {
    return proto === 'sctp' ? null : this.transports.localAddress(proto, ipv6);
  }

  isMyself(host: string, port?: number, _proto?: Proto): boolean {
    const h = host.replace(/^\[|\]$/g, '').toLowerCase();
    if (!this.myselfHosts.has(h)) return false;
    return !port || this.myselfPorts.has(port);
  }
}

/** Distinct keys of EngineCounters.malformedReasons; later reasons count under 'other'. */
const MAX_MALFORMED_REASONS = 64;

/** The headers without which a request cannot be answered or routed (exported for the
 *  parser's RFC 4475 table test). */
export function checkRequestHeaders(msg: SipMessage): void {
  msg.topVia();
  msg.from();
  msg.to();
  msg.callId();
  msg.cseq();
}

/** What matching a reply to its transaction reads: a reply without them is dropped, counted
 *  (RFC 4475 §3.1.2.5 scalarlg), not left to fail later inside reply processing. */
export function checkReplyHeaders(msg: SipMessage): void {
  msg.topVia();
  msg.callId();
  msg.cseq();
}

function myselfHosts(settings: Settings): Set<string> {
  const hosts = new Set<string>(settings.aliases.map((a) => a.toLowerCase()));
  for (const l of settings.listen) {
    if (l.ip === '0.0.0.0' || l.ip === '::') {
      for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) hosts.add(i.address.toLowerCase());
    } else {
      hosts.add(l.ip.toLowerCase());
    }
    if (l.ip === '127.0.0.1' || l.ip === '::1') hosts.add('localhost');
  }
  return hosts;
}

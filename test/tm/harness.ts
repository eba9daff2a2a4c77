// A real Engine on loopback (UDP + TCP on a free port) whose "script" is a table of TypeScript
// functions calling KSR through the real Dispatcher, and SIP peers on node:dgram sockets: the
// transaction layer is tested over real sockets, callbacks looked up by name when they fire.
import dgram from 'node:dgram';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { Engine } from '../../host/engine/engine.js';
import { Usrloc } from '../../host/registrar/usrloc.js';
import type { MsgContext } from '../../host/core/context.js';
import type { InvokeResult, ScriptRouter } from '../../host/core/router.js';
import { DEFAULT_SETTINGS, type Settings } from '../../host/config/settings.js';
import type { TmSettings } from '../../host/tm/settings.js';
import { createRegistry } from '../../bindings/modules/index.js';
import { Dispatcher, isKsrJson, isSignal, type KsrValue } from '../../bindings/registry.js';
import { SipMessage } from '../../host/sip/message.js';
import { freePort } from '../support/ports.js';

export type Ksr = (path: string, ...args: Array<string | number>) => KsrValue;
export type Route = (KSR: Ksr, ctx: MsgContext, arg?: string) => void;

class Stop extends Error {}

const registry = createRegistry();

/** Routes by name; replace `routes` entries between messages to play a reload. */
export class TableRouter implements ScriptRouter {
  constructor(public routes: Record<string, Route>) {}

  has(callback: string): boolean {
    return Object.hasOwn(this.routes, callback);
  }

  invoke(callback: string, ctx: MsgContext, arg?: string): InvokeResult {
    const route = this.routes[callback];
    if (!route) return { outcome: 'missing' };
    const d = new Dispatcher(registry);
    d.context = ctx;
    const KSR: Ksr = (path, ...args) => {
      const e = registry.find(path);
      if (!e) throw new Error(`test script: no KSR.${path}`);
      const r = d.call(e.index, args);
      if (isSignal(r)) {
        if (r.ksrSignal === 'stop') throw new Stop();
        throw new Error(r.message);
      }
      // a dict/array (pvx.xavp_getd...) as a script would see it
      return isKsrJson(r) ? JSON.parse(r.ksrJson) : r;
    };
    try {
      route(KSR, ctx, arg);
      return { outcome: ctx.stopped ? 'stopped' : 'ok' };
    } catch (e) {
      if (e instanceof Stop) return { outcome: 'stopped' };
      return { outcome: 'error', error: { message: String((e as Error).stack), file: 'table', line: 0 } };
    }
  }
}

export const FAST_TM: Partial<TmSettings> = { t1: 40, t2: 160, t4: 100, frTimer: 600, frInvTimer: 900 };

export async function startProxy(routes: Record<string, Route>, tm: Partial<TmSettings> = {}, extra: Partial<Settings> = {}) {
  const port = await freePort();
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    listen: [
      { proto: 'udp', ip: '127.0.0.1', port },
      { proto: 'tcp', ip: '127.0.0.1', port },
    ],
    control: null,
    tm: { ...DEFAULT_SETTINGS.tm, ...FAST_TM, ...tm },
    ...extra,
  };
  const engine = new Engine(settings, pino({ level: 'silent' }), { store: null, usrloc: new Usrloc(), pvs: createRegistry().pvs });
  const router = new TableRouter(routes);
  engine.setRouter(router);
  await engine.start();
  return { engine, router, port };
}

/** A SIP endpoint on a UDP socket: records what it receives, answers with what a test says. */
export class Peer {
  readonly received: SipMessage[] = [];
  private waiters: Array<{ pred: (m: SipMessage) => boolean; resolve: (m: SipMessage) => void }> = [];
  /** Called for every message received (a UAS answering, for instance). */
  onMessage: (m: SipMessage, from: { address: string; port: number }) => void = () => {};

  private constructor(readonly sock: dgram.Socket, readonly port: number) {
    sock.on('message', (buf, rinfo) => {
      const m = SipMessage.parse(buf);
      this.received.push(m);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(m)) return true;
        w.resolve(m);
        return false;
      });
      this.onMessage(m, rinfo);
    });
  }

  static async open(): Promise<Peer> {
    const sock = dgram.createSocket('udp4');
    await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
    return new Peer(sock, sock.address().port);
  }

  send(text: string | Buffer, port: number): void {
    this.sock.send(typeof text === 'string' ? Buffer.from(text) : text, port, '127.0.0.1');
  }

  /** The first message (already received or to come) that satisfies pred. */
  waitFor(pred: (m: SipMessage) => boolean, what: string, ms = 5000): Promise<SipMessage> {
    const seen = this.received.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`peer ${this.port}: no ${what} within ${ms} ms; got ${this.received.map(describe).join(', ')}`)), ms);
      this.waiters.push({ pred, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  count(pred: (m: SipMessage) => boolean): number {
    return this.received.filter(pred).length;
  }

  close(): void {
    this.sock.close();
  }
}

export function describe(m: SipMessage): string {
  return m.isRequest ? m.method : `${m.status}/${m.cseq().method}`;
}

export const isReply = (code: number, method?: string) => (m: SipMessage) =>
  !m.isRequest && m.status === code && (!method || m.cseq().method === method);
export const isRequest = (method: string) => (m: SipMessage) => m.isRequest && m.method === method;

/** A request from `from` (a Peer) to the proxy, toward R-URI `ruri`. */
export function makeRequest(method: string, from: Peer, ruri: string, opts: { callId?: string; branch?: string; cseq?: number; headers?: string[]; toTag?: string } = {}): string {
  const id = randomBytes(5).toString('hex');
  return [
    `${method} ${ruri} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${from.port};branch=${opts.branch ?? `z9hG4bK${id}`};rport`,
    'Max-Forwards: 70',
    `From: <sip:alice@127.0.0.1>;tag=${opts.callId ?? id}`,
    `To: <${ruri}>${opts.toTag ? `;tag=${opts.toTag}` : ''}`,
    `Call-ID: ${opts.callId ?? id}@test`,
    `CSeq: ${opts.cseq ?? 1} ${method}`,
    `Contact: <sip:alice@127.0.0.1:${from.port}>`,
    ...(opts.headers ?? []),
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/** A reply a UAS sends to a request it received (Via, From, To + tag, Call-ID, CSeq copied). */
export function makeReply(req: SipMessage, code: number, reason: string, toTag = 'uas1', extra: string[] = []): string {
  const vias = req.headersNamed('via').map((h) => `Via: ${h.value}`);
  const to = req.header('to')!.value;
  return [
    `SIP/2.0 ${code} ${reason}`,
    ...vias,
    `From: ${req.header('from')!.value}`,
    `To: ${to}${code > 100 && !/;tag=/.test(to) ? `;tag=${toTag}` : ''}`,
    `Call-ID: ${req.header('call-id')!.value}`,
    `CSeq: ${req.header('cseq')!.value}`,
    ...(code >= 200 && code < 300 && req.method === 'INVITE' ? ['Contact: <sip:bob@127.0.0.1>'] : []),
    ...extra,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/** The ACK a UAC sends for a final reply to its INVITE (same branch for a non-2xx). */
export function makeAck(invite: string, reply: SipMessage): string {
  const inv = SipMessage.parse(Buffer.from(invite));
  const via = inv.headersNamed('via')[0]!.value;
  return [
    `ACK ${inv.ruri} SIP/2.0`,
    `Via: ${via}`,
    'Max-Forwards: 70',
    `From: ${inv.header('from')!.value}`,
    `To: ${reply.header('to')!.value}`,
    `Call-ID: ${inv.header('call-id')!.value}`,
    `CSeq: ${inv.cseq().seq} ACK`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

export async function until(cond: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The proxy script of a plain Kamailio-style KEMI config. */
export const PROXY_ROUTES: Record<string, Route> = {
  ksr_request_route: (KSR) => {
    if (KSR('tm.t_check_trans') === 0) KSR('x.exit');
    if (KSR('is_CANCEL')) {
      if ((KSR('tm.t_check_trans') as number) > 0) KSR('tm.t_relay');
      KSR('x.exit');
    }
    if ((KSR('siputils.has_totag') as number) > 0) {
      if ((KSR('rr.loose_route') as number) > 0) {
        KSR('tm.t_relay');
        KSR('x.exit');
      }
      if (KSR('is_ACK')) {
        if ((KSR('tm.t_check_trans') as number) > 0) KSR('tm.t_relay');
        KSR('x.exit');
      }
      KSR('sl.sl_send_reply', 404, 'Not here');
      KSR('x.exit');
    }
    KSR('rr.record_route');
    KSR('tm.t_on_failure', 'ksr_failure_route');
    if ((KSR('tm.t_relay') as number) < 0) KSR('sl.sl_reply_error');
    KSR('x.exit');
  },
};

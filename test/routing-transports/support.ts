// Helpers of the routing-over-connections tests: a SIP stream client (TCP; the same framing a
// WebSocket test feeds frame by frame), the routes of a registrar/proxy that handles clients
// behind connections as Kamailio's sample configuration does for WebSocket clients.
import net from 'node:net';
import tls from 'node:tls';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { SipMessage } from '../../host/sip/message.js';
import { Engine } from '../../host/engine/engine.js';
import { Usrloc } from '../../host/registrar/usrloc.js';
import { DEFAULT_SETTINGS, type Settings } from '../../host/config/settings.js';
import { createRegistry } from '../../bindings/modules/index.js';
import { freePort } from '../support/ports.js';
import { FAST_TM, TableRouter, type Route } from '../tm/harness.js';

/** Messages received by a stream peer; `waitFor` resolves with the first that matches. */
export class Inbox {
  readonly got: SipMessage[] = [];
  private waiters: Array<{ pred: (m: SipMessage) => boolean; resolve: (m: SipMessage) => void }> = [];

  push(m: SipMessage): void {
    this.got.push(m);
    this.waiters = this.waiters.filter((w) => (w.pred(m) ? (w.resolve(m), false) : true));
  }

  waitFor(pred: (m: SipMessage) => boolean, what: string, ms = 5000): Promise<SipMessage> {
    const seen = this.got.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms; got ${this.got.map((m) => (m.isRequest ? m.method : m.status)).join(', ')}`)), ms);
      this.waiters.push({ pred, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }
}

/** A SIP client on a TCP connection to the proxy (messages framed by their empty line: no bodies here). */
export class TcpUa {
  readonly inbox = new Inbox();
  closed = false;
  private buf = Buffer.alloc(0);

  private constructor(readonly sock: net.Socket) {
    sock.on('data', (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      for (let end = this.buf.indexOf('\r\n\r\n'); end >= 0; end = this.buf.indexOf('\r\n\r\n')) {
        this.inbox.push(SipMessage.parse(this.buf.subarray(0, end + 4)));
        this.buf = this.buf.subarray(end + 4);
      }
    });
    sock.on('close', () => (this.closed = true));
    sock.on('error', () => {});
  }

  /** Over TLS when `ca` (a PEM file trusted for the server's certificate) is given. */
  static async connect(port: number, ca?: string): Promise<TcpUa> {
    const sock = ca ? tls.connect({ port, host: '127.0.0.1', ca: readFileSync(ca) }) : net.connect({ port, host: '127.0.0.1' });
    await new Promise<void>((r, j) => (sock.once(ca ? 'secureConnect' : 'connect', () => r()), sock.once('error', j)));
    return new TcpUa(sock);
  }

  get localPort(): number {
    return this.sock.localPort!;
  }

  send(text: string): void {
    this.sock.write(text);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    const gone = new Promise<void>((r) => this.sock.once('close', () => r()));
    this.sock.end();
    await gone;
  }
}

/**
 * A real Engine on loopback (UDP and TCP on one free port, plus `listen` given) running `routes`,
 * with the registry's module states (nathelper's) as a server has them.
 */
export async function startConnectionProxy(routes: Record<string, Route>, extra: Partial<Settings> = {}, listen: Settings['listen'] = []) {
  const port = await freePort();
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    listen: [{ proto: 'udp', ip: '127.0.0.1', port }, { proto: 'tcp', ip: '127.0.0.1', port }, ...listen],
    control: null,
    tm: { ...DEFAULT_SETTINGS.tm, ...FAST_TM },
    ...extra,
  };
  const registry = createRegistry();
  const engine = new Engine(settings, pino({ level: process.env.KSR_TEST_LOG ?? 'silent' }), { store: null, usrloc: new Usrloc(), pvs: registry.pvs, modules: registry.services });
  engine.setRouter(new TableRouter(routes));
  await engine.start();
  return { engine, port };
}

/** A SIP client on a WebSocket: one message per frame. */
export class WsUa {
  readonly inbox = new Inbox();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.inbox.push(SipMessage.parse(Buffer.from(data as Buffer))));
    ws.on('error', () => {});
  }

  static async connect(port: number): Promise<WsUa> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, 'sip');
    await new Promise<void>((r, j) => (ws.once('open', () => r()), ws.once('error', j)));
    return new WsUa(ws);
  }

  get localPort(): number {
    return (this.ws as unknown as { _socket: { localPort: number } })._socket.localPort;
  }

  send(text: string): void {
    this.ws.send(text);
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    const gone = new Promise<void>((r) => this.ws.once('close', () => r()));
    this.ws.close();
    await gone;
  }
}

export const id = (): string => randomBytes(5).toString('hex');

/** A REGISTER as a browser phone sends one: its Via and Contact name a host nobody can reach. */
export function register(user: string, transport: string, opts: { expires?: number; callId?: string } = {}): string {
  const tag = id();
  return [
    `REGISTER sip:127.0.0.1 SIP/2.0`,
    `Via: SIP/2.0/${transport.toUpperCase()} ${user}host.invalid;branch=z9hG4bK${id()};rport`,
    'Max-Forwards: 70',
    `From: <sip:${user}@127.0.0.1>;tag=${tag}`,
    `To: <sip:${user}@127.0.0.1>`,
    `Call-ID: ${opts.callId ?? id()}`,
    'CSeq: 1 REGISTER',
    `Contact: <sip:${user}@${user}host.invalid;transport=${transport}>;expires=${opts.expires ?? 600}`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/** The reply a UA sends to a request it received (Via, Record-Route, From, To + tag, Call-ID, CSeq copied). */
export function replyTo(req: SipMessage, code: number, reason: string, contact: string | null, toTag = 'callee1'): string {
  const copy = (name: string, as: string) => req.headersNamed(name).map((h) => `${as}: ${h.value}`);
  const to = req.header('to')!.value;
  return [
    `SIP/2.0 ${code} ${reason}`,
    ...copy('via', 'Via'),
    ...copy('record-route', 'Record-Route'),
    `From: ${req.header('from')!.value}`,
    `To: ${to}${/;tag=/.test(to) ? '' : `;tag=${toTag}`}`,
    `Call-ID: ${req.header('call-id')!.value}`,
    `CSeq: ${req.header('cseq')!.value}`,
    ...(contact ? [`Contact: <${contact}>`] : []),
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/** An in-dialog request: R-URI the remote target, Route the route set (already in the order to use). */
export function inDialog(method: string, o: { ruri: string; routes: string[]; via: string; from: string; to: string; callId: string; cseq: number }): string {
  return [
    `${method} ${o.ruri} SIP/2.0`,
    `Via: ${o.via};branch=z9hG4bK${id()};rport`,
    'Max-Forwards: 70',
    ...o.routes.map((r) => `Route: ${r}`),
    `From: ${o.from}`,
    `To: ${o.to}`,
    `Call-ID: ${o.callId}`,
    `CSeq: ${o.cseq} ${method}`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/** The Record-Route values of a message, top first. */
export const recordRoutes = (m: SipMessage): string[] => m.headersNamed('record-route').map((h) => h.value);

const header = (ctx: { msg: SipMessage }, name: string): string => ctx.msg.header(name)?.value ?? '';

/**
 * A registrar and proxy for clients behind connections, as Kamailio's sample does for WebSocket
 * clients: the REGISTER's source kept (fix_nated_register), a Contact aliased (add_contact_alias)
 * on requests and replies that came over a connection, handle_ruri_alias after loose_route;
 * a call whose branch cannot be sent (connection gone) is answered 480 from the failure route.
 */
export const CONNECTION_ROUTES: Record<string, Route> = {
  ksr_request_route: (KSR, ctx) => {
    const overConnection = Boolean(KSR('is_TCPX'));
    if (ctx.msg.method === 'REGISTER') {
      if (overConnection) KSR('nathelper.fix_nated_register');
      KSR('registrar.save', 'location', 0);
      return;
    }
    if (overConnection) KSR('nathelper.add_contact_alias');
    if (KSR('siputils.has_totag') === 1) {
      if ((KSR('rr.loose_route') as number) > 0) {
        KSR('nathelper.handle_ruri_alias');
        KSR('tm.t_relay');
        return;
      }
      if (ctx.msg.method !== 'ACK') KSR('sl.sl_send_reply', 404, 'Not here');
      return;
    }
    KSR('rr.record_route');
    if ((KSR('registrar.lookup', 'location') as number) < 0) {
      KSR('sl.sl_send_reply', 404, 'Not Found');
      return;
    }
    if (header(ctx, 'x-no-connect')) KSR('set_forward_no_connect');
    KSR('tm.t_on_failure', 'ksr_failure_route');
    KSR('tm.t_relay');
  },
  ksr_reply_route: (KSR) => {
    if (KSR('is_TCPX')) KSR('nathelper.add_contact_alias');
  },
  ksr_failure_route: (KSR) => {
    if ((KSR('tm.t_check_status', '408|477') as number) > 0) KSR('tm.t_reply', 480, 'Temporarily Unavailable');
  },
};

// JSON-RPC 2.0 over HTTP (POST /, or /RPC as Kamailio's jsonrpcs serves it), and plain GET
// pages beside it (/metrics, /health, /ready: registered with page()). Methods are
// registered by whoever wires the server together; this file knows the protocol and how to
// survive its callers: Host/Origin/Content-Type checks (request-checks.ts), a token for what
// changes state on loopback and for everything beyond it, where listening without a token is
// refused (control-token.ts), bounded body size, body and header time, connections;
// and no exception leaves a request handler (each ends in an answer or a closed socket).
import http from 'node:http';
import type net from 'node:net';
import { bearerToken, checkPageRequest, checkRequest, isLoopback, requestPolicy, type Refusal, type RequestPolicy } from './request-checks.js';
import { tokenMatches } from './control-token.js';
import {
  errorAnswer, INTERNAL_ERROR, INVALID_PARAMS, INVALID_REQUEST, JsonRpc, messageOf, RpcError, UNAUTHORIZED,
  type Caller, type MethodEntry, type RpcHandler,
} from './jsonrpc.js';

export { RpcError, type RpcHandler } from './jsonrpc.js';

export interface RpcLimits {
  /** Largest body accepted (413 beyond; default 1 MiB). */
  maxBodyBytes: number;
  /** The whole body must have arrived this long after the headers (408 after; default 5 s). */
  bodyTimeoutMs: number;
  /** The header block must have arrived this long after the connection opened (node's 408; default 5 s). */
  headersTimeoutMs: number;
  /** The whole request must have arrived by then (node's 408; default 10 s). */
  requestTimeoutMs: number;
  /** Open connections at most; more are closed at once (default 32). */
  maxConnections: number;
}

export const DEFAULT_RPC_LIMITS: Readonly<RpcLimits> = Object.freeze({
  maxBodyBytes: 1 << 20,
  bodyTimeoutMs: 5000,
  headersTimeoutMs: 5000,
  requestTimeoutMs: 10_000,
  maxConnections: 32,
});

export interface RpcLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RpcServerOptions {
  /** The control token; without one (unit tests of the protocol) no method needs it. */
  token?: string | null;
  /** More names a Host header may carry (config control.hosts). */
  hosts?: readonly string[];
  /** Origins allowed (config control.origins); empty by default: any Origin is refused. */
  origins?: readonly string[];
  limits?: Partial<RpcLimits>;
  log?: RpcLog;
}

export interface RegisterOptions {
  /** Reads only (core.version, kemi.stats, ul.dump ...): no token needed on loopback. Default false. */
  readOnly?: boolean;
  /** One line for system.methodHelp: what it does, and its parameters if it takes any. */
  help?: string;
}

/** What a GET page answers: a status, a content type, a body. */
export interface PageAnswer {
  status: number;
  contentType: string;
  body: string;
}

export type PageHandler = () => PageAnswer | Promise<PageAnswer>;

const SILENT: RpcLog = { warn() {}, error() {} };

export class RpcServer {
  private readonly methods = new Map<string, MethodEntry>();
  private readonly jsonRpc = new JsonRpc(this.methods);
  private readonly limits: RpcLimits;
  private readonly log: RpcLog;
  private server: http.Server | null = null;
  private policy: RequestPolicy | null = null;
  private tokenForAll = false;
  private readonly pages = new Map<string, PageHandler>();

  constructor(private readonly options: RpcServerOptions = {}) {
    this.limits = { ...DEFAULT_RPC_LIMITS, ...options.limits };
    this.log = options.log ?? SILENT;
    this.register('system.listMethods', () => this.names(), { readOnly: true, help: 'the names of every method, sorted' });
    this.register('system.methodHelp', (params) => this.helpOf(params), { readOnly: true, help: 'system.methodHelp NAME: the one-line help of method NAME' });
  }

  /** Every method needs the token unless registered readOnly. */
  register(name: string, handler: RpcHandler, opts: RegisterOptions = {}): void {
    const help = opts.help ?? `${name} (no help given)`;
    this.methods.set(name, { handler, changesState: !opts.readOnly, help });
  }

  /** Another name for a registered method (Kamailio's app_lua.reload for kemi.reload): same handler, rule and help. */
  alias(name: string, target: string): void {
    const entry = this.methods.get(target);
    if (!entry) throw new Error(`alias ${name}: no method ${target} registered (register it first)`);
    this.methods.set(name, { ...entry, help: `${entry.help} (alias of ${target})` });
  }

  /** A GET page at `path` (/metrics, /health, /ready): the same Host/Origin checks; the token as for a read-only method. */
  page(path: string, handler: PageHandler): void {
    this.pages.set(path, handler);
  }

  private helpOf(params: unknown): string {
    const name = Array.isArray(params) ? params[0] : (params as { name?: unknown } | undefined)?.name;
    if (typeof name !== 'string') throw new RpcError(INVALID_PARAMS, `system.methodHelp: expected a method name (params ["NAME"] or {"name": NAME}), got ${JSON.stringify(params) ?? 'nothing'}`);
    const entry = this.methods.get(name);
    if (!entry) throw new RpcError(INVALID_PARAMS, `system.methodHelp: no method ${name.slice(0, 100)}; system.listMethods lists them`);
    return entry.help;
  }

  names(): string[] {
    return [...this.methods.keys()].sort();
  }

  /**
   * Beyond loopback anyone on the network can reach the endpoint: listening there needs a token,
   * and then every method and page needs it (on loopback only what changes state does).
   */
  listen(ip: string, port: number): Promise<void> {
    if (!isLoopback(ip) && (this.options.token ?? null) === null) {
      return Promise.reject(new Error(`control endpoint ${ip}:${port}: listening beyond loopback needs a control token, and none is set; listen on 127.0.0.1 or ::1, or give the server a token (state_dir/control-token)`));
    }
    this.policy = requestPolicy(ip, port, this.options.hosts ?? [], this.options.origins ?? []);
    this.tokenForAll = !isLoopback(ip);
    const server = http.createServer({
      headersTimeout: this.limits.headersTimeoutMs,
      requestTimeout: this.limits.requestTimeoutMs,
      keepAliveTimeout: 5000,
      maxHeaderSize: 16 * 1024,
      // how often node checks the two timeouts above (default 30 s: far coarser than them)
      connectionsCheckingInterval: Math.max(100, Math.min(1000, this.limits.headersTimeoutMs / 4)),
    });
    server.maxConnections = this.limits.maxConnections;
    // node's headersTimeout starts with the first byte: a connection that sends nothing at all
    // would hold its slot until the client gives up. It gets the same deadline for its first request.
    const started = new WeakSet<object>();
    server.on('connection', (socket) => {
      const timer = setTimeout(() => {
        if (!started.has(socket)) socket.destroy();
      }, this.limits.headersTimeoutMs);
      socket.once('close', () => clearTimeout(timer));
    });
    server.on('request', (req, res) => {
      started.add(req.socket);
      this.serve(req, res).catch((e: unknown) => this.lastResort(res, e));
    });
    // clientError (bad HTTP, header timeout) keeps node's default: 400/408/431, then the socket is closed
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, ip, () => {
        server.off('error', reject);
        server.on('error', (e) => this.log.error({ err: e }, 'control endpoint: server error'));
        resolve();
      });
    });
  }

  close(): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = Date.now();
    req.on('error', () => {});
    res.on('error', () => {});
    const page = this.pages.get(pathOf(req.url));
    if (page && (req.method === 'GET' || req.method === 'HEAD')) return this.servePage(req, res, page);
    const refusal = checkRequest(req.method, req.headers, this.policy!);
    if (refusal) {
      if (refusal.status === 403) this.log.warn({ host: req.headers.host, origin: req.headers.origin, peer: req.socket.remoteAddress }, `control endpoint: refused, ${refusal.message}`);
      return refuse(req, res, refusal);
    }
    const token = this.options.token ?? null;
    const caller: Caller = {
      tokenConfigured: token !== null,
      tokenForAll: this.tokenForAll,
      authenticated: token !== null && tokenMatches(token, bearerToken(req.headers)),
    };
    if (caller.tokenConfigured && caller.tokenForAll && !caller.authenticated) {
      return refuse(req, res, unauthorized('this control endpoint listens beyond loopback: every method needs the control token'));
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.limits.maxBodyBytes) return refuse(req, res, tooLarge(this.limits.maxBodyBytes));
    const body = await this.readBody(req, started);
    if (typeof body !== 'string') return refuse(req, res, body);
    const answer = await this.jsonRpc.answer(body, caller);
    if (answer === null) return sendEmpty(res);
    const single = !Array.isArray(answer) && 'error' in answer && answer.error.code === UNAUTHORIZED;
    send(res, single ? 401 : 200, answer, single ? { 'www-authenticate': 'Bearer realm="ksr-host control"' } : {});
  }

  /** A GET page: Host/Origin as for JSON-RPC, the token when listening beyond loopback; no body is read. */
  private async servePage(req: http.IncomingMessage, res: http.ServerResponse, page: PageHandler): Promise<void> {
    const refusal = checkPageRequest(req.method, req.headers, this.policy!);
    if (refusal) {
      if (refusal.status === 403) this.log.warn({ host: req.headers.host, origin: req.headers.origin, peer: req.socket.remoteAddress }, `control endpoint: refused, ${refusal.message}`);
      return refuse(req, res, refusal);
    }
    const token = this.options.token ?? null;
    if (token !== null && this.tokenForAll && !tokenMatches(token, bearerToken(req.headers))) {
      return refuse(req, res, unauthorized(`this control endpoint listens beyond loopback: ${pathOf(req.url)} needs the control token`));
    }
    const a = await page();
    if (res.headersSent || res.destroyed) return;
    res.writeHead(a.status, { 'content-type': a.contentType, 'content-length': Buffer.byteLength(a.body), 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : a.body);
  }

  /** The body as text, or why it was not taken (too large, too slow, broken off). */
  private readBody(req: http.IncomingMessage, started: number): Promise<string | Refusal> {
    const { maxBodyBytes, bodyTimeoutMs } = this.limits;
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const finish = (v: string | Refusal) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(v);
      };
      const timer = setTimeout(
        () => finish({ status: 408, message: `the body did not arrive within ${bodyTimeoutMs} ms` }),
        Math.max(0, bodyTimeoutMs - (Date.now() - started)),
      );
      req.on('data', (chunk: Buffer) => {
        if (done) return;
        size += chunk.length;
        if (size > maxBodyBytes) return finish(tooLarge(maxBodyBytes));
        chunks.push(chunk);
      });
      req.on('end', () => finish(Buffer.concat(chunks).toString('utf8')));
      req.on('error', (e) => finish({ status: 400, message: `the body broke off: ${messageOf(e)}` }));
      req.on('close', () => finish({ status: 400, message: 'the body broke off' }));
    });
  }

  /** A handler failed in a way nothing above caught: answer if still possible, else cut the connection. */
  private lastResort(res: http.ServerResponse, e: unknown): void {
    this.log.error({ err: e }, 'control endpoint: request handling failed');
    try {
      if (!res.headersSent) send(res, 500, errorAnswer(null, INTERNAL_ERROR, 'internal error'), { connection: 'close' });
      else res.destroy();
    } catch {
      res.destroy();
    }
  }
}

function tooLarge(max: number): Refusal {
  return { status: 413, message: `request too large: the body may have at most ${max} bytes` };
}

function unauthorized(message: string): Refusal {
  return { status: 401, message, headers: { 'www-authenticate': 'Bearer realm="ksr-host control"' } };
}

/** How long a refused request's connection may go on sending (discarded) after the answer. */
const LINGER_MS = 1000;

/**
 * An HTTP-level refusal: a JSON-RPC error body, then the connection closed. The body may still
 * be coming: our side is shut first and what arrives is discarded for LINGER_MS, since closing
 * with unread data makes the kernel reset the connection, and the client would lose the answer.
 */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, r: Refusal): void {
  const code = r.status === 401 ? UNAUTHORIZED : INVALID_REQUEST;
  // node's server ends a `connection: close` response with socket.destroySoon(), which destroys
  // the socket as soon as our FIN is out: with the body still arriving, that is a reset, and
  // under load the client lost the answer. Only end it here; the linger below destroys it.
  const socket = req.socket as net.Socket & { destroySoon?: () => void };
  socket.destroySoon = () => socket.end();
  send(res, r.status, errorAnswer(null, code, r.message), { ...r.headers, connection: 'close' });
  res.once('finish', () => {
    socket.end();
    socket.resume();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
}

/** The path of a request target without its query ("/metrics?x" → "/metrics"). */
function pathOf(url: string | undefined): string {
  const s = url ?? '/';
  const q = s.indexOf('?');
  return q < 0 ? s : s.slice(0, q);
}

/** Only notifications came: the spec says no answer, so no body. */
function sendEmpty(res: http.ServerResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(204);
  res.end();
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

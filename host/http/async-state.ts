// http_async_client in one thread: queries go out on this thread's own undici Agent (the event
// loop keeps serving while they wait); the answer, an error or the timeout runs the script's
// route — in the suspended transaction (t_continue) or, without one, on a copy of the
// request's context. $http_req(...) sets the next query's parameters; they are reset after
// each query, as Kamailio does.
import { Agent } from 'undici';
import { copyContext } from '../core/context-copy.js';
import type { MsgContext } from '../core/context.js';
import type { ModuleHost, ModuleState } from '../core/module-service.js';
import type { Transaction } from '../tm/transaction.js';
import { fetchOnce, type HttpOutcome } from './fetch-once.js';
import { ASYNC_MAX_BODY, MAX_ASYNC_TIMEOUT_MS, MAX_IN_FLIGHT, parseHttpAsyncSettings, type HttpAsyncSettings } from './async-settings.js';
import { parseHeaderLines } from './request-headers.js';
import { checkTarget } from './target-check.js';

export const ASYNC_METHODS = ['GET', 'POST', 'PUT', 'DELETE'];

/** The next query's parameters ($http_req). */
export interface QueryParams {
  method: string | null;
  headers: Array<[string, string]>;
  body: string | null;
  timeoutMs: number;
  suspend: boolean;
  username: string | null;
  password: string | null;
  authmethod: number;
}

/** What the callback route reads through $http_*. */
export interface AsyncReply {
  id: string;
  /** null when the request succeeded. */
  error: string | null;
  status: number;
  reason: string;
  headers: Array<[string, string]>;
  body: string;
  ms: number;
}

export class HttpAsyncState implements ModuleState {
  readonly settings: HttpAsyncSettings;
  params: QueryParams;
  /** The answer the running callback route reads; null outside one. */
  current: AsyncReply | null = null;
  /** $http_req_id after a query. */
  lastId = '';
  private counter = 0;
  private inFlight = 0;
  private agents: { verified: Agent; insecure: Agent } | null = null;
  private idleWaiters: Array<() => void> = [];
  private stopped = false;

  constructor(private readonly host: ModuleHost) {
    this.settings = parseHttpAsyncSettings(host.config);
    this.params = this.defaults();
  }

  defaults(): QueryParams {
    return { method: null, headers: [], body: null, timeoutMs: this.settings.timeoutMs, suspend: true, username: null, password: null, authmethod: this.settings.authmethod };
  }

  private agent(insecure: boolean): Agent {
    const opts = { connections: 16, keepAliveTimeout: 30_000, maxHeaderSize: 16 * 1024 };
    this.agents ??= { verified: new Agent(opts), insecure: new Agent({ ...opts, connect: { rejectUnauthorized: false } }) };
    return insecure ? this.agents.insecure : this.agents.verified;
  }

  /**
   * http_async_query: 0 when the transaction is suspended (the script must stop), 1 when the
   * script goes on (no transaction, or $http_req(suspend) = 0), -1 on error.
   */
  query(ctx: MsgContext, fn: string, url: string, route: string, opts: { neverSuspend?: boolean; arg?: string } = {}): number {
    const params = this.params;
    this.params = this.defaults();
    const log = ctx.core.logger;
    if (url === '') {
      log.log('error', `${fn}: expected a URL, got an empty string`);
      return -1;
    }
    if (!ctx.core.hasRoute(route)) {
      log.log('error', `${fn}: no route named '${route.slice(0, 64)}' in the script`);
      return -1;
    }
    if (this.inFlight >= MAX_IN_FLIGHT) {
      log.log('error', `${fn}: ${MAX_IN_FLIGHT} queries are already waiting for an answer`);
      return -1;
    }
    const id = `${process.pid}-${++this.counter}`;
    this.lastId = id;
    const t = ctx.core.tm.transactionOf(ctx);
    const suspend = params.suspend && !opts.neverSuspend && t !== null;
    if (suspend) t!.suspended = true;
    const later = suspend ? null : copyContext(ctx, ctx.routeType);
    this.inFlight++;
    void this.send(ctx, url, params).then((reply) => {
      this.inFlight--;
      this.deliver({ ...reply, id }, route, suspend ? t! : null, later, opts.arg);
      if (this.inFlight === 0) for (const w of this.idleWaiters.splice(0)) w();
    });
    return suspend ? 0 : 1;
  }

  private async send(ctx: MsgContext, url: string, p: QueryParams): Promise<Omit<AsyncReply, 'id'>> {
    const fail = (error: string): Omit<AsyncReply, 'id'> => ({ error, status: 0, reason: '', headers: [], body: '', ms: 0 });
    const target = checkTarget(ctx.core, url);
    if (!target.ok) return fail(target.why);
    const headers: Array<[string, string]> = [...p.headers];
    if (p.username !== null && !headers.some(([n]) => n.toLowerCase() === 'authorization')) {
      headers.push(['authorization', `Basic ${Buffer.from(`${p.username}:${p.password ?? ''}`).toString('base64')}`]);
    }
    if (p.body !== null && !headers.some(([n]) => n.toLowerCase() === 'content-type')) headers.push(['content-type', 'application/x-www-form-urlencoded']);
    const o: HttpOutcome = await fetchOnce(this.agent(!this.settings.verifyPeer), {
      method: p.method ?? (p.body !== null ? 'POST' : 'GET'), url: target.url.href, headers, body: p.body,
      timeoutMs: Math.min(p.timeoutMs, MAX_ASYNC_TIMEOUT_MS), maxBytes: ASYNC_MAX_BODY, insecure: !this.settings.verifyPeer,
    });
    if (!o.ok) return { ...fail(o.error), ms: o.ms };
    const body = o.truncated ? Buffer.from(o.body).subarray(0, ASYNC_MAX_BODY).toString('utf8') : o.body;
    return { error: null, status: o.status, reason: o.reason, headers: o.headers, body, ms: o.ms };
  }

  private deliver(reply: AsyncReply, route: string, t: Transaction | null, later: MsgContext | null, arg?: string): void {
    if (this.stopped) return;
    const log = this.host.log;
    if (reply.error) log.log('warn', `KSR.http_async_client: query ${reply.id} failed: ${reply.error}`);
    this.current = reply;
    try {
      if (t) {
        if (t.freed || !t.suspended) {
          log.log('warn', `KSR.http_async_client: query ${reply.id}: the transaction is gone (expired or cancelled); route ${route} not run`);
          return;
        }
        this.host.core.tm.resume(t, route);
      } else if (later) {
        this.host.core.runRoute(route, later, arg);
      }
    } catch (e) {
      log.log('error', `KSR.http_async_client: route ${route} for query ${reply.id} failed: ${(e as Error).message}`);
    } finally {
      this.current = null;
    }
  }

  /** Resolves when no query is waiting (tests). */
  whenIdle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((r) => this.idleWaiters.push(r));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const a = this.agents;
    this.agents = null;
    if (a) await Promise.all([a.verified.destroy(), a.insecure.destroy()]);
  }

  /** $http_req(hdr) = "Name: value": one more header (bounded like http_client's). */
  addHeader(line: string): boolean {
    const parsed = parseHeaderLines(line);
    if (!parsed.ok || parsed.headers.length !== 1 || this.params.headers.length >= 32) return false;
    this.params.headers.push(parsed.headers[0]!);
    return true;
  }
}

// http_client's state in one thread: the checked settings, the named connections and what the
// last answer said (its headers for $httprhdr, when response_headers is on). Requests go
// through this thread's synchronous bridge (sync-fetch.ts).
import type { MsgContext } from '../core/context.js';
import type { ModuleHost, ModuleState } from '../core/module-service.js';
import { writePvChecked } from '../core/pv.js';
import { HARD_MAX_BODY, parseHttpClientSettings, type HttpClientSettings } from './client-settings.js';
import { runClientRequest, type ClientAnswer, type ClientRequest } from './client-query.js';
import { syncFetch } from './sync-fetch.js';

export interface QueryArgs {
  method: string | null;
  url: string;
  body: string | null;
  hdrs: string | null;
  /** query_request_v2pk: HTTP/2 with prior knowledge. */
  http2PriorKnowledge?: boolean;
}

export class HttpClientState implements ModuleState {
  readonly settings: HttpClientSettings;
  /** The last answer's headers (response_headers = 1), lower-case names. */
  lastHeaders: Array<[string, string]> = [];
  private readonly configured: boolean;

  constructor(host: ModuleHost) {
    this.settings = parseHttpClientSettings(host.config, (t) => host.log.log('warn', t));
    this.configured = host.config !== undefined && host.config !== null;
  }

  /** A configured server starts the bridge's thread now, so the first route does not wait for it. */
  start(): void {
    if (this.configured) syncFetch().warmUp();
  }

  /** The query functions: http_client_query / _get / _request. */
  query(ctx: MsgContext, fn: string, a: QueryArgs, dst: string): number {
    if (!this.writable(ctx, fn, dst)) return -1;
    const s = this.settings;
    const answer = runClientRequest(ctx.core, {
      fn, method: a.method, url: a.url, body: a.body, contentType: null, hdrs: a.hdrs,
      timeoutMs: s.timeoutMs, firstLineOnly: s.firstLineOnly, maxdatasize: s.queryMaxdatasize, hardMaxBody: HARD_MAX_BODY,
      follow: s.httpredirect, useragent: s.useragent, verifyPeer: s.verifyPeer, auth: null, http2PriorKnowledge: a.http2PriorKnowledge === true,
    });
    return this.finish(ctx, answer, dst);
  }

  /** http_connect: a named connection, the URL suffix appended; failover tried once. */
  connect(ctx: MsgContext, fn: string, name: string, suffix: string, contentType: string | null, body: string | null, dst: string): number {
    if (!this.writable(ctx, fn, dst)) return -1;
    const first = this.settings.connections.get(name);
    if (!first) {
      ctx.core.logger.log('error', `${fn}: no connection named '${name.slice(0, 64)}' (modules.http_client.httpcon)`);
      return -1;
    }
    let answer = this.viaConnection(ctx, fn, first, suffix, contentType, body);
    const failedOver = first.failover !== null && (answer.code < 100 || answer.code >= 500);
    if (failedOver) {
      ctx.core.logger.log('error', `${fn}: connection '${first.name}' failed (${answer.code}); trying failover connection '${first.failover}'`);
      answer = this.viaConnection(ctx, fn, this.settings.connections.get(first.failover!)!, suffix, contentType, body);
    }
    return this.finish(ctx, answer, dst);
  }

  private viaConnection(ctx: MsgContext, fn: string, con: NonNullable<ReturnType<HttpClientSettings['connections']['get']>>, suffix: string, contentType: string | null, body: string | null): ClientAnswer {
    const url = suffix === '' ? `${con.schema}://${con.url}` : `${con.schema}://${con.url}${suffix.startsWith('/') ? '' : '/'}${suffix}`;
    const req: ClientRequest = {
      fn, method: null, url, body, contentType: body === null ? null : contentType ?? 'text/plain', hdrs: null,
      timeoutMs: con.timeoutMs, firstLineOnly: false, maxdatasize: con.maxdatasize, hardMaxBody: HARD_MAX_BODY,
      follow: con.httpredirect, useragent: con.useragent, verifyPeer: con.verifyPeer,
      auth: con.username !== null ? { user: con.username, password: con.password ?? '' } : null,
    };
    return runClientRequest(ctx.core, req);
  }

  /** Kamailio checks the destination before sending: a PV that cannot be assigned is -1. */
  private writable(ctx: MsgContext, fn: string, dst: string): boolean {
    const spec = ctx.core.pvs.resolve(dst);
    if ('error' in spec || !spec.cls.set || spec.chain) {
      ctx.core.logger.log('error', `${fn}: expected a writable PV for the result, got '${dst.slice(0, 64)}'${'error' in spec ? `: ${spec.error}` : ''}`);
      return false;
    }
    return true;
  }

  private finish(ctx: MsgContext, answer: ClientAnswer, dst: string): number {
    if (this.settings.responseHeaders) this.lastHeaders = answer.headers;
    const w = writePvChecked(ctx, dst, answer.value);
    if (!w.ok) ctx.core.logger.log('warn', `KSR.http_client: result not stored in ${dst.slice(0, 64)}: ${w.error}`);
    return answer.code === 0 ? -1 : answer.code;
  }
}

// KSR.http_client.*: synchronous HTTP requests (Kamailio's http_client). The calling thread
// waits for the answer, as a Kamailio worker process does, at most the configured timeout
// (host/http/sync-fetch.ts); KSR.http_async_client does not wait.
import { defineModule } from '../registry.js';
import { HTTP_CLIENT_PVS } from '../../host/http/client-pvs.js';
import { HttpClientState } from '../../host/http/client-state.js';
import { decl } from './decl.js';

const state = (ctx: Parameters<Parameters<typeof decl>[2]>[0]) => ctx.core.modules.get<HttpClientState>('http_client');
/** Kamailio passes an empty body or headers argument as none. */
const orNull = (s: string): string | null => (s === '' ? null : s);
const P = 'KSR.http_client.';

export const httpClientModule = defineModule('http_client', {
  query: decl('str, str', 'int', (ctx, url: string, dst: string) =>
    state(ctx).query(ctx, `${P}query`, { method: null, url, body: null, hdrs: null }, dst)),
  query_post: decl('str, str, str', 'int', (ctx, url: string, post: string, dst: string) =>
    state(ctx).query(ctx, `${P}query_post`, { method: null, url, body: orNull(post), hdrs: null }, dst)),
  query_post_hdrs: decl('str, str, str, str', 'int', (ctx, url: string, post: string, hdrs: string, dst: string) =>
    state(ctx).query(ctx, `${P}query_post_hdrs`, { method: null, url, body: orNull(post), hdrs: orNull(hdrs) }, dst)),
  get_hdrs: decl('str, str, str, str', 'int', (ctx, url: string, body: string, hdrs: string, dst: string) =>
    state(ctx).query(ctx, `${P}get_hdrs`, { method: 'GET', url, body: orNull(body), hdrs: orNull(hdrs) }, dst)),
  query_request: decl('str, str, str, str, str', 'int', (ctx, method: string, url: string, body: string, hdrs: string, dst: string) =>
    state(ctx).query(ctx, `${P}query_request`, { method: orNull(method), url, body: orNull(body), hdrs: orNull(hdrs) }, dst)),
  // HTTP/2 with prior knowledge: h2c on http:, ALPN on https: (host/http/h2c-clients.ts)
  query_request_v2pk: decl('str, str, str, str, str', 'int', (ctx, method: string, url: string, body: string, hdrs: string, dst: string) =>
    state(ctx).query(ctx, `${P}query_request_v2pk`, { method: orNull(method), url, body: orNull(body), hdrs: orNull(hdrs), http2PriorKnowledge: true }, dst)),
  curl_connect: decl('str, str, str', 'int', (ctx, con: string, url: string, dst: string) =>
    state(ctx).connect(ctx, `${P}curl_connect`, con, url, null, null, dst)),
  curl_connect_post: decl('str, str, str, str, str', 'int', (ctx, con: string, url: string, ctype: string, post: string, dst: string) =>
    state(ctx).connect(ctx, `${P}curl_connect_post`, con, url, ctype, orNull(post), dst)),
}, {
  pvs: HTTP_CLIENT_PVS,
  service: { create: (host) => new HttpClientState(host) },
});

// KSR.http_async_client.*: HTTP queries that do not block (Kamailio's http_async_client). The
// transaction is suspended and resumed in the named route when the answer, an error or the
// timeout comes (host/http/async-state.ts); the route reads $http_ok, $http_rs, $http_rb...
import { defineModule } from '../registry.js';
import { HTTP_ASYNC_PVS } from '../../host/http/async-pvs.js';
import { HttpAsyncState } from '../../host/http/async-state.js';
import { decl, partial } from './decl.js';

const state = (ctx: Parameters<Parameters<typeof decl>[2]>[0]) => ctx.core.modules.get<HttpAsyncState>('http_async_client');
const P = 'KSR.http_async_client.';

export const httpAsyncClientModule = defineModule('http_async_client', {
  query: decl('str, str', 'int', (ctx, url: string, route: string) => state(ctx).query(ctx, `${P}query`, url, route)),
  send: partial('no Kamailio source at hand: a query that never suspends the transaction', decl('str, str', 'int',
    (ctx, url: string, route: string) => state(ctx).query(ctx, `${P}send`, url, route, { neverSuspend: true }))),
  send_xdata: partial('no Kamailio source at hand: send with xdata given to the route as its argument', decl('str, str, str', 'int',
    (ctx, url: string, route: string, xdata: string) => state(ctx).query(ctx, `${P}send_xdata`, url, route, { neverSuspend: true, arg: xdata }))),
}, {
  pvs: HTTP_ASYNC_PVS,
  service: { create: (host) => new HttpAsyncState(host) },
});

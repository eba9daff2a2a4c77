// KSR.pike.*: flood detection per source address (Kamailio's pike). Logic in host/pike/.
import { defineModule } from '../registry.js';
import type { ModuleService } from '../../host/core/module-service.js';
import { PikeState } from '../../host/pike/pike-state.js';
import type { MsgContext } from '../../host/core/context.js';
import { RpcError } from '../../host/control/jsonrpc.js';
import { decl } from './decl.js';

/** pike.top [filter]: ALL, HOT (default) or WARM, as Kamailio's. */
function topFilter(params: unknown): string {
  const p = Array.isArray(params) ? params[0] : params && typeof params === 'object' ? (params as { filter?: unknown }).filter : undefined;
  if (p === undefined || p === null) return 'HOT';
  if (typeof p !== 'string' || p.length > 16) throw new RpcError(-32602, `pike.top: expected a filter "ALL", "HOT" or "WARM", got ${JSON.stringify(p)}`);
  return p;
}

const top = { readOnly: true, help: 'pike.top [ALL|HOT|WARM]: the tracked source addresses and their hit counts, hot ones only by default', handler: (st: PikeState, params: unknown) => st.top(topFilter(params)) };

const service: ModuleService<PikeState> = {
  create: (host) => new PikeState(host),
  rpc: { 'pike.top': top, 'pike.list': top },
};

const state = (ctx: MsgContext) => ctx.core.modules.get<PikeState>('pike');

export const pikeModule = defineModule(
  'pike',
  {
    pike_check_req: decl('', 'int', (ctx) => state(ctx).checkText('pike_check_req', ctx.rcv.srcIp)),
    pike_check_ip: decl('str', 'int', (ctx, ip: string) => state(ctx).checkText('pike_check_ip', ip)),
  },
  { service },
);

// KSR.dispatcher.*: Kamailio's dispatcher (load balancing over destination sets, failover
// through $xavp(_dsdst_), probing, call load). Logic in host/dispatcher/; this file only
// adapts the KSR calls to it.
import { defineModule } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import type { ModuleService } from '../../host/core/module-service.js';
import { DispatcherState } from '../../host/dispatcher/state.js';
import { DISPATCHER_RPC } from '../../host/dispatcher/rpc-methods.js';
import {
  SETOP_DSTURI, SETOP_RURI, SETOP_XAVP, loadUnset, loadUpdate, markDst, selectLimit, selectRoutes, updateDst,
} from '../../host/dispatcher/select.js';
import { isActive, isFromList, MATCH_NOPROTO } from '../../host/dispatcher/from-list.js';
import { parseStateFlags, updateState } from '../../host/dispatcher/state-change.js';
import { PROBE_ALL } from '../../host/dispatcher/probing.js';
import { decl } from './decl.js';

const service: ModuleService<DispatcherState> = {
  create: (host) => new DispatcherState(host),
  rpc: DISPATCHER_RPC,
};

const ds = (ctx: MsgContext): DispatcherState => ctx.core.modules.get<DispatcherState>('dispatcher');

const select = (fn: string, mode: number) => decl('int, int', 'int', (ctx, set: number, alg: number) => selectLimit(ctx, ds(ctx), fn, set, alg, 0, mode));
const selectL = (fn: string, mode: number) =>
  decl('int, int, int', 'int', (ctx, set: number, alg: number, limit: number) => selectLimit(ctx, ds(ctx), fn, set, alg, limit, mode));
const update = (fn: string, next: boolean, mode: number) => decl('', 'int', (ctx) => updateDst(ctx, ds(ctx), fn, next, mode));

/** ds_mark_addr(state, group, uri) with mode 1: thresholds crossed at once. */
function markAddr(ctx: MsgContext, fn: string, state: string, group: number, uri: string): number {
  const flags = parseStateFlags(state);
  if (flags < 0) {
    ctx.core.logger.log('warn', `KSR.dispatcher.${fn}: failed to parse state flags "${state.slice(0, 20)}" (letters a, i, t, d, p expected)`);
    return -1;
  }
  return updateState(ds(ctx), group, uri, flags, 1) === 0 ? 1 : -1;
}

/** ds_mark_dst(): inactive, and probing when ds_probing_mode is 1. */
function defaultMark(ctx: MsgContext): string {
  return ds(ctx).settings.probingMode === PROBE_ALL ? 'ip' : 'i';
}

export const dispatcherModule = defineModule('dispatcher', {
  ds_select: select('ds_select', SETOP_XAVP),
  ds_select_limit: selectL('ds_select_limit', SETOP_XAVP),
  ds_select_dst: select('ds_select_dst', SETOP_DSTURI),
  ds_select_dst_limit: selectL('ds_select_dst_limit', SETOP_DSTURI),
  ds_select_domain: select('ds_select_domain', SETOP_RURI),
  ds_select_domain_limit: selectL('ds_select_domain_limit', SETOP_RURI),
  ds_select_routes: decl('str, str', 'int', (ctx, rules: string, mode: string) => selectRoutes(ctx, ds(ctx), 'ds_select_routes', rules, mode, 0)),
  ds_select_routes_limit: decl('str, str, int', 'int', (ctx, rules: string, mode: string, limit: number) => selectRoutes(ctx, ds(ctx), 'ds_select_routes_limit', rules, mode, limit)),
  ds_next_dst: update('ds_next_dst', true, SETOP_DSTURI),
  ds_next_domain: update('ds_next_domain', true, SETOP_RURI),
  ds_set_dst: update('ds_set_dst', false, SETOP_DSTURI),
  ds_set_domain: update('ds_set_domain', false, SETOP_RURI),
  ds_mark_dst: decl('', 'int', (ctx) => markDst(ctx, ds(ctx), 'ds_mark_dst', (g, u) => markAddr(ctx, 'ds_mark_dst', defaultMark(ctx), g, u))),
  ds_mark_dst_state: decl('str', 'int', (ctx, state: string) => {
    const s = state === '' ? defaultMark(ctx) : state;
    if (parseStateFlags(s) < 0) return markAddr(ctx, 'ds_mark_dst_state', s, 0, '');
    return markDst(ctx, ds(ctx), 'ds_mark_dst_state', (g, u) => markAddr(ctx, 'ds_mark_dst_state', s, g, u));
  }),
  ds_mark_addr: decl('str, int, str', 'int', (ctx, state: string, group: number, uri: string) => markAddr(ctx, 'ds_mark_addr', state, group, uri)),
  ds_is_from_lists: decl('', 'int', (ctx) => isFromList(ctx, ds(ctx), 'ds_is_from_lists', -1, null, MATCH_NOPROTO)),
  ds_is_from_list: decl('int', 'int', (ctx, group: number) => isFromList(ctx, ds(ctx), 'ds_is_from_list', group, null, MATCH_NOPROTO)),
  ds_is_from_list_mode: decl('int, int', 'int', (ctx, group: number, mode: number) => isFromList(ctx, ds(ctx), 'ds_is_from_list_mode', group, null, mode)),
  ds_is_from_list_uri: decl('int, int, str', 'int', (ctx, group: number, mode: number, uri: string) => isFromList(ctx, ds(ctx), 'ds_is_from_list_uri', group, uri, mode)),
  ds_load_update: decl('', 'int', (ctx) => loadUpdate(ctx, ds(ctx), 'ds_load_update')),
  ds_load_unset: decl('', 'int', (ctx) => loadUnset(ctx, ds(ctx), 'ds_load_unset')),
  ds_reload: decl('', 'int', (ctx) => {
    const why = ds(ctx).reload();
    if (why === null) return 1;
    ctx.core.logger.log('error', `KSR.dispatcher.ds_reload: ${why}`);
    return -1;
  }),
  ds_list_exists: decl('int', 'int', (ctx, set: number) => (ds(ctx).set(set) ? 1 : -1)),
  ds_is_active: decl('int', 'int', (ctx, set: number) => isActive(ds(ctx), set, null)),
  ds_is_active_uri: decl('int, str', 'int', (ctx, set: number, uri: string) => isActive(ds(ctx), set, uri)),
}, { service });

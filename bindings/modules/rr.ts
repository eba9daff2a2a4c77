// KSR.rr.*: record-routing and routing by the Route set (host/rr). Return codes as
// Kamailio's rr module: 1 done, -1 not done; loose_route also -3 for a preloaded route set
// that was only ours (host/rr/loose-route.ts says which code when).
import { defineModule } from '../registry.js';
import {
  addRrParam, recordRoute, recordRouteAdvertised, recordRoutePreset, removeRecordRoute,
} from '../../host/rr/record-route.js';
import { checkRouteParam, direction, looseRoute, RR_PRELOADED } from '../../host/rr/loose-route.js';
import { decl, intOf } from './decl.js';

export const rrModule = defineModule('rr', {
  record_route: decl('', 'int', (ctx) => intOf(recordRoute(ctx))),
  record_route_params: decl('str', 'int', (ctx, params: string) => intOf(recordRoute(ctx, params))),
  record_route_preset: decl('str, str', 'int', (ctx, addr: string, addr2: string) =>
    intOf(recordRoutePreset(ctx, addr, addr2 === '' ? null : addr2)),
  ),
  record_route_preset_one: decl('str', 'int', (ctx, addr: string) => intOf(recordRoutePreset(ctx, addr, null))),
  record_route_advertised_address: decl('str', 'int', (ctx, addr: string) => intOf(recordRouteAdvertised(ctx, addr))),
  remove_record_route: decl('', 'int', (ctx) => {
    removeRecordRoute(ctx);
    return 1;
  }),
  add_rr_param: decl('str', 'int', (ctx, param: string) => intOf(addRrParam(ctx, param))),
  loose_route: decl('', 'int', (ctx) => looseRoute(ctx)),
  loose_route_mode: decl('int', 'int', (ctx, mode: number) => looseRoute(ctx, mode === 1 ? 1 : 0)),
  // 1 only when the next hop came from a preloaded route set that was ours alone (Kamailio)
  loose_route_preloaded: decl('', 'int', (ctx) => (looseRoute(ctx) === RR_PRELOADED ? 1 : -1)),
  check_route_param: decl('str', 'int', (ctx, re: string) => intOf(checkRouteParam(ctx, re))),
  is_direction: decl('str', 'int', (ctx, dir: string) => {
    const want = dir.toLowerCase();
    if (want !== 'downstream' && want !== 'upstream') {
      ctx.core.logger.log('error', `KSR.rr.is_direction: unknown direction "${dir}" - use "downstream" or "upstream"`);
      return -1;
    }
    return intOf(direction(ctx) === want);
  }),
  next_hop_route: decl('', 'int', (ctx) => intOf(ctx.routeNextHop)),
});

// Routing by the Route set (RFC 3261 §16.4, §16.6 step 6, §16.12), with Kamailio's rr
// return codes:
//    1  routed by the Route set: our own Route(s) removed (both lines of a double RR); the
//       next hop is the next Route ($du) or, when none is left, the Request-URI;
//   -1  no Route header (or an unusable one): nothing done, the script routes on its own;
//   -3  an initial request (no To-tag) whose only Route was ours ("preloaded" local route):
//       it is removed, and the script routes the request as a new one.
// A Route without ;lr is a strict router: it becomes the Request-URI and the R-URI in force
// goes to the end of the Route set. A Request-URI that is ours means the previous hop was
// a strict router: the last Route becomes the Request-URI again.
// Removals are lumps; reads keep seeing the received Route headers.
import type { MsgContext } from '../core/context.js';
import { fromAddr, toAddr } from '../core/sip-values.js';
import { tryParseUri, uriTransport, type SipUri } from '../sip/uri.js';
import type { Proto } from '../core/context.js';
import { paramMap, rawUriParams, removeRoutes, routeEntries, type RouteEntry } from './route-set.js';

export const RR_DRIVEN = 1;
export const NOT_RR_DRIVEN = -1;
export const RR_PRELOADED = -3;

/** Our own URI: host and port are ours (5060 when absent, as Kamailio); a GRUU never is. */
function isOurs(ctx: MsgContext, uri: SipUri | null): boolean {
  if (!uri || uri.scheme === 'tel' || uri.host === '' || uri.params.has('gr')) return false;
  return ctx.core.isMyself(uri.host, uri.port || 5060, uriTransport(uri) as Proto);
}

const isStrict = (uri: SipUri | null): boolean => !uri?.params.has('lr');
const isDoubleRr = (uri: SipUri | null): boolean => uri?.params.has('r2') ?? false;

interface Plan {
  all: RouteEntry[];
  gone: Set<RouteEntry>;
}

/** KSR.rr.loose_route / loose_route_mode: mode 1 = loose routing only (no strict-router recovery). */
export function looseRoute(ctx: MsgContext, mode = 0): number {
  if (!ctx.msg.isRequest || !ctx.msg.hasHeader('route')) return NOT_RR_DRIVEN;
  const all = routeEntries(ctx);
  const ruri = tryParseUri(ctx.ruri);
  const to = toAddr(ctx);
  if (!all || all.length === 0 || !ruri || !to) return NOT_RR_DRIVEN;
  ctx.routedParams = null;
  ctx.routeNextHop = false;
  const plan: Plan = { all, gone: new Set() };
  const preloaded = !to.tag;
  const status = !preloaded && mode === 0 && isOurs(ctx, ruri) ? afterStrict(ctx, plan, ruri) : afterLoose(ctx, plan, preloaded);
  removeRoutes(ctx, all, plan.gone);
  // Kamailio's rr callbacks (register_rrcb): the core's modules that asked (uac's auto restore)
  if (status !== NOT_RR_DRIVEN && ctx.routedParams !== null) for (const hook of ctx.core.hooks.afterLooseRoute) hook(ctx);
  return status;
}

/** The previous hop was a loose router (or this is a preloaded route set). */
function afterLoose(ctx: MsgContext, plan: Plan, preloaded: boolean): number {
  const { all, gone } = plan;
  let next = all[0]!;
  if (isOurs(ctx, next.uri)) {
    ctx.routedParams = rawUriParams(next.uriText);
    gone.add(next);
    let i = 1;
    // the second line of our double Record-Route is ours too, whatever address it shows
    if (isDoubleRr(next.uri) && all[1]) gone.add(all[i++]!);
    if (i >= all.length) return preloaded ? RR_PRELOADED : RR_DRIVEN;
    next = all[i]!;
    ctx.routeNextHop = true;
  }
  if (isStrict(next.uri)) toStrictRouter(ctx, plan, next);
  else ctx.dstUri = next.uriText;
  return RR_DRIVEN;
}

/** §16.6 step 6: the strict router becomes the R-URI; the R-URI in force goes last in the Route set. */
function toStrictRouter(ctx: MsgContext, plan: Plan, next: RouteEntry): void {
  ctx.lumps.insert(ctx.msg.headersEnd, `Route: <${ctx.ruri}>\r\n`);
  ctx.newUri = next.uriText;
  plan.gone.add(next);
}

/** §16.4: the R-URI is ours, put there by a strict router; recover the remote target from the last Route. */
function afterStrict(ctx: MsgContext, plan: Plan, ruri: SipUri): number {
  const { all, gone } = plan;
  ctx.routedParams = rawUriParams(ruri.raw.trim());
  let i = 0;
  if (isDoubleRr(all[0]!.uri) && isOurs(ctx, all[0]!.uri)) {
    gone.add(all[i++]!);
    if (i >= all.length) return NOT_RR_DRIVEN;
  }
  const next = all[i]!;
  if (isStrict(next.uri)) {
    // strict toward strict: behave as a strict router (the remote target stays last)
    ctx.newUri = next.uriText;
    gone.add(next);
  } else {
    ctx.dstUri = next.uriText;
    const last = all[all.length - 1]!;
    ctx.newUri = last.uriText;
    gone.add(last);
  }
  return RR_DRIVEN;
}

/** check_route_param(re): the params of the Route we consumed (with their leading ';') match re. */
export function checkRouteParam(ctx: MsgContext, re: string): boolean {
  if (ctx.routedParams === null) return false;
  let rx: RegExp;
  try {
    rx = new RegExp(re, 'i');
  } catch (e) {
    ctx.core.logger.log('error', `KSR.rr.check_route_param: bad regular expression ${JSON.stringify(re)}: ${(e as Error).message}`);
    return false;
  }
  return rx.test(`;${ctx.routedParams}`);
}

export type Direction = 'downstream' | 'upstream';

/**
 * The direction of an in-dialog request: downstream (caller → callee) when the ftag of our
 * Route equals the From tag, upstream otherwise. Without a consumed Route or an ftag:
 * downstream, as Kamailio.
 */
export function direction(ctx: MsgContext): Direction {
  if (ctx.routedParams === null) return 'downstream';
  const ftag = paramMap(ctx.routedParams).get('ftag');
  if (!ftag) return 'downstream';
  return fromAddr(ctx)?.tag === ftag ? 'downstream' : 'upstream';
}

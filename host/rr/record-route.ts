// Record-Route (RFC 3261 §16.6 step 4, RFC 5658): what KSR.rr.record_route* ask for is
// kept on ctx.recordRoute, and the sending path turns it into header lines with
// recordRouteLines() once the outgoing socket is known. One line normally; two ("double
// record-routing", each with ;r2=on, as Kamailio's enable_double_rr) when the request leaves
// from another socket (transport, address or port) than it came in on. The top line faces the next hop.
import type { MsgContext } from '../core/context.js';
import { fromAddr } from '../core/sip-values.js';
import { transportParamOf } from '../sip/uri.js';

export interface LocalSocket {
  proto: string;
  ip: string;
  port: number;
}

/** A param text as Kamailio's add_rr_param wants it: starting with ';'. */
function asParam(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  return t.startsWith(';') ? t : `;${t}`;
}

function refuseDouble(ctx: MsgContext): boolean {
  if (ctx.recordRoute === null) return false;
  ctx.core.logger.log('error', 'KSR.rr: double attempt to record-route');
  return true;
}

/** record_route / record_route_params. False for a reply or a second attempt. */
export function recordRoute(ctx: MsgContext, params = ''): boolean {
  if (!ctx.msg.isRequest || refuseDouble(ctx)) return false;
  ctx.recordRoute = { params: ctx.rrPendingParams + asParam(params), preset: null, advertised: null };
  ctx.rrPendingParams = '';
  return true;
}

/** The address part of a preset: "host[:port][;params]", an optional "sip:" in front dropped. */
function presetAddress(addr: string): string {
  return addr.trim().replace(/^sips?:/i, '');
}

/**
 * record_route_preset(addr, addr2) / record_route_preset_one(addr): the addresses are used as
 * given. With two, addr is the top line (toward the next hop), addr2 the second, both ;r2=on.
 */
export function recordRoutePreset(ctx: MsgContext, addr: string, addr2: string | null): boolean {
  if (!ctx.msg.isRequest || presetAddress(addr) === '' || refuseDouble(ctx)) return false;
  ctx.recordRoute = { params: ctx.rrPendingParams, preset: presetAddress(addr), advertised: null };
  ctx.recordRoutePreset2 = addr2 !== null && presetAddress(addr2) !== '' ? presetAddress(addr2) : null;
  ctx.rrPendingParams = '';
  return true;
}

/** record_route_advertised_address(addr): "host[:port]" in place of the socket's address. */
export function recordRouteAdvertised(ctx: MsgContext, addr: string): boolean {
  if (!ctx.msg.isRequest || addr.trim() === '' || refuseDouble(ctx)) return false;
  ctx.recordRoute = { params: ctx.rrPendingParams, preset: null, advertised: addr.trim() };
  ctx.rrPendingParams = '';
  return true;
}

/** add_rr_param: goes into our Record-Route, whether record_route ran already or runs later. */
export function addRrParam(ctx: MsgContext, param: string): boolean {
  const p = asParam(param);
  if (p === '' || /[\r\n<>,]/.test(p)) return false;
  if (ctx.recordRoute) ctx.recordRoute.params += p;
  else ctx.rrPendingParams += p;
  return true;
}

/** remove_record_route: forget what record_route* asked for (nothing is inserted). */
export function removeRecordRoute(ctx: MsgContext): void {
  ctx.recordRoute = null;
  ctx.recordRoutePreset2 = null;
}

const isV6 = (ip: string): boolean => ip.includes(':');
const unbracket = (ip: string): string => (ip.startsWith('[') ? ip.slice(1, -1) : ip).toLowerCase();

function hostPort(host: string, port: number | string): string {
  const h = isV6(host) && !host.startsWith('[') ? `[${host}]` : host;
  return port === '' || port === 0 ? h : `${h}:${port}`;
}

/** ";transport=tcp|tls|ws" (WS and WSS both "ws", as Kamailio writes it), none for UDP. */
const transportParam = transportParamOf;

/** ;lr, the From tag (Kamailio's append_fromtag, needed by is_direction), then the script's params. */
function tail(ctx: MsgContext, params: string): string {
  const ftag = fromAddr(ctx)?.tag;
  return `;lr${ftag ? `;ftag=${ftag}` : ''}${params}`;
}

const line = (uri: string, rest: string): string => `Record-Route: <sip:${uri}${rest}>\r\n`;

/**
 * The Record-Route header lines (each ending CRLF) to insert at the top of the headers of
 * the outgoing request; [] when the script did not ask for record-routing. inbound/outbound
 * are OUR sockets the request came in on and leaves from.
 */
export function recordRouteLines(ctx: MsgContext, inbound: LocalSocket, outbound: LocalSocket): string[] {
  const rr = ctx.recordRoute;
  if (!rr) return [];
  const end = tail(ctx, rr.params);
  if (rr.preset !== null) {
    const second = ctx.recordRoutePreset2;
    if (second === null) return [line(rr.preset, end)];
    return [line(rr.preset, `;r2=on${end}`), line(second, `;r2=on${end}`)];
  }
  const outHost = rr.advertised ?? hostPort(ctx.advertisedAddress ?? outbound.ip, ctx.advertisedPort ?? outbound.port);
  // Kamailio's enable_double_rr (1, its COND_IF_DIFF_REALMS): leaving from another socket than
  // the one it came in on (UDP in, WSS out; two networks; two families) gives each side our
  // entry for its own socket
  const double = inbound.proto.toLowerCase() !== outbound.proto.toLowerCase() || unbracket(inbound.ip) !== unbracket(outbound.ip) || inbound.port !== outbound.port;
  if (!double) return [line(outHost + transportParam(outbound.proto), end)];
  const inHost = rr.advertised ?? hostPort(inbound.ip, inbound.port);
  return [
    line(outHost + transportParam(outbound.proto), `;r2=on${end}`),
    line(inHost + transportParam(inbound.proto), `;r2=on${end}`),
  ];
}

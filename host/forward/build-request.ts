// The bytes of an outgoing request: the received message with the script's lumps, the new
// Request-URI, our Via on top and the Record-Route lines asked for by record_route*.
import { isIPv6 } from 'node:net';
import type { MsgContext } from '../core/context.js';
import { buildRequest } from '../sip/builder.js';
import { recordRouteLines } from '../rr/record-route.js';
import type { Target } from './next-hop.js';
import { viaLine } from './via.js';
import { localViaExtraParams, localViaFields } from '../corex/local-via.js';

export interface BuiltRequest {
  buf: Buffer;
  local: { ip: string; port: number };
  /** The listen socket set_send_socket chose, when it serves this target: the send goes from it. */
  forced: { ip: string; port: number } | null;
}

/**
 * The socket set_send_socket chose, when it has the target's protocol and family (Kamailio
 * sends from a forced socket of another protocol only through a sibling socket; here our
 * default listener is used then), else null.
 */
function forcedSocket(ctx: MsgContext, target: Target): { ip: string; port: number } | null {
  const s = ctx.sendSocket;
  return s !== null && s.proto === target.proto && isIPv6(s.ip) === isIPv6(target.ip) ? s : null;
}

/** Null when we have no listener to send toward that target (protocol and address family). */
export function buildOutgoingRequest(ctx: MsgContext, target: Target, branch: string): BuiltRequest | null {
  const forced = forcedSocket(ctx, target);
  const local = forced ?? ctx.core.localAddress(target.proto, isIPv6(target.ip));
  if (!local) return null;
  const lumps = ctx.lumps.clone();
  if (ctx.path) lumps.insert(pathRouteOffset(ctx), `Route: ${ctx.path}\r\n`);
  if (ctx.recordRoute) {
    const inbound = { proto: ctx.rcv.proto, ip: ctx.rcv.rcvIp, port: ctx.rcv.rcvPort };
    const outbound = { proto: target.proto, ip: local.ip, port: local.port };
    // after our Via (the builder puts its own lumps first at the same offset)
    for (const line of recordRouteLines(ctx, inbound, outbound)) lumps.insert(ctx.msg.firstHeaderOffset, line);
  }
  const ruri = ctx.ruri === ctx.msg.ruri ? undefined : ctx.ruri;
  // via_use_xavp_fields first, then set_advertised_address/port, then the socket's address
  const fields = localViaFields(ctx);
  const shown = { ip: fields.address ?? ctx.advertisedAddress ?? local.ip, port: fields.port ?? (Number(ctx.advertisedPort) || local.port) };
  const via = viaLine(fields.proto ?? target.proto, shown, branch, ctx.addLocalRport, localViaExtraParams(ctx));
  return { buf: buildRequest(ctx.msg, lumps, { ruri, via }), local, forced };
}

/** Route headers of a binding's Path (RFC 3327 §5.3): before the first Route, else after the last Via. */
function pathRouteOffset(ctx: MsgContext): number {
  const route = ctx.msg.header('route');
  if (route) return route.start;
  const vias = ctx.msg.headersNamed('via');
  return vias[vias.length - 1]?.end ?? ctx.msg.headersEnd;
}

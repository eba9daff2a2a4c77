// Core KSR functions about where and how a message leaves (issue 3, RR engineer's section of
// KSR.*; spread into core.ts): advertised address/port, connection flags, tcp aliases, the
// to_* tests on the next hop, and KSR.route. They record what the script asked on the
// MsgContext; the sending path reads it.
import type { KsrDeclaration } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { nextHopFamily, nextHopProtoIn } from '../../host/rr/next-hop.js';
import { decl, partial } from './decl.js';

const STREAM = ['tcp', 'tls', 'ws', 'wss'];

const toProto = (protos: readonly string[]) => decl('', 'bool', (ctx) => nextHopProtoIn(ctx, protos));

const flag = (set: (ctx: MsgContext) => void) =>
  decl('', 'bool', (ctx) => {
    set(ctx);
    return true;
  });

/**
 * Aliases the TCP connection the request came on: requests sent to its peer's address at
 * `port` go on it instead of a new connection. -1 when it did not come over TCP or the
 * connection is gone.
 */
function tcpAlias(ctx: MsgContext, port: number): number {
  if (!STREAM.includes(ctx.rcv.proto) || !Number.isInteger(port) || port < 1 || port > 65535) return -1;
  if (ctx.core.addTcpAlias?.(ctx.rcv.conId, port) !== true) return -1;
  ctx.tcpAliasPort = port;
  return 1;
}

/** The port the top Via advertises (or its ;alias port), as Kamailio's add_tcp_alias_via. */
function viaPort(ctx: MsgContext): number {
  try {
    const via = ctx.msg.topVia();
    const alias = via.params.get('alias');
    if (alias !== undefined && /^\d+$/.test(alias)) return Number(alias);
    return via.port || 5060;
  } catch {
    return -1;
  }
}

/**
 * KSR.route(name): Kamailio runs a native route block; here `name` is a function of the
 * script, run on the same message. 1 when it ran, -1 when there is no such function or it
 * failed; an exit/drop in it ends the calling callback too (as Kamailio's exit).
 */
function runSubRoute(ctx: MsgContext, name: string): number {
  if (name === '' || !ctx.core.hasRoute(name)) {
    ctx.core.logger.log('error', `KSR.route: no script function "${name}"`);
    return -1;
  }
  const sflags = ctx.sflags;
  const r = ctx.core.runRoute(name, ctx);
  ctx.sflags = sflags;
  // an exit in the sub-route ends the caller too: the Dispatcher answers STOP for a call that
  // leaves the message stopped
  if (r.outcome === 'stopped') ctx.stopped = true;
  return r.outcome === 'ok' ? 1 : -1;
}

export const coreRoutingFunctions: Record<string, KsrDeclaration> = {
  set_advertised_address: decl('str', 'int', (ctx, addr: string) => {
    if (addr.trim() === '') return -1;
    ctx.advertisedAddress = addr.trim();
    return 1;
  }),
  set_advertised_port: decl('str', 'int', (ctx, port: string) => {
    const p = Number(port.trim());
    if (!/^\d+$/.test(port.trim()) || p < 1 || p > 65535) return -1;
    ctx.advertisedPort = String(p);
    return 1;
  }),
  // The connection flags are read by the sending path (host/forward/send-request.ts for
  // requests, host/core/reply-destination.ts for replies) and acted on by host/transport.
  set_forward_close: flag((ctx) => void (ctx.forwardClose = true)),
  set_forward_no_connect: flag((ctx) => void (ctx.forwardNoConnect = true)),
  set_reply_close: partial('the connection is closed after the final reply, not after a provisional one', flag((ctx) => void (ctx.replyClose = true))),
  set_reply_no_connect: flag((ctx) => void (ctx.replyNoConnect = true)),
  add_tcp_alias: decl('int', 'int', (ctx, port: number) => tcpAlias(ctx, port)),
  add_tcp_alias_via: decl('', 'int', (ctx) => tcpAlias(ctx, viaPort(ctx))),
  to_UDP: toProto(['udp']),
  to_TCP: toProto(['tcp']),
  to_TLS: toProto(['tls']),
  to_SCTP: toProto(['sctp']),
  to_WS: toProto(['ws']),
  to_WSS: toProto(['wss']),
  to_WSX: toProto(['ws', 'wss']),
  to_IPv4: decl('', 'bool', (ctx) => nextHopFamily(ctx, 4)),
  to_IPv6: decl('', 'bool', (ctx) => nextHopFamily(ctx, 6)),
  route: decl('str', 'int', (ctx, name: string) => runSubRoute(ctx, name)),
};

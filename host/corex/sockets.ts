// corex's socket selection: set_send_socket(_name), set_recv_socket(_name), set_source_address,
// is_socket_name, and the names kx reads back. Kamailio looks the address up among its listen
// sockets; ksr-host's listeners (UDP and TCP) are known through the core's listenSockets (else
// localAddress, the one per protocol and family it sends from, and isMyself). A listen socket
// may carry a name (config `listen: ["udp:IP:PORT name s0"]`), looked up as Kamailio's
// ksr_get_socket_by_name does: exact, case-sensitive; an unknown name is a warning and 1.
import { isIP } from 'node:net';
import type { MsgContext, Proto } from '../core/context.js';
import { parseSocketSpec, socketText, type SocketSpec } from './socket-spec.js';

export type ListenSocket = { proto: Proto; ip: string; port: number };
type NamedListenSocket = { proto: Proto; ip: string; port: number; name?: string };

/** The listen socket spec names, or null: Kamailio's grep_sock_info (no proto: udp; no port: any). */
export function findListenSocket(ctx: MsgContext, spec: SocketSpec): ListenSocket | null {
  const proto = spec.proto ?? 'udp';
  if (proto === 'sctp') return null; // no SCTP listeners
  const family = isIP(spec.host);
  if (family === 0) return null;
  const listening = ctx.core.listenSockets?.();
  if (listening) {
    const l = listening.find((x) => x.proto === proto && x.ip.toLowerCase() === spec.host && (spec.port === 0 || spec.port === x.port));
    return l ? { proto, ip: l.ip, port: l.port } : null;
  }
  const local = ctx.core.localAddress(proto, family === 6);
  if (local && local.ip === spec.host && (spec.port === 0 || spec.port === local.port)) return { proto, ip: local.ip, port: local.port };
  const port = spec.port === 0 ? (local?.port ?? 5060) : spec.port;
  return ctx.core.isMyself(spec.host, port, proto) ? { proto, ip: spec.host, port } : null;
}

function warn(ctx: MsgContext, fn: string, text: string): void {
  ctx.core.logger.log('warn', `KSR.corex.${fn}: ${text}`);
}

function error(ctx: MsgContext, fn: string, text: string): void {
  ctx.core.logger.log('error', `KSR.corex.${fn}: ${text}`);
}

/** set_send_socket / set_recv_socket by address: '' forgets the forced send socket (as Kamailio, for both). */
export function setSocket(ctx: MsgContext, which: 'send' | 'recv', text: string): number {
  const fn = `set_${which}_socket`;
  if (text === '') {
    ctx.sendSocket = null;
    return 1;
  }
  const spec = parseSocketSpec(text);
  if (!spec) {
    error(ctx, fn, `expected [proto:]host[:port], got "${text}"`);
    return -1;
  }
  const sock = findListenSocket(ctx, spec);
  if (!sock) {
    warn(ctx, fn, `no listen socket matches "${text}"`);
    return 1;
  }
  if (which === 'send') ctx.sendSocket = sock;
  else Object.assign(ctx.rcv, { proto: sock.proto, rcvIp: sock.ip, rcvPort: sock.port });
  return 1;
}

/** The listen socket named `name` (exact, case-sensitive, as Kamailio), or null. */
export function listenSocketNamed(ctx: MsgContext, name: string): NamedListenSocket | null {
  return ctx.core.listenSockets?.().find((l) => l.name === name) ?? null;
}

/** set_send_socket_name / set_recv_socket_name: as set_send_socket / set_recv_socket, by name. */
export function setSocketByName(ctx: MsgContext, which: 'send' | 'recv', name: string): number {
  if (name === '') {
    ctx.sendSocket = null;
    return 1;
  }
  const l = listenSocketNamed(ctx, name);
  if (!l) {
    warn(ctx, `set_${which}_socket_name`, `no listen socket is named "${name}"`);
    return 1;
  }
  const sock = { proto: l.proto, ip: l.ip, port: l.port };
  if (which === 'send') ctx.sendSocket = sock;
  else Object.assign(ctx.rcv, { proto: sock.proto, rcvIp: sock.ip, rcvPort: sock.port });
  return 1;
}

/** is_socket_name: 1 when a listen socket has that name (any socket, not only the received one), else -1. */
export function isSocketName(ctx: MsgContext, name: string): number {
  if (name === '') {
    error(ctx, 'is_socket_name', 'expected a socket name, got ""');
    return -1;
  }
  return listenSocketNamed(ctx, name) ? 1 : -1;
}

/**
 * The name of the listen socket at proto/ip/port, or null (none, or it has no name). A listener
 * on 0.0.0.0 / :: receives for every local address: it is the socket when none is bound to ip.
 */
export function listenSocketName(ctx: MsgContext, proto: Proto, ip: string, port: number): string | null {
  const onPort = (ctx.core.listenSockets?.() ?? []).filter((l) => l.proto === proto && l.port === port);
  const exact = onPort.find((l) => l.ip.toLowerCase() === ip.toLowerCase());
  const any = onPort.find((l) => l.ip === '0.0.0.0' || l.ip === '::');
  return (exact ?? any)?.name ?? null;
}

/** kx.get_send_sock_name: the name of the socket the script forced, null when none or unnamed. */
export function sendSocketName(ctx: MsgContext): string | null {
  const s = ctx.sendSocket;
  return s ? listenSocketName(ctx, s.proto, s.ip, s.port) : null;
}

/** kx.get_rcv_sock_name: the name of the socket the message came in on, null when unnamed. */
export function rcvSocketName(ctx: MsgContext): string | null {
  return listenSocketName(ctx, ctx.rcv.proto, ctx.rcv.rcvIp, ctx.rcv.rcvPort);
}

/** set_source_address("[proto:]ip[:port]"): the message is taken as coming from there. */
export function setSourceAddress(ctx: MsgContext, text: string): number {
  const spec = text === '' ? null : parseSocketSpec(text);
  if (!spec) {
    error(ctx, 'set_source_address', `expected [proto:]ip[:port], got "${text}"`);
    return -1;
  }
  if (isIP(spec.host) === 0) {
    error(ctx, 'set_source_address', `expected an IP address, got "${spec.host}" (names are not resolved here)`);
    return -1;
  }
  Object.assign(ctx.rcv, { srcIp: spec.host, srcPort: spec.port });
  return 1;
}

export { socketText };

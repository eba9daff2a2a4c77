// corex's socket selection: set_send_socket(_name), set_recv_socket(_name), set_source_address.
// Kamailio looks the address up among its listen sockets; ksr-host's listeners (UDP and TCP)
// are known through the core's listenSockets (else localAddress, the one per protocol and
// family it sends from, and isMyself). Listen sockets have no names here, so a name
// never matches: Kamailio's answer for an unknown name (a warning, 1).
import { isIP } from 'node:net';
import type { MsgContext, Proto } from '../core/context.js';
import { parseSocketSpec, socketText, type SocketSpec } from './socket-spec.js';

export type ListenSocket = { proto: Proto; ip: string; port: number };

/** The listen socket spec names, or null: Kamailio's grep_sock_info (no proto: udp; no port: any). */
export function findListenSocket(ctx: MsgContext, spec: SocketSpec): ListenSocket | null {
  const proto = spec.proto ?? 'udp';
  if (proto !== 'udp' && proto !== 'tcp') return null;
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

/** set_send_socket_name / set_recv_socket_name: no listen socket has a name here. */
export function setSocketByName(ctx: MsgContext, which: 'send' | 'recv', name: string): number {
  if (name === '') {
    ctx.sendSocket = null;
    return 1;
  }
  warn(ctx, `set_${which}_socket_name`, `no listen socket is named "${name}" (listen sockets have no names)`);
  return 1;
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

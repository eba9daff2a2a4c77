// "[proto:]host[:port]" as Kamailio's parse_phostport reads a socket (corex.set_send_socket,
// set_recv_socket, set_source_address, sendx): proto one of udp/tcp/tls/sctp/ws/wss, an IPv6
// host in brackets, port 0 when absent.
import { isIP } from 'node:net';
import type { Proto } from '../core/context.js';

export interface SocketSpec {
  proto: Proto | null;
  host: string;
  port: number;
}

const PROTOS: readonly string[] = ['udp', 'tcp', 'tls', 'sctp', 'ws', 'wss'];

export function parseSocketSpec(text: string): SocketSpec | null {
  let rest = text.trim();
  let proto: Proto | null = null;
  const colon = rest.indexOf(':');
  if (colon > 0 && PROTOS.includes(rest.slice(0, colon).toLowerCase())) {
    proto = rest.slice(0, colon).toLowerCase() as Proto;
    rest = rest.slice(colon + 1);
  }
  let host: string;
  let portText = '';
  if (rest.startsWith('[')) {
    const end = rest.indexOf(']');
    if (end < 0) return null;
    host = rest.slice(1, end);
    if (end + 1 < rest.length) {
      if (rest[end + 1] !== ':') return null;
      portText = rest.slice(end + 2);
    }
  } else {
    const c = rest.indexOf(':');
    host = c < 0 ? rest : rest.slice(0, c);
    if (c >= 0) portText = rest.slice(c + 1);
    if (host.includes(':')) return null;
  }
  if (host === '' || /[\s;,<>"]/.test(host)) return null;
  if (portText !== '' && !/^\d{1,5}$/.test(portText)) return null;
  const port = portText === '' ? 0 : Number(portText);
  if (port > 65535) return null;
  return { proto, host: isIP(host) === 6 ? host.toLowerCase() : host, port };
}

/** "proto:ip:port" as Kamailio prints a socket (sock_str), an IPv6 address in brackets. */
export function socketText(s: { proto: Proto; ip: string; port: number }): string {
  return `${s.proto}:${s.ip.includes(':') ? `[${s.ip}]` : s.ip}:${s.port}`;
}

// Values every getter family reads (PVs, KSR.kx, core tests): one place that knows where
// each lives in a MsgContext. Parse failures read as "absent" (null), never as exceptions,
// because a script asking for $fU on a broken From must get $null, as in Kamailio.
import type { MsgContext } from './context.js';
import type { NameAddr } from '../sip/message.js';
import { tryParseUri, type SipUri } from '../sip/uri.js';

function quietly<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** The Request-URI in force (the script's new one or the received one), parsed; null for replies. */
export function requestUri(ctx: MsgContext): SipUri | null {
  if (!ctx.msg.isRequest) return null;
  return tryParseUri(ctx.ruri);
}

export function fromAddr(ctx: MsgContext): NameAddr | null {
  return ctx.msg.hasHeader('from') ? quietly(() => ctx.msg.from()) : null;
}

export function toAddr(ctx: MsgContext): NameAddr | null {
  return ctx.msg.hasHeader('to') ? quietly(() => ctx.msg.to()) : null;
}

export function firstContact(ctx: MsgContext): NameAddr | null {
  if (!ctx.msg.hasHeader('contact')) return null;
  const c = quietly(() => ctx.msg.contacts());
  return c && !c.star ? (c.list[0] ?? null) : null;
}

/** The request method, or the CSeq method of a reply (Kamailio's $rm and method tests). */
export function messageMethod(ctx: MsgContext): string {
  if (ctx.msg.isRequest) return ctx.msg.method;
  return quietly(() => ctx.msg.cseq().method) ?? '';
}

export function callId(ctx: MsgContext): string | null {
  return ctx.msg.hasHeader('call-id') ? quietly(() => ctx.msg.callId()) : null;
}

export function cseqNumber(ctx: MsgContext): number | null {
  return ctx.msg.hasHeader('cseq') ? (quietly(() => ctx.msg.cseq().seq) ?? null) : null;
}

/** "ip" or "[ipv6]" as it is written inside URIs and socket names. */
export function hostForUri(ip: string): string {
  return ip.includes(':') && !ip.startsWith('[') ? `[${ip}]` : ip;
}

/** Kamailio's socket notation: "udp:10.0.0.1:5060". */
export function socketName(proto: string, ip: string, port: number): string {
  return `${proto}:${hostForUri(ip)}:${port}`;
}

/** The source as a URI ($su / kx.get_srcuri): sip:ip:port, with ;transport= unless UDP. */
export function sourceUri(ctx: MsgContext): string {
  const { proto, srcIp, srcPort } = ctx.rcv;
  const base = `sip:${hostForUri(srcIp)}:${srcPort}`;
  return proto === 'udp' ? base : `${base};transport=${proto}`;
}

/** The user name of the first Authorization, else Proxy-Authorization, credentials ($au). */
export function authUser(ctx: MsgContext): string | null {
  for (const kind of ['authorization', 'proxy-authorization'] as const) {
    if (!ctx.msg.hasHeader(kind)) continue;
    const creds = quietly(() => ctx.msg.authorization(kind));
    const user = creds?.[0]?.params.get('username');
    if (user !== undefined) return user;
  }
  return null;
}

export function bodyText(ctx: MsgContext): string {
  return ctx.msg.body().toString('utf8');
}

/** Kamailio's protocol ids (ip_addr.h: PROTO_UDP=1 ... PROTO_WSS=6). */
export const PROTO_IDS: Readonly<Record<string, number>> = { udp: 1, tcp: 2, tls: 3, sctp: 4, ws: 5, wss: 6 };

export function isIPv6(ip: string): boolean {
  return ip.includes(':');
}

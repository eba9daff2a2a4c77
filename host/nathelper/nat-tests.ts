// nat_uac_test(flags): Kamailio's heuristics for "this UA is behind a NAT". Each bit is one
// test; the answer is 1 as soon as one of the asked tests holds, -1 when none does.
import { isIP } from 'node:net';
import type { MsgContext } from '../core/context.js';
import { firstContact } from './contact-uri.js';
import { isPrivateIPv4 } from './rfc1918.js';
import { connections, sdpBody, isNullAddress } from './sdp.js';
import { sameAddress } from './addresses.js';

export const NAT_TEST = {
  /** 1: the Contact URI's host is a private address. */
  CONTACT_PRIVATE: 0x01,
  /** 2: the source IP differs from the top Via's host. */
  VIA_RECEIVED: 0x02,
  /** 4: the top Via's host is a private address. */
  VIA_PRIVATE: 0x04,
  /** 8: an SDP connection address is private. */
  SDP_PRIVATE: 0x08,
  /** 16: the source port differs from the top Via's port (5060 when absent). */
  VIA_RPORT: 0x10,
  /** 32: the source IP is a private address. */
  SOURCE_PRIVATE: 0x20,
  /** 64: received over WebSocket. */
  WEBSOCKET: 0x40,
  /** 128: the source port differs from the Contact's port (5060 when absent). */
  CONTACT_PORT: 0x80,
  /** 256: no session c= line holds the source IP. */
  SDP_CLINE: 0x100,
  /** 512: requests: R-URI and $du point to different places (or WebSocket); replies: the second Via's received/rport differ from its host/port. */
  TARGET_DIFFERS: 0x200,
} as const;

const SIP_PORT = 5060;

export function natUacTest(ctx: MsgContext, tests: number, reservedNets: boolean): number {
  const rcv = ctx.rcv;
  const priv = (a: string) => isPrivateIPv4(a, reservedNets);
  const via = topVia(ctx);
  const checks: Array<[number, () => boolean]> = [
    [NAT_TEST.VIA_RPORT, () => via !== null && rcv.srcPort !== (via.port || SIP_PORT)],
    [NAT_TEST.VIA_RECEIVED, () => via !== null && !sameAddress(rcv.srcIp, via.host)],
    [NAT_TEST.CONTACT_PRIVATE, () => withContact(ctx, (host) => priv(host))],
    [NAT_TEST.SDP_PRIVATE, () => sdpPrivate(ctx, priv)],
    [NAT_TEST.VIA_PRIVATE, () => via !== null && priv(via.host)],
    [NAT_TEST.SOURCE_PRIVATE, () => isIP(rcv.srcIp) === 4 && priv(rcv.srcIp)],
    [NAT_TEST.WEBSOCKET, () => rcv.proto === 'ws' || rcv.proto === 'wss'],
    [NAT_TEST.CONTACT_PORT, () => withContact(ctx, (_h, port) => rcv.srcPort !== (port || SIP_PORT))],
    [NAT_TEST.SDP_CLINE, () => sdpClineDiffers(ctx)],
    [NAT_TEST.TARGET_DIFFERS, () => targetDiffers(ctx)],
  ];
  for (const [bit, check] of checks) if (tests & bit && check()) return 1;
  return -1;
}

function topVia(ctx: MsgContext): { host: string; port: number } | null {
  try {
    return ctx.msg.topVia();
  } catch {
    return null;
  }
}

function withContact(ctx: MsgContext, test: (host: string, port: number) => boolean): boolean {
  const c = firstContact(ctx.msg);
  return c.ok && test(c.c.uri.host, c.c.uri.port);
}

/** Kamailio's sdp_1918: per media, its own c= or the session's; stops at a non-IPv4 or null one. */
function sdpPrivate(ctx: MsgContext, priv: (a: string) => boolean): boolean {
  const body = sdpBody(ctx.msg);
  if (!body.ok) return false;
  const conn = connections(body.sdp);
  for (const own of conn.media) {
    const a = own && own.address !== '' ? own : conn.session;
    if (!a || a.family !== 4 || isNullAddress(a)) return false;
    if (priv(a.address)) return true;
  }
  return false;
}

/**
 * Kamailio's test_sdp_cline: true unless the session's c= address is the source IP (compared
 * over the source address's length, as Kamailio's memcmp does); no SDP is false.
 */
function sdpClineDiffers(ctx: MsgContext): boolean {
  const body = sdpBody(ctx.msg);
  if (!body.ok) return false;
  const s = connections(body.sdp).session;
  if (!s || s.address === '') return true;
  const family = isIP(ctx.rcv.srcIp);
  return !(s.family === family && s.address.startsWith(ctx.rcv.srcIp));
}

function targetDiffers(ctx: MsgContext): boolean {
  if (ctx.rcv.proto === 'ws' || ctx.rcv.proto === 'wss') return true;
  if (ctx.msg.isRequest) {
    if (ctx.dstUri === null || ctx.dstUri === '') return false;
    const r = hostPort(ctx.ruri);
    const d = hostPort(ctx.dstUri);
    if (!r || !d) return false;
    return !sameAddress(r.host, d.host) || (r.port || SIP_PORT) !== (d.port || SIP_PORT);
  }
  let second;
  try {
    second = ctx.msg.vias()[1];
  } catch {
    return false;
  }
  if (!second) return false;
  const received = second.params.get('received');
  const rport = second.params.get('rport');
  if (received !== undefined && received !== '' && !sameAddress(received, second.host)) return true;
  return rport !== undefined && rport !== '' && Number(rport) !== (second.port || SIP_PORT);
}

function hostPort(uri: string): { host: string; port: number } | null {
  const m = /^sips?:(?:[^@;?]*@)?(\[[^\]]+\]|[^:;?]+)(?::(\d+))?/i.exec(uri);
  return m ? { host: m[1]!, port: m[2] ? Number(m[2]) : 0 } : null;
}

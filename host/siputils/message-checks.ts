// Tests on the message of KSR.siputils: has_totag, is_first_hop, is_user, is_gruu,
// hdr_date_check, sip_parse_headers. Parse failures read as "no" (false / -1).
import type { MsgContext, Proto } from '../core/context.js';
import { authUser, requestUri, toAddr } from '../core/sip-values.js';
import { isIP } from 'node:net';
import { uriTransport } from '../sip/uri.js';

export function hasToTag(ctx: MsgContext): boolean {
  return !!toAddr(ctx)?.tag;
}

/**
 * A request is at its first hop when it has a single Via. A reply is at its first hop (the
 * last one toward the caller) when it has no Record-Route, or when the top one is ours
 * (an IP address) and the reply did not come from that very address (a loop).
 */
export function isFirstHop(ctx: MsgContext, mode = 0): boolean {
  try {
    if (ctx.msg.isRequest) return ctx.msg.vias().length < 2;
    const rr = ctx.msg.recordRoutes();
    if (rr.length === 0) return true;
    const uri = rr[0]!.uri;
    if (!uri) return false;
    const proto = uriTransport(uri) as Proto;
    // mode 1 (is_first_hop_mode): the top Record-Route being ours is enough, a domain too
    if (mode === 1) return ctx.core.isMyself(uri.host, uri.port || undefined, proto);
    if (isIP(uri.host) === 0) return false;
    if (!ctx.core.isMyself(uri.host, uri.port || undefined, proto)) return false;
    const fromItself = ctx.rcv.srcIp === uri.host && ctx.rcv.srcPort === (uri.port || 5060) && ctx.rcv.proto === proto;
    return !fromItself;
  } catch {
    return false;
  }
}

/** The user name of the first credentials (Authorization, else Proxy-Authorization) is `user`. */
export function isUser(ctx: MsgContext, user: string): boolean {
  return user !== '' && authUser(ctx) === user;
}

/** 1 a public GRUU (;gr=value), 2 a temporary one (;gr without value), -1 not a GRUU. */
export function gruuKind(ctx: MsgContext): number {
  const gr = requestUri(ctx)?.params.get('gr');
  if (gr === undefined) return -1;
  return gr !== '' ? 1 : 2;
}

/** The Date header parses (RFC 1123 form, GMT) and is at most `maxAgeSec` old. */
export function dateHeaderFresh(ctx: MsgContext, maxAgeSec: number, now = Date.now()): boolean {
  const h = ctx.msg.header('date');
  if (!h || !/GMT\s*$/.test(h.value)) return false;
  const t = Date.parse(h.value);
  if (Number.isNaN(t)) return false;
  return now - t <= maxAgeSec * 1000;
}

/** Parses every header the core knows a grammar for; false at the first that does not parse. */
export function parseAllHeaders(ctx: MsgContext): boolean {
  const m = ctx.msg;
  try {
    m.vias();
    if (m.hasHeader('from')) m.from();
    if (m.hasHeader('to')) m.to();
    if (m.hasHeader('contact')) m.contacts();
    if (m.hasHeader('cseq')) m.cseq();
    if (m.hasHeader('call-id')) m.callId();
    m.maxForwards();
    m.contentLength();
    m.routes();
    m.recordRoutes();
    m.expires();
    m.contentType();
    m.authorization('authorization');
    m.authorization('proxy-authorization');
    return true;
  } catch {
    return false;
  }
}

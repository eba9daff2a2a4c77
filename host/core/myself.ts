// The "is it us?" tests of KSR.is_myself*: a URI is parsed (host, port, transport), a bare
// host is tested alone, as Kamailio's is_myself does.
import type { MsgContext, Proto } from './context.js';
import { tryParseUri, uriTransport, type SipUri } from '../sip/uri.js';
import { fromAddr, requestUri, toAddr } from './sip-values.js';

function uriIsMyself(ctx: MsgContext, uri: SipUri | null | undefined): boolean {
  if (!uri || uri.host === '') return false;
  return ctx.core.isMyself(uri.host, uri.port || undefined, uriTransport(uri) as Proto);
}

export function isMyselfText(ctx: MsgContext, text: string): boolean {
  if (/^sips?:/i.test(text)) return uriIsMyself(ctx, tryParseUri(text));
  const host = text.trim().replace(/^\[(.*)\]$/, '$1');
  return host !== '' && ctx.core.isMyself(host);
}

export type MyselfTarget = 'ruri' | 'duri' | 'nhuri' | 'furi' | 'turi' | 'suri' | 'srcip';

export function isMyselfOf(ctx: MsgContext, target: MyselfTarget): boolean {
  switch (target) {
    case 'ruri':
      return uriIsMyself(ctx, requestUri(ctx));
    case 'duri':
      return ctx.dstUri !== null && uriIsMyself(ctx, tryParseUri(ctx.dstUri));
    case 'nhuri':
      return ctx.dstUri !== null ? uriIsMyself(ctx, tryParseUri(ctx.dstUri)) : uriIsMyself(ctx, requestUri(ctx));
    case 'furi':
      return uriIsMyself(ctx, fromAddr(ctx)?.uri);
    case 'turi':
      return uriIsMyself(ctx, toAddr(ctx)?.uri);
    case 'suri':
      return ctx.core.isMyself(ctx.rcv.srcIp, ctx.rcv.srcPort, ctx.rcv.proto);
    case 'srcip':
      return ctx.core.isMyself(ctx.rcv.srcIp);
  }
}

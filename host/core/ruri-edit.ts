// Changes to the Request-URI in force ($ru/$rU/$rd/$rp, KSR.seturi/setuser/sethost).
// They set ctx.newUri; the received first line is rewritten when the request is built.
import type { MsgContext } from './context.js';
import { formatUri, tryParseUri } from '../sip/uri.js';

export type RuriPart = 'user' | 'host' | 'port';

export function setRuri(ctx: MsgContext, uri: string): boolean {
  if (!ctx.msg.isRequest || !tryParseUri(uri)) return false;
  ctx.newUri = uri;
  return true;
}

/** value null removes the user or the port; a host cannot be removed. */
export function setRuriPart(ctx: MsgContext, part: RuriPart, value: string | number | null): boolean {
  if (!ctx.msg.isRequest) return false;
  const parsed = tryParseUri(ctx.ruri);
  if (!parsed) return false;
  const uri = { ...parsed };
  if (part === 'user') {
    uri.user = value === null ? '' : String(value);
    if (uri.user === '') uri.password = '';
  } else if (part === 'host') {
    if (value === null || value === '') return false;
    uri.host = String(value);
    uri.hostType = /^\d+\.\d+\.\d+\.\d+$/.test(uri.host) ? 'ipv4' : uri.host.includes(':') ? 'ipv6' : 'name';
    uri.host = uri.host.replace(/^\[(.*)\]$/, '$1');
  } else {
    const port = value === null || value === '' ? 0 : Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) return false;
    uri.port = port;
  }
  ctx.newUri = formatUri(uri);
  return true;
}

// What an HTTP URL from a script may reach: http and https only (curl is limited the same way
// in Kamailio's modules), and, for an address given literally (or "localhost"), whatever the
// outbound guard lets SIP reach: never our control endpoint or a configured store.
import { isIP } from 'node:net';
import type { CoreServices } from '../core/services.js';
import { CURL } from './curl-codes.js';

export type TargetVerdict = { ok: true; url: URL } | { ok: false; curlCode: number; why: string };

export const MAX_URL_LENGTH = 8192;

export function checkTarget(core: CoreServices, text: string): TargetVerdict {
  if (text.length > MAX_URL_LENGTH) return { ok: false, curlCode: CURL.URL_MALFORMAT, why: `URL longer than ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // curl guesses http:// for a URL without a scheme
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return { ok: false, curlCode: CURL.URL_MALFORMAT, why: `malformed URL '${text.slice(0, 120)}'` };
    try {
      url = new URL(`http://${text}`);
    } catch {
      return { ok: false, curlCode: CURL.URL_MALFORMAT, why: `malformed URL '${text.slice(0, 120)}'` };
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, curlCode: CURL.UNSUPPORTED_PROTOCOL, why: `scheme '${url.protocol.slice(0, -1)}' is not supported (http and https only)` };
  }
  if (url.hostname === '') return { ok: false, curlCode: CURL.URL_MALFORMAT, why: 'URL without a host' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const ip = host === 'localhost' ? '127.0.0.1' : isIP(host) ? host : null;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (ip && core.permitsOutbound && !core.permitsOutbound({ proto: 'tcp', ip, port })) {
    return { ok: false, curlCode: CURL.COULDNT_CONNECT, why: `${ip}:${port} is refused by the outbound guard` };
  }
  return { ok: true, url };
}

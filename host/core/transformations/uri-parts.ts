// A URI cut into the parts Kamailio's parse_uri exposes, as written (not unescaped): what
// {uri.*} returns. tryParseUri says whether the text is a URI at all; the parts are then
// sliced from the text itself, so "sip:a%20b@h" gives user "a%20b" as Kamailio does.
import { tryParseUri } from '../../sip/uri.js';

export interface UriParts {
  readonly scheme: string;
  readonly user: string;
  readonly passwd: string;
  readonly host: string;
  readonly port: string;
  /** The text after the first ';' of the host part, up to '?': Kamailio's sip_params. */
  readonly params: string;
  readonly headers: string;
}

export function uriParts(text: string): UriParts | null {
  // Kamailio ignores one trailing ';' on a URI longer than 4 chars
  const s = text.length > 4 && text.endsWith(';') ? text.slice(0, -1) : text;
  if (!tryParseUri(s)) return null;
  const colon = s.indexOf(':');
  const scheme = s.slice(0, colon);
  const rest = s.slice(colon + 1);
  const q = rest.indexOf('?');
  const headers = q >= 0 ? rest.slice(q + 1) : '';
  const body = q >= 0 ? rest.slice(0, q) : rest;
  const at = scheme.toLowerCase() === 'tel' ? -1 : body.lastIndexOf('@');
  let user = '';
  let passwd = '';
  let hostStart = 0;
  if (at >= 0) {
    const userinfo = body.slice(0, at);
    const pc = userinfo.indexOf(':');
    user = pc >= 0 ? userinfo.slice(0, pc) : userinfo;
    passwd = pc >= 0 ? userinfo.slice(pc + 1) : '';
    hostStart = at + 1;
  }
  const semi = body.indexOf(';', hostStart);
  const hostport = body.slice(hostStart, semi >= 0 ? semi : body.length);
  const params = semi >= 0 ? body.slice(semi + 1) : '';
  if (scheme.toLowerCase() === 'tel') return { scheme, user: hostport, passwd: '', host: '', port: '', params, headers };
  const { host, port } = splitHostPort(hostport);
  return { scheme, user, passwd, host, port, params, headers };
}

function splitHostPort(hp: string): { host: string; port: string } {
  if (hp.startsWith('[')) {
    const close = hp.indexOf(']');
    return { host: hp.slice(0, close + 1), port: hp[close + 1] === ':' ? hp.slice(close + 2) : '' };
  }
  const c = hp.indexOf(':');
  return c >= 0 ? { host: hp.slice(0, c), port: hp.slice(c + 1) } : { host: hp, port: '' };
}

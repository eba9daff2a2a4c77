// A SIP URI cut into its parts AS WRITTEN (no unescaping, brackets of an IPv6 host kept), with
// the place of each parameter: siputils' contact encodings copy these parts byte for byte, as
// Kamailio's parse_uri hands them out (user, passwd, host, port, transport_val, params).
// Works on byte strings (one char per byte); validity is left to the URI parser (tryParseUri).
import { tryParseUri } from '../sip/uri.js';

export interface RawParam {
  /** As written, and lower-cased for lookups. */
  name: string;
  lname: string;
  value: string;
  /** Offsets in the URI text of the whole ";name[=value]". */
  start: number;
  end: number;
}

export interface RawUri {
  /** Where the text after "scheme:" starts. */
  afterScheme: number;
  user: string;
  password: string;
  host: string;
  port: string;
  params: RawParam[];
}

/** null when the text is no sip/sips URI ksr-host's parser accepts. */
export function splitRawUri(text: string): RawUri | null {
  const parsed = tryParseUri(text);
  if (!parsed || parsed.scheme === 'tel') return null;
  const colon = text.indexOf(':');
  const headersAt = indexOrEnd(text, '?', colon + 1);
  const at = text.indexOf('@', colon + 1);
  const hasUserinfo = at >= 0 && at < headersAt;
  const userinfo = hasUserinfo ? text.slice(colon + 1, at) : '';
  const pw = userinfo.indexOf(':');
  const hostStart = hasUserinfo ? at + 1 : colon + 1;
  const paramsAt = indexOrEnd(text, ';', hostStart, headersAt);
  const hostport = text.slice(hostStart, paramsAt);
  const hostEnd = hostport.startsWith('[') ? hostport.indexOf(']') + 1 : indexOrEnd(hostport, ':', 0);
  return {
    afterScheme: colon + 1,
    user: pw < 0 ? userinfo : userinfo.slice(0, pw),
    password: pw < 0 ? '' : userinfo.slice(pw + 1),
    host: hostport.slice(0, hostEnd),
    port: hostport[hostEnd] === ':' ? hostport.slice(hostEnd + 1) : '',
    params: paramsOf(text, paramsAt, headersAt),
  };
}

/** The first parameter of that name (case-insensitive), or undefined. */
export function findParam(uri: RawUri, name: string): RawParam | undefined {
  const lname = name.toLowerCase();
  return uri.params.find((p) => p.lname === lname);
}

function paramsOf(text: string, from: number, to: number): RawParam[] {
  const out: RawParam[] = [];
  let i = from;
  while (i < to) {
    const next = indexOrEnd(text, ';', i + 1, to);
    const body = text.slice(i + 1, next);
    const eq = body.indexOf('=');
    const name = (eq < 0 ? body : body.slice(0, eq)).trim();
    if (name !== '') out.push({ name, lname: name.toLowerCase(), value: eq < 0 ? '' : body.slice(eq + 1).trim(), start: i, end: next });
    i = next;
  }
  return out;
}

function indexOrEnd(s: string, c: string, from: number, end = s.length): number {
  const i = s.indexOf(c, from);
  return i < 0 || i > end ? end : i;
}

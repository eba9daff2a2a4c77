// Authorization / Proxy-Authorization credentials (RFC 3261 §20.7, RFC 7616 for the
// parameter set): 'Digest username="a", realm="b", nc=00000001, ...'. One header line holds
// one credential; its params are comma-separated (commas inside quotes do not split).
import { SipParseError, excerpt } from './errors.js';
import { splitList, unquote } from './params.js';

export interface DigestCredentials {
  scheme: string;
  /** lower-case names, unquoted values */
  params: Map<string, string>;
}

export function parseCredentials(value: string): DigestCredentials {
  const s = value.trim();
  let i = 0;
  while (i < s.length && s[i] !== ' ' && s[i] !== '\t' && s[i] !== '\r' && s[i] !== '\n') i++;
  const scheme = s.slice(0, i);
  if (scheme === '' || scheme.includes('=') || scheme.includes(',')) {
    throw new SipParseError('Bad credentials', `expected "<scheme> name=value, ..." got ${excerpt(s)}`);
  }
  const params = new Map<string, string>();
  const rest = s.slice(i);
  for (const [a, b] of splitList(rest)) {
    const item = rest.slice(a, b);
    const eq = item.indexOf('=');
    if (eq <= 0) throw new SipParseError('Bad credentials', `expected name=value, got ${excerpt(item)}`);
    const name = item.slice(0, eq).trim().toLowerCase();
    if (!params.has(name)) params.set(name, unquote(item.slice(eq + 1).trim()));
  }
  return { scheme, params };
}

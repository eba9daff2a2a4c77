// The {uri.*} class (Kamailio tr_eval_uri): parts of a URI held in the value. A value that is
// empty, an int or not a URI fails (null); a part the URI lacks is "" (not $null), and
// {uri.port} is the port as an int, 0 when absent.
import { uriParts, type UriParts } from './uri-parts.js';
import { findParam, paramList } from './param-list.js';
import { strParam, type TrDefinition, type TrValue } from './types.js';

const part = (pick: (u: UriParts) => string | number): TrDefinition['run'] => (v) => {
  const u = typeof v === 'string' && v !== '' ? uriParts(v) : null;
  return u ? pick(u) : null;
};

/** A named ;param of the URI (as {uri.param,name}); "" when absent. */
function uriParam(u: UriParts, name: string): string {
  if (u.params === '') return '';
  const list = paramList(u.params, ';');
  return (list && findParam(list, name)?.value) ?? '';
}

const named = (name: string) => part((u) => uriParam(u, name));

export const URI_TRANSFORMATIONS: Readonly<Record<string, TrDefinition>> = {
  user: { params: '', run: part((u) => u.user) },
  host: { params: '', run: part((u) => u.host) },
  passwd: { params: '', run: part((u) => u.passwd) },
  port: { params: '', run: part((u) => (u.port === '' ? 0 : Number(u.port))) },
  params: { params: '', run: part((u) => u.params) },
  headers: { params: '', run: part((u) => u.headers) },
  scheme: { params: '', run: part((u) => u.scheme) },
  transport: { params: '', run: named('transport') },
  ttl: { params: '', run: named('ttl') },
  uparam: { params: '', run: named('user') },
  maddr: { params: '', run: named('maddr') },
  method: { params: '', run: named('method') },
  lr: { params: '', run: named('lr') },
  r2: { params: '', run: named('r2') },
  param: {
    params: 's',
    run: (v: TrValue, p, read) => {
      const name = strParam(p[0], read);
      return name === null ? null : part((u) => uriParam(u, name))(v, p, read);
    },
  },
};

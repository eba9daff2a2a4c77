// http_client's named connections (modparam httpcon, "name=>[http[s]://][user:pass@]host[:port][/path][;param=value...]"),
// which KSR.http_client.curl_connect and curl_connect_post use.
import { MAX_TIMEOUT_MS } from './limits.js';

export interface HttpConnection {
  name: string;
  schema: 'http' | 'https';
  /** host[:port][/path], without the schema and the credentials. */
  url: string;
  username: string | null;
  password: string | null;
  timeoutMs: number;
  maxdatasize: number;
  httpredirect: boolean;
  useragent: string;
  verifyPeer: boolean;
  keepConnections: boolean;
  /** Another connection tried once when this one fails (no answer, or a 5xx). */
  failover: string | null;
}

export interface ConnectionDefaults {
  timeoutMs: number;
  maxdatasize: number;
  httpredirect: boolean;
  useragent: string;
  verifyPeer: boolean;
  keepConnections: boolean;
}

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

function flag(v: string, key: string, param: string): boolean {
  if (v !== '0' && v !== '1') throw new Error(`${key}: ${param} expects 0 or 1, got '${v}'`);
  return v === '1';
}

function count(v: string, key: string, param: string): number {
  if (!/^\d{1,9}$/.test(v)) throw new Error(`${key}: ${param} expects a number, got '${v}'`);
  return Number(v);
}

export function parseHttpConnection(line: string, key: string, d: ConnectionDefaults): HttpConnection {
  const at = line.indexOf('=>');
  if (at < 0) throw new Error(`${key}: expected "name=>url", got ${JSON.stringify(line)}`);
  const name = line.slice(0, at).trim();
  if (!NAME.test(name)) throw new Error(`${key}: expected a connection name of letters, digits, '_', '.', '-', got ${JSON.stringify(name)}`);
  const [target = '', ...params] = line.slice(at + 2).trim().split(';');
  let rest = target.trim();
  let schema: 'http' | 'https' = 'http';
  const m = /^(https?):\/\//i.exec(rest);
  if (m) {
    schema = m[1]!.toLowerCase() as 'http' | 'https';
    rest = rest.slice(m[0].length);
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest)) {
    throw new Error(`${key}: only http:// and https:// connections exist, got ${JSON.stringify(target)}`);
  }
  let username: string | null = null;
  let password: string | null = null;
  const cred = rest.indexOf('@');
  const slash = rest.indexOf('/');
  if (cred >= 0 && (slash < 0 || cred < slash)) {
    const [u, p] = rest.slice(0, cred).split(':');
    username = u ?? '';
    password = p ?? '';
    rest = rest.slice(cred + 1);
  }
  if (rest === '' || /[\s]/.test(rest)) throw new Error(`${key}: expected host[:port][/path] after the name, got ${JSON.stringify(target)}`);
  const con: HttpConnection = { name, schema, url: rest, username, password, ...d, failover: null };
  for (const p of params) {
    const [k = '', v = ''] = p.split('=').map((s) => s.trim());
    if (k === '') continue;
    switch (k) {
      case 'timeout':
        con.timeoutMs = Math.min(count(v, key, k) * 1000, MAX_TIMEOUT_MS) || d.timeoutMs;
        break;
      case 'maxdatasize':
        con.maxdatasize = count(v, key, k);
        break;
      case 'httpredirect':
        con.httpredirect = flag(v, key, k);
        break;
      case 'useragent':
        if (/[\r\n]/.test(v) || v.length > 256) throw new Error(`${key}: useragent must be one short line`);
        con.useragent = v;
        break;
      case 'verifypeer':
      case 'verifyhost':
        if (!flag(v, key, k)) con.verifyPeer = false;
        break;
      case 'keepalive':
        con.keepConnections = flag(v, key, k);
        break;
      case 'failover':
        if (!NAME.test(v)) throw new Error(`${key}: failover expects a connection name, got '${v}'`);
        con.failover = v;
        break;
      default:
        throw new Error(`${key}: unknown connection parameter '${k}' (known: timeout, maxdatasize, httpredirect, useragent, verifypeer, verifyhost, keepalive, failover)`);
    }
  }
  return con;
}

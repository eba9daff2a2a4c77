// Kamailio's http_client request (functions.c curL_request_url), on the synchronous bridge:
// the return code is the HTTP status, or libcurl's error code when no status came; the body
// (first line only for the query functions when query_result is 1, cut at maxdatasize) is kept
// for statuses 200..499, else the value is empty.
import type { CoreServices } from '../core/services.js';
import { CURL } from './curl-codes.js';
import type { HttpOutcome } from './fetch-once.js';
import { parseHeaderLines } from './request-headers.js';
import { syncFetch } from './sync-fetch.js';
import { checkTarget } from './target-check.js';

/** Redirects followed when httpredirect is on (then curl's 47). */
export const MAX_REDIRECTS = 10;

export interface ClientRequest {
  /** The log prefix: `KSR.http_client.query`. */
  fn: string;
  /** null: GET, or POST when there is a body (curl's default). */
  method: string | null;
  url: string;
  body: string | null;
  contentType: string | null;
  hdrs: string | null;
  timeoutMs: number;
  firstLineOnly: boolean;
  /** 0: no cut (HARD_MAX_BODY still bounds what is read). */
  maxdatasize: number;
  hardMaxBody: number;
  follow: boolean;
  useragent: string;
  verifyPeer: boolean;
  auth: { user: string; password: string } | null;
  /** query_request_v2pk: HTTP/2 with prior knowledge (curl's CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE). */
  http2PriorKnowledge?: boolean;
}

export interface ClientAnswer {
  code: number;
  /** What the destination PV gets. */
  value: string;
  headers: Array<[string, string]>;
  /** The URL last visited (after redirects). */
  url: string;
}



function requestHeaders(req: ClientRequest, core: CoreServices): Array<[string, string]> | null {
  const extra = req.hdrs ? parseHeaderLines(req.hdrs) : { ok: true as const, headers: [] };
  if (!extra.ok) {
    core.logger.log('error', `${req.fn}: bad headers argument: ${extra.why}`);
    return null;
  }
  const has = (n: string) => extra.headers.some(([h]) => h.toLowerCase() === n);
  const out: Array<[string, string]> = [];
  if (!has('user-agent')) out.push(['user-agent', req.useragent]);
  if (req.body !== null && !has('content-type')) out.push(['content-type', req.contentType ?? 'application/x-www-form-urlencoded']);
  if (req.auth && !has('authorization')) out.push(['authorization', `Basic ${Buffer.from(`${req.auth.user}:${req.auth.password}`).toString('base64')}`]);
  return [...out, ...extra.headers];
}

/** The body as Kamailio keeps it: first line (without the LF) or cut at maxdatasize bytes. */
export function keptBody(body: string, firstLineOnly: boolean, maxdatasize: number): string {
  if (firstLineOnly) {
    const lf = body.indexOf('\n');
    if (lf >= 0) return body.slice(0, lf);
  }
  if (maxdatasize > 0 && Buffer.byteLength(body) > maxdatasize) return Buffer.from(body).subarray(0, maxdatasize).toString('utf8');
  return body;
}

function logFailure(core: CoreServices, fn: string, url: string, o: Extract<HttpOutcome, { ok: false }>): void {
  core.logger.log('warn', `${fn}: request to ${url.slice(0, 200)} failed: ${o.error} (curl error ${o.curlCode})`);
}

/** Runs a request synchronously, following redirects when asked, within req.timeoutMs in all. */
export function runClientRequest(core: CoreServices, req: ClientRequest): ClientAnswer {
  const failed = (code: number, url: string): ClientAnswer => ({ code, value: '', headers: [], url });
  const headers = requestHeaders(req, core);
  if (!headers) return failed(-1, req.url);
  const deadline = performance.now() + req.timeoutMs;
  let url = req.url;
  let method = req.method ?? (req.body !== null ? 'POST' : 'GET');
  let body = req.body;
  for (let hop = 0; ; hop++) {
    const target = checkTarget(core, url);
    if (!target.ok) {
      core.logger.log('warn', `${req.fn}: ${target.why}`);
      return failed(target.curlCode, url);
    }
    const left = Math.round(deadline - performance.now());
    if (left <= 0) return failed(CURL.OPERATION_TIMEDOUT, url);
    const maxBytes = req.maxdatasize > 0 ? Math.min(req.maxdatasize, req.hardMaxBody) : req.hardMaxBody;
    const o = syncFetch().request({
      method, url: target.url.href, headers, body, timeoutMs: left, maxBytes, insecure: !req.verifyPeer, http2PriorKnowledge: req.http2PriorKnowledge === true,
    });
    if (!o.ok) {
      logFailure(core, req.fn, url, o);
      return failed(o.curlCode, url);
    }
    const location = o.headers.find(([n]) => n === 'location')?.[1];
    if (req.follow && o.status >= 300 && o.status < 400 && location) {
      if (hop >= MAX_REDIRECTS) {
        core.logger.log('warn', `${req.fn}: more than ${MAX_REDIRECTS} redirects from ${req.url.slice(0, 200)}`);
        return failed(CURL.TOO_MANY_REDIRECTS, url);
      }
      url = new URL(location, target.url).href;
      // curl: 301/302/303 turn a POST into a GET
      if (o.status === 303 || ((o.status === 301 || o.status === 302) && method === 'POST')) {
        method = 'GET';
        body = null;
      }
      continue;
    }
    if (o.truncated && req.maxdatasize === 0) core.logger.log('warn', `${req.fn}: answer from ${url.slice(0, 200)} cut at ${req.hardMaxBody} bytes`);
    const value = o.status >= 200 && o.status < 500 ? keptBody(o.body, req.firstLineOnly, req.maxdatasize || req.hardMaxBody) : '';
    return { code: o.status, value, headers: o.headers, url };
  }
}

// One HTTP request on an undici dispatcher, bounded: the whole exchange within timeoutMs, the
// body read up to maxBytes (the rest is not read: the connection is dropped), the response
// head within undici's maxHeaderSize. Failures become libcurl's codes, as Kamailio's modules
// report them. Redirects are not followed here: the caller decides (and checks the target).
// Used by the synchronous bridge's worker thread and by http_async_client on the calling thread.
import type { Dispatcher } from 'undici';
import { CURL } from './curl-codes.js';

export interface HttpRequestSpec {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: string | null;
  timeoutMs: number;
  /** Bytes of body kept; reading stops after (the answer is then marked truncated). */
  maxBytes: number;
  /** Skip TLS certificate checks (verify_peer = 0). */
  insecure: boolean;
  /** HTTP/2 with prior knowledge (query_request_v2pk): h2c for http:, ALPN h2 or http/1.1 for https:. */
  http2PriorKnowledge?: boolean;
}

export type HttpOutcome =
  | {
      ok: true;
      status: number;
      reason: string;
      headers: Array<[string, string]>;
      body: string;
      /** Body bytes received (at most maxBytes + one chunk). */
      bodyBytes: number;
      truncated: boolean;
      ms: number;
    }
  | { ok: false; curlCode: number; error: string; ms: number };

/** What undici's and Node's errors mean in libcurl's terms. */
export function curlCodeOf(e: unknown): { code: number; text: string } {
  const err = e as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err?.code ?? err?.cause?.code ?? '';
  const text = err?.message || err?.cause?.message || String(e);
  switch (code) {
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return { code: CURL.COULDNT_CONNECT, text };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { code: CURL.COULDNT_RESOLVE_HOST, text };
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ETIMEDOUT':
      return { code: CURL.OPERATION_TIMEDOUT, text };
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_INVALID_VERSION':
    case 'HPE_INVALID_STATUS':
      // curl: "Received HTTP/0.9 when not allowed"
      return { code: CURL.UNSUPPORTED_PROTOCOL, text: `not an HTTP answer (${text})` };
    case 'UND_ERR_HEADERS_OVERFLOW':
      return { code: CURL.RECV_ERROR, text: `response head too large (${text})` };
    case 'UND_ERR_SOCKET':
    case 'ECONNRESET':
    case 'EPIPE':
      return { code: CURL.GOT_NOTHING, text };
    case 'ERR_HTTP2_ERROR':
    case 'ERR_HTTP2_SESSION_ERROR':
      // prior knowledge to a peer that does not speak HTTP/2 (an HTTP/1.1 answer, or none):
      // curl 7.88 (nghttp2) ends it with "Empty reply from server"
      return { code: CURL.GOT_NOTHING, text: `no HTTP/2 answer (${text})` };
    case 'UND_ERR_INVALID_ARG':
      return { code: CURL.URL_MALFORMAT, text };
  }
  if (err?.name === 'HTTPParserError' || /does not match the HTTP/.test(text)) return { code: CURL.UNSUPPORTED_PROTOCOL, text: `not an HTTP answer (${text})` };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return { code: CURL.OPERATION_TIMEDOUT, text: 'timed out' };
  if (code.startsWith('HPE_')) return { code: CURL.WEIRD_SERVER_REPLY, text };
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('ERR_SSL')) return { code: CURL.PEER_FAILED_VERIFICATION, text };
  return { code: CURL.RECV_ERROR, text };
}

function headerPairs(h: Record<string, string | string[] | undefined>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, v] of Object.entries(h)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) out.push([name, one]);
  }
  return out;
}

/** Sends one request; never throws, never takes longer than timeoutMs (plus a timer tick). */
export function fetchOnce(dispatcher: Dispatcher, spec: HttpRequestSpec): Promise<HttpOutcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = new URL(spec.url);
  } catch {
    return Promise.resolve({ ok: false, curlCode: CURL.URL_MALFORMAT, error: `malformed URL`, ms: 0 });
  }
  return new Promise((resolve) => {
    let settled = false;
    let status = 0;
    let reason = '';
    let headers: Array<[string, string]> = [];
    const chunks: Buffer[] = [];
    let bytes = 0;
    let truncated = false;
    let abortRequest: ((e: Error) => void) | null = null;
    const finish = (o: HttpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
    const fail = (e: unknown) => {
      const { code, text } = curlCodeOf(e);
      finish({ ok: false, curlCode: code, error: text, ms: ms() });
    };
    const complete = () =>
      finish({ ok: true, status, reason, headers, body: Buffer.concat(chunks).toString('utf8'), bodyBytes: bytes, truncated, ms: ms() });
    const timer = setTimeout(() => {
      const e = Object.assign(new Error(`no complete answer in ${spec.timeoutMs} ms`), { code: 'ETIMEDOUT' });
      abortRequest?.(e);
      fail(e);
    }, spec.timeoutMs);
    try {
      dispatcher.dispatch(
        {
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: spec.method,
          headers: Object.fromEntries(groupHeaders(spec.headers)),
          body: spec.body ?? undefined,
          headersTimeout: spec.timeoutMs,
          bodyTimeout: spec.timeoutMs,
        },
        {
          onRequestStart(controller) {
            abortRequest = (e) => controller.abort(e);
          },
          onResponseStart(_c, statusCode, h, statusMessage) {
            status = statusCode;
            reason = statusMessage ?? '';
            headers = headerPairs(h as Record<string, string | string[] | undefined>);
          },
          onResponseData(controller, chunk) {
            if (truncated) return;
            bytes += chunk.length;
            chunks.push(chunk);
            if (bytes > spec.maxBytes) {
              // enough: the rest is never read, the connection is dropped
              truncated = true;
              complete();
              controller.abort(new Error('body limit reached'));
            }
          },
          onResponseEnd() {
            complete();
          },
          onResponseError(_c, e) {
            fail(e);
          },
        },
      );
    } catch (e) {
      fail(e);
    }
  });
}

/** Header lines with one name are joined as HTTP allows (undici takes an object). */
function groupHeaders(list: ReadonlyArray<[string, string]>): Map<string, string | string[]> {
  const m = new Map<string, string | string[]>();
  for (const [n, v] of list) {
    const prev = m.get(n);
    m.set(n, prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]);
  }
  return m;
}

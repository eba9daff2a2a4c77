// Conformance rows of KSR.http_client (written with ../case-kit.ts). The rows cannot reach an
// HTTP server of their own (they are static data): they prove the failure codes (libcurl's,
// as Kamailio returns them) and argument checks; answers, bodies, headers, redirects and
// connections that answer are proved in test/http/http-client.test.ts against a local server.
// TEST_MODULE_CONFIG.http_client has the connection 'closed' => http://127.0.0.1:1/api.
import type { ConformanceCase } from '../cases.js';
import { c, I } from '../case-kit.js';

const CLOSED = 'http://127.0.0.1:1/x';
const refused = (fn: string) => ({ level: 'warn' as const, text: `KSR.http_client.${fn}: request to ` });
const emptied = { '$var(r)': '' };

export const HTTP_CLIENT_CASES: ConformanceCase[] = [
  c('http_client.query', [CLOSED, '$var(r)'], I(7), { name: 'http_client.query to a closed port: 7 (couldn\'t connect)', host: { pv: emptied, log: refused('query') } }),
  c('http_client.query', ['file:///etc/passwd', '$var(r)'], I(1), { name: 'http_client.query file: 1 (unsupported protocol)', host: { pv: emptied, log: { level: 'warn', text: "KSR.http_client.query: scheme 'file' is not supported" } } }),
  c('http_client.query', ['', '$var(r)'], I(3), { name: 'http_client.query empty URL: 3 (malformed)', host: { pv: emptied } }),
  c('http_client.query', [CLOSED, '$si'], I(-1), { name: 'http_client.query into a read-only PV: -1', host: { pv: { '$var(r)': 0 }, log: { level: 'error', text: "KSR.http_client.query: expected a writable PV for the result, got '$si'" } } }),
  c('http_client.query_post', [CLOSED, 'a=1', '$var(r)'], I(7), { host: { pv: emptied, log: refused('query_post') } }),
  c('http_client.query_post_hdrs', [CLOSED, 'a=1', 'X-A: 1', '$var(r)'], I(7), { host: { pv: emptied, log: refused('query_post_hdrs') } }),
  c('http_client.query_post_hdrs', [CLOSED, 'a=1', 'not a header', '$var(r)'], I(-1), { name: 'http_client.query_post_hdrs with a line that is not a header', host: { pv: emptied, log: { level: 'error', text: 'KSR.http_client.query_post_hdrs: bad headers argument' } } }),
  c('http_client.get_hdrs', [CLOSED, 'q', 'X-A: 1', '$var(r)'], I(7), { host: { pv: emptied, log: refused('get_hdrs') } }),
  c('http_client.query_request', ['PUT', CLOSED, 'b', '', '$var(r)'], I(7), { host: { pv: emptied, log: refused('query_request') } }),
  c('http_client.query_request', ['GET', 'gopher://127.0.0.1/', '', '', '$var(r)'], I(1), { name: 'http_client.query_request gopher: 1', host: { pv: emptied, log: { level: 'warn', text: "scheme 'gopher' is not supported" } } }),
  c('http_client.query_request_v2pk', ['GET', CLOSED, '', '', '$var(r)'], I(7), { host: { pv: emptied, log: refused('query_request_v2pk') } }),
  c('http_client.query_request_v2pk', ['GET', 'ftp://127.0.0.1/', '', '', '$var(r)'], I(1), { name: 'http_client.query_request_v2pk ftp: 1', host: { pv: emptied, log: { level: 'warn', text: "scheme 'ftp' is not supported" } } }),
  c('http_client.curl_connect', ['closed', '/status', '$var(r)'], I(7), { host: { pv: emptied, log: refused('curl_connect') } }),
  c('http_client.curl_connect', ['nope', '/status', '$var(r)'], I(-1), { name: 'http_client.curl_connect to an unknown connection', host: { pv: { '$var(r)': 0 }, log: { level: 'error', text: "KSR.http_client.curl_connect: no connection named 'nope'" } } }),
  c('http_client.curl_connect_post', ['closed', 'items', 'application/json', '{"a":1}', '$var(r)'], I(7), { host: { pv: emptied, log: refused('curl_connect_post') } }),
];

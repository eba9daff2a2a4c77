// Conformance rows of KSR.http_async_client (written with ../case-kit.ts). A query's effect
// comes later (the route runs when the answer comes), which a row cannot wait for: the rows
// prove the argument checks; suspension, resumption and the $http_* PVs are proved in
// test/http/http-async-client.test.ts and test/http/http-server.integration.test.ts.
import type { ConformanceCase } from '../cases.js';
import { c, I } from '../case-kit.js';

const noQuery = { '$http_req_id': null };

export const HTTP_ASYNC_CLIENT_CASES: ConformanceCase[] = [
  c('http_async_client.query', ['', 'HTTP_REPLY'], I(-1), { name: 'http_async_client.query with an empty URL', host: { pv: noQuery, log: { level: 'error', text: 'KSR.http_async_client.query: expected a URL' } } }),
  c('http_async_client.query', ['http://127.0.0.1:1/', 'NO_SUCH_ROUTE'], I(-1), { name: 'http_async_client.query naming no route', host: { pv: noQuery, log: { level: 'error', text: "KSR.http_async_client.query: no route named 'NO_SUCH_ROUTE'" } } }),
  c('http_async_client.send', ['http://127.0.0.1:1/', 'NO_SUCH_ROUTE'], I(-1), { host: { pv: noQuery, log: { level: 'error', text: "KSR.http_async_client.send: no route named 'NO_SUCH_ROUTE'" } } }),
  c('http_async_client.send_xdata', ['', 'HTTP_REPLY', 'x'], I(-1), { host: { pv: noQuery, log: { level: 'error', text: 'KSR.http_async_client.send_xdata: expected a URL' } } }),
];

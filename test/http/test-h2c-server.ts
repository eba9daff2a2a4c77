// An HTTP/2 cleartext (h2c, prior knowledge) server for query_request_v2pk, in a worker thread
// (a synchronous KSR call blocks the test's thread). Routes:
//   /json           200 {"route":"sip:alice@10.0.0.1","carrier":"c1"}
//   /slow?ms=N      answers after N ms
//   /echo           200 with the request: method, HTTP version, headers, body, as JSON
//   /huge?n=N       N bytes of 'x'
//   /redirect?to=U  302 to U
// It counts the sessions (connections) it accepted: a reused session is not a new one.
import { Worker } from 'node:worker_threads';

const SERVER = `
const http2 = require('node:http2');
const { parentPort } = require('node:worker_threads');
let sessions = 0;
const server = http2.createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    if (u.pathname === '/json') { res.setHeader('content-type', 'application/json'); res.end('{"route":"sip:alice@10.0.0.1","carrier":"c1"}'); return; }
    if (u.pathname === '/slow') { const t = setTimeout(() => { if (!res.closed) res.end('late'); }, Number(u.searchParams.get('ms') || 1000)); req.on('close', () => clearTimeout(t)); return; }
    if (u.pathname === '/echo') { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ method: req.method, version: req.httpVersion, headers: req.headers, body, sessions })); return; }
    if (u.pathname === '/huge') { res.end('x'.repeat(Number(u.searchParams.get('n')))); return; }
    if (u.pathname === '/redirect') { res.statusCode = 302; res.setHeader('location', u.searchParams.get('to')); res.end(); return; }
    res.statusCode = 404; res.end('no such path');
  });
});
server.on('session', (s) => { sessions++; s.on('error', () => {}); });
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => { if (m === 'close') { server.close(); process.exit(0); } });
`;

export interface TestH2cServer {
  port: number;
  base: string;
  close(): Promise<void>;
}

export async function startTestH2cServer(): Promise<TestH2cServer> {
  const worker = new Worker(SERVER, { eval: true });
  const { port } = await new Promise<{ port: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    async close() {
      const exited = new Promise((r) => worker.once('exit', r));
      worker.postMessage('close');
      await exited;
    },
  };
}

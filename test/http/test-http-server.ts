// An HTTP server for the http_client tests, in a worker thread: a synchronous KSR call blocks
// the test's thread, so a server in that thread could never answer. Routes:
//   /json           200 {"route":"sip:alice@10.0.0.1","carrier":"c1"} (JSON, two lines)
//   /lines          200 "first line\nsecond line\n"
//   /slow?ms=N      answers after N ms
//   /status/N       answers status N with body "status N"
//   /huge?n=N       N bytes of 'x'
//   /echo           200 with the request: method, headers, body, as JSON
//   /redirect?to=U  302 to U
//   /hdrs           200 with X-Test: one, X-Test: two
// A second port answers garbage (non-HTTP bytes) and closes.
import { Worker } from 'node:worker_threads';

const SERVER = `
const http = require('node:http');
const net = require('node:net');
const { parentPort } = require('node:worker_threads');
const server = http.createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    if (u.pathname === '/json') { res.setHeader('content-type', 'application/json'); res.end('{"route":"sip:alice@10.0.0.1",\\n"carrier":"c1"}'); return; }
    if (u.pathname === '/lines') { res.end('first line\\nsecond line\\n'); return; }
    if (u.pathname === '/slow') { setTimeout(() => res.end('late'), Number(u.searchParams.get('ms') || 1000)); return; }
    if (u.pathname.startsWith('/status/')) { const n = Number(u.pathname.slice(8)); res.statusCode = n; res.end('status ' + n); return; }
    if (u.pathname === '/huge') { res.end('x'.repeat(Number(u.searchParams.get('n')))); return; }
    if (u.pathname === '/echo') { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ method: req.method, headers: req.headers, body, url: req.url })); return; }
    if (u.pathname === '/redirect') { res.statusCode = 302; res.setHeader('location', u.searchParams.get('to')); res.end(); return; }
    if (u.pathname === '/hdrs') { res.setHeader('X-Test', ['one', 'two']); res.statusMessage = 'Fine'; res.end('h'); return; }
    res.statusCode = 404; res.end('no such path');
  });
});
const garbage = net.createServer((s) => { s.on('error', () => {}); s.end('SSH-2.0-OpenSSH_9.6 not http at all\\r\\n'); });
server.listen(0, '127.0.0.1', () => garbage.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port, garbagePort: garbage.address().port })));
parentPort.on('message', (m) => { if (m === 'close') { server.closeAllConnections(); server.close(); garbage.close(); process.exit(0); } });
`;

export interface TestHttpServer {
  port: number;
  garbagePort: number;
  base: string;
  close(): Promise<void>;
}

export async function startTestHttpServer(): Promise<TestHttpServer> {
  const worker = new Worker(SERVER, { eval: true });
  const { port, garbagePort } = await new Promise<{ port: number; garbagePort: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    port,
    garbagePort,
    base: `http://127.0.0.1:${port}`,
    async close() {
      const exited = new Promise((r) => worker.once('exit', r));
      worker.postMessage('close');
      await exited;
    },
  };
}

// The synchronous HTTP bridge's worker thread (sync-fetch.ts): owns a pooled undici Agent
// (keep-alive, a bounded number of connections per origin), and the HTTP/2 sessions of
// query_request_v2pk (h2c-clients.ts), and answers the calling thread's requests. The answer goes on the sync port; then DONE is set to the request's id and the
// caller, asleep in Atomics.wait, is woken. A caller that gave up is waiting for another id:
// its late answer is not delivered.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { Agent } from 'undici';
import { CURL } from './curl-codes.js';
import { fetchOnce, type HttpOutcome, type HttpRequestSpec } from './fetch-once.js';
import { H2cClients } from './h2c-clients.js';
import { FETCH_SLOT, type FetchReply, type FetchRequest } from './fetch-protocol.js';

const { shared, syncPort, connectionsPerOrigin, maxHeaderBytes } = workerData as {
  shared: SharedArrayBuffer;
  syncPort: MessagePort;
  connectionsPerOrigin: number;
  maxHeaderBytes: number;
};
const slots = new Int32Array(shared);

const agentOptions = { connections: connectionsPerOrigin, keepAliveTimeout: 30_000, maxHeaderSize: maxHeaderBytes, pipelining: 1 };
const agents = {
  verified: new Agent(agentOptions),
  insecure: new Agent({ ...agentOptions, connect: { rejectUnauthorized: false } }),
};

// query_request_v2pk's HTTP/2 with prior knowledge: sessions of their own, per origin
const h2 = new H2cClients(maxHeaderBytes, connectionsPerOrigin);

function fetchV2pk(spec: HttpRequestSpec): Promise<HttpOutcome> {
  const dispatcher = h2.dispatcherFor(spec.url, spec.insecure);
  if (!dispatcher) return Promise.resolve({ ok: false, curlCode: CURL.UNSUPPORTED_PROTOCOL, error: 'not an http: or https: URL', ms: 0 });
  return fetchOnce(dispatcher, spec).then((o) => {
    if (!o.ok || o.truncated) h2.drop(spec.url);
    return o;
  });
}

function deliver(id: number, reply: FetchReply): void {
  if (Atomics.load(slots, FETCH_SLOT.WANTED) !== id) return;
  syncPort.postMessage(reply);
  Atomics.store(slots, FETCH_SLOT.DONE, id);
  Atomics.notify(slots, FETCH_SLOT.DONE);
}

syncPort.on('message', (req: FetchRequest) => {
  const spec: HttpRequestSpec = req.spec;
  const answer = spec.http2PriorKnowledge ? fetchV2pk(spec) : fetchOnce(spec.insecure ? agents.insecure : agents.verified, spec);
  void answer.then((outcome) => deliver(req.id, { id: req.id, outcome }));
});
parentPort!.on('message', (m: unknown) => {
  if (m === 'close') void Promise.all([agents.verified.close(), agents.insecure.close(), h2.close()]).finally(() => process.exit(0));
});
Atomics.store(slots, FETCH_SLOT.READY, 1);
Atomics.notify(slots, FETCH_SLOT.READY);

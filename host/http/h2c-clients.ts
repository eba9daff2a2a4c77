// The dispatchers of http_client's query_request_v2pk (curl's CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE),
// owned by the synchronous bridge's worker thread. http:// goes as HTTP/2 at once, no Upgrade
// (undici's H2CClient: one connection per origin, its streams reused while it lives); https://
// negotiates in TLS, as curl does there: ALPN offers h2 and http/1.1 (an Agent with allowH2).
// Bounded: at most MAX_ORIGINS cleartext sessions (the oldest closed for a new one), an idle one
// closed after IDLE_MS, and a session whose request failed is dropped, so the next request
// starts a fresh connection instead of reusing a broken one.
import { Agent, H2CClient, type Dispatcher } from 'undici';

export const MAX_ORIGINS = 64;
const IDLE_MS = 30_000;
const MAX_STREAMS = 100;

export class H2cClients {
  private readonly byOrigin = new Map<string, H2CClient>();
  private readonly tls: { verified: Agent; insecure: Agent };

  constructor(private readonly maxHeaderBytes: number, connectionsPerOrigin: number) {
    const opts = { connections: connectionsPerOrigin, keepAliveTimeout: IDLE_MS, maxHeaderSize: maxHeaderBytes, allowH2: true };
    this.tls = { verified: new Agent(opts), insecure: new Agent({ ...opts, connect: { rejectUnauthorized: false } }) };
  }

  /** The dispatcher for url (null when it is neither http: nor https:, which fetchOnce reports). */
  dispatcherFor(url: string, insecure: boolean): Dispatcher | null {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return null;
    }
    if (u.protocol === 'https:') return insecure ? this.tls.insecure : this.tls.verified;
    if (u.protocol !== 'http:') return null;
    const known = this.byOrigin.get(u.origin);
    if (known && !known.closed && !known.destroyed) return known;
    return this.open(u.origin);
  }

  private open(origin: string): H2CClient {
    this.byOrigin.delete(origin);
    if (this.byOrigin.size >= MAX_ORIGINS) {
      const [oldest, client] = this.byOrigin.entries().next().value as [string, H2CClient];
      this.byOrigin.delete(oldest);
      void client.close().catch(() => undefined);
    }
    const client = new H2CClient(origin, {
      maxHeaderSize: this.maxHeaderBytes, keepAliveTimeout: IDLE_MS, maxConcurrentStreams: MAX_STREAMS, pipelining: MAX_STREAMS,
    });
    // a session's own errors also fail its requests (reported there): never a crash of the
    // thread, should one be emitted as an event (the types do not declare it)
    (client as unknown as NodeJS.EventEmitter).on('error', () => undefined);
    this.byOrigin.set(origin, client);
    return client;
  }

  /** After a failed request: that origin's session is closed, the next request reconnects. */
  drop(url: string): void {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return;
    }
    const client = this.byOrigin.get(origin);
    if (!client) return;
    this.byOrigin.delete(origin);
    void client.destroy().catch(() => undefined);
  }

  /** Sessions open now (tests check the bound and the reuse). */
  get size(): number {
    return this.byOrigin.size;
  }

  async close(): Promise<void> {
    const all = [...this.byOrigin.values()];
    this.byOrigin.clear();
    await Promise.allSettled([...all.map((c) => c.close()), this.tls.verified.close(), this.tls.insecure.close()]);
  }
}

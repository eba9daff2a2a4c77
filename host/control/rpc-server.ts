// JSON-RPC 2.0 over HTTP (POST /, or /RPC as Kamailio's jsonrpcs serves it). Methods are
// registered by whoever wires the server together; this file knows only the protocol.
import http from 'node:http';

export type RpcHandler = (params: unknown) => unknown | Promise<unknown>;

export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY = 1 << 20;

export class RpcServer {
  private readonly methods = new Map<string, RpcHandler>();
  private server: http.Server | null = null;

  register(name: string, handler: RpcHandler): void {
    this.methods.set(name, handler);
  }

  names(): string[] {
    return [...this.methods.keys()].sort();
  }

  listen(ip: string, port: number): Promise<void> {
    this.server = http.createServer((req, res) => void this.serve(req, res));
    return new Promise((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, ip, () => resolve());
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') return reply(res, 405, { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'use POST with a JSON-RPC 2.0 body' } });
    let body = '';
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return reply(res, 413, { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'request too large' } });
      body += chunk;
    }
    let call: { jsonrpc?: string; method?: unknown; params?: unknown; id?: unknown };
    try {
      call = JSON.parse(body);
    } catch {
      return reply(res, 200, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error: body is not JSON' } });
    }
    reply(res, 200, await this.dispatch(call));
  }

  async dispatch(call: { method?: unknown; params?: unknown; id?: unknown }): Promise<object> {
    const id = call.id ?? null;
    const handler = typeof call.method === 'string' ? this.methods.get(call.method) : undefined;
    if (!handler) return { jsonrpc: '2.0', id, error: { code: -32601, message: `method not found: ${String(call.method)}; known: ${this.names().join(', ')}` } };
    try {
      return { jsonrpc: '2.0', id, result: await handler(call.params) };
    } catch (e) {
      const code = e instanceof RpcError ? e.code : -32000;
      return { jsonrpc: '2.0', id, error: { code, message: (e as Error).message } };
    }
  }
}

function reply(res: http.ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

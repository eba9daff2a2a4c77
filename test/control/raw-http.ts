// A raw HTTP/1.1 client for attacking the control endpoint: writes exactly the bytes given,
// paced as asked, and reports what came back and when the server closed the connection.
import net from 'node:net';

export interface RawResult {
  /** The status of the first response, null when none came. */
  status: number | null;
  /** The body of the first response, parsed as JSON when it is JSON. */
  json: any;
  raw: string;
  /** ms from connect to the server closing the connection; null when it stayed open. */
  closedAfterMs: number | null;
}

export interface RawOptions {
  /** Pause between two chunks. */
  gapMs?: number;
  /** How long to wait for the answer and the close after the last chunk. */
  waitMs?: number;
  /** Stop writing once a response has come (a server that answered early). */
  stopWhenAnswered?: boolean;
}

export async function rawHttp(port: number, chunks: (string | Buffer)[], opts: RawOptions = {}): Promise<RawResult> {
  const sock = net.connect(port, '127.0.0.1');
  sock.on('error', () => {});
  const t0 = Date.now();
  await new Promise<void>((resolve, reject) => (sock.once('connect', () => resolve()), sock.once('error', reject)));
  let raw = '';
  let closedAfterMs: number | null = null;
  sock.on('data', (d) => (raw += d.toString('latin1')));
  const closed = new Promise<void>((r) => sock.once('close', () => ((closedAfterMs = Date.now() - t0), r())));
  for (const c of chunks) {
    if (sock.destroyed || closedAfterMs !== null || (opts.stopWhenAnswered && raw.includes('HTTP/1.1 '))) break;
    sock.write(c);
    if (opts.gapMs) await new Promise((r) => setTimeout(r, opts.gapMs));
  }
  await Promise.race([closed, new Promise((r) => setTimeout(r, opts.waitMs ?? 3000))]);
  sock.destroy();
  const m = /^HTTP\/1\.1 (\d{3})/.exec(raw);
  const body = raw.split('\r\n\r\n').slice(1).join('\r\n\r\n');
  let json: any = null;
  try {
    json = JSON.parse(body);
  } catch {
    /* not JSON (node's own 400/408) */
  }
  return { status: m ? Number(m[1]) : null, json, raw, closedAfterMs };
}

/** A POST with the headers a well-behaved client sends; `extra` overrides or adds. */
export function post(port: number, body: string | Buffer, extra: Record<string, string | null> = {}): string {
  const headers: Record<string, string | null> = {
    host: `127.0.0.1:${port}`,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
    ...extra,
  };
  const lines = Object.entries(headers).filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${v}`);
  return `POST /RPC HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${typeof body === 'string' ? body : ''}`;
}

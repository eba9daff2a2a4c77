// One JSON POST over plain HTTP with node:http, for the control client: undici costs ~65 ms to
// load, a fifth of a CLI call's budget, for one request on loopback.
import http from 'node:http';

/** The answer did not come (headers and body) within the deadline. */
export class AnswerTimeout extends Error {}

/** Posts body to url; resolves with the parsed JSON answer. Connection errors keep their code (ECONNREFUSED...). */
export function postJson(url: string, headers: Record<string, string>, body: string, deadlineMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve(JSON.parse(text));
        } catch {
          reject(new Error(`expected a JSON answer, got HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
        }
      });
      res.on('error', reject);
    });
    // bounded: the whole exchange, not only the idle time between packets
    const timer = setTimeout(() => req.destroy(new AnswerTimeout(`no answer within ${deadlineMs} ms`)), deadlineMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', reject);
    req.end(body);
  });
}

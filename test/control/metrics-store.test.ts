// Issue 12, "store ... errors" on GET /metrics: ksr_store_errors_total counts the store
// operations a worker made that failed. A real server on an SQLite file; the test drops the
// location table behind its back, so registrar.save's write fails (500), and the counter says
// how many did — with one thread and with 2 workers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { request as httpRequest } from 'undici';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { request, statusOf, udpExchange } from '../support/sip-client.js';
import { parsePrometheusText } from './prometheus-text.js';

const SCRIPT = "function ksr_request_route() { KSR.registrar.save('location', 0); }\n";

function register(port: number, user: string): string {
  return request('REGISTER', port, { headers: [`Contact: <sip:${user}@127.0.0.1:5999>;expires=60`] }).replace('sip:alice@', `sip:${user}@`).replace('sip:bob@', `sip:${user}@`);
}

async function storeErrors(s: ServerProcess): Promise<number> {
  const r = await httpRequest(`http://127.0.0.1:${s.controlPort}/metrics`, { headersTimeout: 10_000, bodyTimeout: 10_000 });
  const text = await r.body.text();
  assert.equal(r.statusCode, 200, text.slice(0, 300));
  const f = parsePrometheusText(text).get('ksr_store_errors_total');
  assert.equal(f?.type, 'counter', 'ksr_store_errors_total: expected a counter family');
  return f!.samples.reduce((n, x) => n + x.value, 0);
}

for (const workers of [1, 2]) {
  describe(`ksr_store_errors_total, workers: ${workers}`, () => {
    let s: ServerProcess;
    let file: string;
    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ksr-store-errors-'));
      file = join(dir, 'ksr.sqlite');
      writeFileSync(join(dir, 'route.js'), SCRIPT);
      s = await startServerProcess({ script: join(dir, 'route.js'), workers, config: () => ({ store: `sqlite:${file}` }), startTimeoutMs: 60_000 });
    });
    after(async () => s?.stop());

    test('0 while the store answers; each failed write counted once it fails', async () => {
      assert.equal(statusOf((await udpExchange(s.port, register(s.port, 'carol'), { waitMs: 3000 }))[0] ?? ''), 200);
      assert.equal(await storeErrors(s), 0);
      const db = new Database(file);
      db.exec('DROP TABLE location');
      db.close();
      for (const user of ['dave', 'erin']) {
        const status = statusOf((await udpExchange(s.port, register(s.port, user), { waitMs: 3000 }))[0] ?? '');
        assert.equal(status, 500, `REGISTER ${user} with the location table gone`);
      }
      assert.equal(await storeErrors(s), 2);
    });
  });
}

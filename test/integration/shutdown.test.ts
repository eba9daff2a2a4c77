// A server stops cleanly on SIGTERM, also when the signal comes twice (npm start and the
// launcher both pass one on; an operator presses Ctrl-C twice): one stop, exit 0, and no
// error from closing what the first stop closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../support/server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'ksr-shutdown-'));
const script = join(dir, 'answer.js');
writeFileSync(script, "function ksr_request_route() { KSR.sl.sl_send_reply(200, 'OK'); }\n");

for (const workers of [1, 2]) {
  test(`workers ${workers}: two SIGTERMs in a row end the server once, exit 0, nothing logged as a bug`, async () => {
    const server = await startServerProcess({ script, workers });
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    // the second while the first stop is under way (workers stopping, sockets closing)
    await new Promise((r) => setTimeout(r, 30));
    server.child.kill('SIGTERM');
    const code = await exited;
    assert.equal(code, 0, server.output().slice(-3000));
    assert.doesNotMatch(server.output(), /BUG|unhandled|ERR_SOCKET_DGRAM_NOT_RUNNING/, server.output().slice(-3000));
    await server.stop();
  });
}

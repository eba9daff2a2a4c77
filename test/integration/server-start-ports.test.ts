// The test harness's server start (test/support/server-process.ts) when a port it picked is
// taken before the server binds it: another test file, running at the same time, can pick the
// same free port in that second or two. The server refuses to start (EADDRINUSE, as it must);
// the harness starts it again on fresh ports, and only for that reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '../support/server-process.js';

const SCRIPT = fileURLToPath(new URL('../../sample-scripts/routing.js', import.meta.url));

/** A TCP listener on 127.0.0.1:port, as a neighbour test's server would hold it. */
async function occupy(port: number): Promise<net.Server> {
  const s = net.createServer();
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve());
  });
  return s;
}

test('a control port taken before the server binds it: started again on fresh ports', async () => {
  const seen: { port: number; controlPort: number }[] = [];
  const taken: Promise<net.Server>[] = [];
  try {
    const server = await startServerProcess({
      script: SCRIPT,
      workers: 1,
      config: (ports) => {
        seen.push(ports);
        // the first start's control port is taken meanwhile, the way a neighbour would take it
        if (seen.length === 1) taken.push(occupy(ports.controlPort));
        return {};
      },
    });
    try {
      assert.equal(seen.length, 2, 'one start refused, one more on fresh ports');
      assert.notEqual(server.controlPort, seen[0]!.controlPort);
      assert.equal(server.controlPort, seen[1]!.controlPort);
      assert.equal((await server.rpc('core.uptime')).error, undefined);
    } finally {
      await server.stop();
    }
  } finally {
    for (const s of await Promise.all(taken)) s.close();
  }
});

test('any other failure to start is not retried', async () => {
  let starts = 0;
  await assert.rejects(
    startServerProcess({
      script: SCRIPT,
      workers: 1,
      config: () => {
        starts++;
        // a setting the server refuses: it exits before serving, for a reason of its own
        return { workers: 'many' };
      },
    }),
    /exited with .* before serving/,
  );
  assert.equal(starts, 1);
});

// The database goes away under traffic and comes back: while it is down requests that need
// it get 500 and the server logs why (it does not crash); once it is back, service resumes
// by itself. For PostgreSQL and Redis, each the test's own server (it is stopped).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { postgresUrl, startPostgres, startRedis, type ControlledServer } from '../support/services.js';
import { exchange, optionsRequest, registerRequest, startNode, status } from './two-nodes-suite.js';
import type { ServerProcess } from '../support/server-process.js';

const ROUNDS = 15;

async function statuses(node: ServerProcess, requests: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const r of requests) out.push(status(await exchange(node, r)));
  return out;
}

const registers = (node: ServerProcess, tag: string) =>
  Array.from({ length: ROUNDS }, (_, i) => registerRequest(node.port, `${tag}${i}`, `<sip:${tag}${i}@127.0.0.1:5070>`));
const lookups = (node: ServerProcess, tag: string) => Array.from({ length: ROUNDS }, (_, i) => optionsRequest(node.port, `${tag}${i}`));

async function outage(server: ControlledServer, storeUrl: string, keepsData: boolean): Promise<void> {
  const node = await startNode(storeUrl);
  try {
    assert.deepEqual(await statuses(node, registers(node, 'before')), Array(ROUNDS).fill(200));

    await server.stop();
    assert.deepEqual(await statuses(node, registers(node, 'down')), Array(ROUNDS).fill(500), node.output().slice(-2000));
    assert.deepEqual(await statuses(node, lookups(node, 'before')), Array(ROUNDS).fill(500));
    assert.equal(node.child.exitCode, null, 'the server is still running');
    await node.waitForOutput(/registrar\.save: location store unavailable/);
    await node.waitForOutput(/registrar\.lookup: location store unavailable/);

    await server.start();
    // the breaker lets a call through every second; the first that works ends the outage
    let code = 0;
    for (let i = 0; i < 100 && code !== 200; i++) {
      code = status(await exchange(node, registerRequest(node.port, 'probe', '<sip:probe@127.0.0.1:5070>')));
      if (code !== 200) await new Promise((r) => setTimeout(r, 150));
    }
    assert.equal(code, 200, `service did not resume; output:\n${node.output().slice(-2000)}`);
    assert.deepEqual(await statuses(node, registers(node, 'after')), Array(ROUNDS).fill(200));
    assert.deepEqual(await statuses(node, lookups(node, 'after')), Array(ROUNDS).fill(200));
    if (keepsData) assert.deepEqual(await statuses(node, lookups(node, 'before')), Array(ROUNDS).fill(200));
    assert.deepEqual(await statuses(node, lookups(node, 'down')), Array(ROUNDS).fill(404), 'nothing was saved while down');
  } finally {
    await node.stop();
  }
}

test('postgresql stopped and restarted during traffic: 500s and logged errors while down, service resumes', async () => {
  const server = await startPostgres();
  try {
    await outage(server, await postgresUrl(server), true);
  } finally {
    await server.destroy();
  }
});

test('redis killed and restarted during traffic: 500s and logged errors while down, service resumes', async () => {
  const server = await startRedis();
  try {
    // this Redis keeps nothing on disk: the bindings made before the outage are gone after it
    await outage(server, server.url, false);
  } finally {
    await server.destroy();
  }
});

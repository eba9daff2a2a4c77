// What the hostile attacks of item 8 check after they ran: kemi.stats read before and after,
// so that the figures of one attack do not depend on the attacks run before it.
import assert from 'node:assert/strict';
import type { ServerProcess } from '../support/server-process.js';
import { request, statusOf, udpExchange } from '../support/sip-client.js';

/**
 * Pause between two triggers of a repeated attack. With none, a client on a new TCP connection
 * needs two turns of the event loop (accept, then read), and each can sit behind a trigger
 * that costs the whole CPU budget: over 200 ms in every runtime alike (v8 measured 612 ms for
 * ten back-to-back timeouts), a matter of the TCP transport's fairness, not of the timeouts.
 * 20 ms was enough on a machine twice as fast as CI's; on CI's, one new connection accepted
 * after one trigger had its request read only after the next (pyodide, catch_interrupt: 213 ms
 * against the 200 ms bound, the UDP client's longest 117 ms).
 */
export const BREATH_MS = 50;

export interface StatsView {
  engine: string;
  rebuilds: number;
  timeoutsKept: number;
  throttled: number;
  refused: number;
}

export async function readStats(server: ServerProcess): Promise<StatsView> {
  const s = (await server.rpc('kemi.stats')).result;
  return {
    engine: s.runtime.engine,
    rebuilds: s.runtime.rebuilds,
    timeoutsKept: s.runtime.timeoutsKept ?? 0,
    throttled: s.limitThrottle?.throttled ?? 0,
    refused: s.limitThrottle?.refused ?? 0,
  };
}

/** Reads the stats before an attack and, after it, what changed. */
export function statsDelta(): { before(server: ServerProcess): Promise<void>; delta(server: ServerProcess): Promise<StatsView> } {
  let first: StatsView | null = null;
  return {
    async before(server) {
      first = await readStats(server);
    },
    async delta(server) {
      const now = await readStats(server);
      assert.ok(first, 'stats were read before the attack');
      return {
        engine: now.engine,
        rebuilds: now.rebuilds - first.rebuilds,
        timeoutsKept: now.timeoutsKept - first.timeoutsKept,
        throttled: now.throttled - first.throttled,
        refused: now.refused - first.refused,
      };
    },
  };
}

/**
 * Waits until the server's runtime is ready (in service, and its warm spare built where the
 * engine keeps one): an attack that broke the runtime is recovered from before the next one
 * starts, so that each attack's figures are its own (a Python rebuild takes seconds; an attack
 * started meanwhile met "no script is loaded" 500s, not its own timeouts).
 */
export async function waitReady(server: ServerProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const runtime = (await server.rpc('kemi.stats')).result?.runtime;
    if (runtime?.ready === true) return;
    assert.ok(Date.now() < deadline, `the runtime was not ready within ${timeoutMs} ms: ${JSON.stringify(runtime)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** On Python, a timeout is an interrupt: the instance is kept, never rebuilt. */
export function assertPythonKept(d: StatsView, timeouts: number): void {
  if (d.engine !== 'pyodide') return;
  assert.equal(d.rebuilds, 0, 'no Python instance was rebuilt');
  assert.equal(d.timeoutsKept, timeouts, 'every timeout was an interrupt that kept the instance');
}

/** A request with these extra headers, from 127.0.0.1, gets `status`. */
export async function assertAnswered(server: ServerProcess, headers: string[], status: number): Promise<string> {
  const [r] = await udpExchange(server.port, request('OPTIONS', server.port, { headers }), { waitMs: 3000 });
  assert.equal(statusOf(r ?? ''), status, `reply to ${headers.join(', ')}: ${r?.split('\r\n')[0] ?? 'none'}`);
  return r!;
}

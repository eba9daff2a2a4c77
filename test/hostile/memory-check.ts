// After-checks for the memory attacks: the server's RSS and the runtime's own figure, read from
// kemi.stats while the server keeps running.
import assert from 'node:assert/strict';
import type { ServerProcess } from '../support/server-process.js';

const MB = 1024 * 1024;

export interface MemoryFigures {
  /** RSS as found, and after a full garbage collection (retained memory). */
  rssMb: number;
  rssAfterGcMb: number;
  runtimeMb: number;
}

/**
 * kemi.stats' figures around a full collection (core.gc): a runtime replaced after hitting its
 * limit leaves its memory (up to the limit) to the collector, which is garbage, not an escape.
 */
export async function memoryFigures(server: ServerProcess): Promise<MemoryFigures> {
  const before = await server.rpc('kemi.stats');
  assert.ok(before.result, `kemi.stats answered: ${JSON.stringify(before.error)}`);
  await server.rpc('core.gc');
  const after = await server.rpc('kemi.stats');
  assert.ok(after.result, `kemi.stats answered: ${JSON.stringify(after.error)}`);
  return {
    rssMb: before.result.process.rssBytes / MB,
    rssAfterGcMb: after.result.process.rssBytes / MB,
    runtimeMb: after.result.runtime.memoryBytes / MB,
  };
}

/**
 * The server's RSS stays under `rssMb` (a bound that what escaped the limit would blow: the
 * attacks each try to hold several hundred MB), and the runtime (with a spare, if it keeps one)
 * under twice the default limit of 128 MB plus slack.
 */
export function boundedMemory(rssMb: number): (server: ServerProcess) => Promise<void> {
  return async (server) => {
    const m = await memoryFigures(server);
    console.log(`# memory after: rss ${m.rssMb.toFixed(0)} MB (${m.rssAfterGcMb.toFixed(0)} MB after a full gc), runtime ${m.runtimeMb.toFixed(1)} MB`);
    assert.ok(m.rssAfterGcMb < rssMb, `server RSS ${m.rssAfterGcMb.toFixed(0)} MB (after a full gc) stays under ${rssMb} MB`);
    assert.ok(m.runtimeMb < 2 * 128 + 16, `runtime memory ${m.runtimeMb.toFixed(0)} MB stays within its limit (current and spare)`);
  };
}

// Item 8: one cheap request a second that runs the script into its limit (Python used to give
// 500s to everyone for 11 s). That source is throttled after 5 hits in 10 s (a stateless 503
// with Retry-After, the script not run); the legitimate probes, another source, are served
// throughout.
import assert from 'node:assert/strict';
import type { AttackSpec } from '../attack-spec.js';
import { statsDelta } from '../runtime-stats.js';

const stats = statsDelta();

export const attack: AttackSpec = {
  item: 8,
  title: 'a timeout a second from one source: that source is throttled, the others served',
  repeat: 10,
  pauseMs: 1000,
  expectStatus: [500, 500, 500, 500, 500, 503, 503, 503, 503, 503],
  before: stats.before,
  async after(server) {
    const d = await stats.delta(server);
    assert.equal(d.throttled, 1, 'the source was throttled once');
    assert.equal(d.refused, 5, 'its last five requests were refused before the script ran');
    assert.equal(d.rebuilds, 0, 'no runtime was rebuilt');
  },
};

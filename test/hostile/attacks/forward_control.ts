// KSR.forward with $du at the control endpoint, and KSR.forward_uri to it (UDP, TCP, by the
// name localhost): each call fails at once (-1) and nothing is sent.
import assert from 'node:assert/strict';
import type { AttackSpec } from '../attack-spec.js';

export const attack: AttackSpec = {
  item: 2,
  title: 'KSR.forward / forward_uri to the control endpoint return -1 and send nothing',
  expectStatus: 403,
  async after(server) {
    const stats = (await server.rpc('kemi.stats')).result;
    assert.ok(stats.transport.outboundDenied >= 3, JSON.stringify(stats.transport));
  },
};

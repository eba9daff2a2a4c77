// t_relay to a $du the script set at the control endpoint (TCP): the transaction's branch
// fails as a send failure does (477) and nothing reaches the endpoint.
import assert from 'node:assert/strict';
import type { AttackSpec } from '../attack-spec.js';

export const attack: AttackSpec = {
  item: 2,
  title: 't_relay to a $du at the control endpoint ends in 477, nothing sent',
  expectStatus: 477,
  async after(server) {
    const stats = (await server.rpc('kemi.stats')).result;
    assert.ok(stats.transport.outboundDenied >= 1, JSON.stringify(stats.transport));
    await server.waitForOutput(/denied by fixed rule: control endpoint/);
  },
};

// KSR.corex.send_data aimed at the control endpoint (an HTTP POST of ul.add), over UDP and
// TCP, at 127.0.0.1, at the IPv4-mapped form, at another loopback address and at 0.0.0.0:
// every send is refused at once (-1), counted, and no binding appears.
import assert from 'node:assert/strict';
import type { AttackSpec } from '../attack-spec.js';

export const attack: AttackSpec = {
  item: 2,
  title: 'KSR.corex.send_data to the control endpoint is refused (-1), counted, and adds no binding',
  expectStatus: 403,
  async after(server) {
    const dump = await server.rpc('ul.dump');
    const aors = dump.result.Domains.flatMap((d: any) => d.Domain.AoRs.map((a: any) => a.Info.AoR));
    assert.ok(!aors.includes('mallory'), `no binding for mallory: ${JSON.stringify(aors)}`);
    const stats = (await server.rpc('kemi.stats')).result;
    assert.ok(stats.transport.outboundDenied >= 5, `transport.outboundDenied counts the refusals: ${JSON.stringify(stats.transport)}`);
    await server.waitForOutput(/outbound send denied by fixed rule: control endpoint 127\.0\.0\.1:\d+/);
  },
};

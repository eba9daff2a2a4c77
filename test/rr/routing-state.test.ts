import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MsgContext } from '../../host/core/context.js';
import { makeContext } from '../support/sip-fixtures.js';
import { copyRoutingState } from '../../host/core/routing-state.js';

const CHANGED = {
  recordRoutePreset2: '10.0.0.2',
  rrPendingParams: ';a=1',
  routedParams: 'lr;ftag=x',
  routeNextHop: true,
  advertisedAddress: 'pub.example.com',
  advertisedPort: '5080',
  forwardClose: true,
  forwardNoConnect: true,
  replyClose: true,
  replyNoConnect: true,
  tcpAliasPort: 5070,
};

test('copyRoutingState copies every field of the routing block', () => {
  const src = makeContext('invite');
  const dst = new MsgContext(src.msg, src.rcv, new Map(), src.core);
  for (const [k, v] of Object.entries(CHANGED)) {
    assert.notEqual((dst as unknown as Record<string, unknown>)[k], v, `${k} starts different`);
    (src as unknown as Record<string, unknown>)[k] = v;
  }
  copyRoutingState(src, dst);
  for (const [k, v] of Object.entries(CHANGED)) assert.equal((dst as unknown as Record<string, unknown>)[k], v, k);
});

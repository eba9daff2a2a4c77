// Issue 7 item 2: a server on a Redis or PostgreSQL store never relays to the store's address,
// whatever was registered. A Contact at 127.0.0.1:STOREPORT (UDP, and TCP by the name
// localhost) is saved, the INVITE to that user ends in 477, the refusal names the fixed rule
// and is counted; Redis shows no connection and no stray command from us.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startNode } from './two-nodes-suite.js';
import { postgresUrl, redisUrl, stopSharedServices } from '../support/services.js';
import { request, statusOf, udpExchange } from '../support/sip-client.js';

after(() => stopSharedServices());

function redisInfo(url: string): Map<string, string> {
  const r = spawnSync('redis-cli', ['-u', url, 'info', 'stats'], { encoding: 'utf8' });
  return new Map(r.stdout.split(/\r?\n/).filter((l) => l.includes(':')).map((l) => l.split(':', 2) as [string, string]));
}

function register(port: number, user: string, contacts: string[]): string {
  return [
    `REGISTER sip:127.0.0.1:${port} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-reg-${user};rport`,
    'Max-Forwards: 70',
    `From: <sip:${user}@127.0.0.1>;tag=r1`,
    `To: <sip:${user}@127.0.0.1>`,
    `Call-ID: reg-${user}`,
    'CSeq: 1 REGISTER',
    ...contacts.map((c) => `Contact: ${c}`),
    'Expires: 600',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

test('a Contact registered at the Redis store\'s address is never relayed to (UDP or TCP)', async () => {
  // database 7 of the test Redis is this file's
  const url = await redisUrl(7);
  const redisPort = Number(new URL(url).port);
  const s = await startNode(url);
  try {
    for (const [user, contact] of [['x', `<sip:x@127.0.0.1:${redisPort}>`], ['y', `<sip:y@localhost:${redisPort};transport=tcp>`]] as const) {
      const reg = await udpExchange(s.port, register(s.port, user, [contact]), { waitMs: 3000 });
      assert.equal(statusOf(reg[0]!), 200, 'the registration itself is accepted');
    }
    for (const user of ['x', 'y']) {
      const before = redisInfo(url);
      const replies = await udpExchange(s.port, request('INVITE', s.port, { ruri: `sip:${user}@127.0.0.1`, headers: ['Contact: <sip:alice@127.0.0.1:5999>'] }), { count: 3, waitMs: 4000 });
      const final = replies.map(statusOf).filter((c) => c >= 200);
      // (477 may come twice: a final answer to an INVITE is retransmitted until ACKed, and we do not ACK)
      assert.ok(final.length >= 1 && final.every((c) => c === 477), `${user}: the INVITE fails as a send failure does: ${replies.map((r) => r.split('\r\n')[0]).join(' | ')}`);
      const afterInfo = redisInfo(url);
      // (the one new connection is redis-cli's own, asking for the second INFO)
      assert.equal(Number(afterInfo.get('total_connections_received')), Number(before.get('total_connections_received')) + 1, `${user}: no new connection from ksr-host reached Redis`);
      assert.equal(afterInfo.get('total_error_replies'), before.get('total_error_replies'), `${user}: Redis answered no stray command with an error`);
    }
    const stats = (await s.rpc('kemi.stats')).result;
    assert.equal(stats.transport.outboundDenied, 2, 'both relays refused and counted');
    await s.waitForOutput(new RegExp(`outbound send denied by fixed rule: store redis 127\\.0\\.0\\.1:${redisPort}`));
  } finally {
    await s.stop();
  }
});

test('the same with a PostgreSQL store', async () => {
  const url = await postgresUrl();
  const pgPort = Number(new URL(url).port);
  const s = await startNode(url);
  try {
    for (const [user, contact] of [['x', `<sip:x@127.0.0.1:${pgPort}>`], ['y', `<sip:y@localhost:${pgPort};transport=tcp>`]] as const) {
      assert.equal(statusOf((await udpExchange(s.port, register(s.port, user, [contact]), { waitMs: 3000 }))[0]!), 200);
      const replies = await udpExchange(s.port, request('INVITE', s.port, { ruri: `sip:${user}@127.0.0.1`, headers: ['Contact: <sip:alice@127.0.0.1:5999>'] }), { count: 3, waitMs: 4000 });
      const final = replies.map(statusOf).filter((c) => c >= 200);
      assert.ok(final.length >= 1 && final.every((c) => c === 477), `${user}: ${replies.map((r) => r.split('\r\n')[0]).join(' | ')}`);
    }
    assert.equal((await s.rpc('kemi.stats')).result.transport.outboundDenied, 2);
    await s.waitForOutput(new RegExp(`outbound send denied by fixed rule: store postgres 127\\.0\\.0\\.1:${pgPort}`));
  } finally {
    await s.stop();
  }
});

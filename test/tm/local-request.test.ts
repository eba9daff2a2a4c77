// The server's own requests (host/tm/local-request.ts): built whole, retransmitted over UDP,
// ended by their final reply (matched by branch, consumed by the transaction layer) or by
// timer F; malformed ones refused at once.
import test from 'node:test';
import assert from 'node:assert/strict';
import { RecordingCore, makeContext } from '../support/sip-fixtures.js';
import { TransactionLayer } from '../../host/tm/layer.js';
import { sendLocalRequest, type LocalResult } from '../../host/tm/local-request.js';

const fastTm = () => new RecordingCore(undefined, 2, { tm: (core) => new TransactionLayer(core, { t1: 10, t2: 40, t4: 30 }) });
const waitFor = (p: () => boolean, ms = 3000) => new Promise<void>((resolve, reject) => {
  const started = Date.now();
  const look = () => (p() ? resolve() : Date.now() - started > ms ? reject(new Error('timed out')) : setTimeout(look, 5));
  look();
});

function replyTo(sent: string, code: number, reason: string): string {
  const line = (name: string) => sent.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))!;
  return [`SIP/2.0 ${code} ${reason}`, line('Via'), line('From'), `${line('To')};tag=x1`, line('Call-ID'), line('CSeq'), 'Content-Length: 0', '', ''].join('\r\n');
}

test('an OPTIONS is built whole, sent to its next hop and ended by its 200', async () => {
  const core = fastTm();
  let result: LocalResult | null = null;
  assert.equal(sendLocalRequest(core, { method: 'OPTIONS', ruri: 'sip:gw@127.0.0.1:5099', from: 'sip:ping@example.com', to: 'sip:gw@127.0.0.1:5099', headers: ['X-Probe: 1'] }, (r) => (result = r)), true);
  assert.equal(core.sent.length, 1);
  const text = core.sent[0]!.buf.toString();
  assert.deepEqual(core.sent[0]!.dst, { proto: 'udp', ip: '127.0.0.1', port: 5099 });
  assert.match(text, /^OPTIONS sip:gw@127\.0\.0\.1:5099 SIP\/2\.0\r\nVia: SIP\/2\.0\/UDP 127\.0\.0\.1:5060;branch=z9hG4bK\S+;rport\r\nMax-Forwards: 70\r\n/);
  assert.match(text, /\r\nFrom: <sip:ping@example\.com>;tag=[0-9a-f]{12}\r\nTo: <sip:gw@127\.0\.0\.1:5099>\r\nCall-ID: [0-9a-f]{24}@127\.0\.0\.1\r\nCSeq: 1 OPTIONS\r\nX-Probe: 1\r\nContent-Length: 0\r\n\r\n$/);
  const ctx = makeContext(replyTo(text, 200, 'OK'), { core });
  assert.equal(core.tm.onReply(ctx), true, 'the reply is consumed by the layer');
  await waitFor(() => result !== null);
  assert.equal(result!.code, 200);
  assert.equal(result!.reply?.status, 200);
  // a retransmitted 200 is absorbed, not routed
  assert.equal(core.tm.onReply(makeContext(replyTo(text, 200, 'OK'), { core })), true);
  core.tm.stop();
});

test('no reply: retransmitted with timer E, then 408 at timer F', async () => {
  const core = fastTm();
  let result: LocalResult | null = null;
  sendLocalRequest(core, { method: 'OPTIONS', ruri: 'sip:127.0.0.1:5098', from: 'sip:a@b', to: 'sip:127.0.0.1:5098' }, (r) => (result = r));
  await waitFor(() => result !== null);
  assert.equal(result!.code, 408);
  assert.equal(result!.reply, null);
  // 10, 20, 40, 40... within 640 ms: about 17 sends
  assert.ok(core.sent.length >= 8 && core.sent.length <= 20, `sent ${core.sent.length}`);
  assert.equal(new Set(core.sent.map((s) => s.buf.toString())).size, 1, 'retransmissions are the same bytes');
  core.tm.stop();
});

test('a provisional reply stops nothing but the final reply ends it; an unparsable next hop gives 478', async () => {
  const core = fastTm();
  let result: LocalResult | null = null;
  sendLocalRequest(core, { method: 'MESSAGE', ruri: 'sip:bob@127.0.0.1:5097', from: '"Me" <sip:me@x>;tag=abc', to: 'sip:bob@x', body: 'hi', contentType: 'text/plain' }, (r) => (result = r));
  const text = core.sent[0]!.buf.toString();
  assert.match(text, /\r\nFrom: "Me" <sip:me@x>;tag=abc\r\n/);
  assert.match(text, /\r\nContent-Type: text\/plain\r\nContent-Length: 2\r\n\r\nhi$/);
  core.tm.onReply(makeContext(replyTo(text, 100, 'Trying'), { core }));
  core.tm.onReply(makeContext(replyTo(text, 404, 'Not Found'), { core }));
  await waitFor(() => result !== null);
  assert.equal(result!.code, 404);
  let bad: LocalResult | null = null;
  sendLocalRequest(core, { method: 'OPTIONS', ruri: 'sip:x@y', dst: 'not a uri', from: 'sip:a@b', to: 'sip:x@y' }, (r) => (bad = r));
  await waitFor(() => bad !== null);
  assert.equal(bad!.code, 478);
  core.tm.stop();
});

test('malformed requests are refused at once, with a log', () => {
  const core = fastTm();
  assert.equal(sendLocalRequest(core, { method: 'OPT IONS', ruri: 'sip:x@y', from: 'sip:a@b', to: 'sip:x@y' }), false);
  assert.equal(sendLocalRequest(core, { method: 'OPTIONS', ruri: 'sip:x@y', from: 'sip:a@b\r\nX: 1', to: 'sip:x@y' }), false);
  assert.equal(sendLocalRequest(core, { method: 'OPTIONS', ruri: 'sip:x@y', from: 'sip:a@b', to: 'sip:x@y', headers: ['no colon'] }), false);
  assert.equal(core.sent.length, 0);
  assert.equal(core.logs.filter((l) => l.level === 'error').length, 3);
});

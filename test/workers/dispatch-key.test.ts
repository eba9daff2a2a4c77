// The socket thread's dispatch key: every message of a transaction goes to one worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { branchMarker, workerBranchInstance, workerFor } from '../../host/workers/dispatch-key.js';

const INSTANCE = 'a1b2c3d4';
const MARKER = branchMarker(INSTANCE);

function msg(first: string, headers: string[]): Buffer {
  return Buffer.from([first, ...headers, 'Content-Length: 0', '', ''].join('\r\n'), 'latin1');
}

test('a request, its retransmission, CANCEL, ACK and replies share a worker: the Call-ID decides', () => {
  for (let i = 0; i < 200; i++) {
    const callId = `call-${i}@host`;
    const invite = msg('INVITE sip:bob@x SIP/2.0', ['Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKabc', `Call-ID: ${callId}`, 'CSeq: 1 INVITE']);
    const w = workerFor(invite, 4, MARKER);
    const cancel = msg('CANCEL sip:bob@x SIP/2.0', ['v: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKabc', `i:${callId}  `, 'CSeq: 1 CANCEL']);
    const ack = msg('ACK sip:bob@x SIP/2.0', ['VIA: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKabc', `CALL-ID :  ${callId}`]);
    // a reply to a branch that is not ours (we relayed it statelessly, or it is garbage): by Call-ID too
    const reply = msg('SIP/2.0 180 Ringing', ['Via: SIP/2.0/UDP 10.0.0.9;branch=z9hG4bKother', `Call-ID: ${callId}`, 'CSeq: 1 INVITE']);
    assert.equal(workerFor(cancel, 4, MARKER), w, 'CANCEL, compact forms, spaces');
    assert.equal(workerFor(ack, 4, MARKER), w, 'ACK, header names in capitals');
    assert.equal(workerFor(reply, 4, MARKER), w, 'reply');
  }
});

test("a reply to one of our branches goes to the worker in the branch, wherever its Call-ID hashes", () => {
  for (let index = 0; index < 4; index++) {
    const branch = `z9hG4bK${workerBranchInstance(INSTANCE, index)}k3.0`;
    for (let i = 0; i < 50; i++) {
      // Call-ID before the Via: the Via still decides
      const reply = msg('SIP/2.0 200 OK', [`Call-ID: x${i}`, `Via: SIP/2.0/UDP 127.0.0.1:5060;rport;branch=${branch}, SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKup`, 'CSeq: 1 INVITE']);
      assert.equal(workerFor(reply, 4, MARKER), index);
    }
  }
  // only the top Via counts, and only in a reply
  const second = msg('SIP/2.0 200 OK', ['Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKup', `Via: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK${workerBranchInstance(INSTANCE, 3)}k3`, 'Call-ID: q']);
  assert.equal(workerFor(second, 4, MARKER), workerFor(msg('OPTIONS sip:x SIP/2.0', ['Call-ID: q']), 4, MARKER));
  // another instance's marker, or an index past the workers: by Call-ID
  const other = msg('SIP/2.0 200 OK', [`Via: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK${workerBranchInstance('ffffffff', 3)}k3`, 'Call-ID: q']);
  const past = msg('SIP/2.0 200 OK', [`Via: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK${workerBranchInstance(INSTANCE, 7)}k3`, 'Call-ID: q']);
  const byCallId = workerFor(msg('OPTIONS sip:x SIP/2.0', ['Call-ID: q']), 4, MARKER);
  assert.equal(workerFor(other, 4, MARKER), byCallId);
  assert.equal(workerFor(past, 4, MARKER), byCallId);
});

test('no Call-ID: worker 0 (which answers 400); one worker: always 0; Call-IDs spread over the workers', () => {
  assert.equal(workerFor(msg('OPTIONS sip:x SIP/2.0', ['Via: SIP/2.0/UDP 1.2.3.4;branch=z9hG4bKx']), 4, MARKER), 0);
  assert.equal(workerFor(Buffer.from('garbage'), 4, MARKER), 0);
  assert.equal(workerFor(msg('OPTIONS sip:x SIP/2.0', ['Call-ID: abc']), 1, MARKER), 0);
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < 4000; i++) counts[workerFor(msg('OPTIONS sip:x SIP/2.0', [`Call-ID: ${i.toString(36)}-${i * 7919}@client`]), 4, MARKER)]!++;
  for (const c of counts) assert.ok(c > 800 && c < 1200, `uneven spread: ${counts.join(', ')}`);
});

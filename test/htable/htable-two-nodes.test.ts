// Two ksr-host processes sharing one Redis, each with the htable tables `shared` and `cnt`
// declared `backend: store`: a value a script sets on node A is what a script on node B reads,
// and sht_inc sent to both nodes at once, 20 each, ends at exactly 40 (atomic across nodes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { udpExchange } from '../support/sip-client.js';
import { redisUrl, stopSharedServices } from '../support/services.js';

// OPTIONS sip:<op>@...: set-<value> | get | inc; the answer's reason phrase carries the result
const SCRIPT = `
function ksr_request_route() {
  var op = KSR.pv.get('$rU') || '';
  if (op.indexOf('set-') === 0) {
    var rc = KSR.htable.sht_sets('shared', 'greeting', op.substring(4));
    KSR.sl.sl_send_reply(200, 'set ' + rc);
  } else if (op === 'get') {
    KSR.sl.sl_send_reply(200, 'got ' + KSR.htable.sht_gete('shared', 'greeting'));
  } else if (op === 'inc') {
    KSR.sl.sl_send_reply(200, 'inc ' + KSR.htable.sht_inc('cnt', 'calls'));
  } else {
    KSR.sl.sl_send_reply(404, 'No such op');
  }
}
`;

const CONFIG = `modules:
  htable:
    tables:
      - { name: shared, size: 4, backend: store }
      - "cnt=>size=4;initval=0;backend=store"
`;

let seq = 0;
function options(port: number, op: string): string {
  seq++;
  return [
    `OPTIONS sip:${op}@127.0.0.1:${port} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-ht-${process.pid}-${seq};rport`,
    'Max-Forwards: 70',
    `From: <sip:probe@127.0.0.1>;tag=h${seq}`,
    `To: <sip:${op}@127.0.0.1>`,
    `Call-ID: ht-${process.pid}-${seq}`,
    'CSeq: 1 OPTIONS',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/** The reason phrase of the node's final reply to OPTIONS sip:<op>@. */
async function ask(node: ServerProcess, op: string): Promise<string> {
  const replies = await udpExchange(node.port, options(node.port, op), { waitMs: 5000 });
  const final = replies.find((r) => /^SIP\/2\.0 [2-6]\d\d /.test(r));
  assert.ok(final, `no final reply from node on ${node.port} to ${op}; output:\n${node.output().slice(-2000)}`);
  return /^SIP\/2\.0 \d{3} (.*)\r\n/.exec(final)![1]!;
}

const dir = mkdtempSync(join(tmpdir(), 'ksr-ht2-'));
const nodes: ServerProcess[] = [];
test.after(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
  rmSync(dir, { recursive: true, force: true });
  await stopSharedServices();
});

test('two nodes on one Redis: a set on A is read on B; 20 sht_inc on each make 40', { timeout: 60_000 }, async () => {
  // database 14 of the test Redis is this file's
  const url = await redisUrl(14);
  const script = join(dir, 'ht.js');
  const config = join(dir, 'ht.yaml');
  writeFileSync(script, SCRIPT);
  writeFileSync(config, CONFIG);
  const [a, b] = await Promise.all([0, 1].map(() => startServerProcess({ script, extraArgs: ['--config', config, '--store', url] })));
  nodes.push(a!, b!);

  assert.equal(await ask(a!, 'get'), 'got ', 'nothing yet');
  assert.equal(await ask(a!, 'set-hello'), 'set 1');
  assert.equal(await ask(b!, 'get'), 'got hello');
  assert.equal(await ask(b!, 'set-bye'), 'set 1');
  assert.equal(await ask(a!, 'get'), 'got bye');

  const run = async (node: ServerProcess) => {
    const seen: number[] = [];
    for (let i = 0; i < 20; i++) seen.push(Number((await ask(node, 'inc')).slice(4)));
    return seen;
  };
  const [fromA, fromB] = await Promise.all([run(a!), run(b!)]);
  const all = [...fromA, ...fromB].sort((x, y) => x - y);
  assert.deepEqual(all, Array.from({ length: 40 }, (_, i) => i + 1), 'every increment gave a distinct value: none lost');
  assert.equal(await ask(b!, 'inc'), 'inc 41');
});

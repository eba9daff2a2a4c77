// Two ksr-host processes sharing one store in usrloc db-only mode (Kamailio's db_mode 3, for
// nodes that share a database): a user registered through node A is found by lookup on
// node B, and a call through B reaches the user (a sipp callee). Also the script and
// requests the outage test uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { freePort } from '../support/ports.js';
import { udpExchange } from '../support/sip-client.js';
import { explain, scenario, startSipp } from '../support/sipp.js';

/** REGISTER → save; OPTIONS to a user → lookup, answered with its code; INVITE → lookup + t_relay. */
export const NODE_SCRIPT = `
function ksr_request_route() {
  if (KSR.siputils.has_totag() > 0) {
    if (KSR.rr.loose_route() > 0 || (KSR.is_ACK() && KSR.tm.t_check_trans() > 0)) {
      KSR.tm.t_relay();
      return;
    }
    if (!KSR.is_ACK()) KSR.sl.sl_send_reply(404, 'Not here');
    return;
  }
  if (KSR.is_CANCEL()) {
    if (KSR.tm.t_check_trans() > 0) KSR.tm.t_relay();
    return;
  }
  if (KSR.is_REGISTER()) {
    // save answers itself: 200 with the bindings, or 500 when the store is gone
    KSR.registrar.save('location', 0);
    return;
  }
  var rc = KSR.registrar.lookup('location');
  KSR.hdr.append_to_reply('X-Lookup: ' + rc + ' ' + KSR.pv.get('$ru') + '\\r\\n');
  if (rc === -3) {
    KSR.sl.sl_send_reply(500, 'Location Store Unavailable');
    return;
  }
  if (rc < 0) {
    KSR.sl.sl_send_reply(404, 'Not Found');
    return;
  }
  if (KSR.is_OPTIONS()) {
    KSR.sl.sl_send_reply(200, 'Found');
    return;
  }
  KSR.rr.record_route();
  KSR.tm.t_on_branch('ksr_branch_tag');
  if (KSR.tm.t_relay() < 0) KSR.sl.sl_reply_error();
}
function ksr_branch_tag() {
  KSR.hdr.append('X-Branch-Route: js\\r\\n');
}
`;

export interface Nodes {
  a: ServerProcess;
  b: ServerProcess;
  stop(): Promise<void>;
}

/** Starts one node on a store URL, usrloc db-only; `stop` also removes its files. */
export async function startNode(storeUrl: string, extraConfig = ''): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-node-'));
  const script = join(dir, 'node.js');
  const config = join(dir, 'node.yaml');
  writeFileSync(script, NODE_SCRIPT);
  writeFileSync(config, `usrloc:\n  db_mode: db-only\n${extraConfig}`);
  const node = await startServerProcess({ script, extraArgs: ['--config', config, '--store', storeUrl] });
  const stop = node.stop.bind(node);
  node.stop = async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return node;
}

/** Starts two nodes on one store URL, usrloc db-only. */
export async function startNodes(storeUrl: string, extraConfig = ''): Promise<Nodes> {
  const [a, b] = await Promise.all([startNode(storeUrl, extraConfig), startNode(storeUrl, extraConfig)]);
  return {
    a, b,
    async stop() {
      await Promise.all([a.stop(), b.stop()]);
    },
  };
}

let seq = 0;

export function registerRequest(port: number, user: string, contact: string, expires = 600): string {
  seq++;
  return [
    `REGISTER sip:127.0.0.1:${port} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-reg-${process.pid}-${seq};rport`,
    'Max-Forwards: 70',
    `From: <sip:${user}@127.0.0.1>;tag=r${seq}`,
    `To: <sip:${user}@127.0.0.1>`,
    `Call-ID: reg-${user}-${process.pid}-${seq}`,
    `CSeq: ${seq} REGISTER`,
    `Contact: ${contact}`,
    `Expires: ${expires}`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

export function optionsRequest(port: number, user: string): string {
  seq++;
  return [
    `OPTIONS sip:${user}@127.0.0.1:${port} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-opt-${process.pid}-${seq};rport`,
    'Max-Forwards: 70',
    `From: <sip:probe@127.0.0.1>;tag=o${seq}`,
    `To: <sip:${user}@127.0.0.1>`,
    `Call-ID: opt-${process.pid}-${seq}`,
    'CSeq: 1 OPTIONS',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/** Sends one request and returns the final reply (status line first). */
export async function exchange(s: ServerProcess, text: string): Promise<string> {
  const replies = await udpExchange(s.port, text, { waitMs: 5000 });
  const final = replies.find((r) => !/^SIP\/2\.0 1\d\d /.test(r));
  assert.ok(final, `no final reply from node on ${s.port} to:\n${text}\nserver output:\n${s.output().slice(-3000)}`);
  return final;
}

export const status = (reply: string): number => Number(/^SIP\/2\.0 (\d{3})/.exec(reply)?.[1] ?? 0);

/** The two-node tests over one store; `storeUrl` gives an empty database. */
export function twoNodeSuite(name: string, storeUrl: () => Promise<string>, cleanup: () => Promise<void>): void {
  test.after(cleanup);

  test(`${name}: registered through node A, found on node B, and a call through B reaches the user`, async () => {
    const nodes = await startNodes(await storeUrl());
    const calleePort = await freePort();
    const callee = startSipp({ scenario: scenario('uas-answer.xml'), localPort: calleePort, transport: 'udp', calls: 1, timeoutS: 30 });
    try {
      assert.equal(status(await exchange(nodes.b, optionsRequest(nodes.b.port, 'bob'))), 404, 'nobody registered yet');
      const reg = await exchange(nodes.a, registerRequest(nodes.a.port, 'bob', `<sip:bob@127.0.0.1:${calleePort}>`));
      assert.equal(status(reg), 200, reg);
      assert.match(reg, new RegExp(`^Contact: <sip:bob@127\\.0\\.0\\.1:${calleePort}>;expires=\\d+`, 'm'));

      const found = await exchange(nodes.b, optionsRequest(nodes.b.port, 'bob'));
      assert.equal(status(found), 200, found);
      assert.match(found, new RegExp(`^X-Lookup: 1 sip:bob@127\\.0\\.0\\.1:${calleePort}`, 'm'));
      // B's RPC reads the same table
      const dump = await nodes.b.rpc('ul.lookup', ['location', 'bob']);
      assert.equal(dump.error, undefined, JSON.stringify(dump.error));
      assert.match(JSON.stringify(dump.result), new RegExp(`sip:bob@127\\.0\\.0\\.1:${calleePort}`));

      const caller = startSipp({
        scenario: scenario('uac-call.xml'), port: nodes.b.port, transport: 'udp', calls: 1, timeoutS: 30,
        keys: { callee: `127.0.0.1:${nodes.b.port}` }, extra: ['-s', 'bob'],
      });
      const [c, u] = await Promise.all([caller.done, callee.done]);
      assert.equal(c.code, 0, explain('caller', c) + nodes.b.output().slice(-3000));
      assert.equal(u.code, 0, explain('callee', u));

      // unregister through B; A no longer finds it
      const unreg = await exchange(nodes.b, registerRequest(nodes.b.port, 'bob', `<sip:bob@127.0.0.1:${calleePort}>`, 0));
      assert.equal(status(unreg), 200, unreg);
      assert.equal(status(await exchange(nodes.a, optionsRequest(nodes.a.port, 'bob'))), 404);
    } finally {
      callee.child.kill('SIGKILL');
      await nodes.stop();
    }
  });
}

// Issue 12: sd_notify readiness. Started with $NOTIFY_SOCKET (as systemd's Type=notify does), the
// server sends READY=1 once it serves and STOPPING=1 when it stops. Node cannot bind a unix
// datagram socket, so the test listens with python3; both it and systemd-notify must be there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../support/server-process.js';
import { sdNotify } from '../../host/control/sd-notify.js';

const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const missing = ['systemd-notify', 'python3'].filter((c) => !has(c));
const skip = missing.length > 0 ? `${missing.join(' and ')} not installed: the datagram cannot be sent or received` : false;

/** A unix datagram socket at `path` (python3), each datagram received one line on stdout. */
function datagramListener(path: string) {
  const child = spawn('python3', ['-u', '-c', `
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
print("LISTENING", flush=True)
s.settimeout(60)
while True:
    print(s.recv(4096).decode().replace("\\n", " "), flush=True)
`, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const waitFor = async (text: string, ms = 30000) => {
    const deadline = Date.now() + ms;
    while (!out.includes(text)) {
      if (Date.now() > deadline) throw new Error(`expected '${text}' on the notify socket within ${ms} ms; got: ${out}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { waitFor, output: () => out, stop: () => child.kill() };
}

test('sdNotify without NOTIFY_SOCKET sends nothing and says why', async () => {
  assert.deepEqual(await sdNotify('READY=1', {}), { sent: false, reason: 'NOTIFY_SOCKET is not set (not started by systemd with Type=notify)' });
});

test('a server started with NOTIFY_SOCKET sends READY=1 when serving and STOPPING=1 at stop', { skip }, async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ksr-notify-')), 'notify.sock');
  const listener = datagramListener(path);
  try {
    await listener.waitFor('LISTENING', 10000);
    const script = join(mkdtempSync(join(tmpdir(), 'ksr-notify-')), 'route.js');
    writeFileSync(script, `function ksr_request_route() { KSR.sl.sl_send_reply(200, 'OK'); }\n`);
    const s = await startServerProcess({ script, workers: 1, env: { NOTIFY_SOCKET: path } });
    try {
      await listener.waitFor('READY=1');
      assert.doesNotMatch(listener.output(), /STOPPING=1/);
    } finally {
      await s.stop();
    }
    await listener.waitFor('STOPPING=1', 10000);
  } finally {
    listener.stop();
  }
});

test('sdNotify to a socket nobody listens on: not sent, with the reason, no throw', { skip }, async () => {
  const r = await sdNotify('READY=1', { ...process.env, NOTIFY_SOCKET: join(tmpdir(), 'ksr-no-such-notify.sock') });
  assert.equal(r.sent, false);
  assert.match((r as { reason: string }).reason, /systemd-notify READY=1 failed .*NOTIFY_SOCKET=/);
});

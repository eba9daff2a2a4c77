// A real server: the JSON line of KSR.xlog.xlog_facility carries "facility" (the one the script
// named), every other xlog line the log_facility modparam's, and a core log line none. Run with
// the engine in the main thread (1 worker) and in worker threads (2), whose pino is their own.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../support/server-process.js';

const SCRIPT = `
function ksr_request_route() {
  KSR.xlog.xlog_facility("L_NOTICE", "LOG_LOCAL5", "fac-line " + KSR.pv.get("$ci"));
  KSR.xlog.xinfo("plain-line $ci");
  KSR.info("core-line " + KSR.pv.get("$ci"));
  KSR.sl.sl_send_reply(200, "logged");
}
`;

function options(peerPort: number, callId: string): string {
  return [
    'OPTIONS sip:bob@127.0.0.1 SIP/2.0',
    `Via: SIP/2.0/UDP 127.0.0.1:${peerPort};branch=z9hG4bK-${callId};rport`,
    `From: <sip:alice@127.0.0.1>;tag=${callId}`,
    'To: <sip:bob@127.0.0.1>',
    `Call-ID: ${callId}`,
    'CSeq: 1 OPTIONS',
    'Max-Forwards: 70',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

/** The server's JSON line whose msg starts with `prefix` (the last one, parsed). */
function jsonLine(output: string, prefix: string): Record<string, unknown> {
  const line = output.split('\n').filter((l) => l.includes(`"msg":"${prefix}`)).at(-1);
  assert.ok(line, `no log line starting with ${prefix}; output:\n${output.slice(-3000)}`);
  return JSON.parse(line) as Record<string, unknown>;
}

describe('xlog facility on the server log', () => {
  for (const workers of [1, 2]) {
    test(`with ${workers} worker(s): the facility is a field of that JSON line`, async () => {
      const script = join(mkdtempSync(join(tmpdir(), 'ksr-xlog-')), 'route.js');
      writeFileSync(script, SCRIPT);
      const server = await startServerProcess({
        script, workers, startTimeoutMs: 60_000,
        config: () => ({ log: { level: 'info' }, modules: { xlog: { log_facility: 'LOG_LOCAL3' } } }),
      });
      const sock = dgram.createSocket('udp4');
      try {
        await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
        const replied = new Promise<string>((resolve) => sock.once('message', (m) => resolve(m.toString('latin1'))));
        const callId = `xlog-fac-${workers}`;
        sock.send(options(sock.address().port, callId), server.port, '127.0.0.1');
        assert.match(await replied, /^SIP\/2\.0 200 logged/);
        const out = await server.waitForOutput(new RegExp(`core-line ${callId}`), 8000);
        const fac = jsonLine(out, `fac-line ${callId}`);
        assert.equal(fac.facility, 'LOG_LOCAL5');
        assert.equal(fac.level, 30); // L_NOTICE is the server log's info
        assert.equal(jsonLine(out, `plain-line ${callId}`).facility, 'LOG_LOCAL3');
        assert.equal(jsonLine(out, `core-line ${callId}`).facility, undefined);
      } finally {
        sock.close();
        await server.stop();
      }
    });
  }
});

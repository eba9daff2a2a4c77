// RFC 4475's 49 torture messages sent to a real server process, each over UDP and (where it
// is one whole message framed by its Content-Length) over a new TCP connection: the status
// that comes back, or that nothing does, is the one the table (test/sip/rfc4475/cases.ts)
// states from the RFC; the engine's counters move accordingly (a refused message is counted
// under its reason); the server keeps its PID throughout.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { headerValue, request, statusOf, udpExchange } from '../support/sip-client.js';
import { CASES, tortureMessage, type TortureCase } from '../sip/rfc4475/cases.js';

/** How long to wait for a reply that must not come. */
const SILENCE_MS = 300;
const REPLY_MS = 3000;

interface Messages {
  received: number; requests: number; replies: number; badRequests: number; malformedDropped: number;
  malformedReasons: Record<string, { answered: number; dropped: number }>;
}

/** Sends one message on a new TCP connection; resolves with the replies' text once `count`
 *  whole replies arrived, when the server closed the connection, or after waitMs. */
async function tcpSend(port: number, buf: Buffer, count: number, waitMs: number): Promise<{ replies: string[]; closed: boolean }> {
  const sock = net.connect(port, '127.0.0.1');
  await new Promise<void>((r, j) => (sock.once('connect', () => r()), sock.once('error', j)));
  sock.on('error', () => {});
  let data = '';
  let closed = false;
  const replies = (): string[] => data.split(/(?=^SIP\/2\.0 )/m).filter((r) => /\r\n\r\n/.test(r));
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, waitMs);
    sock.on('data', (d) => {
      data += d.toString('latin1');
      if (replies().length >= count) {
        clearTimeout(timer);
        resolve();
      }
    });
    sock.once('close', () => {
      closed = true;
      clearTimeout(timer);
      resolve();
    });
    sock.write(buf);
  });
  sock.destroy();
  return { replies: replies(), closed };
}

describe('RFC 4475 torture messages against a real server', () => {
  let server: ServerProcess;
  let pid: number | undefined;
  before(async () => {
    server = await startServerProcess({
      script: fileURLToPath(new URL('./rfc4475-proxy.js', import.meta.url)),
      // at debug level the engine says why it refused a message
      config: () => ({ log: { level: 'debug' } }),
    });
    pid = server.child.pid;
  });
  after(async () => server?.stop());

  /** The first log line written since `from` that matches, waited for (stdout is a pipe). */
  async function logLine(from: number, pattern: RegExp): Promise<string> {
    for (let i = 0; i < 50; i++) {
      const line = server.output().slice(from).split('\n').find((l) => pattern.test(l));
      if (line) return line;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.fail(`no log line ${pattern} in: ${server.output().slice(from)}`);
  }

  const messages = async (): Promise<Messages> => (await server.rpc('kemi.stats')).result.messages;

  async function check(c: TortureCase, transport: 'udp' | 'tcp'): Promise<void> {
    const buf = tortureMessage(c.name);
    const before = await messages();
    const logFrom = server.output().length;
    const expectReply = c.server !== 'none';
    // dblreq: the INVITE after the REGISTER in the datagram must not be answered (RFC 4475 §3.1.1.8)
    const count = c.name === 'dblreq' ? 2 : 1;
    const waitMs = expectReply && count === 1 ? REPLY_MS : SILENCE_MS + (expectReply ? 200 : 0);
    const replies = transport === 'udp'
      ? await udpExchange(server.port, buf, { count, waitMs })
      : (await tcpSend(server.port, buf, count, waitMs)).replies;
    if (expectReply) {
      assert.equal(replies.length, 1, `${c.name} over ${transport}: one reply, got ${replies.length}`);
      assert.equal(statusOf(replies[0]!), c.server, `${c.name} over ${transport}: ${replies[0]!.split('\r\n')[0]}`);
      const callId = /^(?:call-id|i)[ \t]*:[ \t]*(.*)$/im.exec(buf.toString('latin1'))?.[1]?.trim();
      if (c.server === 420) assert.match(headerValue(replies[0]!, 'Unsupported') ?? '', /noProxiesSupportThis/, 'the 420 names what is unsupported');
      if (callId) assert.equal(headerValue(replies[0]!, 'Call-ID'), callId.replace(/[^\x20-\x7e]/g, ''), 'the reply is for this message');
    } else {
      assert.equal(replies.length, 0, `${c.name} over ${transport}: no reply, got ${replies[0]?.split('\r\n')[0]}`);
    }
    const after = await messages();
    const delta = (k: 'requests' | 'replies' | 'badRequests' | 'malformedDropped'): number => after[k] - before[k];
    if (c.core === 'route') assert.equal(delta('requests'), 1, 'handed to the script');
    if (c.core === 'reply') assert.equal(delta('replies'), 1, 'handed to reply processing');
    if (c.core === 400) assert.equal(delta('badRequests'), 1, 'counted as answered with 400');
    if (c.core === 'drop') assert.equal(delta('malformedDropped'), 1, 'counted as dropped');
    if (c.core === 400 || c.core === 'drop') {
      const key = c.core === 400 ? 'answered' : 'dropped';
      const reason = Object.keys(after.malformedReasons).find((r) => c.reason!.test(r) && after.malformedReasons[r]![key] > (before.malformedReasons[r]?.[key] ?? 0));
      assert.ok(reason, `counted under its reason ${c.reason}: ${JSON.stringify(after.malformedReasons)}`);
      const logged = await logLine(logFrom, /"msg":"malformed message (answered 400|dropped[^"]*)"/);
      assert.equal(JSON.parse(logged).reason, reason, `logged with why: ${logged}`);
      assert.equal(/"msg":"malformed message answered 400"/.test(logged), c.core === 400, logged);
    } else {
      assert.equal(delta('badRequests') + delta('malformedDropped'), 0, 'not counted as malformed');
    }
  }

  for (const c of CASES) {
    test(`UDP §${c.section} ${c.name} → ${c.server}`, () => check(c, 'udp'));
  }
  for (const c of CASES.filter((k) => k.tcp)) {
    test(`TCP §${c.section} ${c.name} → ${c.server}`, () => check(c, 'tcp'));
  }

  test('over TCP, inv2543 (no Content-Length) and ncl (negative) cannot be framed: the stream is closed, unanswered', async () => {
    for (const name of ['inv2543', 'ncl']) {
      const r = await tcpSend(server.port, tortureMessage(name), 1, REPLY_MS);
      assert.equal(r.replies.length, 0, name);
      assert.equal(r.closed, true, `${name}: closed by the server`);
    }
  });

  test('over TCP, clerr (Content-Length 9999) waits for the rest: no reply, the connection stays', async () => {
    const r = await tcpSend(server.port, tortureMessage('clerr'), 1, SILENCE_MS);
    assert.deepEqual(r, { replies: [], closed: false });
  });

  test('the same process served all of it and still answers', async () => {
    assert.equal(server.child.exitCode, null);
    assert.equal(server.child.pid, pid);
    const [r] = await udpExchange(server.port, request('OPTIONS', server.port));
    assert.equal(statusOf(r ?? ''), 200);
  });
});

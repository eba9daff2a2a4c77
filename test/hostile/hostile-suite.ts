// The hostile-scripts suite (issue 7): every attack in attacks/ against a real server per
// runtime, while a legitimate client over UDP and one over new TCP connections keep sending
// OPTIONS. Each attack must end as its spec says, the server keeps its PID, and the longest
// time a legitimate request waited is reported (test diagnostics) and bounded.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineName, Language } from '../../runtimes/runtime.js';
import { LANGUAGE_OF } from '../../runtimes/index.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startGapProbe, type GapReport } from '../support/gap-probe.js';
import { request, statusOf, udpExchange } from '../support/sip-client.js';
import type { AttackSpec } from './attack-spec.js';
import { waitReady } from './runtime-stats.js';

const ATTACKS_DIR = fileURLToPath(new URL('./attacks/', import.meta.url));
const EXT: Record<Language, string> = { js: 'js', lua: 'lua', python: 'py' };
/** The CPU limit the suite's servers run with (the embedded default). */
export const CPU_MS = 100;

const PRELUDE: Record<Language, string> = {
  js: `function ksr_request_route() {
  var a = KSR.hdr.get('X-Attack');
  if (a === null || a === undefined) { KSR.sl.sl_send_reply(200, 'OK'); return; }
  var f = globalThis['attack_' + a];
  if (typeof f !== 'function') { KSR.sl.sl_send_reply(404, 'No Such Attack'); return; }
  f();
}
`,
  lua: `function ksr_request_route()
  local a = KSR.hdr.get("X-Attack")
  if a == nil then KSR.sl.sl_send_reply(200, "OK") return end
  local f = _G["attack_" .. a]
  if type(f) ~= "function" then KSR.sl.sl_send_reply(404, "No Such Attack") return end
  f()
end
`,
  python: `def ksr_request_route():
    a = KSR.hdr.get("X-Attack")
    if a is None:
        KSR.sl.sl_send_reply(200, "OK")
        return
    f = globals().get("attack_" + a)
    if not callable(f):
        KSR.sl.sl_send_reply(404, "No Such Attack")
        return
    f()
`,
};

interface LoadedAttack {
  name: string;
  spec: AttackSpec;
}

async function loadAttacks(): Promise<LoadedAttack[]> {
  // HOSTILE_ONLY=spin,nested_spin runs those attacks alone (to measure one; npm test runs all)
  const only = process.env.HOSTILE_ONLY?.split(',').filter(Boolean) ?? [];
  const names = readdirSync(ATTACKS_DIR).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3))
    .filter((n) => only.length === 0 || only.includes(n)).sort();
  const out: LoadedAttack[] = [];
  for (const name of names) {
    const mod = (await import(join(ATTACKS_DIR, `${name}.ts`))) as { attack: AttackSpec };
    out.push({ name, spec: mod.attack });
  }
  return out;
}

function appliesTo(a: LoadedAttack, engine: EngineName): boolean {
  if (a.spec.engines && !a.spec.engines.includes(engine)) return false;
  return existsSync(join(ATTACKS_DIR, `${a.name}.${EXT[LANGUAGE_OF[engine]]}`));
}

/** One script of the language: the prelude, then every attack's function. */
function buildScript(language: Language, attacks: LoadedAttack[]): string {
  const parts = [PRELUDE[language]];
  for (const a of attacks) parts.push(readFileSync(join(ATTACKS_DIR, `${a.name}.${EXT[language]}`), 'utf8'));
  return parts.join('\n');
}

/**
 * The loopback address triggers come from: one per attack (and per trigger for `sources:
 * 'each'`), never 127.0.0.1, the legitimate probes' (a throttled attacker must not be them).
 */
function triggerSource(attack: number, trigger: number): string {
  return `127.${1 + Math.floor(attack / 250)}.${1 + (attack % 250)}.${1 + (trigger % 250)}`;
}

export interface GapLine {
  engine: EngineName;
  attack: string;
  item: number;
  udp: GapReport;
  tcp: GapReport;
}

export async function hostileSuite(engine: EngineName): Promise<void> {
  const attacks = (await loadAttacks()).filter((a) => appliesTo(a, engine));
  const language = LANGUAGE_OF[engine];
  describe(`hostile scripts, ${engine}`, () => {
    let server: ServerProcess;
    let pid: number | undefined;
    const gaps: GapLine[] = [];

    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ksr-hostile-'));
      const file = join(dir, `hostile.${EXT[language]}`);
      writeFileSync(file, buildScript(language, attacks));
      server = await startServerProcess({
        script: file,
        engine: engine === 'quickjs' ? 'quickjs' : undefined,
        startTimeoutMs: 90_000,
        config: ({ controlPort }) => ({ defines: { CONTROL_PORT: String(controlPort) }, limits: { cpu_ms: CPU_MS } }),
      });
      pid = server.child.pid;
      // warm-up: the first requests compile paths; the probes measure the attacks, not start-up
      for (let i = 0; i < 5; i++) await udpExchange(server.port, request('OPTIONS', server.port), { waitMs: 5000 });
    });
    after(async () => {
      for (const g of gaps) {
        console.log(`# gap ${g.engine} ${g.attack} (item ${g.item}): udp ${g.udp.maxGapMs} ms (${g.udp.answered}/${g.udp.sent}), tcp ${g.tcp.maxGapMs} ms (${g.tcp.answered}/${g.tcp.sent})`);
      }
      await server?.stop();
    });

    for (const [index, a] of attacks.entries()) {
      test(`item ${a.spec.item}: ${a.spec.title}`, async (t) => {
        await waitReady(server);
        await a.spec.before?.(server);
        const udp = await startGapProbe({ port: server.port, transport: 'udp' });
        const tcp = await startGapProbe({ port: server.port, transport: 'tcp-new' });
        const statuses: number[] = [];
        try {
          // the clients are there before the attack: a new TCP connection's request is written
          // a turn of the client's loop after its connect, and one begun with the first trigger
          // counted the trigger's whole stop plus its own set-up (measured +6 to +20 ms)
          assert.ok(await udp.firstReply(5000), 'the UDP client was answered before the attack');
          assert.ok(await tcp.firstReply(5000), 'the TCP client was answered before the attack');
          for (let i = 0; i < (a.spec.repeat ?? 1); i++) {
            const req = request('OPTIONS', server.port, { headers: [`X-Attack: ${a.name}`, ...(a.spec.headers ?? [])], body: a.spec.body });
            const localIp = triggerSource(index, a.spec.sources === 'each' ? i : 0);
            const [r] = await udpExchange(server.port, req, { waitMs: a.spec.replyWaitMs ?? 5000, localIp });
            statuses.push(r ? statusOf(r) : 0);
            if (a.spec.pauseMs) await new Promise((res) => setTimeout(res, a.spec.pauseMs));
          }
        } finally {
          const line: GapLine = { engine, attack: a.name, item: a.spec.item, udp: await udp.stop(), tcp: await tcp.stop() };
          gaps.push(line);
          t.diagnostic(`longest unanswered: udp ${line.udp.maxGapMs} ms, tcp ${line.tcp.maxGapMs} ms`);
        }
        const expected = a.spec.expectStatus === undefined ? 500 : a.spec.expectStatus;
        if (typeof expected === 'number') assert.deepEqual(statuses, statuses.map(() => expected), `${a.name}: every trigger gets ${expected}`);
        else if (expected !== null) assert.deepEqual(statuses, expected, `${a.name}: the triggers get these statuses in turn`);
        assert.equal(server.child.exitCode, null, `the server is still running:\n${server.output().slice(-3000)}`);
        assert.equal(server.child.pid, pid);
        const g = gaps[gaps.length - 1]!;
        const limit = a.spec.maxGapMs ?? 2 * CPU_MS;
        assert.ok(g.udp.maxGapMs <= limit, `a UDP client waited ${g.udp.maxGapMs} ms (limit ${limit})`);
        assert.ok(g.tcp.maxGapMs <= limit, `a client on a new TCP connection waited ${g.tcp.maxGapMs} ms (limit ${limit})`);
        await a.spec.after?.(server);
      });
    }
  });
}

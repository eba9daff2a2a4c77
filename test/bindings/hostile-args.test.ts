// Every function of the message-content modules (issue 10: pv, pvx, hdr, kx, textops, textopsx,
// posops, siputils, corex) called with hostile arguments on hostile messages, through the
// Dispatcher as a runtime calls it: huge strings, NUL bytes, lone surrogates (bad UTF-8),
// broken PV names and patterns, extreme integers; an INVITE, a message of 64 KB with the
// most headers a message may have (a message with more is refused by the parser: 400). Each call must end with a value or a clear usage error — never a
// host exception (the "internal error" a script would see) — and within a bounded time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegistry } from '../../bindings/modules/index.js';
import { Dispatcher, isSignal, ksrPath, type KsrEntry } from '../../bindings/registry.js';
import { FIXTURES, makeContext, RecordingCore } from '../support/sip-fixtures.js';
import type { MsgContext } from '../../host/core/context.js';

const MODULES = new Set(['pv', 'pvx', 'hdr', 'kx', 'textops', 'textopsx', 'posops', 'siputils', 'corex']);
/** Functions that send to the network or wait: they are not for this loop (send_data: corex tests). */
const SKIP = new Set(['corex.send_data', 'corex.sendx', 'corex.forward_uac', 'corex.forward_uac_branch', 'corex.forward_uac_uri', 'corex.forward_uac_uri_branch']);

const BIG = 'a'.repeat(64 * 1024);
const STRINGS = ['', BIG, 'x\0y', '\uD800', '\uDFFF\uD800', '$((((', '$(hdr(X){s.substr,-99999999,99999999})', '/(a+)+$/x/g', '(a+)+$', '[', '\\1', 'X-Bomb', '*'.repeat(300), '=>[-1]'];
const INTS = [0, -1, 1, 2 ** 31 - 1, -(2 ** 31), 65536];

/** As many headers as a message may have (MAX_HEADERS 255: more is refused when parsed), ~64 KB. */
function manyHeaders(): string {
  const lines = ['MESSAGE sip:bob@127.0.0.1 SIP/2.0', 'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-many', 'From: <sip:a@x>;tag=1', 'To: <sip:b@x>', 'Call-ID: many', 'CSeq: 1 MESSAGE'];
  for (let i = 0; i < 240; i++) lines.push(`X-H${i % 7}: ${'v'.repeat(230)},${i}`);
  const body = 'a'.repeat(3000);
  return [...lines, `Content-Length: ${body.length}`, '', body].join('\r\n');
}

const MESSAGES: Array<[string, string]> = [['invite', FIXTURES.invite], ['seed', FIXTURES.seed], ['240 headers of 64 KB', manyHeaders()]];

function argumentSets(e: KsrEntry): unknown[][] {
  const plain: unknown[] = e.params.map((p) => (p === 'str' ? 'X-H1' : 0));
  const sets: unknown[][] = [plain];
  e.params.forEach((p, i) => {
    for (const v of p === 'str' ? STRINGS : INTS) {
      const args = plain.slice();
      args[i] = v;
      sets.push(args);
    }
  });
  return sets;
}

test('every message-content function survives hostile arguments on hostile messages', () => {
  const registry = createRegistry();
  const entries = registry.entries.filter((e) => MODULES.has(e.module) && !SKIP.has(`${e.module}.${e.name}`));
  assert.ok(entries.length > 100, `the modules are declared (found ${entries.length} functions)`);
  const failures: string[] = [];
  let slowest = { ms: 0, what: '' };
  for (const [label, text] of MESSAGES) {
    for (const e of entries) {
      for (const args of argumentSets(e)) {
        const core = new RecordingCore();
        const ctx: MsgContext = makeContext(text, { core });
        const d = new Dispatcher(registry);
        d.context = ctx;
        const t0 = performance.now();
        const r = d.call(e.index, args.slice());
        const ms = performance.now() - t0;
        const what = `${ksrPath(e)}(${args.map((a) => (typeof a === 'string' && a.length > 40 ? `<${a.length} chars>` : JSON.stringify(a))).join(', ')}) on ${label}`;
        if (ms > slowest.ms) slowest = { ms, what };
        if (isSignal(r) && r.ksrSignal === 'error' && /internal error/.test(r.message)) {
          const log = core.logs.find((l) => l.level === 'error')?.text.split('\n').slice(0, 3).join(' | ') ?? '';
          failures.push(`${what}: ${log}`);
        }
        if (ms > 1000) failures.push(`${what}: took ${ms.toFixed(0)} ms`);
      }
    }
  }
  console.log(`# slowest call: ${slowest.ms.toFixed(1)} ms, ${slowest.what}`);
  assert.deepEqual(failures.slice(0, 40), [], `${failures.length} calls failed`);
});

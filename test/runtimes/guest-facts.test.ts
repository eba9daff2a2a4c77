// The functions answered inside the guest from the message's facts (bindings/registry.ts
// FactAnswer, runtimes/guest-facts.ts) answer as the host's own implementation does, in every
// runtime, for requests and replies and for awkward arguments; the usual ones without a host
// call (a fact not known for the message, a reply's To tag, goes to the host); and once the
// callback is stopped, every later call stops again.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry } from '../../bindings/modules/index.js';
import { Dispatcher, FACT_SEPARATOR, FACT_UNKNOWN, ksrPath, type KsrEntry } from '../../bindings/registry.js';
import { createRuntime } from '../../runtimes/index.js';
import type { EngineName, ScriptRuntime } from '../../runtimes/runtime.js';
import { makeContext } from '../support/sip-fixtures.js';
import { observedHost } from './support.js';

const registry = createRegistry();
const answered = registry.entries.filter((e) => e.answer !== undefined);

/** Every answered function with the arguments tried: none for an `is` or `value` test, awkward strings for the others. */
const ARGS: Record<string, string[]> = {
  nameIn: ['INVITE', 'invite', ' bye | Invite ', 'REGISTER|BYE', 'register', '', '|', 'INV', 'OPTIONS|', 'CANCEL ACK', 'İNVITE', 'ınvıte', 'K\u00e9'],
  letterOf: ['I', 'ir', 'RBC', 'rbc', '', 'k', 'xyz', 'O', 'IOR', 'ı', 'é'],
};
/** Arguments outside ASCII go to the host (upper-casing them may differ between engines). */
const viaGuest = (arg: string | undefined) => arg === undefined || /^[\x00-\x7f]*$/.test(arg);

interface Case {
  entry: KsrEntry;
  arg?: string;
}

const CASES: Case[] = answered.flatMap((entry) => {
  const t = entry.answer!.test;
  return t === 'is' || t === 'value' ? [{ entry }] : ARGS[t]!.map((arg) => ({ entry, arg }));
});

function call(lang: 'js' | 'lua' | 'py', c: Case): string {
  const path = ksrPath(c.entry);
  const arg = c.arg === undefined ? '' : JSON.stringify(c.arg);
  return lang === 'lua' ? `${path}(${luaString(c.arg)})` : `${path}(${arg})`;
}

function luaString(s: string | undefined): string {
  if (s === undefined) return '';
  return `"${[...Buffer.from(s, 'utf8')].map((b) => `\\${b}`).join('')}"`;
}

function script(lang: 'js' | 'lua' | 'py'): string {
  const calls = CASES.map((c) => call(lang, c));
  if (lang === 'js') {
    return `function ksr_request_route() {
  var out = [];
${calls.map((c) => `  out.push(String(${c}));`).join('\n')}
  KSR.info(out.join(','));
}
function ksr_after_stop() {
  try { KSR.x.exit(); } catch (e) {}
  KSR.info(String(KSR.is_REGISTER()));
}
function ksr_sub() { KSR.info('sub ' + KSR.is_REGISTER()); }
function ksr_nested() { KSR.route('ksr_sub'); KSR.info('outer ' + KSR.is_REGISTER()); }
`;
  }
  if (lang === 'lua') {
    return `function ksr_request_route()
  local out = {}
${calls.map((c) => `  out[#out + 1] = tostring(${c})`).join('\n')}
  KSR.info(table.concat(out, ','))
end
function ksr_after_stop()
  pcall(KSR.x.exit)
  KSR.info(tostring(KSR.is_REGISTER()))
end
function ksr_sub() KSR.info('sub ' .. tostring(KSR.is_REGISTER())) end
function ksr_nested() KSR.route('ksr_sub'); KSR.info('outer ' .. tostring(KSR.is_REGISTER())) end
`;
  }
  return `def show(v):
    return str(v).lower() if v is True or v is False else str(v)


def ksr_request_route():
    out = []
${calls.map((c) => `    out.append(show(${c}))`).join('\n')}
    KSR.info(','.join(out))


def ksr_after_stop():
    try:
        KSR.x.exit()
    except BaseException:
        pass
    KSR.info(show(KSR.is_REGISTER()))


def ksr_sub():
    KSR.info('sub ' + show(KSR.is_REGISTER()))


def ksr_nested():
    KSR.route('ksr_sub')
    KSR.info('outer ' + show(KSR.is_REGISTER()))
`;
}

/**
 * False when the case's fact is not sent for this message (FACT_UNKNOWN: a reply's To tag),
 * or is a `value` fact that is '' (each null mode answers for itself): the host answers it.
 */
function knownIn(ctx: ReturnType<typeof makeContext>, c: Case): boolean {
  const fact = registry.messageFacts(ctx)?.split(FACT_SEPARATOR)[c.entry.answer!.fact];
  return fact !== undefined && fact !== FACT_UNKNOWN && !(c.entry.answer!.test === 'value' && fact === '');
}

/** What the host's implementation answers for a case, as the script shows it. */
function hostAnswer(ctx: ReturnType<typeof makeContext>, c: Case): string {
  const v = registry.implementation(c.entry.index).fn(ctx, ...(c.arg === undefined ? [] : [c.arg]));
  return String(v);
}

const REPLY_WITHOUT_CSEQ_METHOD = ['SIP/2.0 200 OK', 'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-x', 'From: <sip:a@b>;tag=1', 'To: <sip:b@c>;tag=2', 'Call-ID: x', 'CSeq: 1', 'Content-Length: 0', '', ''].join('\r\n');
const LOWER_METHOD = ['invite sip:bob@example.com SIP/2.0', 'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-y', 'From: <sip:a@b>;tag=1', 'To: <sip:b@c>', 'Call-ID: y', 'CSeq: 1 invite', 'Content-Length: 0', '', ''].join('\r\n');
const IN_DIALOG = ['BYE sip:bob@192.0.2.20 SIP/2.0', 'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-z', 'From: <sip:alice@[2001:db8::1]:5070>;tag=1', 'To: <sip:bob@example.com>;tag=abc', 'Call-ID: z', 'CSeq: 2 BYE', 'Content-Length: 0', '', ''].join('\r\n');
const MESSAGES: Array<[string, string]> = [
  ['a REGISTER', 'register'],
  ['an INVITE', 'invite'],
  ['an OPTIONS', 'options'],
  ['a reply to an INVITE', 'reply200'],
  ['a reply whose CSeq has no method', REPLY_WITHOUT_CSEQ_METHOD],
  ['a request with a lower-case method', LOWER_METHOD],
  ['an in-dialog BYE (a To tag, an IPv6 From host)', IN_DIALOG],
];

const ENGINES: Array<[EngineName, 'js' | 'lua' | 'py']> = [['v8', 'js'], ['quickjs', 'js'], ['fengari', 'lua'], ['pyodide', 'py']];
const dir = mkdtempSync(join(tmpdir(), 'ksr-facts-'));

for (const [engine, lang] of ENGINES) {
  describe(`message facts answered in the guest (${engine})`, () => {
    let rt: ScriptRuntime | null = null;
    const { core, dispatcher, logs: lines, hostCalls } = observedHost(registry);

    async function runtime(): Promise<ScriptRuntime> {
      if (rt) return rt;
      const file = join(dir, `facts-${engine}.${lang}`);
      const source = script(lang);
      writeFileSync(file, source);
      rt = await createRuntime(engine, { dispatcher, limits: { cpuMs: 2000, memoryMb: 256 } });
      await rt.load(source, file);
      return rt;
    }

    function run(r: ScriptRuntime, callback: string, raw: string) {
      lines.length = 0;
      hostCalls.length = 0;
      const ctx = makeContext(raw, { core });
      const result = r.invoke(callback, ctx);
      return { result, ctx };
    }

    after(() => rt?.dispose());

    for (const [what, raw] of MESSAGES) {
      test(`${what}: every answer is the host's; ASCII arguments need no host call`, async () => {
        const r = await runtime();
        const { result, ctx } = run(r, 'ksr_request_route', raw);
        assert.equal(result.outcome, 'ok', result.error?.message);
        const expected = CASES.map((c) => hostAnswer(ctx, c));
        const seen = lines.at(-1)!.split(',');
        CASES.forEach((c, i) => assert.equal(seen[i], expected[i], `${ksrPath(c.entry)}(${JSON.stringify(c.arg ?? '')}) on ${what}`));
        const wentToHost = hostCalls.map((i) => registry.entries[i]!).filter((e) => e.answer !== undefined).length;
        const toHost = CASES.filter((c) => !viaGuest(c.arg) || !knownIn(ctx, c)).length;
        assert.equal(wentToHost, toHost, 'only the non-ASCII arguments, and the facts not known for this message, reach the host');
      });
    }

    test('once the callback is stopped (by the guest or the host), a caught stop does not let a test be answered in the guest', async () => {
      const r = await runtime();
      const { result } = run(r, 'ksr_after_stop', 'register');
      assert.equal(result.outcome, 'stopped');
      // Lua's pcall cannot catch the stop at all; where it is caught, is_REGISTER stops again
      assert.deepEqual(lines, [], 'is_REGISTER stopped the callback again');
    });

    test('a request\'s To tag and From host are sent; a reply\'s are unknown and its other facts still answer', async () => {
      const bye = makeContext(IN_DIALOG, { core });
      const facts = (ctx: ReturnType<typeof makeContext>) => Object.fromEntries(registry.factNames.map((n, i) => [n, registry.messageFacts(ctx)!.split(FACT_SEPARATOR)[i]]));
      assert.deepEqual(facts(bye), { method: 'BYE', request: '1', totag: '1', fhost: String(registry.implementation(registry.find('kx.gete_fhost')!.index).fn(bye)) });
      assert.deepEqual(facts(makeContext('reply200', { core })), { method: 'INVITE', request: '', totag: FACT_UNKNOWN, fhost: FACT_UNKNOWN });
    });

    test('callbacks on many messages with different facts in a row all run (QuickJS keeps 64 strings)', async () => {
      const r = await runtime();
      for (let i = 0; i < 150; i++) {
        const raw = IN_DIALOG.replace('alice@[2001:db8::1]:5070', `alice@host${i}.example.com`);
        const { result } = run(r, 'ksr_sub', raw);
        assert.equal(result.outcome, 'ok', result.error?.message);
        assert.deepEqual(lines, ['sub false']);
      }
    });

    test('a nested callback has its own message\'s facts, and the outer one has its own again after it', async () => {
      const r = await runtime();
      // KSR.route runs the nested callback on another message (a reply) here, to tell the facts apart
      core.routes.set('ksr_sub', () => void r.invoke('ksr_sub', makeContext('reply200', { core })));
      const { result } = run(r, 'ksr_nested', 'register');
      assert.equal(result.outcome, 'ok', result.error?.message);
      assert.deepEqual(lines, ['sub false', 'outer true']);
      assert.ok(hostCalls.every((i) => registry.entries[i]!.answer === undefined), 'no test reached the host');
    });
  });
}

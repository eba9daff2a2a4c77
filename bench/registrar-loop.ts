// The comparison's registrar (bench/scripts/registrar.*) in one process, without the network:
// the register-auth exchange (REGISTER → 401, REGISTER with credentials → 200) in a loop, for a
// profiler to attach to once the process is warm. It prints `warm` after WARMUP exchanges,
// pauses, then runs N more and prints their CPU per exchange: both routes, and the loop's own
// work (two messages parsed, the 401's nonce read, the digest answer computed), all threads.
//   node --no-node-snapshot [--perf-basic-prof] --import tsx bench/registrar-loop.ts [ENGINE] [N] [--pause-ms MS]
//   perf record -g -p "$(pgrep -f bench/registrar-loop.ts)" -- sleep 4    # during the N
// ENGINE: v8 (default), quickjs, fengari, pyodide; N: exchanges measured (10 000, at most 200 000).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRegistry } from '../bindings/modules/index.js';
import { Dispatcher } from '../bindings/registry.js';
import { DigestAuth } from '../host/auth/digest-auth.js';
import type { MsgContext } from '../host/core/context.js';
import { checkRequestHeaders } from '../host/engine/engine.js';
import { openStore } from '../host/store/open-store.js';
import { createRuntime } from '../runtimes/index.js';
import type { EngineName } from '../runtimes/runtime.js';
import { makeContext, RecordingCore } from '../test/support/sip-fixtures.js';
import { challengeParams, credentialsValue } from '../test/auth/digest-client.js';
import { register } from '../test/auth/requests.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'pause-ms': { type: 'string', default: '1500' } } });
const engine = (positionals[0] ?? 'v8') as EngineName;
const N = Math.min(Number(positionals[1] ?? 10_000), 200_000);
const PAUSE_MS = Number(values['pause-ms']);
const WARMUP = 2000;
const USERS = 200;
const SCRIPTS: Record<EngineName, string> = { v8: 'registrar.js', quickjs: 'registrar.js', fengari: 'registrar.lua', pyodide: 'registrar.py' };

const store = await openStore('sqlite::memory:');
for (let u = 0; u < USERS; u++) await store.addSubscriber(`u${u}`, 'localhost', `pw${u}`);
const core = new RecordingCore(undefined, undefined, { store, auth: (c) => new DigestAuth(c, { secret: 'bench-secret-0123456789' }) });
const rt = await createRuntime(engine, { dispatcher: new Dispatcher(createRegistry()), limits: { cpuMs: 1000, memoryMb: 384 } });
const file = fileURLToPath(new URL(`./scripts/${SCRIPTS[engine]}`, import.meta.url));
await rt.load(readFileSync(file, 'utf8'), file);

/** A message as the engine hands it to the route: required headers parsed on receipt. */
function received(text: string): MsgContext {
  const ctx = makeContext(text, { core });
  checkRequestHeaders(ctx.msg);
  return ctx;
}

function route(ctx: MsgContext): void {
  const r = rt.invoke('ksr_request_route', ctx);
  if (r.outcome !== 'ok' && r.outcome !== 'stopped') throw new Error(`ksr_request_route: ${r.outcome} ${r.error?.message ?? ''}`);
}

let exchanges = 0;
/** One exchange for user u, a dialog of its own (a Call-ID reused 20 s later would be refused). */
function exchange(u: number): void {
  const n = ++exchanges;
  const text = (auth: string | null) => register(auth, `u${u}`).replace('Call-ID: reg-1@', `Call-ID: reg-${n}@`);
  core.replies.length = 0;
  route(received(text(null)));
  const challenge = core.replies[0];
  if (challenge?.code !== 401) throw new Error(`expected a 401, got ${challenge?.code}`);
  const nonce = challengeParams(challenge.buf.toString()).get('nonce')!;
  const auth = credentialsValue({ username: `u${u}`, password: `pw${u}`, realm: 'localhost', nonce, method: 'REGISTER', uri: 'sip:localhost', nc: '00000001' });
  core.replies.length = 0;
  route(received(text(auth)));
  if (core.replies[0]?.code !== 200) throw new Error(`expected a 200, got ${core.replies[0]?.code}`);
}

for (let i = 0; i < WARMUP; i++) exchange(i % USERS);
console.log('warm');
await sleep(PAUSE_MS);
const c0 = process.cpuUsage();
for (let i = 0; i < N; i++) exchange(i % USERS);
const c = process.cpuUsage(c0);
console.log(`${engine}: ${((c.user + c.system) / N).toFixed(1)} µs of CPU per exchange (both routes and the loop's own work), ${N} exchanges`);
rt.dispose();

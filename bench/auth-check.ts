// The cost of one KSR.auth_db.auth_check (through the Dispatcher, as a script's call lands):
// nonce check, subscriber lookup, digest, nc table; and of one challenge (nonce + reply build).
// Requests are parsed and responses computed before timing; only the call is timed.
//   node --no-node-snapshot --import tsx bench/auth-check.ts [N]
import { DigestAuth } from '../host/auth/digest-auth.js';
import type { DigestAlgorithm } from '../host/auth/digest-hash.js';
import { openStore } from '../host/store/open-store.js';
import type { SyncStore } from '../host/store/store.js';
import { createRegistry } from '../bindings/modules/index.js';
import { Dispatcher } from '../bindings/registry.js';
import type { MsgContext } from '../host/core/context.js';
import { makeContext, RecordingCore } from '../test/support/sip-fixtures.js';
import { challengeParams, credentialsValue } from '../test/auth/digest-client.js';
import { MemoryStore, register } from '../test/auth/requests.js';

const N = Number(process.argv[2] ?? 20000);
const registry = createRegistry();
const AUTH_CHECK = registry.find('auth_db.auth_check')!.index;
const CHALLENGE = registry.find('auth.auth_challenge')!.index;

function stats(name: string, samples: number[]): void {
  samples.sort((a, b) => a - b);
  const avg = samples.reduce((a, b) => a + b, 0) / samples.length;
  const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  console.log(`${name.padEnd(44)} avg ${avg.toFixed(1)} µs  p50 ${p(0.5)}  p99 ${p(0.99)}  min ${samples[0]!.toFixed(1)}  max ${samples.at(-1)!.toFixed(1)}`);
}

function timed(ctxs: Array<MsgContext & { core: RecordingCore }>, d: Dispatcher, index: number, args: unknown[], want: number): number[] {
  const out: number[] = [];
  for (const ctx of ctxs) {
    d.context = ctx;
    ctx.core.replies.length = 0;
    const t0 = process.hrtime.bigint();
    const r = d.call(index, args);
    out.push(Number(process.hrtime.bigint() - t0) / 1000);
    if (r !== want) throw new Error(`bench: expected ${want}, got ${JSON.stringify(r)}`);
  }
  return out;
}

function run(label: string, store: SyncStore, alg: DigestAlgorithm, user: string, password: string): void {
  const core = new RecordingCore(undefined, undefined, { store, auth: (c) => new DigestAuth(c, { secret: 'bench-secret-0123456789', algorithms: [alg] }) });
  const d = new Dispatcher(registry);
  const warm = makeContext(register(null, user), { core });
  d.context = warm;
  d.call(CHALLENGE, ['localhost', 1]);
  const nonce = challengeParams(core.replies[0]!.buf.toString()).get('nonce')!;
  // new nonces every 50 000 uses keep the nc within 8 hex digits; each context is a fresh request
  const ctxs = Array.from({ length: N }, (_, i) =>
    makeContext(
      register(credentialsValue({ username: user, password, realm: 'localhost', nonce, method: 'REGISTER', uri: 'sip:localhost', algorithm: alg, nc: (i + 1).toString(16).padStart(8, '0') }), user),
      { core },
    ),
  );
  stats(`auth_check ${label} ${alg}`, timed(ctxs, d, AUTH_CHECK, ['localhost', 'subscriber', 1], 1));
}

const mem = new MemoryStore().add('alice', 'localhost', 'wonderland');
const sqlite = await openStore('sqlite::memory:');
await sqlite.addSubscriber('alice', 'localhost', 'wonderland');
const challengeCore = new RecordingCore();
new DigestAuth(challengeCore, { secret: 'bench-secret-0123456789' });
const reqs = Array.from({ length: N }, () => makeContext(register(null), { core: challengeCore }));
stats('auth_challenge (nonce + 401 built)', timed(reqs, new Dispatcher(registry), CHALLENGE, ['localhost', 1], 1));
run('memory store', mem, 'MD5', 'alice', 'wonderland');
run('memory store', mem, 'SHA-256', 'alice', 'wonderland');
run('sqlite::memory:', sqlite, 'MD5', 'alice', 'wonderland');
await sqlite.close();

// The host pieces of a registration called cold, as they run under load: between two KSR
// calls the script runtime pushes the host's code and data out of the CPU caches, so each
// call here follows a walk over 8 MiB (more than L2, which holds L1's lines on this machine)
// and is timed alone (wall-clock, hrtime). Prints the median and the 25th percentile per piece.
//   node --no-node-snapshot --import tsx bench/micro/cold.ts [N] [FILTER]
// With --alloc (run node with --expose-gc --max-semi-space-size=256), bytes allocated per call
// instead: the heap grown over N calls with no collection between (a scavenge makes the run say so).
// bench/micro/cases.ts gives the same pieces warm (many in a row), with budgets.
import { SipMessage } from '../../host/sip/message.js';
import { buildReply, makeToTag } from '../../host/sip/reply.js';
import { MsgContext, type ReceiveInfo } from '../../host/core/context.js';
import { viaReceivedParams } from '../../host/core/reply-destination.js';
import { checkRequestHeaders } from '../../host/engine/engine.js';
import { sanityCheck } from '../../host/sanity/sanity.js';
import { authorize, subscriberLookup } from '../../host/auth/authorize.js';
import { sendChallenge } from '../../host/auth/challenge-reply.js';
import { AUTH } from '../../host/auth/auth-codes.js';
import { save } from '../../host/registrar/save.js';
import { Usrloc } from '../../host/registrar/usrloc.js';
import { processMaxfwd } from '../../host/maxfwd/maxfwd.js';
import { SqliteStore } from '../../host/store/sqlite-store.js';
import { RecordingCore } from '../../test/support/sip-fixtures.js';
import { digestAuthorization, parseChallenge } from '../../test/support/digest-client.js';
import { register } from './cases.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const N = Number(args[0] ?? 2000);
const filter = (args[1] ?? '').toLowerCase();
const alloc = process.argv.includes('--alloc');
const USERS = 1000;
const DOMAIN = '127.0.0.1';
const user = (i: number) => `u${String((i % USERS) + 1).padStart(5, '0')}`;
const password = (i: number) => `pw-${(i % USERS) + 1}-secret`;
const RCV: ReceiveInfo = { proto: 'udp', srcIp: '127.0.0.1', srcPort: 5061, rcvIp: '127.0.0.1', rcvPort: 5060, conId: 0, receivedAt: 0 };

const FLUSH = new Int32Array((8 << 20) / 4);
let sink = 0;
function flush(): void {
  for (let i = 0; i < FLUSH.length; i += 16) sink = (sink + FLUSH[i]!++) | 0;
}

function contexts(core: RecordingCore, bufs: Buffer[]): MsgContext[] {
  return bufs.map((b) => {
    const ctx = new MsgContext(SipMessage.parse(b), RCV, new Map(), core);
    checkRequestHeaders(ctx.msg);
    return ctx;
  });
}

/** Times fn(ctx) for each context, cold; µs median and 25th percentile. */
function cold(ctxs: MsgContext[], fn: (ctx: MsgContext) => void): { p25: number; p50: number } {
  if (alloc) return allocated(ctxs, fn);
  const us: number[] = [];
  for (const c of ctxs) {
    flush();
    const t0 = process.hrtime.bigint();
    fn(c);
    us.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  us.sort((a, b) => a - b);
  return { p25: us[Math.floor(us.length / 4)]!, p50: us[Math.floor(us.length / 2)]! };
}

/** Bytes of heap per call, as p25 and p50 (the same figure): the heap's growth over the calls, no GC between. */
function allocated(ctxs: MsgContext[], fn: (ctx: MsgContext) => void): { p25: number; p50: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().heapUsed;
  for (const c of ctxs) fn(c);
  const bytes = (process.memoryUsage().heapUsed - before) / ctxs.length;
  if (bytes < 0) throw new Error('a collection ran during the calls: run node with --max-semi-space-size=256, or fewer calls');
  return { p25: bytes, p50: bytes };
}

const store = new SqliteStore(':memory:');
await store.importSubscribers(Array.from({ length: USERS }, (_, i) => ({ username: user(i), domain: DOMAIN, password: password(i) })));

let ncNext = 1;
const pieces: Array<[string, () => { p25: number; p50: number }]> = [
  ['auth_check (SQLite, flag 1)', () => {
    const core = new RecordingCore(undefined, undefined, { store });
    const ch = parseChallenge(core.auth.challenge(DOMAIN, { qop: ['auth'], stale: false })[0]!);
    const ctxs = contexts(core, Array.from({ length: N }, (_, i) =>
      register(i, digestAuthorization(ch, { username: user(i), password: password(i), method: 'REGISTER', uri: `sip:${DOMAIN}`, nc: ncNext++ }))));
    return cold(ctxs, (c) => {
      const code = authorize(c, { realm: DOMAIN, kind: 'auto', lookup: subscriberLookup(c, 'subscriber'), checkIdentity: true });
      if (code !== AUTH.OK) throw new Error(`auth_check: expected 1, got ${code}`);
    });
  }],
  ['auth_challenge (401 built)', () => {
    const core = new RecordingCore();
    return cold(contexts(core, Array.from({ length: N }, (_, i) => register(i))), (c) => {
      if (sendChallenge(c, DOMAIN, 1, 'www') !== 1) throw new Error('no challenge');
      core.replies.length = 0;
    });
  }],
  ['registrar.save (memory, 200 built)', () => {
    const core = new RecordingCore(undefined, undefined, { usrloc: new Usrloc() });
    return cold(contexts(core, Array.from({ length: N }, (_, i) => register(i))), (c) => {
      if (save(c, 'location', 0) < 0) throw new Error('save failed');
      core.replies.length = 0;
    });
  }],
  ['sanity_check(1511, 7)', () => {
    const core = new RecordingCore();
    return cold(contexts(core, Array.from({ length: N }, (_, i) => register(i))), (c) => {
      if (sanityCheck(c, 1511, 7) !== 1) throw new Error('sanity failed');
    });
  }],
  ['process_maxfwd(10)', () => {
    const core = new RecordingCore();
    return cold(contexts(core, Array.from({ length: N }, (_, i) => register(i))), (c) => {
      processMaxfwd(c, 10);
    });
  }],
  ['buildReply 200 (received/rport)', () => {
    const core = new RecordingCore();
    return cold(contexts(core, Array.from({ length: N }, (_, i) => register(i))), (c) => {
      buildReply(c.msg, 200, 'OK', { ...viaReceivedParams(c, c.msg.topVia()), headers: ['Contact: <sip:a@127.0.0.1:5061>;expires=3600\r\n'] });
    });
  }],
  ['makeToTag', () => {
    const core = new RecordingCore();
    return cold(contexts(core, Array.from({ length: N }, (_, i) => register(i))), (c) => {
      makeToTag(c.msg);
    });
  }],
];

for (const [name, run] of pieces) {
  if (filter && !name.toLowerCase().includes(filter)) continue;
  run(); // warm-up: the code is compiled and optimised, as in a serving process
  const r = run();
  if (alloc) console.log(`${name.padEnd(36)} bytes allocated per call: ${r.p50.toFixed(0).padStart(6)}`);
  else console.log(`${name.padEnd(36)} cold µs: p50 ${r.p50.toFixed(2).padStart(6)}  p25 ${r.p25.toFixed(2).padStart(6)}`);
}
store.close();
if (sink === 42) console.log('');

// The cost of the workers' shared state (host/shared) against the in-thread Map, per operation:
// usrloc save (read the AoR's bindings, then write the refreshed one, as registrar.save does),
// usrloc lookup, and a nonce-count use (a new nonce; the next nc of a known one). 1000 AoRs
// and 1000 nonces are in the tables first. Each figure is the median of ROUNDS loops of N ops,
// Map and shared alternated so both see the same machine load; "contended" runs the shared
// save while another thread saves its own AoRs in a loop.
//   node --no-node-snapshot --import tsx bench/micro/shared-state.ts [N]
// Budget (this 2-core machine, quiet): shared save ≤ 15 µs, lookup ≤ 5 µs, nonce use ≤ 2 µs.
// Measured: with the bindings in a shared SharedStringMap (issue 9's fourteenth pass) save 11.0,
// lookup 3.7, contended save 16.3; while they were rows of the shared SQLite database (the
// same run of the tree before): 46.3, 13.7 and 125.9 (earlier, under load 7–11: 26–29 and
// 5–6; quiet, sixth pass: 38–41 and 9–11; contended with the lock's 30 µs spin ~135, without
// ~740). Nonce use 0.5–1.4 since nonce counts left SQLite (24–27 as rows). A contended save
// may wait up to the lock's STARVING_AFTER_MS (1 ms) for a thread that writes in a tight loop.
import { createSharedState, removeSharedState, SharedState } from '../../host/shared/shared-state.js';
import { Usrloc } from '../../host/registrar/usrloc.js';
import { NonceCounts, type NonceCountTable } from '../../host/auth/nonce-counts.js';
import { SharedNonceCounts } from '../../host/auth/shared-nonce-counts.js';
import type { LocationRecord } from '../../host/store/store.js';
import { binding } from '../../test/shared/bindings.js';
import { TestThread } from '../../test/shared/threads.js';

const N = Number(process.argv[2] ?? 5000);
const ROUNDS = 7;
const AORS = 1000;
const T0_MS = 1_700_000_000_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Saves per round while another thread saves in a loop. */
const CONTENDED_N = Math.max(1, Math.floor(N / 10));

/** µs per op of one loop of n. */
function loop(op: (i: number) => void, n = N): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) op(i);
  return Number(process.hrtime.bigint() - t0) / 1000 / n;
}

interface Subject {
  name: string;
  ul: Usrloc;
  counts: NonceCountTable;
}

function fill(s: Subject): LocationRecord[] {
  const recs: LocationRecord[] = [];
  for (let i = 0; i < AORS; i++) {
    const rec = binding(`user${i}`, `sip:user${i}@192.0.2.1:5060`, { ruid: s.ul.newRuid(), expires: T0_MS / 1000 + 3600 });
    s.ul.put('location', rec);
    recs.push(rec);
    s.counts.use(`nonce${i}`, T0_MS / 1000, 1, T0_MS / 1000);
  }
  return recs;
}

function ops(s: Subject, recs: LocationRecord[]) {
  const aors = recs.map((r) => ({ username: r.username, domain: '' }));
  let nc = 2;
  let fresh = 0;
  return {
    save: (i: number) => {
      const k = i % AORS;
      const current = s.ul.contacts('location', aors[k]!);
      s.ul.put('location', { ...current[0]!, cseq: current[0]!.cseq + 1, expires: T0_MS / 1000 + 3600 });
    },
    lookup: (i: number) => {
      if (s.ul.contacts('location', aors[i % AORS]!).length !== 1) throw new Error('bench: lookup found nothing');
    },
    nonceNew: () => {
      if (s.counts.use(`fresh${fresh++}`, T0_MS / 1000, 1, T0_MS / 1000) !== 'ok') throw new Error('bench: nonce refused');
    },
    nonceNext: (i: number) => {
      if (s.counts.use(`nonce${i % AORS}`, T0_MS / 1000, nc, T0_MS / 1000) !== 'ok') throw new Error('bench: nc refused');
      if (i % AORS === AORS - 1) nc++;
    },
  };
}

const h = createSharedState();
const shared = SharedState.open(h, { owner: 0 });
const clock = () => T0_MS;
const subjects: Subject[] = [
  { name: 'Map', ul: new Usrloc({ now: clock }), counts: new NonceCounts(100_000, 300) },
  { name: 'shared', ul: new Usrloc({ now: clock, shared }), counts: new SharedNonceCounts(shared.nonceCounts, 100_000, 300) },
];
const runs = subjects.map((s) => ops(s, fill(s)));
const results: Record<string, Record<string, number[]>> = {};
for (let r = 0; r < ROUNDS; r++) {
  subjects.forEach((s, i) => {
    const o = runs[i]!;
    for (const [name, op] of Object.entries(o)) ((results[name] ??= {})[s.name] ??= []).push(loop(op));
  });
}

console.log(`µs per operation, median of ${ROUNDS} × ${N} (${AORS} AoRs and nonces in each table)`);
console.log(`${'operation'.padEnd(34)}${'Map'.padStart(8)}${'shared'.padStart(9)}`);
const label: Record<string, string> = {
  save: 'usrloc save (read + write)', lookup: 'usrloc lookup', nonceNew: 'nonce use, new nonce', nonceNext: 'nonce use, next nc',
};
for (const [name, by] of Object.entries(results)) {
  console.log(`${label[name]!.padEnd(34)}${median(by.Map!).toFixed(1).padStart(8)}${median(by.shared!).toFixed(1).padStart(9)}`);
}
// contended: another thread (test/shared/shared-thread.ts, the real SharedState) saves its own AoRs in a loop meanwhile
const busy = await TestThread.start(h, 1);
const stop = new SharedArrayBuffer(4);
const busySaves = busy.call<number>('saveUntil', stop);
await new Promise((r) => setTimeout(r, 100));
const contended: number[] = [];
// fewer: a save here may wait up to the lock's STARVING_AFTER_MS (1 ms) each
for (let r = 0; r < ROUNDS; r++) contended.push(loop(runs[1]!.save, CONTENDED_N));
Atomics.store(new Int32Array(stop), 0, 1);
const othersSaves = await busySaves;
await busy.stop();
shared.close();
removeSharedState(h);

console.log(`${'usrloc save, another thread saving'.padEnd(34)}${'-'.padStart(8)}${median(contended).toFixed(1).padStart(9)}   (it saved ${othersSaves} meanwhile)`);

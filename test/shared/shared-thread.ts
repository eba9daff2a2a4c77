// One worker thread of the shared-state tests: opens the shared state as its owner and runs
// the operations the test posts ({id, op, args}), answering {id, result} or {id, error}.
import { parentPort, workerData } from 'node:worker_threads';
import { SharedState, type SharedStateHandle } from '../../host/shared/shared-state.js';
import { Usrloc } from '../../host/registrar/usrloc.js';
import { SharedNonceCounts } from '../../host/auth/shared-nonce-counts.js';
import { binding } from './bindings.js';

const { handle, owner } = workerData as { handle: SharedStateHandle; owner: number };
const shared = SharedState.open(handle, { owner });
let nowMs = 1_700_000_000_000;
const ul = new Usrloc({ shared, now: () => nowMs });
const nonces = new SharedNonceCounts(shared.nonceCounts, 1000, 300);

/** Waits until the test sets the start flag, so the threads' loops overlap. */
function waitForGo(go: Int32Array): void {
  while (Atomics.load(go, 0) === 0) Atomics.wait(go, 0, 0, 50);
}

const ops: Record<string, (...args: any[]) => unknown> = {
  setNow(ms: number) {
    nowMs = ms;
  },
  save(user: string, contact: string, expiresS: number) {
    const rec = binding(user, contact, { ruid: ul.newRuid(), expires: Math.floor(nowMs / 1000) + expiresS });
    ul.put('location', rec);
    return rec.ruid;
  },
  lookup(user: string) {
    return ul.contacts('location', ul.aorOf(user, '')).map((r) => r.contact);
  },
  /** SQLite's busy handler off: a collision our lock did not prevent would throw SQLITE_BUSY. */
  noBusyWait() {
    shared.db.pragma('busy_timeout = 0');
  },
  saveMany(go: SharedArrayBuffer, prefix: string, n: number, expiresS: number) {
    waitForGo(new Int32Array(go));
    for (let i = 0; i < n; i++) {
      ul.put('location', binding(`${prefix}${i}`, `sip:${prefix}${i}@h`, { ruid: ul.newRuid(), expires: Math.floor(nowMs / 1000) + expiresS }));
    }
  },
  /**
   * For ms after the go flag: saves of its own AoRs (the writers' lock) and uses of new nonces
   * (the nonce table's lock), alternately; how many, and the longest one took (ms).
   */
  contend(go: SharedArrayBuffer, ms: number) {
    waitForGo(new Int32Array(go));
    const end = performance.now() + ms;
    let n = 0;
    let longestMs = 0;
    for (let t = performance.now(); t < end; n++) {
      if (n % 4 !== 3) ul.put('location', binding(`c${owner}-${n % 500}`, `sip:c@${owner}`, { ruid: `c${owner}-${n % 500}`, expires: Math.floor(nowMs / 1000) + 3600 }));
      else nonces.use(`nonce-${owner}-${n}`, Math.floor(nowMs / 1000), 1, Math.floor(nowMs / 1000));
      const after = performance.now();
      longestMs = Math.max(longestMs, after - t);
      t = after;
    }
    return { n, longestMs };
  },
  /** Saves its own AoRs in a loop until the stop flag is set (the bench's other writer); how many. */
  saveUntil(stop: SharedArrayBuffer) {
    const flag = new Int32Array(stop);
    let i = 0;
    for (; Atomics.load(flag, 0) === 0; i++) {
      ul.put('location', binding(`busy${i % 1000}`, `sip:busy${i % 1000}@h`, { ruid: `busy-${i % 1000}`, expires: Math.floor(nowMs / 1000) + 3600 }));
    }
    return i;
  },
  /** n rounds of: read alice's bindings, add one when she has fewer than max (atomically or not); how many added. */
  addIfFewer(go: SharedArrayBuffer, max: number, n: number, atomic: boolean) {
    waitForGo(new Int32Array(go));
    const aor = ul.aorOf('alice', '');
    let added = 0;
    const step = () => {
      if (ul.contacts('location', aor).length >= max) return;
      ul.put('location', binding('alice', `sip:alice@w${owner}-${added}`, { ruid: ul.newRuid(), expires: Math.floor(nowMs / 1000) + 3600 }));
      added++;
    };
    for (let i = 0; i < n; i++) (atomic ? ul.atomically(step) : step());
    return added;
  },
  increment(go: SharedArrayBuffer, n: number) {
    waitForGo(new Int32Array(go));
    const get = shared.db.prepare('SELECT n FROM test_counter WHERE id = 1').pluck();
    const set = shared.db.prepare('UPDATE test_counter SET n = ? WHERE id = 1');
    // a read-modify-write: only the lock keeps two threads from writing the same n + 1
    for (let i = 0; i < n; i++) shared.write(() => set.run((get.get() as number) + 1));
  },
  takeExpired(go: SharedArrayBuffer) {
    waitForGo(new Int32Array(go));
    const taken: string[] = [];
    // several rounds while the other threads take too
    for (let i = 0; i < 20; i++) for (const { rec } of ul.takeExpired()) taken.push(rec.ruid);
    return taken;
  },
  nonce(nonce: string, issuedS: number, nc: number, nowS: number, branch?: string) {
    return nonces.use(nonce, issuedS, nc, nowS, branch);
  },
  /**
   * Writes inside a lock, then dies there: by exiting, or stuck until terminated. `database`: a
   * row of shared_flags named `name` in the database's write; `locations`: a binding of user
   * `name` in a step of the location table.
   */
  dieInWrite(how: 'exit' | 'stuck', name: string, where: 'database' | 'locations' = 'locations') {
    const die = () => {
      parentPort!.postMessage({ inWrite: true });
      if (how === 'exit') process.exit(3);
      const never = new Int32Array(new SharedArrayBuffer(4));
      for (;;) Atomics.wait(never, 0, 0);
    };
    if (where === 'database') {
      shared.write(() => {
        shared.db.prepare('INSERT INTO shared_flags VALUES (?)').run(name);
        die();
      });
      return;
    }
    ul.atomically(() => {
      ul.put('location', binding(name, `sip:${name}@dead`, { ruid: ul.newRuid(), expires: Math.floor(nowMs / 1000) + 3600 }));
      die();
    });
  },
  /**
   * n random changes of 200 keys of the shared location map (`churn-<k>`, apart from usrloc's):
   * sets of 0-1500 bytes, deletes, and steps that set and delete and then throw (undone); how
   * many of each. A small congruential generator from `seed`, so a run can be repeated.
   */
  mapChurn(go: SharedArrayBuffer, n: number, seed: number) {
    waitForGo(new Int32Array(go));
    const map = shared.locations;
    let x = seed >>> 0;
    const rnd = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const key = () => `churn-${Math.floor(rnd() * 200)}`;
    const counts = { sets: 0, deletes: 0, undone: 0 };
    for (let i = 0; i < n; i++) {
      const r = rnd();
      if (r < 0.5) {
        map.set(key(), 'v'.repeat(Math.floor(rnd() * 1500)), i);
        counts.sets++;
      } else if (r < 0.8) {
        map.delete(key());
        counts.deletes++;
      } else {
        try {
          map.atomically(() => {
            map.set(key(), 'w'.repeat(Math.floor(rnd() * 900)));
            map.delete(key());
            throw new Error('undo');
          });
        } catch {
          counts.undone++;
        }
      }
    }
    return counts;
  },
  /** A row of shared_flags, written in the database's write (its lock). */
  flag(name: string) {
    shared.write(() => shared.db.prepare('INSERT INTO shared_flags VALUES (?)').run(name));
  },
  close() {
    shared.close();
  },
};

parentPort!.on('message', (m: { id: number; op: string; args: unknown[] }) => {
  try {
    parentPort!.postMessage({ id: m.id, result: ops[m.op]!(...m.args) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).stack ?? String(e) });
  }
});
parentPort!.postMessage({ ready: true });

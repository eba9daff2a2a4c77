// Runs a behaviour suite against the workers' shared state as well as the in-thread tables:
// a test file of the shared variant calls useSharedState() and then imports the suite's test
// files; their helpers ask sharedState() for the state to build on (null: the in-thread Map).
// Each call makes a fresh database, removed when the process exits.
import { createSharedState, removeSharedState, SharedState } from '../../host/shared/shared-state.js';

let on = false;
const made: Array<{ state: SharedState; remove: () => void }> = [];

export function useSharedState(): void {
  if (on) return;
  on = true;
  process.once('exit', () => {
    for (const m of made) {
      m.state.close();
      m.remove();
    }
  });
}

/** A fresh shared state opened by the main thread (owner 0) when the shared variant runs, else null. */
export function sharedState(): SharedState | null {
  if (!on) return null;
  // a few MiB: enough for any suite, and a process that runs hundreds of them maps little
  const h = createSharedState({ locationBytes: 4 * 1024 * 1024 });
  const state = SharedState.open(h, { owner: 0 });
  made.push({ state, remove: () => removeSharedState(h) });
  return state;
}

// isolated-vm 5.0 removes its environment for the main isolate in a Node cleanup hook. If V8
// finishes an incremental marking after that (Node's last uv_run of FreeEnvironment, or the
// heap detach in ~IsolateData), the weak callbacks of isolated-vm handles that became garbage
// (References, Callbacks, ExternalCopies) look for that environment and abort the process:
// "IsolateEnvironment::GetCurrent(): Assertion `environment != nullptr' failed", exit 134
// after a clean run (seen in CI and under gdb at the end of a test file). A full collection in
// 'exit', which Node emits before its cleanup hooks, runs those callbacks while the
// environment is still there and leaves no marking in progress for the teardown to finish.
import v8 from 'node:v8';
import vm from 'node:vm';

let installed = false;

/** Collect the garbage once when this thread's process object emits 'exit'. Idempotent. */
export function drainIsolateHandlesAtExit(): void {
  if (installed) return;
  installed = true;
  process.once('exit', collectAtExit);
}

function collectAtExit(): void {
  try {
    collectGarbage();
  } catch {
    // the process is exiting anyway: a failed collection leaves the old odds, no worse
  }
}

/** A full collection of this thread's heap: node's gc(), reached without --expose-gc on the command line. */
export function collectGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed();
  // the flag set now only affects contexts made after it
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

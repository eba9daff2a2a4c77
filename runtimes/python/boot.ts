// Boots pyodide inside an isolate through its d8-style shell path, then locks WebAssembly
// down and installs the KSR bridge. What the guest can reach afterwards: the isolate's own
// globals, pyodide, and the two host callbacks (the KSR dispatcher and random bytes).
// Every step runs through isolated-vm's asynchronous calls, on the isolate's own thread: a
// boot (seconds) or a rebuild never blocks the event loop that serves messages. Host
// callbacks the guest makes meanwhile (random bytes) are run on the event loop between two
// of its turns, with the guest waiting.
import { randomBytes } from 'node:crypto';
import ivm from 'isolated-vm';
import { FACT_SEPARATOR, type Dispatcher } from '../../bindings/registry.js';
import { FACTS_SOURCE } from '../guest-facts.js';
import { BRIDGE_CALL, BRIDGE_ENTRIES, BRIDGE_LIMITS, IsolateSandbox } from '../isolate/sandbox.js';
import { BRIDGE_PROTOCOL, GUEST_PROTOCOL_JSON } from '../guest-protocol.js';
import { ROUTER_LOGGER } from '../../bindings/python-router.js';
import type { Watchdog } from './watchdog.js';
import {
  arrayBufferOf,
  compiledWasm,
  emscriptenSource,
  guestSource,
  loaderSource,
  lockFileText,
  MB,
  stdlibZip,
} from './pyodide-assets.js';

/** Wall-clock budget for booting pyodide (normally 2–3 s on the project's machine). */
const BOOT_TIMEOUT_MS = 60_000;
/** Budget for each set-up step around boot (shims, modules, bridge, lockdown). */
const SETUP_TIMEOUT_MS = 10_000;

export interface BootOptions {
  dispatcher: Dispatcher;
  /** Raises pyodide's interrupt flag at a call's deadline; its flag is shared with the isolate. */
  watchdog: Watchdog;
  /** Cap of pyodide's wasm memory (Python gets MemoryError past it). */
  wasmCapBytes: number;
  /** The isolate's own memoryLimit: V8 heap and ArrayBuffers (not the wasm memory). */
  isolateMb: number;
}

/** The entry points the host keeps into a booted Python isolate. */
export interface PythonGuest {
  sandbox: IsolateSandbox;
  /** (source, file) → the guest protocol's ok code or error report (JSON) */
  load: ivm.Reference<(source: string, file: string) => number | string>;
  /** () → JSON list of callable names */
  names: ivm.Reference<() => string>;
  /** (callback, arg|null) → a guest protocol result code or error report (JSON) */
  invoke: ivm.Reference<(name: string, arg: string | null, facts: string | null, nested: boolean) => number | string>;
  /** () → bytes of wasm memory in use */
  wasmBytes: ivm.Reference<() => number>;
  /** () → 'ok' once pending interrupts are drained and the interpreter is sound, else why not */
  settle: ivm.Reference<() => string>;
}

function fail(step: string, error: Error | undefined, outcome: string): never {
  throw new Error(`pyodide boot: ${step} failed (${outcome}): ${error?.message ?? 'no detail'}`);
}

async function copyInputs(sandbox: IsolateSandbox, o: BootOptions): Promise<void> {
  const g = sandbox.context.global;
  const files = new ivm.ExternalCopy({
    'python_stdlib.zip': arrayBufferOf(stdlibZip()),
    'pyodide-lock.json': arrayBufferOf(Buffer.from(lockFileText())),
    'pyodide.asm.wasm': new ArrayBuffer(0), // the compiled module is shared instead
  });
  await g.set('__pyodide_files', files.copyInto({ release: true }));
  const wasm = new ivm.ExternalCopy(compiledWasm(o.wasmCapBytes));
  await g.set('__pyodide_wasm', wasm.copyInto({ release: true }));
  // shared, not copied: the watchdog thread writes, Python reads
  await g.set('__ksr_interrupt', new ivm.ExternalCopy(o.watchdog.flag).copyInto({ release: true }));
  await g.set(
    '__pyodide_random',
    new ivm.Callback((n: number) => {
      const bytes = randomBytes(Math.max(0, Math.min(65536, n | 0)));
      return new ivm.ExternalCopy(arrayBufferOf(bytes)).copyInto({ release: true });
    }),
  );
}

async function compileModules(sandbox: IsolateSandbox, wasmCapBytes: number): Promise<ivm.Module> {
  const { isolate, context } = sandbox;
  const modules = new Map<string, ivm.Module>([
    ['pyodide.asm.mjs', await isolate.compileModule(emscriptenSource(wasmCapBytes), { filename: 'pyodide/pyodide.asm.mjs' })],
    ['pyodide.mjs', await isolate.compileModule(loaderSource(), { filename: 'pyodide/pyodide.mjs' })],
  ]);
  const main = await isolate.compileModule(
    `import { loadPyodide } from 'pyodide.mjs';
     import createPyodideModule from 'pyodide.asm.mjs';
     globalThis.__pyodide_boot = async () => {
       globalThis.__pyodide = await loadPyodide({
         indexURL: '/pyodide/',
         createPyodideModule,
         lockFileContents: JSON.parse(read('pyodide-lock.json')),
         packages: [],
       });
     };`,
    { filename: 'pyodide/boot.mjs' },
  );
  await main.instantiate(context, (specifier) => {
    const m = modules.get(specifier);
    if (!m) throw new Error(`pyodide boot: module '${specifier}' is not available in the isolate`);
    return m;
  });
  await main.evaluate({ timeout: SETUP_TIMEOUT_MS });
  return main;
}

/**
 * The KSR bridge: the dispatcher, except that once the watchdog has raised the interrupt
 * for the call running now, every KSR call stops the script (the sticky stop), so a script
 * that catches KeyboardInterrupt can do nothing more to the message.
 */
async function installBridge(sandbox: IsolateSandbox, o: BootOptions): Promise<void> {
  const { dispatcher, watchdog } = o;
  const g = sandbox.context.global;
  const call = (index: number, ...args: unknown[]) => {
    // the host answers STOP (and, for a script that catches it and calls on past the cap,
    // ends the isolate: the isolate's timeout does not count the time spent here)
    if (watchdog.overdue() && dispatcher.context) dispatcher.context.stopped = true;
    return dispatcher.call(index, args);
  };
  await g.set(BRIDGE_CALL, new ivm.Callback(call));
  await g.set(BRIDGE_ENTRIES, dispatcher.guestEntries());
  await g.set(BRIDGE_LIMITS, dispatcher.guestLimits());
  await g.set(BRIDGE_PROTOCOL, GUEST_PROTOCOL_JSON);
  await g.set('__ksr_router_logger', JSON.stringify(ROUTER_LOGGER));
}

async function step(sandbox: IsolateSandbox, what: string, code: string, filename: string): Promise<void> {
  const r = await sandbox.evalAsync(code, filename, SETUP_TIMEOUT_MS);
  if (r.outcome !== 'ok') fail(what, r.error, r.outcome);
}

async function takeReference<T>(sandbox: IsolateSandbox, name: string): Promise<ivm.Reference<T>> {
  const g = sandbox.context.global;
  const ref = (await g.get(name, { reference: true })) as ivm.Reference<T>;
  await g.delete(name);
  return ref;
}

export async function bootPython(o: BootOptions): Promise<PythonGuest> {
  const sandbox = IsolateSandbox.create(o.isolateMb);
  try {
    await copyInputs(sandbox, o);
    await step(sandbox, 'shims', guestSource('shims.js'), 'ksr-python/shims.js');
    await compileModules(sandbox, o.wasmCapBytes);
    const booted = await sandbox.evalAsync('__pyodide_boot()', 'ksr-python/boot.js', BOOT_TIMEOUT_MS);
    if (booted.outcome !== 'ok') fail('loadPyodide', booted.error, booted.outcome);
    await step(
      sandbox,
      'setup',
      `delete globalThis.__pyodide_boot; __pyodide_forget_files(); __pyodide_restore_instantiate();
       globalThis.__ksr_wasm_bytes = ((m) => () => m.HEAPU8.length)(__pyodide._module);
       undefined;`,
      'ksr-python/setup.js',
    );
    await step(sandbox, 'interrupt buffer', guestSource('interrupts.js'), 'ksr-python/interrupts.js');
    await step(sandbox, 'disabling built-in modules', guestSource('disable-builtins.js'), 'ksr-python/disable-builtins.js');
    await step(sandbox, 'WebAssembly lockdown', guestSource('wasm-lockdown.js'), 'ksr-python/wasm-lockdown.js');
    sandbox.lockDown('python'); // resizable buffers and Intl: memory the isolate does not count
    await installBridge(sandbox, o);
    await sandbox.context.global.set('__ksr_py', guestSource('ksr.py'));
    // the answers from the message's facts, as every guest has them (../guest-facts.ts)
    await step(sandbox, 'message facts', `globalThis.__ksr_facts = ${FACTS_SOURCE}(${JSON.stringify(FACT_SEPARATOR)}, ${o.dispatcher.limits.maxValueBytes}); undefined;`, 'ksr-python/facts.js');
    await step(sandbox, 'KSR bridge', guestSource('bridge.js'), 'ksr-python/bridge.js');
    return {
      sandbox,
      load: await takeReference(sandbox, '__ksr_load'),
      names: await takeReference(sandbox, '__ksr_names'),
      invoke: await takeReference(sandbox, '__ksr_invoke'),
      wasmBytes: await takeReference(sandbox, '__ksr_wasm_bytes'),
      settle: await takeReference(sandbox, '__ksr_settle'),
    };
  } catch (e) {
    sandbox.dispose();
    throw e;
  }
}

export const DEFAULT_ISOLATE_MB = 128;
export { MB };

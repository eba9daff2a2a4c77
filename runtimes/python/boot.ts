// Boots pyodide inside an isolate through its d8-style shell path, then locks WebAssembly
// down and installs the KSR bridge. What the guest can reach afterwards: the isolate's own
// globals, pyodide, and the two host callbacks (the KSR dispatcher and random bytes).
import { randomBytes } from 'node:crypto';
import ivm from 'isolated-vm';
import type { Dispatcher } from '../../bindings/registry.js';
import { IsolateSandbox } from '../isolate/sandbox.js';
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
/** Budget for the synchronous set-up steps after boot (bridge, lockdown). */
const SETUP_TIMEOUT_MS = 10_000;

export interface BootOptions {
  dispatcher: Dispatcher;
  /** Cap of pyodide's wasm memory (Python gets MemoryError past it). */
  wasmCapBytes: number;
  /** The isolate's own memoryLimit: V8 heap and ArrayBuffers (not the wasm memory). */
  isolateMb: number;
}

/** The entry points the host keeps into a booted Python isolate. */
export interface PythonGuest {
  sandbox: IsolateSandbox;
  /** (source, file) → '' or error JSON */
  load: ivm.Reference<(source: string, file: string) => string>;
  /** () → JSON list of callable names */
  names: ivm.Reference<() => string>;
  /** (callback, arg|null) → '' | 'stop' | 'missing' | error JSON */
  invoke: ivm.Reference<(name: string, arg: string | null) => string>;
  /** () → bytes of wasm memory in use */
  wasmBytes: ivm.Reference<() => number>;
}

function fail(step: string, error: Error | undefined, outcome: string): never {
  throw new Error(`pyodide boot: ${step} failed (${outcome}): ${error?.message ?? 'no detail'}`);
}

function copyInputs(sandbox: IsolateSandbox, wasmCapBytes: number): void {
  const g = sandbox.context.global;
  const files = new ivm.ExternalCopy({
    'python_stdlib.zip': arrayBufferOf(stdlibZip()),
    'pyodide-lock.json': arrayBufferOf(Buffer.from(lockFileText())),
    'pyodide.asm.wasm': new ArrayBuffer(0), // the compiled module is shared instead
  });
  g.setSync('__pyodide_files', files.copyInto({ release: true }));
  const wasm = new ivm.ExternalCopy(compiledWasm(wasmCapBytes));
  g.setSync('__pyodide_wasm', wasm.copyInto({ release: true }));
  g.setSync(
    '__pyodide_random',
    new ivm.Callback((n: number) => {
      const bytes = randomBytes(Math.max(0, Math.min(65536, n | 0)));
      return new ivm.ExternalCopy(arrayBufferOf(bytes)).copyInto({ release: true });
    }),
  );
}

function compileModules(sandbox: IsolateSandbox, wasmCapBytes: number): ivm.Module {
  const { isolate, context } = sandbox;
  const modules = new Map<string, ivm.Module>([
    ['pyodide.asm.mjs', isolate.compileModuleSync(emscriptenSource(wasmCapBytes), { filename: 'pyodide/pyodide.asm.mjs' })],
    ['pyodide.mjs', isolate.compileModuleSync(loaderSource(), { filename: 'pyodide/pyodide.mjs' })],
  ]);
  const main = isolate.compileModuleSync(
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
  main.instantiateSync(context, (specifier) => {
    const m = modules.get(specifier);
    if (!m) throw new Error(`pyodide boot: module '${specifier}' is not available in the isolate`);
    return m;
  });
  main.evaluateSync({ timeout: SETUP_TIMEOUT_MS });
  return main;
}

function takeReference<T>(sandbox: IsolateSandbox, name: string): ivm.Reference<T> {
  const g = sandbox.context.global;
  const ref = g.getSync(name, { reference: true }) as ivm.Reference<T>;
  g.deleteSync(name);
  return ref;
}

export async function bootPython(o: BootOptions): Promise<PythonGuest> {
  const sandbox = IsolateSandbox.create(o.isolateMb);
  try {
    copyInputs(sandbox, o.wasmCapBytes);
    const shims = sandbox.evalSync(guestSource('shims.js'), 'ksr-python/shims.js', SETUP_TIMEOUT_MS);
    if (shims.outcome !== 'ok') fail('shims', shims.error, shims.outcome);
    compileModules(sandbox, o.wasmCapBytes);
    const booted = await sandbox.evalAsync('__pyodide_boot()', 'ksr-python/boot.js', BOOT_TIMEOUT_MS);
    if (booted.outcome !== 'ok') fail('loadPyodide', booted.error, booted.outcome);
    const setup = sandbox.evalSync(
      `delete globalThis.__pyodide_boot; __pyodide_forget_files(); __pyodide_restore_instantiate();
       globalThis.__ksr_wasm_bytes = ((m) => () => m.HEAPU8.length)(__pyodide._module);`,
      'ksr-python/setup.js',
      SETUP_TIMEOUT_MS,
    );
    if (setup.outcome !== 'ok') fail('setup', setup.error, setup.outcome);
    const builtins = sandbox.evalSync(guestSource('disable-builtins.js'), 'ksr-python/disable-builtins.js', SETUP_TIMEOUT_MS);
    if (builtins.outcome !== 'ok') fail('disabling built-in modules', builtins.error, builtins.outcome);
    const lock = sandbox.evalSync(guestSource('wasm-lockdown.js'), 'ksr-python/wasm-lockdown.js', SETUP_TIMEOUT_MS);
    if (lock.outcome !== 'ok') fail('WebAssembly lockdown', lock.error, lock.outcome);
    sandbox.lockDown('python'); // resizable buffers and Intl: memory the isolate does not count
    sandbox.installBridge(o.dispatcher);
    sandbox.context.global.setSync('__ksr_py', guestSource('ksr.py'));
    const bridge = sandbox.evalSync(guestSource('bridge.js'), 'ksr-python/bridge.js', SETUP_TIMEOUT_MS);
    if (bridge.outcome !== 'ok') fail('KSR bridge', bridge.error, bridge.outcome);
    return {
      sandbox,
      load: takeReference(sandbox, '__ksr_load'),
      names: takeReference(sandbox, '__ksr_names'),
      invoke: takeReference(sandbox, '__ksr_invoke'),
      wasmBytes: takeReference(sandbox, '__ksr_wasm_bytes'),
    };
  } catch (e) {
    sandbox.dispose();
    throw e;
  }
}

export const DEFAULT_ISOLATE_MB = 128;
export { MB };

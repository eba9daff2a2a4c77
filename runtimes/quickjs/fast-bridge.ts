// The KSR bridge `__ksr_call` on quickjs-emscripten's low-level path. The public API wraps
// every host call in a scope, a lifetime object per argument and a handle for the result
// (7.3-7.5 µs a call, much of it garbage); here the call reads its arguments straight from
// the argv pointers and returns a fresh JSValue pointer, which the C side takes over (as the
// library's own path does with QTS_DupValuePointer). This reaches into quickjs-emscripten
// 0.32 internals (context.cToHostCallbacks, context.ffi, module.module): pinned version.
import { IsEqualOp, type QuickJSContext, type QuickJSHandle, type QuickJSWASMModule } from 'quickjs-emscripten';
import type { Dispatcher, KsrJson, KsrSignal, KsrValue } from '../../bindings/registry.js';

/** The few FFI functions used, with pointers as plain numbers. */
interface Ffi {
  QTS_ArgvGetJSValueConstPointer(argv: number, i: number): number;
  QTS_Typeof(ctx: number, v: number): number;
  QTS_GetFloat64(ctx: number, v: number): number;
  QTS_GetString(ctx: number, v: number): number;
  QTS_FreeCString(ctx: number, s: number): void;
  QTS_NewFloat64(ctx: number, n: number): number;
  QTS_NewString(ctx: number, s: number): number;
  QTS_DupValuePointer(ctx: number, v: number): number;
  QTS_GetNull(): number;
  QTS_GetTrue(): number;
  QTS_GetFalse(): number;
  QTS_IsEqual(ctx: number, a: number, b: number, op: number): number;
}

interface Emscripten {
  HEAPU8: Uint8Array;
  UTF8ToString(ptr: number): string;
  stringToUTF8(s: string, ptr: number, max: number): void;
  lengthBytesUTF8(s: string): number;
  _malloc(n: number): number;
  _free(p: number): void;
}

type HostCall = (ctx: number, thisPtr: number, argc: number, argv: number, fnId: number) => number;

interface ContextInternals {
  ffi: Ffi;
  ctx: { value: number };
  cToHostCallbacks: { callFunction: HostCall };
}

/** Stands for any value a KSR function cannot take, so argument checks say "got object". */
const NOT_A_VALUE = Object.freeze({});
const CH_S = 's'.charCodeAt(0);
const CH_T = 't'.charCodeAt(0);
const CH_N = 'n'.charCodeAt(0);
const CH_B = 'b'.charCodeAt(0);
const CH_O = 'o'.charCodeAt(0);
const CH_U = 'u'.charCodeAt(0);
const STRICTLY_EQUAL = IsEqualOp.IsStrictlyEqual as number;

/**
 * Defines global `name` in vm as the KSR bridge. Signals (rare) are built as objects through
 * the public API; everything else stays on the low-level path.
 */
export function installFastBridge(module: QuickJSWASMModule, vm: QuickJSContext, name: string, dispatcher: Dispatcher): void {
  const em = (module as unknown as { module: Emscripten }).module;
  const internals = vm as unknown as ContextInternals;
  const ffi = internals.ffi;
  const ctxPtr = internals.ctx.value;
  const nullPtr = ffi.QTS_GetNull();
  const truePtr = ffi.QTS_GetTrue();
  const falsePtr = ffi.QTS_GetFalse();

  const readArg = (argv: number, i: number): unknown => {
    const v = ffi.QTS_ArgvGetJSValueConstPointer(argv, i);
    const t = ffi.QTS_Typeof(ctxPtr, v);
    const c0 = em.HEAPU8[t]!;
    const c1 = em.HEAPU8[t + 1]!;
    em._free(t);
    if (c0 === CH_S && c1 === CH_T) {
      const s = ffi.QTS_GetString(ctxPtr, v);
      const out = em.UTF8ToString(s);
      ffi.QTS_FreeCString(ctxPtr, s);
      return out;
    }
    if (c0 === CH_N) return ffi.QTS_GetFloat64(ctxPtr, v);
    if (c0 === CH_B && c1 === CH_O) return ffi.QTS_GetFloat64(ctxPtr, v) === 1;
    if (c0 === CH_U) return undefined;
    // typeof null is 'object'; strict equality runs no script code (valueOf would).
    if (c0 === CH_O && ffi.QTS_IsEqual(ctxPtr, v, nullPtr, STRICTLY_EQUAL) === 1) return null;
    return NOT_A_VALUE;
  };

  const newString = (s: string): number => {
    const n = em.lengthBytesUTF8(s) + 1;
    const p = em._malloc(n);
    em.stringToUTF8(s, p, n);
    const v = ffi.QTS_NewString(ctxPtr, p);
    em._free(p);
    return v;
  };

  /** A signal, or a dict/array's JSON ({ ksrJson }): an object of strings, which the bootstrap's settle() reads. */
  const signalObject = (sig: KsrSignal | KsrJson): number => {
    const o: QuickJSHandle = vm.newObject();
    for (const [k, x] of Object.entries(sig)) {
      const s = vm.newString(String(x));
      vm.setProp(o, k, s);
      s.dispose();
    }
    const p = ffi.QTS_DupValuePointer(ctxPtr, o.value as unknown as number);
    o.dispose();
    return p;
  };

  const toGuest = (v: KsrValue | KsrSignal | KsrJson): number => {
    if (typeof v === 'string') return newString(v);
    if (typeof v === 'number') return ffi.QTS_NewFloat64(ctxPtr, v);
    if (typeof v === 'boolean') return ffi.QTS_DupValuePointer(ctxPtr, v ? truePtr : falsePtr);
    if (v === null || v === undefined) return ffi.QTS_DupValuePointer(ctxPtr, nullPtr);
    return signalObject(v);
  };

  // A marker function: the library allocates its host-ref id; calls with that id come here.
  const marker = (): undefined => undefined;
  const fnHandle = vm.newFunction(name, marker);
  const runtimeRefs = (vm.runtime as unknown as { hostRefs: { get(id: number): unknown } }).hostRefs;
  let bridgeId: number | undefined;
  const callbacks = internals.cToHostCallbacks;
  const original = callbacks.callFunction;
  callbacks.callFunction = (ctx, thisPtr, argc, argv, fnId) => {
    if (fnId !== bridgeId) {
      if (bridgeId !== undefined || ctx !== ctxPtr || runtimeRefs.get(fnId) !== marker) return original(ctx, thisPtr, argc, argv, fnId);
      bridgeId = fnId;
    }
    let v: KsrValue | KsrSignal | KsrJson;
    try {
      const args = new Array<unknown>(argc > 0 ? argc - 1 : 0);
      for (let i = 1; i < argc; i++) args[i - 1] = readArg(argv, i);
      v = dispatcher.call(argc > 0 ? ffi.QTS_GetFloat64(ctxPtr, ffi.QTS_ArgvGetJSValueConstPointer(argv, 0)) : -1, args);
    } catch {
      v = { ksrSignal: 'error', message: 'KSR: internal error (see server log)' };
    }
    return toGuest(v);
  };
  vm.setProp(vm.global, name, fnHandle);
  fnHandle.dispose();
}

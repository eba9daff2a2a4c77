// The KSR registry: one frozen table of every function a script can call, and the one
// entry point (Dispatcher.call) through which every runtime calls them, by index.
// Runtimes never name a KSR function: they build `KSR` from `entries` (DESIGN.md §3).
import type { MsgContext } from '../host/core/context.js';
import type { ScriptLogger } from '../host/core/services.js';
import { PvTable, type PvDeclarations } from '../host/core/pv.js';
import type { ModuleService, NamedModuleService } from '../host/core/module-service.js';

export type ParamType = 'str' | 'int' | 'long';
export type ReturnType = 'int' | 'bool' | 'xval' | 'none';
/**
 * A dict or an array an `xval` function returns (Kamailio's SR_KEMIP_DICT / SR_KEMIP_ARRAY):
 * plain objects and arrays of strings, finite numbers, booleans, null and nested ones. The
 * Dispatcher checks it (structuredWire) and it crosses as one JSON text ({ ksrJson }), which
 * every guest parses into its own native value: nothing of the host reaches a guest.
 */
export class KsrStructured {
  constructor(readonly value: unknown) {
    Object.freeze(this);
  }
}

/** How deep a structured value may nest (the outermost dict or array is level 1). */
export const MAX_STRUCTURED_DEPTH = 8;

/** What may cross into an interpreter: copies only, never host objects. */
export type KsrValue = string | number | boolean | null | undefined;

export type KsrImpl = (ctx: MsgContext, ...args: any[]) => KsrValue | KsrStructured;

/**
 * How far a function honours Kamailio's behaviour: `complete`, or `partial: why` naming what is
 * ignored or missing. READMEs, `ksr-host api` and the typings show it (bindings/generate.ts).
 */
export type KsrStatus = 'complete' | `partial: ${string}`;

export interface KsrDeclaration {
  readonly params: readonly ParamType[];
  readonly returns: ReturnType;
  /** Accepts any number of further `str` arguments after `params` (KSR.x.modf). */
  readonly variadic?: boolean;
  readonly fn: KsrImpl;
  /** Absent: complete. Set through decl.ts's partial(why, ...). */
  readonly status?: KsrStatus;
  /**
   * False for a function that needs no message (the log functions): it may also be called
   * outside a route callback (a script's top level, Python's mod_init/__init__/child_init), as
   * Kamailio allows; then `fn` gets the Dispatcher's `outside` scope, so it reads only `ctx.core.logger`.
   */
  readonly needsMessage?: false;
  /**
   * Answered inside the guest from the message's facts (ModuleExtras.facts), without a host
   * call, when the arguments are of the declared types; any other call takes the usual path.
   */
  readonly answer?: FactAnswer;
  /**
   * The call only stops the script (KSR.x.exit): a guest may answer it itself, without a host
   * call, by setting its own "stopped" state for the message and throwing its stop signal; the
   * invoke then reports RESULT.stopped and the runtime sets ctx.stopped (guest-protocol.ts).
   * Optional for a guest: one that does not honour it calls `fn`, which must stop the message
   * the same way (ctx.stopped). No parameters, returns none.
   */
  readonly stops?: true;
  /**
   * The call may replace the message the script sees (msg_apply_changes, msg_set_buffer...):
   * a guest forgets the facts it answers from after such a call, until the next callback, so
   * the host answers from the new message (runtimes/guest-facts.ts).
   */
  readonly changesMessage?: true;
  /**
   * The xval may be a dict or an array (a KsrStructured: xavp_getd...): the typings say so, and
   * only such a row may return one (the Dispatcher refuses it from any other).
   */
  readonly structured?: true;
}

/**
 * A message fact: a value of the message as received, which no KSR call can change (SipMessage
 * is immutable; script changes are lumps and context fields, as in Kamailio, whose is_method
 * reads the first line as received). The host sends the facts with every callback; '' is a
 * fact's "none" (no to-tag, no method). null: not known cheaply for this message (a reply's
 * To, which only a request has parsed on receipt): the guest asks the host for what is
 * answered from that fact (FACT_UNKNOWN), the other facts still answer in the guest.
 */
export type FactReader = (ctx: MsgContext) => string | null;

/**
 * How a function is answered from one fact, inside the guest (every guest does the same,
 * runtimes/guest-facts.ts): true or false, returned as the declared type (bool, int 1/-1).
 * - `is`: no argument; the fact equals `value`.
 * - `letterOf`: one str argument; one of its letters, upper-cased, names the fact in `letters`.
 * - `nameIn`: one str argument; one of its '|'-separated names, trimmed and upper-cased, is
 *   the fact (never an empty fact).
 * - `value`: no argument, returns xval; the fact itself when it is not '' (its "none": then
 *   the host answers, so each null mode of a getter family keeps its own answer).
 */
export type FactAnswer =
  | { readonly fact: string; readonly test: 'is'; readonly value: string }
  | { readonly fact: string; readonly test: 'letterOf'; readonly letters: Readonly<Record<string, string>> }
  | { readonly fact: string; readonly test: 'nameIn' }
  | { readonly fact: string; readonly test: 'value' };

/** A FactAnswer as guests get it: the fact by its place in Registry.factNames. */
export type GuestFactAnswer =
  | { readonly fact: number; readonly test: 'is'; readonly value: string }
  | { readonly fact: number; readonly test: 'letterOf'; readonly letters: Readonly<Record<string, string>> }
  | { readonly fact: number; readonly test: 'nameIn' }
  | { readonly fact: number; readonly test: 'value' };

/**
 * Separates the facts in the text sent with a callback. A message whose fact holds it (none
 * can: methods are tokens) is sent no facts.
 */
export const FACT_SEPARATOR = '\x1f';

/**
 * Stands in the facts text for a fact not known cheaply for this message (its reader answered
 * null): what is answered from it goes to the host. A fact whose value were this text (none
 * is: the readers give '1', '', tokens or hosts) would only send its functions to the host.
 */
export const FACT_UNKNOWN = '\x1e';

/** What a function that needs no message reads of its context (MsgContext has it too). */
export interface KsrScope {
  readonly core: { readonly logger: ScriptLogger };
}

/** A registry row as runtimes see it: plain data, copyable into any isolate. */
export interface KsrEntry {
  readonly index: number;
  /** '' for core functions (KSR.info), else the sub-module (KSR.hdr.get). */
  readonly module: string;
  readonly name: string;
  readonly params: readonly ParamType[];
  readonly variadic: boolean;
  readonly returns: ReturnType;
  readonly status: KsrStatus;
  /** Answered in the guest from the message's facts (KsrDeclaration.answer). */
  readonly answer?: GuestFactAnswer;
  /** A guest may stop the script itself for this call (KsrDeclaration.stops). */
  readonly stops?: true;
  /** After this call a guest forgets the message's facts (KsrDeclaration.changesMessage). */
  readonly changesMessage?: true;
  /** May return a dict or an array (KsrDeclaration.structured). */
  readonly structured?: true;
}

export interface KsrModule {
  readonly module: string;
  readonly functions: Readonly<Record<string, KsrDeclaration>>;
  /** The pseudo-variables the module declares, by name without the $ (Kamailio's mod_pvs[]). */
  readonly pvs: PvDeclarations;
  /** The message facts the module declares (KsrDeclaration.answer reads them), by name. */
  readonly facts: Readonly<Record<string, FactReader>>;
  /** Its state beside the functions (host/core/module-service.ts), when it has any. */
  readonly service?: ModuleService;
}

/** What a module declares besides its functions. */
export interface ModuleExtras {
  /** Its pseudo-variables: they exist in a registry exactly when the module is in it. */
  pvs?: PvDeclarations;
  /** Its message facts: what its functions declared with `answer` are answered from in the guest. */
  facts?: Record<string, FactReader>;
  /** Its state (tables, timers, sockets) and control methods: each core makes one from it. */
  service?: ModuleService<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each module's own state type
}

/** One module's table. Core functions use module ''. */
export function defineModule(module: string, functions: Record<string, KsrDeclaration>, extras: ModuleExtras = {}): KsrModule {
  return Object.freeze({
    module, functions: Object.freeze({ ...functions }), pvs: Object.freeze({ ...extras.pvs }), facts: Object.freeze({ ...extras.facts }),
    ...(extras.service ? { service: extras.service as ModuleService } : {}),
  });
}

export function ksrPath(e: { module: string; name: string }): string {
  return e.module === '' ? `KSR.${e.name}` : `KSR.${e.module}.${e.name}`;
}

export function signatureOf(e: KsrEntry): string {
  const params = [...e.params, ...(e.variadic ? ['...str'] : [])].join(', ');
  return `${ksrPath(e)}(${params}): ${e.returns}`;
}

/**
 * Signals a KSR call returns instead of a value. A runtime's stub turns them into its
 * language's stop signal or error, thrown at the call site so the script line is known.
 */
export type KsrSignal = { readonly ksrSignal: 'stop' } | { readonly ksrSignal: 'error'; readonly message: string };

export const STOP: KsrSignal = Object.freeze({ ksrSignal: 'stop' });

export function isSignal(v: unknown): v is KsrSignal {
  return typeof v === 'object' && v !== null && 'ksrSignal' in v;
}

/** A structured value as it crosses: its JSON text, parsed by the guest (js-bootstrap.ts settle, lua/guest/values.js, python/guest/bridge.js). */
export interface KsrJson {
  readonly ksrJson: string;
}

export function isKsrJson(v: unknown): v is KsrJson {
  return typeof v === 'object' && v !== null && typeof (v as { ksrJson?: unknown }).ksrJson === 'string';
}

/** Raised by an implementation for a call that cannot be honoured: becomes a script error. */
export class KsrUsageError extends Error {}

/** A declaration's FactAnswer as guests get it, or an error naming the function. */
function guestAnswer(path: string, decl: KsrDeclaration, factNames: readonly string[]): GuestFactAnswer {
  const a = decl.answer!;
  const fact = factNames.indexOf(a.fact);
  if (fact < 0) throw new Error(`registry: ${path} is answered from message fact ${a.fact}, which no module declares`);
  const params = a.test === 'is' || a.test === 'value' ? '' : 'str';
  const returns = a.test === 'value' ? ['xval'] : ['bool', 'int'];
  if (decl.params.join(',') !== params || decl.variadic || !returns.includes(decl.returns)) {
    throw new Error(`registry: ${path} is answered from a fact by '${a.test}': expected params (${params}) and returns ${returns.join(' or ')}, got (${decl.params.join(', ')}): ${decl.returns}`);
  }
  if (a.test === 'is' && (a.value === FACT_UNKNOWN || a.value.includes(FACT_SEPARATOR))) {
    throw new Error(`registry: ${path} is answered when fact ${a.fact} is ${JSON.stringify(a.value)}, which no fact can be`);
  }
  return Object.freeze({ ...a, fact }) as GuestFactAnswer;
}

/** A declaration's `structured`, or an error naming the function: only an xval may be a dict or an array. */
function checkedStructured(path: string, decl: KsrDeclaration): { structured?: true } {
  if (decl.structured === undefined) return {};
  if (decl.structured !== true || decl.returns !== 'xval') throw new Error(`registry: ${path} is declared 'structured': expected returns xval, got ${decl.returns}`);
  return { structured: true };
}

/** A declaration's `stops`, or an error naming the function: only a call without arguments or value may be answered by a stop. */
function checkedStops(path: string, decl: KsrDeclaration): { stops?: true } {
  if (decl.stops === undefined) return {};
  if (decl.stops !== true || decl.params.length > 0 || decl.variadic || decl.returns !== 'none' || decl.answer) {
    throw new Error(`registry: ${path} is declared 'stops': expected no params, returns none and no answer, got (${decl.params.join(', ')}): ${decl.returns}`);
  }
  return { stops: true };
}

/** A status as declared, or an error naming the function: `partial:` needs a reason. */
function checkedStatus(path: string, status: KsrStatus | undefined): KsrStatus {
  if (status === undefined || status === 'complete') return 'complete';
  if (/^partial: \S/.test(status)) return status;
  throw new Error(`registry: ${path} has status "${status}", expected "complete" or "partial: <why>"`);
}

export class Registry {
  readonly entries: readonly KsrEntry[];
  /** The pseudo-variables of its modules; the engine serving this registry's scripts reads PVs through it. */
  readonly pvs: PvTable;
  /** The state services of its modules: every core serving this registry's scripts makes their states. */
  readonly services: readonly NamedModuleService[];
  /** The message facts of its modules, in the order the facts text lists them. */
  readonly factNames: readonly string[];
  private readonly factReaders: readonly FactReader[];
  private readonly impls: readonly KsrDeclaration[];

  constructor(modules: readonly KsrModule[]) {
    const entries: KsrEntry[] = [];
    const impls: KsrDeclaration[] = [];
    const seen = new Set<string>();
    const facts = new Map<string, FactReader>();
    for (const m of modules) {
      for (const [name, read] of Object.entries(m.facts ?? {})) {
        if (facts.has(name)) throw new Error(`registry: message fact ${name} is declared twice (again by ${m.module === '' ? 'the core module' : `module ${m.module}`})`);
        facts.set(name, read);
      }
    }
    const factNames = [...facts.keys()];
    for (const m of modules) {
      for (const [name, decl] of Object.entries(m.functions)) {
        const path = ksrPath({ module: m.module, name });
        if (seen.has(path)) throw new Error(`registry: ${path} is declared twice`);
        seen.add(path);
        const answer = decl.answer ? guestAnswer(path, decl, factNames) : undefined;
        entries.push(
          Object.freeze({
            index: entries.length,
            module: m.module,
            name,
            params: Object.freeze([...decl.params]),
            variadic: decl.variadic ?? false,
            returns: decl.returns,
            status: checkedStatus(path, decl.status),
            ...(answer ? { answer } : {}),
            ...checkedStops(path, decl),
            ...(decl.changesMessage === true ? { changesMessage: true as const } : {}),
            ...checkedStructured(path, decl),
          }),
        );
        impls.push(decl);
      }
    }
    this.factNames = Object.freeze(factNames);
    this.factReaders = Object.freeze([...facts.values()]);
    this.entries = Object.freeze(entries);
    this.impls = Object.freeze(impls);
    this.pvs = new PvTable(modules.map((m) => [m.module === '' ? 'the core module' : `module ${m.module}`, m.pvs ?? {}] as const));
    this.services = Object.freeze(modules.flatMap((m) => (m.service ? [{ module: m.module, service: m.service }] : [])));
  }

  private entriesJson: string | null = null;

  /**
   * The entries as the JSON a guest builds KSR from: made once per registry, without what only
   * tools read (the status, ~10 KB of the ~45 KB).
   */
  guestEntries(): string {
    this.entriesJson ??= JSON.stringify(this.entries.map(({ status: _status, ...rest }) => rest));
    return this.entriesJson;
  }

  /**
   * The facts of ctx's message as the text sent with a callback (FACT_SEPARATOR between them,
   * in factNames' order; FACT_UNKNOWN for one its reader does not know cheaply), or null when
   * one cannot be sent (holding the separator): then the guest asks the host for everything.
   */
  messageFacts(ctx: MsgContext): string | null {
    const readers = this.factReaders;
    if (readers.length === 0) return null;
    let text = '';
    for (let i = 0; i < readers.length; i++) {
      const v = readers[i]!(ctx) ?? FACT_UNKNOWN;
      if (v.includes(FACT_SEPARATOR)) return null;
      text = i === 0 ? v : text + FACT_SEPARATOR + v;
    }
    return text;
  }

  /** Resolves a path such as "KSR.hdr.get" or "hdr.get"; for tests and tools, never the hot path. */
  find(path: string): KsrEntry | undefined {
    const p = path.startsWith('KSR.') ? path : `KSR.${path}`;
    return this.entries.find((e) => ksrPath(e) === p);
  }

  implementation(index: number): KsrDeclaration {
    return this.impls[index]!;
  }
}

/** Bounds on what crosses the bridge and on how deep callbacks nest; copied into every guest. */
export interface CallLimits {
  /**
   * Largest string (UTF-8 bytes) a KSR function accepts or returns. Guests refuse a longer
   * one before it is copied out (a string longer than this in characters is longer in bytes
   * too); the host checks the bytes again.
   */
  readonly maxValueBytes: number;
  /** How many callbacks may run nested in one another (KSR.route inside KSR.route...). */
  readonly maxRouteDepth: number;
}

/** 1 MiB: a SIP message is at most 64 KB, so no honest value comes near it. */
export const DEFAULT_MAX_VALUE_BYTES = 1024 * 1024;
/**
 * Kamailio's max_recursive_level is 100; here 50 (configurable up to 64), because the runtimes
 * cannot all nest 100 deep. Measured without a limit, a route recursing through KSR.route
 * failed: in pyodide at 82 (the host stack; in a server the runtime then had to be rebuilt),
 * in fengari past 100 (Lua's C-call limit, LUAI_MAXCCALLS), in v8 at ~145 (RangeError, the
 * isolate survives), in QuickJS at ~230 (the host stack overflowed through the wasm: broken).
 * With script recursion at every level each runtime's own stack limit comes first (a script
 * error): QuickJS's 256 KB stack at ~7 levels of 200 frames, Python's recursion limit at ~5.
 */
export const DEFAULT_MAX_ROUTE_DEPTH = 50;

export const DEFAULT_CALL_LIMITS: CallLimits = Object.freeze({
  maxValueBytes: DEFAULT_MAX_VALUE_BYTES,
  maxRouteDepth: DEFAULT_MAX_ROUTE_DEPTH,
});

/** What each call limit may be set to, with the config key that sets it (limits.*). */
export const CALL_LIMIT_BOUNDS: Readonly<Record<keyof CallLimits, { key: string; min: number; max: number; why: string }>> = {
  // at least a SIP message, at most a few MB: a value crosses the bridge outside the CPU limit
  maxValueBytes: { key: 'limits.max_value_bytes', min: 65536, max: 8 * 1024 * 1024, why: 'at least a SIP message; a value crosses the bridge outside the CPU limit' },
  // pyodide overflows the host stack past ~80 nested routes (DEFAULT_MAX_ROUTE_DEPTH)
  maxRouteDepth: { key: 'limits.max_route_depth', min: 1, max: 64, why: 'pyodide overflows the host stack at ~82 nested routes' },
};

/** Throws when a call limit that is set lies outside its bounds, naming the config key, the bounds and the value. */
export function checkCallLimits(limits: Partial<CallLimits>): void {
  for (const [name, b] of Object.entries(CALL_LIMIT_BOUNDS) as Array<[keyof CallLimits, (typeof CALL_LIMIT_BOUNDS)[keyof CallLimits]]>) {
    const v = limits[name];
    if (v === undefined) continue;
    if (!Number.isInteger(v) || v < b.min || v > b.max) {
      throw new Error(`${b.key}: expected an integer from ${b.min} to ${b.max} (${b.why}), got ${v}`);
    }
  }
}

/**
 * The error for a value over the size limit. Guests write the same text (js-bootstrap.ts,
 * lua/guest/ksr-table.js, python/guest/bridge.js), so a script sees one message wherever
 * the value was refused.
 */
export function tooLargeMessage(path: string, what: string, limit: number): string {
  return `${path}: ${what} is longer than ${limit} bytes (limits.max_value_bytes)`;
}

/**
 * The host side of every binding. A runtime points it at the context of the callback it is
 * about to run, and its KSR stubs call `call(index, args)`. Arguments are checked here, once,
 * so every language gets the same errors.
 */
export class Dispatcher {
  context: MsgContext | null = null;
  /** The KSR function running or last run: named in script errors. */
  lastCalled = -1;
  /**
   * What a function that needs no message (`needsMessage: false`) runs against when no route
   * callback runs (a top level, mod_init): the manager points its logger at the server log.
   */
  outside: KsrScope = { core: { logger: { log() {} } } };
  /**
   * Set by the runtime while a callback runs: false once the CPU budget of the message is
   * spent, and from then on every KSR call answers STOP (as after KSR.x.exit).
   */
  admit: (() => boolean) | null = null;
  /** Set by the runtime once the budget of the running message is spent (read after each call). */
  budgetSpent = false;
  readonly limits: CallLimits;

  constructor(
    readonly registry: Registry,
    limits: Partial<CallLimits> = {},
  ) {
    checkCallLimits(limits);
    this.limits = Object.freeze({ ...DEFAULT_CALL_LIMITS, ...limits });
  }

  get entries(): readonly KsrEntry[] {
    return this.registry.entries;
  }

  /** The registry rows as the JSON a guest builds KSR from (the bridge's second global). */
  guestEntries(): string {
    return this.registry.guestEntries();
  }

  /** The facts of ctx's message, sent with a callback (Registry.messageFacts); null when stopped. */
  messageFacts(ctx: MsgContext): string | null {
    return ctx.stopped ? null : this.registry.messageFacts(ctx);
  }

  /** The limits as the JSON a guest reads when it builds KSR (the bridge's third global). */
  guestLimits(): string {
    return JSON.stringify(this.limits);
  }

  /**
   * `args` is the bridge's own fresh array (a rest parameter or one built per call): it is
   * converted in place and handed on without a copy or a spread (issue 9: no per-call garbage
   * beyond what the bridge itself makes).
   */
  call(index: number, args: unknown[]): KsrValue | KsrSignal | KsrJson {
    const ctx = this.context;
    const entry = this.registry.entries[index];
    if (!entry) return { ksrSignal: 'error', message: `KSR: no function with index ${index}` };
    this.lastCalled = index;
    if (!ctx) return this.callOutside(index, entry, args);
    // admitted first even when stopped: a script that catches its stops and calls on is
    // counted there, and ended once it does so past its budget's cap (call-chain.ts admit)
    if (this.admit !== null && !this.admit()) return STOP;
    if (ctx.stopped) return STOP;
    const refused = convertArguments(entry, args, this.limits.maxValueBytes);
    if (refused !== null) return { ksrSignal: 'error', message: refused };
    try {
      const v = applyImpl(this.registry.implementation(index).fn, ctx, args);
      // $rc / $retcode: KEMI runs no cfg actions, so the last int a KSR function returned stands for it
      if (typeof v === 'number' && entry.returns === 'int') ctx.lastReturnCode = v;
      // a callback nested in this call (KSR.route) may have spent the budget: the caller stops here;
      // and a call that stopped the message (KSR.x.exit/drop set the flag, no throw) stops it
      if (this.budgetSpent || ctx.stopped) return STOP;
      if (typeof v === 'string' && tooLarge(v, this.limits.maxValueBytes)) {
        return { ksrSignal: 'error', message: tooLargeMessage(ksrPath(entry), 'the value it returns', this.limits.maxValueBytes) };
      }
      // the only check the common path pays: a dict or an array is the one object an implementation returns
      if (typeof v === 'object' && v !== null) return structuredWire(entry, v, this.limits.maxValueBytes);
      return v === undefined ? null : v;
    } catch (e) {
      if (e instanceof KsrUsageError) return { ksrSignal: 'error', message: `${ksrPath(entry)}: ${e.message}` };
      // Host error text does not reach a script verbatim: it is logged, the script sees a summary.
      ctx.core.logger.log('error', `${ksrPath(entry)} failed: ${(e as Error)?.stack ?? String(e)}`);
      return { ksrSignal: 'error', message: `${ksrPath(entry)}: internal error (see server log)` };
    }
  }

  /** A call while no route callback runs: only a function that needs no message may run. */
  private callOutside(index: number, entry: KsrEntry, args: unknown[]): KsrValue | KsrSignal | KsrJson {
    const decl = this.registry.implementation(index);
    if (decl.needsMessage !== false) return { ksrSignal: 'error', message: `${ksrPath(entry)}: needs a SIP message: called outside a route callback (only the log functions may be)` };
    const refused = convertArguments(entry, args, this.limits.maxValueBytes);
    if (refused !== null) return { ksrSignal: 'error', message: refused };
    try {
      const v = applyImpl(decl.fn, this.outside as MsgContext, args);
      if (typeof v === 'object' && v !== null) return structuredWire(entry, v, this.limits.maxValueBytes);
      return v === undefined ? null : v;
    } catch (e) {
      if (e instanceof KsrUsageError) return { ksrSignal: 'error', message: `${ksrPath(entry)}: ${e.message}` };
      this.outside.core.logger.log('error', `${ksrPath(entry)} failed outside a route: ${(e as Error)?.stack ?? String(e)}`);
      return { ksrSignal: 'error', message: `${ksrPath(entry)}: internal error (see server log)` };
    }
  }
}

/**
 * A structured value as the JSON text that crosses, or an error naming the function: only a
 * row declared `structured` may return one; only plain objects, arrays, strings, finite numbers, booleans and
 * null, at most MAX_STRUCTURED_DEPTH levels deep and maxBytes of JSON (UTF-8).
 */
export function structuredWire(entry: KsrEntry, v: object, maxBytes: number): KsrJson | KsrSignal {
  const path = ksrPath(entry);
  if (!(v instanceof KsrStructured) || entry.structured !== true) {
    return { ksrSignal: 'error', message: `${path}: internal error: returned an object, expected a str, a number or (rows declared structured only) a KsrStructured dict/array` };
  }
  const budget = { left: maxBytes };
  const refused = checkStructured(v.value, 1, budget, 'the value');
  if (refused === 'too large') return { ksrSignal: 'error', message: tooLargeMessage(path, 'the dict/array it returns', maxBytes) };
  if (refused !== null) return { ksrSignal: 'error', message: `${path}: the dict/array it returns cannot cross: ${refused}` };
  const text = JSON.stringify(v.value);
  if (tooLarge(text, maxBytes)) return { ksrSignal: 'error', message: tooLargeMessage(path, 'the dict/array it returns', maxBytes) };
  return { ksrJson: text };
}

/**
 * Null when v may cross; else what is wrong and where. budget.left counts down a lower bound
 * of the JSON's length, so a value far over the limit is refused before it is serialised.
 */
function checkStructured(v: unknown, depth: number, budget: { left: number }, where: string): string | null {
  if (v === null || typeof v === 'boolean') return (budget.left -= 5) < 0 ? 'too large' : null;
  if (typeof v === 'string') return (budget.left -= v.length + 2) < 0 ? 'too large' : null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return `${where} is ${v}, expected a finite number`;
    return (budget.left -= 1) < 0 ? 'too large' : null;
  }
  if (typeof v !== 'object') return `${where} is a ${typeof v}, expected a str, a number, a boolean, null, a dict or an array`;
  if (depth > MAX_STRUCTURED_DEPTH) return `${where} is nested ${depth} levels deep, expected at most ${MAX_STRUCTURED_DEPTH}`;
  if (Array.isArray(v)) {
    if ((budget.left -= 2) < 0) return 'too large';
    for (let i = 0; i < v.length; i++) {
      const r = checkStructured(v[i], depth + 1, budget, `${where}[${i}]`);
      if (r !== null) return r;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return `${where} is a ${proto?.constructor?.name ?? 'object'}, expected a plain object or an array`;
  if ((budget.left -= 2) < 0) return 'too large';
  for (const [k, x] of Object.entries(v)) {
    if ((budget.left -= k.length + 3) < 0) return 'too large';
    const r = checkStructured(x, depth + 1, budget, `${where}.${k.length > 40 ? k.slice(0, 40) + '...' : k}`);
    if (r !== null) return r;
  }
  return null;
}

/** Calls an implementation without spreading the arguments for the usual counts (0 to 3). */
function applyImpl(fn: KsrImpl, ctx: MsgContext, a: readonly unknown[]): KsrValue | KsrStructured {
  switch (a.length) {
    case 0:
      return fn(ctx);
    case 1:
      return fn(ctx, a[0]);
    case 2:
      return fn(ctx, a[0], a[1]);
    case 3:
      return fn(ctx, a[0], a[1], a[2]);
    default:
      return fn(ctx, ...a);
  }
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' && Number.isInteger(v)) return 'int';
  return typeof v;
}

/**
 * True when s has more than max UTF-8 bytes. Its length alone decides for most strings
 * (a UTF-16 unit is 1 to 3 bytes); only a string in between is measured.
 */
export function tooLarge(s: string, max: number): boolean {
  if (s.length > max) return true;
  if (s.length * 3 <= max) return false;
  return Buffer.byteLength(s, 'utf8') > max;
}

/** Returns the converted arguments, or a message saying what was expected and what was seen. */
export function checkArguments(entry: KsrEntry, args: readonly unknown[], maxValueBytes = DEFAULT_MAX_VALUE_BYTES): unknown[] | string {
  const out = [...args];
  return convertArguments(entry, out, maxValueBytes) ?? out;
}

/**
 * Converts the arguments in place (a number for a str, a bool or a numeric str for an int):
 * null when they are fine, else a message saying what was expected and what was seen.
 * Arguments already of their type (nearly all) are left as they are: nothing is allocated.
 */
export function convertArguments(entry: KsrEntry, args: unknown[], maxValueBytes = DEFAULT_MAX_VALUE_BYTES): string | null {
  const params = entry.params;
  const n = params.length;
  const tooMany = !entry.variadic && args.length > n;
  if (args.length < n || tooMany) {
    return `${signatureOf(entry)}: expected ${n}${entry.variadic ? '+' : ''} argument(s), got ${args.length}`;
  }
  for (let i = 0; i < args.length; i++) {
    const t: ParamType = i < n ? params[i]! : 'str';
    const v = args[i];
    if (t === 'str') {
      // Numbers are accepted for str, as Lua's and Duktape's bindings convert them.
      if (typeof v === 'string') {
        if (tooLarge(v, maxValueBytes)) return tooLargeMessage(ksrPath(entry), `argument ${i + 1}`, maxValueBytes);
      } else if (typeof v === 'number' && Number.isFinite(v)) args[i] = String(v);
      else return `${signatureOf(entry)}: argument ${i + 1} must be str, got ${describe(v)}`;
    } else if (typeof v === 'number' && Number.isInteger(v)) {
      // as it is
    } else if (typeof v === 'boolean') args[i] = v ? 1 : 0;
    else if (typeof v === 'string' && t === 'long' && /^-?\d+$/.test(v.trim())) args[i] = Number(v);
    else return `${signatureOf(entry)}: argument ${i + 1} must be ${t}, got ${describe(v)}`;
  }
  return null;
}

// A KSR module's state beside its functions (issue 11): htable's tables, pike's counters,
// dispatcher's sets and probes, permissions' address lists, uac's remote registrations...
// A module declares a `ModuleService` with its functions (bindings/registry.ts defineModule's
// `service`); each core (the engine of a thread, or a test's core) makes one state per such
// module when it is built, starts it after its transports and stops it with them. A KSR adapter
// reaches its module's state as `ctx.core.modules.get<State>('htable')`.
//
// With several workers every worker's core makes its own state: what all of them must see
// lives in the shared state (host/shared, ARCHITECTURE "Shared state across workers"), and
// the duties that must run once per server (probing, keepalives, remote registrations, expiry
// sweeps) run where `primary` is true. Control methods are answered by worker 0, or run in
// every worker (`scope: 'all'`: reloads of per-worker copies).
import type { CoreServices, ScriptLogger } from './services.js';
import type { SharedState } from '../shared/shared-state.js';

/** What a module's state is made from. */
export interface ModuleHost {
  readonly module: string;
  /**
   * The module's section of the config (`modules: { <name>: ... }`), as the operator wrote it;
   * undefined when absent. The state checks it and throws an Error naming the key
   * (`modules.htable.tables[0].size`), what was expected and what was seen.
   */
  readonly config: unknown;
  /** The core this state belongs to (sending, the store, tm, the logger...). */
  readonly core: CoreServices;
  readonly log: ScriptLogger;
  /** The workers' shared state, or null when one thread serves (keep the state in this thread then). */
  readonly shared: SharedState | null;
  /** Whether this thread runs the server-wide duties (timers that must run once): the single engine, or worker 0. */
  readonly primary: boolean;
  /** 0 with one thread, else this worker's index. */
  readonly worker: number;
}

export interface ModuleState {
  /** After the core's transports started (sends work from here on). Timers start here, unref'd. */
  start?(): void | Promise<void>;
  /** At shutdown: timers cleared, sockets and connections closed. */
  stop?(): void | Promise<void>;
}

export interface ModuleRpc<S> {
  /** Params as JSON-RPC gave them: an array (positional), an object, or undefined. Throws RpcError for bad params. */
  handler(state: S, params: unknown): unknown;
  /** Reads only: no control token needed on loopback. Default false. */
  readOnly?: boolean;
  /** 'all': every worker runs it and worker 0's answer is given (reloads of per-worker copies); 'one' (default): worker 0 answers. */
  scope?: 'one' | 'all';
  /** One line for system.methodHelp: the params ("NAME [OPTIONAL]") and what it answers or does. Required: no method goes without. */
  help: string;
}

export interface ModuleService<S extends ModuleState = ModuleState> {
  create(host: ModuleHost): S;
  /** Control methods by Kamailio's names ('htable.dump'). */
  rpc?: Readonly<Record<string, ModuleRpc<S>>>;
}

/** A module's service as the registry lists it. */
export interface NamedModuleService {
  readonly module: string;
  readonly service: ModuleService;
}

/** How a core's module states are made: the module services, the config sections, the thread's role. */
export interface ModuleStatesOptions {
  services: readonly NamedModuleService[];
  /** Settings.modules: the config's `modules:` section. */
  config?: Readonly<Record<string, unknown>>;
  shared?: SharedState | null;
  primary?: boolean;
  worker?: number;
}

/** One core's module states, made at once from every module service; looked up by module name. */
export class ModuleStates {
  private readonly states = new Map<string, ModuleState>();
  private readonly rpcs = new Map<string, { module: string; rpc: ModuleRpc<ModuleState> }>();

  private readonly log: ScriptLogger;

  constructor(core: CoreServices, opts: ModuleStatesOptions) {
    this.log = core.logger;
    for (const { module, service } of opts.services) {
      const host: ModuleHost = {
        module, core, log: core.logger, config: opts.config?.[module],
        shared: opts.shared ?? null, primary: opts.primary ?? true, worker: opts.worker ?? 0,
      };
      this.states.set(module, service.create(host));
      for (const [name, rpc] of Object.entries(service.rpc ?? {})) this.rpcs.set(name, { module, rpc: rpc as ModuleRpc<ModuleState> });
    }
  }

  /** The state of a module; an Error naming it when this core has none (the module is not in its registry). */
  get<S extends ModuleState>(module: string): S {
    const s = this.states.get(module);
    if (!s) throw new Error(`no state for module '${module}' in this core (modules with state: ${[...this.states.keys()].join(', ') || 'none'})`);
    return s as S;
  }

  has(module: string): boolean {
    return this.states.has(module);
  }

  async start(): Promise<void> {
    for (const s of this.states.values()) await s.start?.();
  }

  /** Stops every state, even when one fails (its error is logged): a module must not keep the others' timers alive. */
  async stop(): Promise<void> {
    for (const [module, s] of this.states) {
      try {
        await s.stop?.();
      } catch (e) {
        this.log.log('error', `module ${module}: stopping its state failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  /** Runs a module's control method here (the single engine, or one worker asked by the socket thread). */
  callRpc(method: string, params: unknown): unknown {
    const r = this.rpcs.get(method);
    if (!r) throw new Error(`no module control method '${method}'`);
    return r.rpc.handler(this.states.get(r.module)!, params);
  }
}

/** Every module control method of a registry's services: name, readOnly, scope (for the socket thread's forwarding), help. */
export function moduleRpcMethods(services: readonly NamedModuleService[]): Array<{ name: string; readOnly: boolean; scope: 'one' | 'all'; help: string }> {
  return services.flatMap(({ service }) =>
    Object.entries(service.rpc ?? {}).map(([name, r]) => ({ name, readOnly: r.readOnly ?? false, scope: r.scope ?? 'one', help: r.help })),
  );
}

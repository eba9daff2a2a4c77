// The script in service: implements host's ScriptRouter over whichever runtime is current,
// reloads without restart (a new runtime is loaded aside and swapped in between two
// messages), and replaces a runtime whose interpreter can no longer be trusted. The recovery
// policy is here, and only here: what each runtime needs is in its declaration
// (runtimes/*/declaration.ts: recovers from a timeout by itself or not, keeps a warm spare).
import { readFile } from 'node:fs/promises';
import { Dispatcher, type Registry } from '../bindings/registry.js';
import type { MsgContext } from '../host/core/context.js';
import type { InvokeResult, ScriptRouter } from '../host/core/router.js';
import type { LogLevel, ScriptLogger } from '../host/core/services.js';
import { createRuntime, declarationOf } from './index.js';
import { ScriptError, type EngineName, type RuntimeDeclaration, type RuntimeLimits, type ScriptRuntime } from './runtime.js';

type LogFn = (obj: object, msg: string) => void;

export interface ManagerLog {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  fatal: LogFn;
}

const LOG_FN: Record<LogLevel, keyof ManagerLog> = { debug: 'debug', info: 'info', notice: 'info', warn: 'warn', error: 'error', crit: 'fatal' };

export interface ReloadResult {
  ok: boolean;
  file: string;
  engine: EngineName;
  /** Milliseconds to create the runtime and run the script's top level. */
  loadMs: number;
  error?: string;
}

/** How long a stop waits for runtimes still booting (pyodide: 2-3 s, more on a loaded machine). */
const SETTLE_BEFORE_EXIT_MS = 15_000;

/** How long after a runtime broke the next spare's build starts. */
const SPARE_REBUILD_DELAY_MS = 100;
/** How long after a runtime broke it is disposed (disposeLater). */
const BROKEN_DISPOSE_DELAY_MS = 50;

export class ScriptManager implements ScriptRouter {
  private current: ScriptRuntime | null = null;
  private spare: ScriptRuntime | null = null;
  private source = '';
  private rebuilding: Promise<void> | null = null;
  /** The spare being built, if any. */
  private spareBuild: Promise<ScriptRuntime | null> | null = null;
  private disposed = false;
  /**
   * Runtimes made and still loading (a spare, a replacement, a reload). Disposed with the
   * manager: a pyodide load left running on isolated-vm's thread pool at process exit calls
   * back into a host that is exiting, and the process hangs (the pool's join waits for it) or
   * aborts (IsolateEnvironment::GetCurrent(): environment != nullptr).
   */
  private readonly loading = new Set<ScriptRuntime>();
  /**
   * Every build not yet settled, from the runtime's creation to the end of its load. A pyodide
   * boot runs on isolated-vm's thread pool and calls back into this thread; a process that
   * exits meanwhile hangs for ever in exit(), where isolated-vm's pool joins a thread that waits
   * on a callback nobody will run (seen: a server stopped while a spare booted). whenSettled()
   * lets the stop wait for them.
   */
  private readonly building = new Set<Promise<void>>();
  /** The last reload asked for: the next one starts when it has ended (reloads are serialised). */
  private reloading: Promise<unknown> = Promise.resolve();
  /** Broken runtimes waiting for their dispose (disposeLater); disposed at once with the manager. */
  private readonly brokenPending = new Set<ScriptRuntime>();
  /** Callbacks running now (more than 1 while KSR.route nests them). */
  private active = 0;
  /** Swaps done because a runtime broke (timeout, memory), for stats. */
  rebuilds = 0;
  /** Callbacks stopped at the CPU limit whose runtime was kept (Python's interrupt), for stats. */
  timeoutsKept = 0;

  /**
   * True when a runtime is in service and, for an engine that keeps a warm spare, the spare is
   * ready: the state a broken runtime is recovered from at once. False while a replacement or
   * the next spare builds (Python: seconds), when a second break meets no spare.
   */
  get ready(): boolean {
    if (!this.current || this.current.broken || this.rebuilding) return false;
    return !this.declaration.recovery.keepsSpare || this.spare !== null;
  }
  /** Runtimes renewed in place after a timeout (fengari: a fresh Lua state), for stats. */
  renewals = 0;
  reloads = 0;
  /** What the engine declared of itself: the recovery policy below reads it. */
  private readonly declaration: RuntimeDeclaration;
  /** Where the log functions write when a script calls them outside a route (top level, mod_init). */
  private readonly scriptLog: ScriptLogger;

  constructor(
    private readonly registry: Registry,
    readonly engine: EngineName,
    readonly file: string,
    private readonly limits: RuntimeLimits,
    private readonly log: ManagerLog,
  ) {
    this.declaration = declarationOf(engine);
    this.scriptLog = { log: (level, text, fields) => this.log[LOG_FN[level] ?? 'error']({ ...fields, file: this.file, outside: 'route' }, text) };
  }

  get language() {
    return this.declaration.language;
  }

  /** Loads the script for the first time; rejects with the ScriptError when it does not load. */
  async start(): Promise<ReloadResult> {
    const r = await this.reload();
    if (!r.ok) throw new ScriptError(r.error ?? 'script failed to load', this.file, 0);
    // serve only with the spare ready (Python): the first runtime that breaks is replaced at once
    await this.spareBuild;
    return r;
  }

  /** Loads the file into a new runtime and swaps it in; a script that fails keeps the old one serving. */
  reload(): Promise<ReloadResult> {
    // tracked from now: its build starts only once the file is read
    const next = this.track(this.reloading.then(() => this.loadAndSwap()));
    this.reloading = next;
    return next;
  }

  private async loadAndSwap(): Promise<ReloadResult> {
    const r = await this.loadAside();
    return r.ok ? this.swapIn(r) : r;
  }

  /**
   * Reload in two steps, for several workers that must all switch or none (bin/workers):
   * prepare() loads the file into a new runtime and runs its top level without putting it in
   * service; commit() then swaps it in, abort() disposes it. Until commit or abort no other
   * reload starts (they are serialised with reload()).
   */
  prepare(): Promise<ReloadResult> {
    const next = this.track(this.reloading.then(() => this.loadAside()));
    // the next reload waits for this one's decision (commit or abort), not only for its load
    this.reloading = next.then((r) => (r.ok ? new Promise<void>((done) => (this.releasePrepared = done)) : undefined));
    return next;
  }

  /** Puts the prepared runtime in service; false when nothing was prepared. */
  commit(): ReloadResult | null {
    const p = this.prepared;
    if (!p) return null;
    const r = this.swapIn(p);
    this.releasePrepared?.();
    this.releasePrepared = null;
    return r;
  }

  /** Disposes the prepared runtime: the one in service stays. */
  abort(): boolean {
    const p = this.prepared;
    this.prepared = null;
    p?.runtime.dispose();
    this.releasePrepared?.();
    this.releasePrepared = null;
    if (p) this.log.info({ file: this.file, engine: this.engine }, 'prepared script discarded: another worker refused it');
    return p !== null;
  }

  private prepared: (ReloadResult & { runtime: ScriptRuntime; source: string }) | null = null;
  private releasePrepared: (() => void) | null = null;

  /** Reads the file and loads it into a new runtime, not in service yet (this.prepared). */
  private async loadAside(): Promise<ReloadResult> {
    const t0 = performance.now();
    let source: string;
    try {
      source = await readFile(this.file, 'utf8');
    } catch (e) {
      return this.refused(t0, `cannot read ${this.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (this.disposed) return this.refused(t0, 'the script manager was disposed before the load began');
    // said before the wait: a Python runtime takes seconds to boot, and the log should say why
    this.log.info({ file: this.file, engine: this.engine }, `loading the script ${this.file} in ${this.engine}`);
    let fresh: ScriptRuntime;
    try {
      fresh = await this.build(source);
    } catch (e) {
      return this.refused(t0, e instanceof Error ? e.message : String(e));
    }
    if (this.disposed) {
      fresh.dispose();
      return this.refused(t0, 'the script manager was disposed while loading');
    }
    const r = { ok: true, file: this.file, engine: this.engine, loadMs: performance.now() - t0 };
    this.prepared?.runtime.dispose();
    this.prepared = { ...r, runtime: fresh, source };
    return r;
  }

  /** The prepared runtime goes into service, in one synchronous step (between two messages). */
  private swapIn(r: ReloadResult): ReloadResult {
    const p = this.prepared!;
    this.prepared = null;
    const old = this.current;
    this.current = p.runtime;
    this.source = p.source;
    old?.dispose();
    this.reloads++;
    this.log.info({ file: this.file, engine: this.engine, loadMs: Math.round(r.loadMs) }, 'script loaded');
    this.refreshSpare();
    return { ok: true, file: this.file, engine: this.engine, loadMs: r.loadMs };
  }

  private refused(t0: number, error: string): ReloadResult {
    this.log.error({ file: this.file, engine: this.engine }, `script refused, the running one stays: ${error}`);
    return { ok: false, file: this.file, engine: this.engine, loadMs: performance.now() - t0, error };
  }

  private build(source: string): Promise<ScriptRuntime> {
    return this.track(this.createAndLoad(source));
  }

  /** Counts `work` as under way until it settles (whenSettled waits for it). */
  private track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(() => undefined, () => undefined);
    this.building.add(settled);
    void settled.then(() => this.building.delete(settled));
    return work;
  }

  /**
   * Resolves once no build is under way (after dispose(), a build ends by disposing what it
   * made), or after `timeoutMs`: the last step before the process may exit.
   */
  async whenSettled(timeoutMs = SETTLE_BEFORE_EXIT_MS): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.building.size > 0) {
      const left = deadline - performance.now();
      if (left <= 0) return;
      // a timer that holds the loop: the process must not end by itself under a boot either
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((done) => (timer = setTimeout(done, left)));
      // a build that ends may start no other once disposed (refreshSpare), so this ends
      await Promise.race([Promise.all([...this.building]), timeout]);
      clearTimeout(timer);
    }
  }

  private async createAndLoad(source: string): Promise<ScriptRuntime> {
    const { maxValueBytes, maxRouteDepth } = this.limits;
    const dispatcher = new Dispatcher(this.registry, {
      ...(maxValueBytes !== undefined ? { maxValueBytes } : {}),
      ...(maxRouteDepth !== undefined ? { maxRouteDepth } : {}),
    });
    dispatcher.outside = { core: { logger: this.scriptLog } };
    const runtime = await createRuntime(this.engine, { dispatcher, limits: this.limits });
    if (this.disposed) {
      runtime.dispose();
      throw new Error('the script manager was disposed while a runtime was being made');
    }
    this.loading.add(runtime);
    try {
      await runtime.load(source, this.file);
    } catch (e) {
      runtime.dispose();
      throw e;
    } finally {
      this.loading.delete(runtime);
    }
    return runtime;
  }

  /**
   * Builds a warm spare for the script in service, off the event loop. If the runtime in
   * service broke meanwhile and nothing replaced it, the spare goes into service when ready.
   */
  private refreshSpare(): void {
    if (!this.declaration.recovery.keepsSpare || this.disposed) return;
    const source = this.source;
    this.spare?.dispose();
    this.spare = null;
    const build: Promise<ScriptRuntime | null> = this.build(source).catch((e) => {
      this.log.error({ err: e }, 'spare runtime failed to load');
      return null;
    });
    this.spareBuild = build;
    void build.then((rt) => {
      if (this.spareBuild === build) this.spareBuild = null;
      if (!rt) return;
      if (this.source !== source || this.disposed) rt.dispose();
      else if (this.current === null) {
        this.current = rt;
        this.refreshSpare();
      } else if (!this.spare) this.spare = rt;
      else rt.dispose();
    });
  }

  has(callback: string): boolean {
    return this.current?.has(callback) ?? false;
  }

  invoke(callback: string, ctx: MsgContext, arg?: string): InvokeResult {
    const rt = this.current;
    if (!rt) return { outcome: 'error', error: { message: 'no script is loaded (runtime being rebuilt)', file: this.file, line: 0 } };
    this.active++;
    let result: InvokeResult | undefined;
    try {
      result = rt.invoke(callback, ctx, arg);
      return result;
    } finally {
      // A nested callback (KSR.route) returns into frames of the same runtime: it is replaced
      // only once the outermost callback has returned (freeing it earlier was QuickJS's
      // use-after-free).
      if (--this.active === 0) this.recover(rt, result?.outcome === 'timeout');
    }
  }

  /**
   * The recovery policy, after the outermost callback: a runtime that recovers from a timeout
   * by itself serves on (counted); one that does not is renewed in place when it can
   * (ScriptRuntime.renew, synchronous: before the stopped request is answered), else replaced,
   * as is any broken runtime.
   */
  private recover(rt: ScriptRuntime, timedOut: boolean): void {
    if (timedOut && this.declaration.recovery.fromTimeout && !rt.broken) {
      this.timeoutsKept++;
      return;
    }
    if (timedOut && !this.declaration.recovery.fromTimeout && rt.renew?.()) {
      this.renewals++;
      return;
    }
    if (rt.broken || timedOut) this.replaceBroken(rt);
  }

  /**
   * Frees a broken runtime once the messages that waited for its stop are served: disposing a
   * used pyodide isolate takes 4-7 ms of this thread, and nothing runs on a broken runtime
   * meanwhile. Not at the next check phase: a client on a new TCP connection needs two more
   * turns of the loop (accept, then read), and its request waited for the stop as long as any.
   */
  private disposeLater(broken: ScriptRuntime): void {
    this.brokenPending.add(broken);
    setTimeout(() => {
      if (this.brokenPending.delete(broken)) broken.dispose();
    }, BROKEN_DISPOSE_DELAY_MS).unref();
  }

  /**
   * A runtime that cannot be trusted any more: take the spare at once if there is one, and
   * build a new one. Without a spare, v8's build completes within this turn of the event loop
   * (its factory and load run synchronously behind their promises); fengari's (between two
   * breaks) once its top level has run on the isolate's thread, tens of ms, messages meanwhile
   * answered with an error (500).
   */
  private replaceBroken(broken: ScriptRuntime): void {
    if (this.current !== broken) return;
    this.rebuilds++;
    this.disposeLater(broken);
    this.current = this.spare;
    this.spare = null;
    if (this.current) {
      // The next spare's build starts with synchronous steps (a pyodide isolate and its inputs:
      // tens of ms): a little later, once the messages that waited for this stop are served (a
      // client on a new TCP connection needs two turns of the loop: accept, then read).
      setTimeout(() => {
        if (!this.disposed && !this.spare && !this.spareBuild) this.refreshSpare();
      }, SPARE_REBUILD_DELAY_MS);
      return;
    }
    // a spare on its way goes into service when ready: a second build would only slow it down
    if (this.spareBuild) return;
    const source = this.source;
    this.rebuilding ??= this.build(source)
      .then(
        (rt) => {
          if (this.current === null && this.source === source) this.current = rt;
          else rt.dispose();
          this.refreshSpare();
        },
        (e) => this.log.error({ err: e }, 'runtime rebuild failed'),
      )
      .finally(() => (this.rebuilding = null));
  }

  memoryUsage(): number {
    return (this.current?.memoryUsage() ?? 0) + (this.spare?.memoryUsage() ?? 0);
  }

  dispose(): void {
    this.disposed = true;
    for (const rt of this.loading) rt.dispose();
    this.loading.clear();
    for (const rt of this.brokenPending) rt.dispose();
    this.brokenPending.clear();
    this.abort();
    this.current?.dispose();
    this.spare?.dispose();
    this.current = this.spare = null;
  }
}

// The one protocol between the host and every guest (the code inside an interpreter that
// builds KSR and runs the script's callbacks: js-bootstrap.ts for v8 and QuickJS,
// lua/guest/main.js, python/guest/ksr.py). Written once here and handed to each guest as
// data (the bridge global `__ksr_protocol`, JSON), so no guest spells a code or a text itself:
// - what running a callback (or a top level) answers: a result code, or an error report;
// - the texts of the error a script gets when it calls a KSR module or function that this
//   server does not have (KSR.nathelper.nat_uac_test), the same in every language.
import type { InvokeResult, ScriptErrorInfo } from '../host/core/router.js';
import type { KsrEntry } from '../bindings/registry.js';
import type { MsgContext } from '../host/core/context.js';

/** The bridge global holding GUEST_PROTOCOL as JSON; the guest reads and deletes it. */
export const BRIDGE_PROTOCOL = '__ksr_protocol';

/** What a guest answers for a callback that ran to its end, stopped (exit/drop) or is not defined. */
export const RESULT = Object.freeze({ ok: 0, stopped: 1, missing: 2 } as const);
export type ResultCode = (typeof RESULT)[keyof typeof RESULT];

/**
 * What a guest answers, as JSON text, when the callback (or top level) raised. Only `message`
 * is always there; a guest gives what it knows of the rest.
 */
export interface GuestErrorReport {
  message: string;
  /** The script's line, when the guest found it (Lua, Python); else the host searches `stack`. */
  line?: number;
  /** The file as the guest named it, when the error is not in the script (a chunk of Lua's load()). */
  file?: string;
  /** The error's stack (JS engines): the host finds the script's frame in it. */
  stack?: string;
  /** The KSR function whose error it is (`KSR.hdr.get`), when it is one. */
  ksr?: string;
  /** True when the interpreter ran out of memory (Python's MemoryError, QuickJS's out of memory). */
  memory?: boolean;
}

/**
 * The error of a call to what this server does not have, with `{path}` (KSR.nathelper.nat_uac_test),
 * `{module}` and `{name}` filled in by MissingNames on the host, or by the Python guest (its
 * str.format syntax) for the attribute it cannot resolve. A name under KSR that is neither a
 * module nor a core function could be either: the script's line tells which.
 */
export const MISSING_TEXT = Object.freeze({
  module: '{path}: module {module} is not available in ksr-host',
  moduleFunction: "{path}: function {name} is not available in ksr-host's {module} module",
  coreFunction: '{path}: function {name} is not available in ksr-host',
  /** KSR.<name> read where a guest cannot tell a module from a function (Python's attribute access). */
  name: '{path}: not available in ksr-host',
});

/** Everything a guest is given of the protocol. */
export const GUEST_PROTOCOL = Object.freeze({ result: RESULT, missing: MISSING_TEXT });
export const GUEST_PROTOCOL_JSON = JSON.stringify(GUEST_PROTOCOL);

/** The text of a missing module or function, as a guest writes it (for tests and host-side use). */
export function missingText(kind: keyof typeof MISSING_TEXT, module: string, name: string): string {
  const path = module === '' ? `KSR.${name}` : `KSR.${module}.${name}`;
  const fields: Record<string, string> = { path, module, name };
  return MISSING_TEXT[kind].replace(/\{(\w+)\}/g, (_, k: string) => fields[k] ?? '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The line of the first stack frame in `file`. V8 writes `at f (file:3:5)` or `at file:3:5`,
 * QuickJS `at f (file:3:5)`; both are matched. 0 when no frame is in the script.
 */
export function scriptLine(stack: string, file: string): number {
  const frame = new RegExp(`^\\s*at (?:.*\\()?${escapeRegExp(file)}:(\\d+)`);
  for (const line of stack.split('\n')) {
    const m = frame.exec(line);
    if (m) return Number(m[1]);
  }
  return 0;
}

/** Decodes a guest's error report (JSON text) into the script error the host logs. */
export function errorFromReport(json: string, file: string): ScriptErrorInfo & { memory: boolean } {
  let r: GuestErrorReport;
  try {
    r = JSON.parse(json) as GuestErrorReport;
    if (typeof r !== 'object' || r === null) throw new Error('not an object');
  } catch {
    return { message: 'script error (its report could not be read)', file, line: 0, memory: false };
  }
  const where = typeof r.file === 'string' && r.file !== '' ? r.file : file;
  const line = typeof r.line === 'number' && r.line > 0 ? r.line : scriptLine(String(r.stack ?? ''), file);
  const info: ScriptErrorInfo & { memory: boolean } = { message: String(r.message), file: where, line, memory: r.memory === true };
  if (typeof r.ksr === 'string' && r.ksr !== '') info.ksrFunction = r.ksr;
  return info;
}

/** `KSR.mod.fn` or `KSR.name` in a line of script text. */
const KSR_NAME = /\bKSR\.([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*))?/g;

/**
 * Names the KSR module or function a script error is about when the registry lacks it. In
 * every guest a name KSR lacks is absent (nil, undefined; Python's AttributeError), as in
 * Kamailio, so `if not KSR.nathelper then` works; using it anyway fails with the
 * interpreter's own words ("attempt to index a nil value", "Cannot read properties of
 * undefined"). The script's line says which name that was: the first KSR name on it the
 * registry lacks. Built once at load; only an error pays for a look.
 */
export class MissingNames {
  private readonly modules = new Map<string, Set<string>>();
  private readonly lines: string[];

  constructor(entries: readonly KsrEntry[], source: string, private readonly file: string) {
    for (const e of entries) {
      let names = this.modules.get(e.module);
      if (!names) this.modules.set(e.module, (names = new Set()));
      names.add(e.name);
    }
    this.lines = source.split('\n');
  }

  /** The error, with the missing-name text when its line uses a name KSR lacks; else unchanged. */
  explain(error: ScriptErrorInfo): ScriptErrorInfo {
    if (error.file !== this.file || error.line < 1) return error;
    // a KSR call that failed on its own is not about a missing name (Python's attribute
    // error for a missing name names it: the line tells module from function)
    if (error.ksrFunction && !error.message.includes('not available in ksr-host')) return error;
    const text = this.lines[error.line - 1];
    if (text === undefined) return error;
    for (const m of text.matchAll(KSR_NAME)) {
      const missing = this.missingOf(m[1]!, m[2]);
      if (missing) return { ...error, message: missing };
    }
    return error;
  }

  private missingOf(first: string, second: string | undefined): string | null {
    const module = this.modules.get(first);
    if (module && first !== '') return second !== undefined && !module.has(second) ? missingText('moduleFunction', first, second) : null;
    if (this.modules.get('')?.has(first)) return null;
    return second !== undefined ? missingText('module', first, second) : missingText('coreFunction', '', first);
  }
}

/**
 * The callback's result when its message is stopped: a guest that stopped the callback itself
 * (a `stops` row, KSR.x.exit) answers RESULT.stopped without the host having seen the call, so
 * ctx.stopped is set here, as the host's exit would have (KSR.route and tm read it); a stop
 * the host set (KSR.x.drop, an exit nested in KSR.route) stops the callback whatever it
 * answered (a script may catch the stop and return). null when neither: resultOf decides.
 */
export function stoppedOr(ctx: MsgContext, answer: unknown): InvokeResult | null {
  if (answer === RESULT.stopped) ctx.stopped = true;
  return ctx.stopped ? { outcome: 'stopped' } : null;
}

/**
 * A guest's answer for a callback as the host's InvokeResult: a result code, or an error
 * report (a missing KSR name explained by `names`). `unexpected` names the engine in the
 * error for anything else (a bug, not a script's).
 */
export function resultOf(answer: unknown, file: string, engine: string, names?: MissingNames | null): InvokeResult {
  switch (answer) {
    case RESULT.ok:
      return { outcome: 'ok' };
    case RESULT.stopped:
      return { outcome: 'stopped' };
    case RESULT.missing:
      return { outcome: 'missing' };
  }
  if (typeof answer !== 'string') return { outcome: 'error', error: { message: `${engine}: unexpected guest answer ${String(answer)}`, file, line: 0 } };
  const { memory, ...error } = errorFromReport(answer, file);
  return { outcome: memory ? 'memory' : 'error', error: names ? names.explain(error) : error };
}

// Turns what a JS engine reports about a failed callback into a ScriptErrorInfo that names the
// SCRIPT's file:line (never the bootstrap's), for both JS engines.
import { ksrPath, type KsrEntry } from '../bindings/registry.js';
import type { ScriptErrorInfo } from '../host/core/router.js';
import type { GuestErrorReport } from './js-bootstrap.js';

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

/** Decodes the bootstrap's report of a thrown callback. */
export function errorFromReport(json: string, file: string, entries: readonly KsrEntry[]): ScriptErrorInfo {
  let r: GuestErrorReport;
  try {
    r = JSON.parse(json) as GuestErrorReport;
  } catch {
    return { message: 'script error (its report could not be read)', file, line: 0 };
  }
  const info: ScriptErrorInfo = { message: String(r.m), file, line: scriptLine(String(r.s), file) };
  const entry = typeof r.k === 'number' ? entries[r.k] : undefined;
  if (entry) info.ksrFunction = ksrPath(entry);
  return info;
}

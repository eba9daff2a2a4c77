// What the host can observe of a case's run beyond the returned value: the transaction, the
// destination set, the location table, what left through CoreServices.send, the request as it
// would be forwarded, and one snapshot of all of it. check-case.ts compares these with a
// case's HostExpectation; table.test.ts compares two snapshots to prove a row value-only.
import type { MsgContext } from '../../host/core/context.js';
import { readPv, type PvValue } from '../../host/core/pv.js';
import { buildOutgoingRequest } from '../../host/forward/build-request.js';
import { sendInfoOf } from '../../host/forward/onsend.js';
import { peekMarks } from '../../host/auth/credentials.js';
import { pendingOptions, type TmOptions } from '../../host/tm/options.js';
import { Transaction } from '../../host/tm/transaction.js';
import { builtMessage } from '../support/sip-fixtures.js';
import type { CaseContext } from './check-case.js';

/**
 * Lets what a call scheduled for after the callback happen (stateless forwards and tm branches
 * start in a microtask, so ksr_onsend_route never runs inside another callback).
 */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The fields of a transaction a case may state. */
export interface TransactionView {
  uasState: string;
  /** Status of the final reply sent upstream (0: none yet). */
  finalCode: number;
  /** Status of the last reply the server side sent (0: none). */
  lastReply: number;
  /** Client branches started so far. */
  branches: number;
  dropped: boolean;
  suspended: boolean;
  canceled: boolean;
  freed: boolean;
  /** Message flags of the request the failure route will see (t_flush_flags). */
  savedFlags: number;
  onFailure: string | null;
  onReply: string | null;
  onBranchFailure: string | null;
  frTimeout: number | null;
  frInvTimeout: number | null;
}

/** The context's transaction (also one t_release freed), null when it has none. */
export function transactionView(ctx: MsgContext): TransactionView | null {
  const t = ctx.transaction;
  if (!(t instanceof Transaction)) return null;
  return {
    uasState: t.uasState,
    finalCode: t.finalCode,
    lastReply: t.lastReply?.code ?? 0,
    branches: t.branches.length,
    dropped: t.dropped,
    suspended: t.suspended,
    canceled: t.canceled,
    freed: t.freed,
    savedFlags: t.saved.flags,
    onFailure: t.onFailure,
    onReply: t.onReply,
    onBranchFailure: t.onBranchFailure,
    frTimeout: t.frTimeout,
    frInvTimeout: t.frInvTimeout,
  };
}

/** The request as the transaction's failure route will see it (t_save_lumps), '' without a transaction. */
export function failureRequestView(ctx: MsgContext): string {
  const t = ctx.transaction;
  return t instanceof Transaction ? builtMessage(t.saved) : '';
}

/** Which credentials an authentication of this request looked at, and whether their nonce was stale. */
export function authMarksView(ctx: MsgContext): { used: boolean; stale: boolean } | null {
  const m = peekMarks(ctx);
  return m ? { used: m.used !== null, stale: m.stale } : null;
}

/** The tm switches of the context's transaction, or those kept beside the context before it has one. */
export function tmOptionsView(ctx: MsgContext): TmOptions | null {
  const t = ctx.transaction;
  if (t instanceof Transaction) return t.options;
  return pendingOptions(ctx) ?? null;
}

/** The further branches of the destination set, each "uri[ q=Q][ du=URI][ path=P][ flags=F]". */
export function branchesView(ctx: MsgContext): string[] {
  return ctx.branches.map((b) =>
    [b.uri, b.q !== null ? `q=${b.q}` : '', b.dstUri ? `du=${b.dstUri}` : '', b.path ? `path=${b.path}` : '', b.flags ? `flags=${b.flags}` : '']
      .filter((s) => s !== '')
      .join(' '),
  );
}

/** Every binding of the core's location table, "table aor contact" (aor: user[@domain]). */
export function locationView(ctx: MsgContext): string[] {
  return ctx.core.usrloc
    .dump()
    .flatMap(({ table, records }) => records.map((r) => `${table} ${r.username}${r.domain ? `@${r.domain}` : ''} ${r.contact}`))
    .sort();
}

/** What left through CoreServices.send (requests, raw data, ACK/CANCEL): "proto:ip:port" and the text. */
export function sentView(ctx: CaseContext): Array<{ to: string; text: string }> {
  return ctx.core.sent.map((s) => ({ to: `${s.dst.proto}:${s.dst.ip}:${s.dst.port}`, text: s.buf.toString('utf8') }));
}

/** The request as a forward toward a fixed UDP target would send it (Via, Record-Route, Path, R-URI). */
export function forwardedView(ctx: MsgContext): string {
  if (!ctx.msg.isRequest) return '';
  try {
    const built = buildOutgoingRequest(ctx, { proto: 'udp', ip: '192.0.2.99', port: 5060 }, 'z9hG4bK-conformance');
    return built ? built.buf.toString('utf8') : '';
  } catch (e) {
    return `cannot be built: ${(e as Error).message}`;
  }
}

/** Pseudo-variables read through the host after the call; a name the host refuses reads as its error. */
export function pvView(ctx: MsgContext, names: readonly string[]): Record<string, PvValue | string> {
  const out: Record<string, PvValue | string> = {};
  for (const n of names) {
    const r = readPv(ctx, n);
    out[n] = r.ok ? r.value : `error: ${r.error}`;
  }
  return out;
}

/**
 * Context fields not compared field by field: the message (`current`, compared as its bytes:
 * its lazy parse caches are no effect), where it came from, the engine, the CPU budget, and
 * the message id ($mi: numbered on first use, tm's copies included, which is no effect) and
 * $rc (every int a KSR function returns is the next $rc: the Dispatcher's, no function's effect).
 */
const OPAQUE = new Set(['current', 'rcv', 'core', 'cpuBudget', 'lumps', 'transaction', 'messageId', 'lastReturnCode']);

function plain(v: unknown): unknown {
  if (v instanceof Map) return [...v.entries()];
  if (v instanceof Set) return [...v.values()];
  return v;
}

/**
 * Everything observable of a context and its core, as one text: two snapshots around a call
 * differ when the call had any effect the host can see. Logs are left out (a getter may log
 * why it returned null); so are lazy parse caches inside the message.
 */
export function snapshot(ctx: CaseContext): string {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ctx)) if (!OPAQUE.has(k)) fields[k] = plain(v);
  const marks = peekMarks(ctx);
  return JSON.stringify({
    fields,
    message: ctx.msg.buf.toString('latin1'),
    built: builtMessage(ctx),
    forwarded: forwardedView(ctx),
    transaction: transactionView(ctx),
    tmOptions: tmOptionsView(ctx),
    authUsed: marks ? { used: marks.used?.value ?? null, stale: marks.stale } : null,
    sendInfo: sendInfoOf(ctx) ? 'set' : null,
    replies: ctx.core.replies.map((r) => r.buf.toString('utf8')),
    sent: sentView(ctx),
    location: locationView(ctx),
  });
}

/** The first differing key of two snapshots, for the error text. */
export function snapshotDifference(before: string, after: string): string {
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  const keys = [...Object.keys(a.fields as object), ...Object.keys(b.fields as object)];
  for (const k of keys) {
    const x = JSON.stringify((a.fields as Record<string, unknown>)[k]);
    const y = JSON.stringify((b.fields as Record<string, unknown>)[k]);
    if (x !== y) return `ctx.${k}: ${x} -> ${y}`;
  }
  for (const k of Object.keys(a)) {
    if (k === 'fields') continue;
    const x = JSON.stringify(a[k]);
    const y = JSON.stringify(b[k]);
    if (x !== y) return `${k}: ${x.slice(0, 200)} -> ${y.slice(0, 200)}`;
  }
  return 'nothing';
}

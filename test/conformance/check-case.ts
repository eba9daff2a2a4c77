// Builds a case's context and compares what a run produced with what the case expects.
// Shared by the direct (Dispatcher-only) run and the per-runtime runs.
import { SipMessage } from '../../host/sip/message.js';
import type { MsgContext } from '../../host/core/context.js';
import type { InvokeOutcome } from '../../host/core/router.js';
import { buildWithLumps } from '../../host/sip/builder.js';
import { builtMessage, FIXTURES, makeContext, RecordingCore } from '../support/sip-fixtures.js';
import { MemoryStore } from '../auth/requests.js';
import { DigestAuth } from '../../host/auth/digest-auth.js';
import { CREDENTIALS_AT_MS } from './auth-credentials.js';
import type { ConformanceCase } from './cases.js';
import { canonicalJson, type Captured } from './capture-module.js';
import { authMarksView, branchesView, failureRequestView, forwardedView, locationView, pvView, sentView, tmOptionsView, transactionView } from './host-state.js';

export type CaseContext = MsgContext & { core: RecordingCore };

export function caseRaw(c: ConformanceCase): string {
  let raw: string = FIXTURES[c.fixture];
  if (c.method) raw = raw.replace(/^[A-Z]+ /, `${c.method} `).replace(/CSeq: (\d+) [A-Z]+/, `CSeq: $1 ${c.method}`);
  if (c.edit) {
    if (!raw.includes(c.edit[0])) throw new Error(`case "${c.name}": edit target ${JSON.stringify(c.edit[0])} not in fixture ${c.fixture}`);
    raw = raw.replace(c.edit[0], c.edit[1]);
  }
  return raw;
}

export function caseContext(c: ConformanceCase): CaseContext {
  // time stands still for authentication: the table's nonces were issued when it loaded
  const core = new RecordingCore(undefined, undefined, { auth: (rc) => new DigestAuth(rc, {}, () => CREDENTIALS_AT_MS) });
  if (c.subscribers) core.store = new MemoryStore().add('alice', 'localhost', 'wonderland');
  return makeContext(caseRaw(c), { ...c.rcv, core });
}

function describeCaptured(got: readonly Captured[]): string {
  return got.length === 0 ? 'nothing' : got.map((g) => ('value' in g ? `${g.type} ${JSON.stringify(g.value)}` : g.type)).join(', ');
}

function checkResult(c: ConformanceCase, outcome: InvokeOutcome, got: readonly Captured[]): string | null {
  const e = c.expect;
  if (e.type === 'stop') {
    return outcome === 'stopped' && got.length === 0 ? null : `expected a stop, got outcome ${outcome} and ${describeCaptured(got)}`;
  }
  if (outcome !== 'ok') return `expected outcome ok, got ${outcome}`;
  if (got.length !== 1) return `expected one reported value, got ${describeCaptured(got)}`;
  const g = got[0]!;
  if (g.type !== e.type) return `expected a ${e.type}, got ${describeCaptured(got)}`;
  if (e.type === 'null') return null;
  if (e.type === 'int' && 'min' in e) return (g as { value: number }).value >= e.min ? null : `expected an int >= ${e.min}, got ${describeCaptured(got)}`;
  const want = (e as { value: unknown }).value;
  if (e.type === 'json') {
    const got = canonicalJson((g as { value: unknown }).value);
    return got === canonicalJson(want) ? null : `expected json ${canonicalJson(want)}, got json ${got}`;
  }
  return (g as { value: unknown }).value === want ? null : `expected ${e.type} ${JSON.stringify(want)}, got ${describeCaptured(got)}`;
}

function checkHost(c: ConformanceCase, ctx: CaseContext): string[] {
  const h = c.host;
  if (!h) return [];
  const out: string[] = [];
  const replies = ctx.core.replies;
  if (h.reply === null && replies.length > 0) out.push(`expected no reply, got ${replies.map((r) => r.code).join(', ')}`);
  if (typeof h.reply === 'number') {
    const codes = replies.map((r) => SipMessage.parse(r.buf).status);
    if (codes.length !== 1 || codes[0] !== h.reply) out.push(`expected one ${h.reply} reply, got [${codes.join(', ')}]`);
  }
  if (h.replyHeader && replies[0]) {
    const v = SipMessage.parse(replies[0].buf).header(h.replyHeader[0])?.value;
    if (v !== h.replyHeader[1]) out.push(`expected reply header ${h.replyHeader.join(': ')}, got ${v}`);
  }
  if (h.built) {
    const built = builtMessage(ctx);
    for (const s of h.built.contains ?? []) if (!built.includes(s)) out.push(`built message lacks ${JSON.stringify(s)}`);
    for (const s of h.built.lacks ?? []) if (built.includes(s)) out.push(`built message still has ${JSON.stringify(s)}`);
  }
  if (h.builtExact !== undefined) {
    const exact = buildWithLumps(ctx.msg, ctx.lumps).toString('utf8');
    if (exact !== h.builtExact) out.push(`message as it would leave: expected ${JSON.stringify(h.builtExact)}, got ${JSON.stringify(exact)}`);
  }
  if (h.message !== undefined) {
    const now = ctx.msg.buf.toString('utf8');
    if (now !== h.message) out.push(`current message: expected ${JSON.stringify(h.message)}, got ${JSON.stringify(now)}`);
  }
  const eq = (what: string, got: unknown, want: unknown) => {
    if (want !== undefined && JSON.stringify(got) !== JSON.stringify(want)) out.push(`${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  };
  /** Only the keys the case states are compared. */
  const partial = (what: string, got: object | null, want: object | null | undefined) => {
    if (want === undefined) return;
    if (want === null || got === null) return eq(what, got, want);
    const picked = Object.fromEntries(Object.keys(want).map((k) => [k, (got as Record<string, unknown>)[k]]));
    eq(what, picked, want);
  };
  if (h.forwarded) {
    const fwd = forwardedView(ctx);
    for (const s of h.forwarded.contains ?? []) if (!fwd.includes(s)) out.push(`forwarded request lacks ${JSON.stringify(s)}: ${JSON.stringify(fwd)}`);
    for (const s of h.forwarded.lacks ?? []) if (fwd.includes(s)) out.push(`forwarded request still has ${JSON.stringify(s)}`);
  }
  if (h.sent) {
    const sent = sentView(ctx);
    if (sent.length !== h.sent.count) out.push(`expected ${h.sent.count} message(s) sent, got ${sent.length}: ${JSON.stringify(sent.map((m) => m.to))}`);
    const first = sent[0];
    if (first && h.sent.to !== undefined && first.to !== h.sent.to) out.push(`sent to ${first.to}, expected ${h.sent.to}`);
    for (const s of h.sent.contains ?? []) if (first && !first.text.includes(s)) out.push(`sent message lacks ${JSON.stringify(s)}: ${JSON.stringify(first.text)}`);
  }
  if (h.replies) eq('replies', replies.map((r) => SipMessage.parse(r.buf).status), h.replies);
  if (h.failureRequest) {
    const saved = failureRequestView(ctx);
    for (const s of h.failureRequest.contains ?? []) if (!saved.includes(s)) out.push(`the failure route's request lacks ${JSON.stringify(s)}`);
  }
  if (h.authMarks !== undefined) eq('authMarks', authMarksView(ctx), h.authMarks);
  partial('transaction', transactionView(ctx), h.transaction);
  partial('tmOptions', tmOptionsView(ctx), h.tmOptions);
  partial('tmRequests', ctx.tmRequests, h.tmRequests);
  eq('branches', branchesView(ctx), h.branches);
  eq('location', h.location ? locationView(ctx) : undefined, h.location);
  if (h.pv) eq('pv', pvView(ctx, Object.keys(h.pv)), h.pv);
  eq('replyLumps', ctx.replyLumps, h.replyLumps);
  partial('fields', ctx, h.fields);
  eq('dropped', ctx.dropped, h.dropped);
  eq('flags', ctx.flags, h.flags);
  eq('sflags', ctx.sflags, h.sflags);
  eq('bflags', ctx.bflags.slice(0, h.bflags?.length ?? 0), h.bflags);
  eq('ruri', ctx.ruri, h.ruri);
  eq('dstUri', ctx.dstUri, h.dstUri);
  eq('forceRport', ctx.forceRport, h.forceRport);
  if (h.sentFirstLines) eq('sentFirstLines', ctx.core.sent.map((m) => m.buf.toString('latin1').split('\r\n')[0]), h.sentFirstLines);
  const sameFields = (f: unknown) => h.log!.fields === undefined || canonicalJson(f ?? null) === canonicalJson(h.log!.fields);
  if (h.log && !ctx.core.logs.some((l) => l.level === h.log!.level && l.text.includes(h.log!.text) && sameFields(l.fields))) {
    out.push(`expected a ${h.log.level} log containing ${JSON.stringify(h.log.text)}, got ${JSON.stringify(ctx.core.logs)}`);
  }
  return out;
}

/** The functions whose effect is a log line: for the others a log check alone says nothing of what the call did. */
const LOG_FUNCTIONS = new Set([
  'dbg', 'info', 'notice', 'warn', 'err', 'crit', 'log',
  'xlog.xdbg', 'xlog.xinfo', 'xlog.xnotice', 'xlog.xwarn', 'xlog.xerr', 'xlog.xalert', 'xlog.xcrit', 'xlog.xlog', 'xlog.xlog_facility',
  'acc.acc_log_request',
]);

/** True when the case states at least one effect the host must see. */
export function statesEffect(c: ConformanceCase): boolean {
  if (!c.host) return false;
  return Object.entries(c.host).some(([k, v]) => v !== undefined && (k !== 'log' || LOG_FUNCTIONS.has(c.call.path)));
}

/**
 * Null when the row says what its call does beyond its value: an effect check, `valueOnly`
 * (proved by table.test.ts), or an exemption naming the test that proves the effect.
 */
export function effectRequirement(c: ConformanceCase): string | null {
  if (statesEffect(c) || c.valueOnly || c.exempt) return null;
  return 'states no effect: give it host checks, `valueOnly: true` (proved), or `exempt` naming the test that proves the effect';
}

/** Problems with one case's run, each prefixed with the case; [] when it conforms. */
export function checkCase(c: ConformanceCase, index: number, outcome: InvokeOutcome, got: readonly Captured[], ctx: CaseContext, detail = ''): string[] {
  const problems = [effectRequirement(c), checkResult(c, outcome, got), ...checkHost(c, ctx)].filter((p): p is string => p !== null);
  return problems.map((p) => `case_${index} ${c.name}: ${p}${detail ? ` (${detail})` : ''}`);
}

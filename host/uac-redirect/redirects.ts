// get_redirects (Kamailio's uac_redirect, written anew): in a failure route, the Contacts of
// every 3xx final reply the transaction's branches got become new branches of the request
// (highest q first within a reply), at most max_branch per reply and max_total in all (0: no
// limit), filtered by the accept/deny regular expressions, skipping URIs already tried or
// already added. The script then t_relay()s.
import type { MsgContext } from '../core/context.js';
import type { ModuleHost, ModuleState } from '../core/module-service.js';
import { compileRegex, regexTest } from '../text/regex.js';
import { tryParseUri } from '../sip/uri.js';
import { Transaction } from '../tm/transaction.js';
import type { NameAddr } from '../sip/message.js';
import type { RE2JS } from 're2js';

export interface RedirectSettings {
  defaultAccept: boolean;
  deny: RE2JS | null;
  accept: RE2JS | null;
  bflags: number;
  flagsHdrMode: 0 | 1 | 2;
  /** q for a contact without one (0..1). */
  qDefault: number;
  accFunction: string;
}

/** Contacts taken from one reply, the best by q (Kamailio's MAX_CONTACTS_PER_REPLY). */
const MAX_CONTACTS_PER_REPLY = 16;
/** Contacts of one reply looked at (a reply from a peer is bounded here). */
const MAX_CONTACTS_READ = 256;
/** Branches a request may have: the destination set is bounded. */
const MAX_BRANCHES = 12;

const KEYS = new Set(['default_filter', 'deny_filter', 'accept_filter', 'bflags', 'flags_hdr_mode', 'q_value', 'acc_function', 'acc_db_table']);

function fail(key: string, expected: string, got: unknown): never {
  throw new Error(`modules.uac_redirect.${key}: expected ${expected}, got ${JSON.stringify(got)}`);
}

function regex(c: Record<string, unknown>, key: string): RE2JS | null {
  const v = c[key];
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') fail(key, 'a regular expression', v);
  try {
    return compileRegex(v, { icase: true });
  } catch (e) {
    return fail(key, `a valid regular expression (${(e as Error).message})`, v);
  }
}

function intKey(c: Record<string, unknown>, key: string, dflt: number, min: number, max: number): number {
  const v = c[key] ?? dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(key, `an integer ${min}..${max}`, v);
  return v;
}

export function parseRedirectSettings(config: unknown): RedirectSettings {
  const c = (config ?? {}) as Record<string, unknown>;
  if (typeof c !== 'object' || Array.isArray(c)) fail('', 'a mapping', config);
  for (const k of Object.keys(c)) if (!KEYS.has(k)) fail(k, `one of ${[...KEYS].join(', ')}`, k);
  const df = c.default_filter ?? 'accept';
  if (df !== 'accept' && df !== 'deny') fail('default_filter', '"accept" or "deny"', df);
  const acc = c.acc_function ?? 'acc_log_request';
  if (typeof acc !== 'string') fail('acc_function', 'a string', acc);
  return {
    defaultAccept: df === 'accept', deny: regex(c, 'deny_filter'), accept: regex(c, 'accept_filter'),
    bflags: intKey(c, 'bflags', 0, 0, 2 ** 31 - 1), flagsHdrMode: intKey(c, 'flags_hdr_mode', 0, 0, 2) as 0 | 1 | 2,
    qDefault: intKey(c, 'q_value', 10, 0, 1000) / 1000, accFunction: acc,
  };
}

export class RedirectState implements ModuleState {
  readonly settings: RedirectSettings;
  constructor(host: ModuleHost) {
    this.settings = parseRedirectSettings(host.config);
  }

  stop(): void {
    // nothing to release: the settings are all
  }
}

function accepted(s: RedirectSettings, uri: string): boolean {
  if (s.defaultAccept) return !(s.deny && regexTest(s.deny, uri));
  return s.accept !== null && regexTest(s.accept, uri);
}

/** The contact's q (0..1), the default without one, null when unreadable (the contact is skipped, as Kamailio's str2q failure). */
function qOf(c: NameAddr, dflt: number): number | null {
  const q = c.params.get('q');
  if (q === undefined || q === '') return dflt;
  if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(q)) return null;
  return Number(q);
}

function flagsOf(s: RedirectSettings, c: NameAddr): number {
  const f = c.params.get('flags');
  const n = f !== undefined && /^\d{1,10}$/.test(f) ? Number(f) >>> 0 : null;
  if (s.flagsHdrMode === 0 || n === null) return s.bflags;
  return s.flagsHdrMode === 1 ? n : n | s.bflags;
}

/** Where get_redirects_acc's records go: the acc module's acc_log_request when this core has it. */
interface AccLogger {
  logRequest(ctx: MsgContext, comment: string): number;
}

function accOf(ctx: MsgContext): AccLogger | null {
  if (!ctx.core.modules.has('acc')) return null;
  const st = ctx.core.modules.get('acc') as unknown as Partial<AccLogger>;
  return typeof st.logRequest === 'function' ? (st as AccLogger) : null;
}

interface Picked {
  uri: string;
  q: number;
  flags: number;
}

/** The contacts one 3xx reply offers, filtered and ordered by increasing q, at most `max` (-1: 16) of the best. */
function contactsOf(ctx: MsgContext, s: RedirectSettings, reply: MsgContext, max: number, seen: Set<string>, fn: string): Picked[] {
  let list: NameAddr[];
  try {
    const cs = reply.msg.contacts();
    list = cs.star ? [] : cs.list.slice(0, MAX_CONTACTS_READ);
  } catch (e) {
    ctx.core.logger.log('error', `KSR.uac_redirect.${fn}: unreadable Contact in the ${reply.msg.status} reply: ${(e as Error).message}`);
    return [];
  }
  const picked: Array<Picked & { i: number }> = [];
  list.forEach((c, i) => {
    const uri = c.uriText;
    const u = tryParseUri(uri);
    const q = qOf(c, s.qDefault);
    // a contact that is no SIP URI, already tried in this transaction, or refused by the filters is left out
    if (!u || (u.scheme !== 'sip' && u.scheme !== 'sips') || q === null || seen.has(uri) || !accepted(s, uri)) return;
    picked.push({ uri, q, flags: flagsOf(s, c), i });
  });
  // Kamailio sorts by increasing q (stable), keeps the 16 best and appends the best `max` of them, lowest q first
  picked.sort((a, b) => a.q - b.q || a.i - b.i);
  const best = picked.slice(-MAX_CONTACTS_PER_REPLY);
  return max >= 0 && best.length > max ? best.slice(best.length - max) : best;
}

/** get_redirects(max_total, max_branch): 1 when a contact was appended, -1 when none (or no failure route). */
export function getRedirects(ctx: MsgContext, s: RedirectSettings, maxTotal: number, maxBranch: number, accReason: string | null, fn: string): number {
  const t = ctx.transaction instanceof Transaction ? ctx.transaction : null;
  if (!t || ctx.routeType !== 'failure') {
    ctx.core.logger.log('error', `KSR.uac_redirect.${fn}: no transaction in a failure route`);
    return -1;
  }
  if (!Number.isInteger(maxTotal) || !Number.isInteger(maxBranch) || maxTotal < 0 || maxBranch < 0) {
    ctx.core.logger.log('error', `KSR.uac_redirect.${fn}: expected max_total and max_branch >= 0 (0: no limit), got ${maxTotal}, ${maxBranch}`);
    return -1;
  }
  const seen = new Set<string>([ctx.ruri, ...t.branches.map((b) => b.uri), ...ctx.branches.map((b) => b.uri)]);
  const acc = accReason !== null ? accOf(ctx) : null;
  let added = 0;
  // the 3xx replies of the last t_relay round (Kamailio: from the round's first branch on)
  for (const b of t.branches) {
    const reply = b.final?.reply;
    if (b.round !== t.rounds || !reply || b.final!.code < 300 || b.final!.code > 399) continue;
    const max = maxBranch === 0 ? (maxTotal ? maxTotal - added : -1) : maxTotal ? Math.min(maxBranch, maxTotal - added) : maxBranch;
    if (max === 0) continue;
    for (const p of contactsOf(ctx, s, reply, max, seen, fn)) {
      if (ctx.branches.length >= MAX_BRANCHES) {
        ctx.core.logger.log('warn', `KSR.uac_redirect.${fn}: destination set full (${MAX_BRANCHES} branches): ${p.uri} left out`);
        break;
      }
      seen.add(p.uri);
      ctx.branches.push({ uri: p.uri, dstUri: null, path: null, q: p.q, flags: p.flags });
      added++;
      if (accReason !== null) logRedirect(ctx, acc, p.uri, b.final!.code, accReason);
    }
  }
  return added > 0 ? 1 : -1;
}

/** One record per contact, as acc_log_request with the R-URI set to the contact (Kamailio's rd_acc_fct). */
function logRedirect(ctx: MsgContext, acc: AccLogger | null, uri: string, code: number, reason: string): void {
  if (!acc) {
    ctx.core.logger.log('notice', `ACC: call redirected: ${reason}; code=${code}; to=${uri}`);
    return;
  }
  const saved = ctx.newUri;
  const wasNew = ctx.ruriIsNew;
  ctx.newUri = uri;
  try {
    acc.logRequest(ctx, `${code} ${reason}`);
  } finally {
    // only the record sees the contact as R-URI: the request's own state is as it was
    ctx.newUri = saved;
    ctx.ruriIsNew = wasNew;
  }
}

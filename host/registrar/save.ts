// save(): a REGISTER's bindings into usrloc (RFC 3261 §10.3), then the reply.
//   - Contact `*` with Expires: 0 removes every binding of the AoR; `*` otherwise is a 400;
//   - no Contact: a query, the 200 lists the bindings;
//   - per contact: lifetime from its expires, else Expires, else default_expires, clamped
//     to min/max_expires; 0 removes; q 0..1;
//   - a binding matches an existing one by +sip.instance (and reg-id) when given (RFC 5626:
//     a new registration of the same instance/reg-id replaces the old binding), else by URI;
//   - same Call-ID with an older CSeq is a 400; an equal CSeq within 20 s is a retransmission
//     (nothing changes), later a 400 (Kamailio's cseq_delay);
//   - more bindings than max_contacts: 503, nothing changes;
//   - Path (RFC 3327) stored; echoed in the 200 only with `Supported: path`; without it,
//     path_mode strict answers 420, lazy/off store it silently;
//   - `received` from the AVP named by received_avp (what fix_nated_register sets), or the
//     source address when save flag 0x100 is given.
// Everything is checked before anything is written, so a refused REGISTER changes nothing.
import type { MsgContext } from '../core/context.js';
import { SipParseError } from '../sip/errors.js';
import { isConnectionProto, tryParseUri } from '../sip/uri.js';
import type { NameAddr } from '../sip/name-addr.js';
import type { HeaderField } from '../sip/message.js';
import { StoreUnavailable, type Aor, type LocationRecord } from '../store/store.js';
import { allowMask, incomingContact, type IncomingContact } from './contact-params.js';
import { E, RegistrarError } from './errors.js';
import { contactHeaders, sendRegisterReply } from './register-reply.js';
import { byPreference, type Usrloc } from './usrloc.js';
import { LocationTableFull } from './shared-location-table.js';

/** save() flag bits (Kamailio's registrar.h), plus 0x100, ours. */
export const SAVE_FLAGS = {
  /** 0x01: memory only, no store write (write-through mode). */
  MEMORY_ONLY: 0x01,
  /** 0x02: no reply; reg_send_reply sends it later. */
  NO_REPLY: 0x02,
  /** 0x04: one binding per AoR: this REGISTER's (last) contact replaces all others. */
  REPLACE: 0x04,
  /** 0x08: no expires range randomisation (we have none: accepted, no effect). */
  NO_VARIATION: 0x08,
  /** 0x10: prepare the reply headers (we always do). */
  PREPARE_REPLY: 0x10,
  /** 0x100 (ksr-host): store the source address as `received`, as fix_nated_register would. */
  RECEIVED_FROM_SOURCE: 0x100,
} as const;

/** Kamailio's save() results: 1 inserted, 2 updated, 3 deleted, 4 query (no Contact); -1 error. */
export const SAVE_RESULT = { INSERTED: 1, UPDATED: 2, DELETED: 3, QUERY: 4 } as const;

/** set_q_override("0.5"): every contact saved by this request gets that q; -1 for a bad value. */
export function setQOverride(ctx: MsgContext, q: string): number {
  const t = q.trim();
  if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(t)) {
    ctx.core.logger.log('error', `KSR.registrar.set_q_override: expected a q value 0..1, got '${q}'`);
    return -1;
  }
  ctx.qOverride = Number(t);
  return 1;
}

/** An equal CSeq this soon after the last change is a retransmission (Kamailio's cseq_delay). */
const CSEQ_DELAY_S = 20;

interface Plan {
  aor: Aor;
  inserts: LocationRecord[];
  updates: LocationRecord[];
  deletes: LocationRecord[];
  /** The AoR's bindings once the plan is applied, best first (the 200 lists them). */
  after: LocationRecord[];
  result: number;
}

export function save(ctx: MsgContext, table: string, flags: number, aorUri?: string): number {
  const ul = ctx.core.usrloc;
  const noReply = (flags & SAVE_FLAGS.NO_REPLY) !== 0;
  if (!ctx.msg.isRequest) {
    ctx.core.logger.log('error', 'registrar.save: expected a REGISTER request, got a reply');
    return -1;
  }
  try {
    const r = saveBindings(ctx, ul, table, flags, aorUri);
    sendRegisterReply(ctx, { code: 200, reason: 'OK', headers: r.headers }, noReply);
    return r.result;
  } catch (e) {
    const err = asRegistrarError(ctx, e);
    sendRegisterReply(ctx, { code: err.code, reason: err.reason, headers: [`P-Registrar-Error: ${err.detail}\r\n`, ...err.extraHeaders] }, noReply);
    return -1;
  }
}

function asRegistrarError(ctx: MsgContext, e: unknown): RegistrarError {
  if (e instanceof RegistrarError) return e;
  if (e instanceof SipParseError) return new RegistrarError(400, `${e.reason}: ${e.message}`);
  if (e instanceof StoreUnavailable) {
    ctx.core.logger.log('error', `registrar.save: location store unavailable: ${e.message}`);
    return E.store();
  }
  if (e instanceof LocationTableFull) {
    ctx.core.logger.log('error', `registrar.save: ${e.message}`);
    return E.tableFull();
  }
  throw e;
}

function saveBindings(ctx: MsgContext, ul: Usrloc, table: string, flags: number, aorUri?: string): { result: number; headers: string[] } {
  // the To URI as the message parsed it (sanity's URI checks parse it too), not parsed again
  const aor = aorUri !== undefined ? aorFrom(ul, aorUri, tryParseUri(aorUri)) : aorFrom(ul, toUri(ctx), toAddress(ctx).uri);
  const { star, list } = parseContacts(ctx);
  const headerExpires = headerExpiresOf(ctx);
  const path = pathOf(ctx, ul);
  // one clock reading for the plan and the reply: read twice, a second's edge between them made
  // the 200 list a binding granted 1 s as expires=0
  const now = ul.nowS();
  // the read and its changes as one step: with workers, two saves of one AoR in two threads
  // must not both pass max_contacts or both replace the same bindings
  const { result, current } = ul.atomically(() => applyContacts(ctx, ul, table, aor, star, list, headerExpires, path.value, flags, now));
  const headers = contactHeaders(current, now);
  if (path.value && path.supported) headers.push(...path.lines.map((l) => `Path: ${l}\r\n`));
  return { result, headers };
}

/** The plan for the Contacts and its changes to the table; the bindings the 200 lists. */
function applyContacts(
  ctx: MsgContext, ul: Usrloc, table: string, aor: Aor, star: boolean, list: ReturnType<typeof parseContacts>['list'],
  headerExpires: ReturnType<typeof headerExpiresOf>, path: ReturnType<typeof pathOf>['value'], flags: number, now: number,
): { result: number; current: LocationRecord[] } {
  const memoryOnly = (flags & SAVE_FLAGS.MEMORY_ONLY) !== 0;
  if (star) {
    if (headerExpires !== 0) throw E.starExpires();
    ul.removeAor(table, aor);
    return { result: SAVE_RESULT.DELETED, current: [] };
  }
  if (list.length > 0) {
    const plan = planBindings(ctx, ul, table, aor, list, headerExpires, path, flags, now);
    for (const rec of plan.deletes) ul.remove(table, rec, memoryOnly);
    for (const rec of plan.updates) ul.put(table, rec, memoryOnly);
    for (const rec of plan.inserts) ul.put(table, rec, memoryOnly);
    return { result: plan.result, current: plan.after };
  }
  // the bindings the 200 lists, known without reading the store again (db-only: one round trip less)
  return { result: SAVE_RESULT.QUERY, current: ul.contacts(table, aor) };
}

function toAddress(ctx: MsgContext): NameAddr {
  try {
    return ctx.msg.to();
  } catch {
    throw E.toParse();
  }
}

function toUri(ctx: MsgContext): string {
  return toAddress(ctx).uriText;
}

function aorFrom(ul: Usrloc, uriText: string, u: ReturnType<typeof tryParseUri>): Aor {
  if (!u || u.scheme === 'tel') throw E.aor(`'${uriText}' is not a SIP URI`);
  if (u.user === '') throw E.aor(`no user part in '${uriText}'`);
  return ul.aorOf(u.user, u.host);
}

function parseContacts(ctx: MsgContext): { star: boolean; list: NameAddr[] } {
  try {
    return ctx.msg.contacts();
  } catch (e) {
    throw E.contactParse(e instanceof SipParseError ? e.message : String(e));
  }
}

function headerExpiresOf(ctx: MsgContext): number | undefined {
  try {
    return ctx.msg.expires();
  } catch {
    throw E.expiresParse();
  }
}

function pathOf(ctx: MsgContext, ul: Usrloc): Readonly<PathInfo> {
  // no Path (the usual REGISTER): nothing to store or echo, Supported need not be read
  if (!ctx.msg.hasHeader('path')) return NO_PATH;
  const lines = ctx.msg.headersNamed('path').map((h) => h.value.trim());
  const supported = ctx.msg.headersNamed('supported').some((h) => h.value.split(',').some((t) => t.trim().toLowerCase() === 'path'));
  if (!ul.registrar.usePath || lines.length === 0) return { value: '', lines: [], supported };
  if (!supported && ul.registrar.pathMode === 'strict') throw E.pathUnsupported();
  return { value: lines.join(','), lines, supported };
}

interface PathInfo {
  value: string;
  lines: readonly string[];
  supported: boolean;
}

const NO_PATH: Readonly<PathInfo> = { value: '', lines: [], supported: false };

function receivedOf(ctx: MsgContext, ul: Usrloc, flags: number): string {
  const avp = ctx.avps.get(ul.registrar.receivedAvp)?.[0];
  if (avp !== undefined && avp !== '') return String(avp);
  const r = ctx.rcv;
  // a WebSocket client accepts no connection (RFC 7118 §5): its binding is reached only over
  // the connection it registered on, so that is where it is received, asked for or not
  if ((flags & SAVE_FLAGS.RECEIVED_FROM_SOURCE) === 0 && r.proto !== 'ws' && r.proto !== 'wss') return '';
  const host = r.srcIp.includes(':') ? `[${r.srcIp}]` : r.srcIp;
  // transport=wss, not Kamailio's "ws": lookup sends by this URI (no forced socket), and a
  // WSS connection must leave with a WSS Via and Record-Route even when a ws: listener exists too
  return `sip:${host}:${r.srcPort}${r.proto === 'udp' ? '' : `;transport=${r.proto}`}`;
}

/** The existing binding a new contact updates: same instance (+ reg-id) when it has one, else same URI. */
function matching(existing: readonly LocationRecord[], c: IncomingContact): LocationRecord | undefined {
  if (c.instance) {
    const byInstance = existing.find((r) => r.instance === c.instance && r.regId === c.regId);
    if (byInstance) return byInstance;
  }
  return existing.find((r) => r.contact === c.uri);
}

/** What every binding this REGISTER writes shares (its own fields come from the contact). */
interface Common {
  username: string; domain: string; received: string; path: string; callid: string; cseq: number; lastModified: number;
  cflags: number; userAgent: string; socket: string; methods: number; serverId: number; connectionId: number;
}

function commonOf(ctx: MsgContext, ul: Usrloc, aor: Aor, path: string, flags: number, callid: string, cseq: number, now: number): Common {
  const r = ctx.rcv;
  return {
    username: aor.username, domain: aor.domain, received: receivedOf(ctx, ul, flags), path, callid, cseq, lastModified: now,
    cflags: ctx.bflags[0] ?? 0, userAgent: userAgentOf(ctx.msg.headers),
    socket: `${r.proto}:${r.rcvIp.includes(':') ? `[${r.rcvIp}]` : r.rcvIp}:${r.rcvPort}`,
    methods: methodsOf(ctx.msg.headers), serverId: ul.serverId,
    connectionId: isConnectionProto(r.proto) ? r.conId : -1,
  };
}

/** The first User-Agent's value, '' without one. */
function userAgentOf(headers: readonly HeaderField[]): string {
  for (let i = 0; i < headers.length; i++) if (headers[i]!.lname === 'user-agent') return headers[i]!.value;
  return '';
}

/** The Allow headers as a method mask (allowMask); -1 without one. One pass, no list made for a REGISTER without Allow. */
function methodsOf(headers: readonly HeaderField[]): number {
  let values: string[] | null = null;
  for (let i = 0; i < headers.length; i++) if (headers[i]!.lname === 'allow') (values ??= []).push(headers[i]!.value);
  return values === null ? -1 : allowMask(values);
}

/** One binding as written: every field of LocationRecord in one literal (one object shape,
 *  no spread of the old record and a shared base: those cost more than the rest of the plan). */
function binding(ruid: string, c: IncomingContact, b: Common, now: number): LocationRecord {
  return {
    ruid, username: b.username, domain: b.domain, contact: c.uri, received: b.received, path: b.path, expires: now + c.expires,
    q: c.q, callid: b.callid, cseq: b.cseq, lastModified: b.lastModified, flags: 0, cflags: b.cflags, userAgent: b.userAgent,
    socket: b.socket, methods: b.methods, instance: c.instance, regId: c.regId, serverId: b.serverId, connectionId: b.connectionId,
    keepalive: 0, partition: 0,
  };
}

/** The contacts of the REGISTER, one per binding key (instance + reg-id, else URI): a key given
 *  twice keeps its first place and its last value (as a Map's set would; lists are short). */
function incomingOf(ctx: MsgContext, ul: Usrloc, list: readonly NameAddr[], headerExpires: number | undefined): IncomingContact[] {
  const out: IncomingContact[] = [];
  for (const na of list) {
    const c = incomingContact(na, headerExpires, ul.registrar);
    c.q = ctx.qOverride ?? c.q;
    const same = out.findIndex((o) => (c.instance ? o.instance === c.instance && o.regId === c.regId : !o.instance && o.uri === c.uri));
    if (same >= 0) out[same] = c;
    else out.push(c);
  }
  return out;
}

function hasRuid(list: readonly LocationRecord[], ruid: string): boolean {
  for (let i = 0; i < list.length; i++) if (list[i]!.ruid === ruid) return true;
  return false;
}

function planBindings(
  ctx: MsgContext, ul: Usrloc, table: string, aor: Aor, list: NameAddr[], headerExpires: number | undefined, path: string, flags: number, now: number,
): Plan {
  const callId = ctx.msg.callId();
  const cseq = ctx.msg.cseq().seq;
  const replace = (flags & SAVE_FLAGS.REPLACE) !== 0;
  // the same URI twice in one REGISTER: the last one counts; with REPLACE only the last contact
  const incoming = incomingOf(ctx, ul, replace ? list.slice(-1) : list, headerExpires);
  const existing = ul.contacts(table, aor);
  const plan: Plan = { aor, inserts: [], updates: [], deletes: [], after: existing, result: SAVE_RESULT.INSERTED };
  const touched: string[] = [];
  let common: Common | null = null;
  for (const c of incoming) {
    const old = matching(existing, c);
    if (old) {
      touched.push(old.ruid);
      if (old.callid === callId && cseq <= old.cseq) {
        if (cseq === old.cseq && now - old.lastModified < CSEQ_DELAY_S) continue;
        throw E.cseq();
      }
      if (c.expires === 0) plan.deletes.push(old);
      else plan.updates.push(binding(old.ruid, c, (common ??= commonOf(ctx, ul, aor, path, flags, callId, cseq, now)), now));
    } else if (c.expires > 0) {
      plan.inserts.push(binding(ul.newRuid(), c, (common ??= commonOf(ctx, ul, aor, path, flags, callId, cseq, now)), now));
    }
  }
  if (replace) for (const r of existing) if (!touched.includes(r.ruid)) plan.deletes.push(r);
  const max = ul.registrar.maxContacts;
  if (max > 0 && existing.length - plan.deletes.length + plan.inserts.length > max) throw E.tooMany();
  if (plan.deletes.length + plan.updates.length + plan.inserts.length > 0) {
    // existing is best first already (usrloc.contacts): only a change needs a new order
    const after: LocationRecord[] = [];
    for (const r of existing) if (!hasRuid(plan.deletes, r.ruid) && !hasRuid(plan.updates, r.ruid)) after.push(r);
    for (const r of plan.updates) after.push(r);
    for (const r of plan.inserts) after.push(r);
    plan.after = after.length > 1 ? after.sort(byPreference) : after;
  }
  if (plan.inserts.length === 0) plan.result = plan.updates.length > 0 ? SAVE_RESULT.UPDATED : plan.deletes.length > 0 ? SAVE_RESULT.DELETED : SAVE_RESULT.UPDATED;
  return plan;
}

// reg_fetch_contacts / reg_free_contacts and their readers: ulc_rget, ulc_cget and the
// $ulc(name=>attr) PV (index 0; ulc_cget takes any index). A result stays until freed or
// fetched again under the same name, per server as Kamailio keeps it per worker process.
// The expiry event fills the result `exp` with the expired binding (Kamailio's $ulc(exp=>...)).
import type { MsgContext } from '../core/context.js';
import type { PvClass, PvValue } from '../core/pv.js';
import { StoreUnavailable, type LocationRecord } from '../store/store.js';
import { aorOfUri } from './lookup.js';
import { ownEntry } from '../core/own-entry.js';

export function fetchContacts(ctx: MsgContext, table: string, uri: string, name: string): number {
  const ul = ctx.core.usrloc;
  const aor = aorOfUri(ul, uri);
  ul.fetched.delete(name);
  if (!aor) {
    ctx.core.logger.log('error', `registrar.reg_fetch_contacts: expected a SIP URI with a user part, got '${uri}'`);
    return -1;
  }
  let contacts: LocationRecord[];
  try {
    contacts = ul.contacts(table, aor);
  } catch (e) {
    if (!(e instanceof StoreUnavailable)) throw e;
    ctx.core.logger.log('error', `registrar.reg_fetch_contacts: location store unavailable: ${e.message}`);
    return -1;
  }
  ul.fetched.set(name, { table, aor: ul.aorText(aor), contacts });
  return contacts.length > 0 ? 1 : -1;
}

export function freeContacts(ctx: MsgContext, name: string): number {
  ctx.core.usrloc.fetched.delete(name);
  return 1;
}

/** Record-level attributes: aor, domain (the table), count. */
export function resultAttr(ctx: MsgContext, name: string, attr: string): PvValue {
  const r = ctx.core.usrloc.fetched.get(name);
  if (!r) return null;
  switch (attr) {
    case 'aor': return r.aor;
    case 'domain': return r.table;
    case 'count': return r.contacts.length;
    default: return null;
  }
}

const CONTACT_ATTRS: Record<string, (c: LocationRecord) => PvValue> = {
  addr: (c) => c.contact,
  path: (c) => c.path || null,
  received: (c) => c.received || null,
  expires: (c) => c.expires,
  callid: (c) => c.callid,
  q: (c) => (c.q < 0 ? -1 : Math.round(c.q * 1000)),
  cseq: (c) => c.cseq,
  flags: (c) => c.flags,
  cflags: (c) => c.cflags,
  user_agent: (c) => c.userAgent || null,
  socket: (c) => c.socket || null,
  modified: (c) => c.lastModified,
  methods: (c) => c.methods,
  instance: (c) => c.instance || null,
  reg_id: (c) => c.regId,
  server_id: (c) => c.serverId,
  connection_id: (c) => c.connectionId,
  keepalive: (c) => c.keepalive,
  ruid: (c) => c.ruid,
};

/** Contact-level attribute of binding `index` (q as Kamailio shows it: x1000). */
export function contactAttr(ctx: MsgContext, name: string, attr: string, index: number): PvValue {
  const c = ctx.core.usrloc.fetched.get(name)?.contacts[index];
  const get = ownEntry(CONTACT_ATTRS, attr);
  return c && get ? get(c) : null;
}

/** $ulc(name=>attr): a record attribute, else the attribute of the first binding. */
function readUlc(ctx: MsgContext, arg: string): PvValue {
  const m = /^\s*([^=\s]+)\s*=>\s*([a-z_]+)\s*$/.exec(arg);
  if (!m) return null;
  const [, name, attr] = m;
  if (attr === 'aor' || attr === 'domain' || attr === 'count') return resultAttr(ctx, name!, attr);
  return contactAttr(ctx, name!, attr!, 0);
}

/** $ulc(name=>attr): declared by KSR.registrar (bindings/modules/registrar.ts). */
export const ulcPv: PvClass = { hasArg: true, get: readUlc };

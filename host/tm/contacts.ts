// Serial forking by q value (Kamailio's t_load_contacts / t_next_contacts): the R-URI and the
// branch set are sorted into groups of equal q, highest first; each t_next_contacts puts the
// next group into the R-URI and the branch set. The groups travel in the AVP "tm_contacts"
// (one JSON value per group) so the failure route's copy of the request sees what is left.
import type { Branch, MsgContext } from '../core/context.js';

export const CONTACTS_AVP = 'tm_contacts';

type Contact = Pick<Branch, 'uri' | 'dstUri' | 'path' | 'flags'> & { q: number };

function current(ctx: MsgContext): Contact[] {
  const first: Contact = { uri: ctx.ruri, dstUri: ctx.dstUri, path: null, flags: ctx.bflags[0] ?? 0, q: 1 };
  return [first, ...ctx.branches.map((b) => ({ uri: b.uri, dstUri: b.dstUri, path: b.path, flags: b.flags, q: b.q ?? 1 }))];
}

/** Mode 0: equal q in parallel; mode 1: one contact at a time, q as a weight for a random order. */
function groups(list: Contact[], mode: number): Contact[][] {
  if (mode === 1) {
    const order = list.map((c) => ({ c, key: Math.random() ** (1 / Math.max(c.q, 0.001)) })).sort((a, b) => b.key - a.key);
    return order.map((o) => [o.c]);
  }
  const sorted = [...list].sort((a, b) => b.q - a.q);
  const out: Contact[][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[0]!.q === c.q) last.push(c);
    else out.push([c]);
  }
  return out;
}

/** 1 loaded (or nothing to order: no branches); -1 bad mode. */
export function loadContacts(ctx: MsgContext, mode = 0): number {
  if (mode !== 0 && mode !== 1) return -1;
  if (ctx.branches.length === 0) return 1;
  const gs = groups(current(ctx), mode);
  ctx.avps.set(CONTACTS_AVP, gs.map((g) => JSON.stringify(g)));
  ctx.branches = [];
  return 1;
}

/** 1 when the next group went into the R-URI and branch set; -1 when none is left. */
export function nextContacts(ctx: MsgContext): number {
  const stack = ctx.avps.get(CONTACTS_AVP);
  if (!stack || stack.length === 0) return -1;
  const group = JSON.parse(String(stack[0])) as Contact[];
  if (stack.length === 1) ctx.avps.delete(CONTACTS_AVP);
  else ctx.avps.set(CONTACTS_AVP, stack.slice(1));
  const [first, ...rest] = group;
  ctx.newUri = first!.uri;
  ctx.dstUri = first!.dstUri;
  ctx.branches = rest.map((c) => ({ uri: c.uri, dstUri: c.dstUri, path: c.path, q: c.q, flags: c.flags }));
  return 1;
}

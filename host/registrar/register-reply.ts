// The reply to a REGISTER (RFC 3261 §10.3 step 8): 200 listing every current binding with
// its remaining lifetime, Path echoed when the UA supports it (RFC 3327 §5.3); or the error.
// Sent statefully when the script made a transaction, else statelessly. With save flag 0x02
// (no reply) it is kept on the message (MsgContext.preparedRegisterReply) for reg_send_reply.
import type { MsgContext } from '../core/context.js';
import { sendStatelessReply } from '../core/stateless-reply.js';
import type { LocationRecord } from '../store/store.js';
import { sendLocalReply } from '../tm/uas.js';

export interface PreparedReply {
  code: number;
  reason: string;
  headers: string[];
}

function formatQ(q: number): string {
  return q >= 1 ? '1' : q.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}

/** One Contact header listing the bindings, as Kamailio builds it; [] when there are none. */
export function contactHeaders(records: readonly LocationRecord[], nowS: number): string[] {
  if (records.length === 0) return [];
  // one string written in one pass (no item list joined)
  let line = 'Contact: ';
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (i > 0) line += ', ';
    line += `<${r.contact}>;expires=${Math.max(0, r.expires - nowS)}`;
    if (r.q >= 0) line += `;q=${formatQ(r.q)}`;
    if (r.instance) line += `;+sip.instance="${r.instance}"`;
    if (r.regId > 0) line += `;reg-id=${r.regId}`;
  }
  return [`${line}\r\n`];
}

export function sendRegisterReply(ctx: MsgContext, reply: PreparedReply, noReply: boolean): boolean {
  if (noReply) {
    ctx.preparedRegisterReply = reply;
    return true;
  }
  return sendNow(ctx, reply);
}

function sendNow(ctx: MsgContext, r: PreparedReply): boolean {
  const t = ctx.core.tm.transactionOf(ctx);
  if (t) return sendLocalReply(ctx.core.tm, t, ctx, r.code, r.reason, { headers: r.headers });
  return sendStatelessReply(ctx, r.code, r.reason, { headers: r.headers });
}

/** reg_send_reply: sends what save() prepared; false when nothing was. */
export function sendPreparedReply(ctx: MsgContext): boolean {
  const r = ctx.preparedRegisterReply;
  if (!r) return false;
  ctx.preparedRegisterReply = null;
  return sendNow(ctx, r);
}

// The message facts the relay commands need (Call-ID, tags, Via branches) and the SDP: read
// from the body (or read_sdp_pv), the relay's SDP written back as the new body (a lump the
// builder renders, Content-Length fixed) or into write_sdp_pv.
import type { MsgContext } from '../core/context.js';
import { readPv, writePv } from '../core/pv.js';
import { setBody } from '../textops/body.js';

export interface DialogIds {
  callId: string;
  fromTag: string;
  toTag: string;
}

/** Call-ID and tags; null with the reason when the message lacks them. */
export function dialogIds(ctx: MsgContext): DialogIds | { error: string } {
  try {
    const callId = ctx.msg.callId();
    if (!callId) return { error: "can't get Call-Id field" };
    const fromTag = ctx.msg.from().tag ?? '';
    if (fromTag === '') return { error: "can't get From tag" };
    let toTag = '';
    try {
      toTag = ctx.msg.to().tag ?? '';
    } catch {
      return { error: "can't get To tag" };
    }
    return { callId, fromTag, toTag };
  } catch (e) {
    return { error: `bad message: ${(e as Error).message}` };
  }
}

/** Via branch number n (1 = top), '' when absent. */
export function viaBranch(ctx: MsgContext, n: number): string {
  try {
    return ctx.msg.vias()[n - 1]?.branch ?? '';
  } catch {
    return '';
  }
}

/** Whether the message carries an SDP body (Kamailio's parse_sdp succeeding). */
export function hasSdp(ctx: MsgContext): boolean {
  const body = ctx.msg.body();
  if (body.length === 0) return false;
  const type = (ctx.msg.header('content-type')?.value ?? '').toLowerCase();
  return type.startsWith('application/sdp') && /^v=0/m.test(body.toString('latin1'));
}

/** The SDP to send: read_sdp_pv when set and holding text, else the current body. */
export function sdpIn(ctx: MsgContext, readPvName: string | null): string {
  if (readPvName) {
    const r = readPv(ctx, readPvName);
    if (r.ok && typeof r.value === 'string' && r.value !== '') return r.value;
  }
  const rw = ctx.bodyRewrite;
  if (rw !== null && rw.msg === ctx.msg && !rw.multipart) return rw.text;
  return ctx.msg.body().toString('latin1');
}

/** Writes the relay's SDP: into write_sdp_pv when set, else as the message's body. */
export function sdpOut(ctx: MsgContext, fn: string, sdp: string, writePvName: string | null): boolean {
  if (writePvName) return writePv(ctx, writePvName, sdp);
  const type = ctx.msg.header('content-type')?.value ?? 'application/sdp';
  return setBody(ctx, fn, sdp, type) === 1;
}

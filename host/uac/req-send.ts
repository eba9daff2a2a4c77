// $uac_req(key) and uac_req_send() (Kamailio's uac_send.c, written anew): the script fills a
// request description, uac_req_send sends it as a local request; with evroute set, the
// script's event callback (modparam event_callback) runs for the final reply as
// "uac:reply", where $uac_req(evcode), evtype (1 reply, 2 timeout/failure) and evparam read.
import { MsgContext } from '../core/context.js';
import type { PvClass, PvValue } from '../core/pv.js';
import { sendLocalRequest, type LocalResult } from '../tm/local-request.js';

export interface UacReqData {
  method: string; ruri: string; furi: string; turi: string; ouri: string; hdrs: string; body: string;
  callid: string; sock: string; auser: string; apasswd: string; evparam: string;
  evroute: number; cseq: number;
  /** Set in the event callback. */
  evcode: number; evtype: number;
}

const STR_KEYS = ['method', 'ruri', 'furi', 'turi', 'ouri', 'hdrs', 'body', 'callid', 'sock', 'auser', 'apasswd', 'evparam'] as const;
const INT_KEYS = ['evroute', 'cseq', 'evcode', 'evtype'] as const;
/** Kamailio's buffer sizes: a URI 1024, headers and body 32k. */
const LIMITS: Record<string, number> = { hdrs: 32 * 1024, body: 32 * 1024, evparam: 1024 };

const blank = (): UacReqData => ({ method: '', ruri: '', furi: '', turi: '', ouri: '', hdrs: '', body: '', callid: '', sock: '', auser: '', apasswd: '', evparam: '', evroute: 0, cseq: 0, evcode: 0, evtype: 0 });

/** Per message (MsgContext.uacReq); the event callback's context reads the request it answers. */
function dataOf(ctx: MsgContext): UacReqData {
  return (ctx.uacReq ??= blank());
}

export const uacReqPv: PvClass = {
  hasArg: true,
  get(ctx, key): PvValue {
    const d = ctx.uacReq;
    if (!d) return null;
    if ((STR_KEYS as readonly string[]).includes(key)) return d[key as (typeof STR_KEYS)[number]] || null;
    if ((INT_KEYS as readonly string[]).includes(key)) return d[key as (typeof INT_KEYS)[number]];
    return null;
  },
  set(ctx, key, value): boolean {
    if (key === 'all') {
      if (value !== null && value !== '') return false;
      ctx.uacReq = blank();
      return true;
    }
    const d = dataOf(ctx);
    if ((STR_KEYS as readonly string[]).includes(key)) {
      const text = value === null ? '' : String(value);
      if (text.length > (LIMITS[key] ?? 1024)) {
        ctx.core.logger.log('error', `$uac_req(${key}): value too long (${text.length}, at most ${LIMITS[key] ?? 1024})`);
        return false;
      }
      d[key as (typeof STR_KEYS)[number]] = text;
      return true;
    }
    if ((INT_KEYS as readonly string[]).includes(key)) {
      const n = value === null ? 0 : Number(value);
      if (!Number.isInteger(n)) return false;
      d[key as (typeof INT_KEYS)[number]] = n;
      return true;
    }
    ctx.core.logger.log('error', `$uac_req: unknown key "${key}"`);
    return false;
  },
};

/** uac_req_send(): 1 sent, -1 not (missing method/ruri/furi/turi or a malformed request). */
export function uacReqSend(ctx: MsgContext, eventCallback: string | null): number {
  const d = ctx.uacReq;
  if (!d || !d.method || !d.ruri || !d.furi || !d.turi) {
    ctx.core.logger.log('error', 'KSR.uac.uac_req_send: $uac_req(method), (ruri), (furi) and (turi) must be set');
    return -1;
  }
  const snapshot = { ...d };
  const headers = d.hdrs.split(/\r?\n/).filter((l) => l.trim() !== '');
  const ok = sendLocalRequest(ctx.core, {
    method: d.method, ruri: d.ruri, from: d.furi, to: d.turi, dst: d.ouri || undefined,
    callId: d.callid || undefined, cseq: d.cseq > 0 ? d.cseq : undefined, headers, body: d.body || undefined,
    contentType: d.body ? contentTypeOf(headers) : undefined, socket: d.sock || undefined,
  }, (r) => {
    if (snapshot.evroute > 0 && eventCallback) runReplyEvent(ctx, snapshot, r, eventCallback);
  });
  if (!ok) ctx.core.logger.log('error', `KSR.uac.uac_req_send: the ${d.method} request could not be built`);
  return ok ? 1 : -1;
}

function contentTypeOf(headers: string[]): string | undefined {
  const h = headers.find((l) => /^(content-type|c)\s*:/i.test(l));
  return h ? undefined : 'text/plain';
}

function runReplyEvent(origin: MsgContext, d: UacReqData, r: LocalResult, callback: string): void {
  if (!origin.core.hasRoute(callback)) return;
  const msg = r.reply ?? origin.msg;
  const ev = new MsgContext(msg, origin.rcv, new Map(), origin.core);
  ev.routeType = 'event';
  ev.uacReq = { ...d, evcode: r.code, evtype: r.reply ? 1 : 2 };
  try {
    origin.core.runRoute(callback, ev, 'uac:reply');
  } catch (e) {
    origin.core.logger.log('error', `uac: event callback ${callback} for uac:reply failed: ${(e as Error).message}`);
  }
}

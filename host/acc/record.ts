// One accounting record (Kamailio's core2strar + extra2strar): method (the CSeq's), From and To
// tags, Call-ID, code and reason, the time, and the configured extra values read from the
// request. What the log line and the database row are made from.
import type { MsgContext } from '../core/context.js';
import { readPv } from '../core/pv.js';
import { fromAddr, toAddr } from '../core/sip-values.js';
import type { AccExtra } from './settings.js';

export interface AccRecord {
  readonly method: string;
  readonly fromTag: string;
  readonly toTag: string;
  readonly callId: string;
  /** The code as text ('' when a comment gave none: Kamailio's empty code_s). */
  readonly code: string;
  readonly reason: string;
  /** Completion time, milliseconds since the epoch. */
  readonly timeMs: number;
}

/** Where the record's To comes from, and whether From and To are swapped (an upstream request, detect_direction). */
export interface RecordSource {
  /** The request as the script left it. */
  readonly request: MsgContext;
  /** The reply whose To gives the to-tag (relayed), else the request's To. */
  readonly toFrom?: MsgContext | null;
  /** The to-tag of a reply tm made itself, when the To had none. */
  readonly localToTag?: string | null;
  readonly upstream?: boolean;
}

/** Kamailio's acc_preparse_req: Call-ID, CSeq, From and To must parse. Null when they do; else what failed. */
export function unreadableHeaders(ctx: MsgContext): string | null {
  const m = ctx.msg;
  for (const [h, read] of [['Call-ID', () => m.callId()], ['CSeq', () => m.cseq()], ['From', () => m.from()], ['To', () => m.to()]] as const) {
    if (!m.hasHeader(h.toLowerCase())) return `no ${h} header`;
    try {
      read();
    } catch {
      return `cannot parse the ${h} header`;
    }
  }
  return null;
}

export function makeRecord(src: RecordSource, code: string, reason: string, nowMs = Date.now()): AccRecord {
  const req = src.request;
  const fromTag = fromAddr(req)?.tag ?? '';
  let toTag = toAddr(src.toFrom ?? req)?.tag ?? '';
  if (toTag === '' && src.localToTag) toTag = src.localToTag;
  const [f, t] = src.upstream ? [toTag, fromTag] : [fromTag, toTag];
  return { method: req.msg.cseq().method, fromTag: f, toTag: t, callId: req.msg.callId(), code, reason, timeMs: nowMs };
}

/** The extra values, read from the request: a missing value is null (written '' or NULL by the backend). */
export function extraValues(ctx: MsgContext, extras: readonly AccExtra[]): Array<string | null> {
  return extras.map((e) => {
    const r = readPv(ctx, e.pv);
    return r.ok && r.value !== null ? String(r.value) : null;
  });
}

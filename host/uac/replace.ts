// uac_replace_from/to and uac_restore_from/to (Kamailio's uac replace.c, written anew):
// the From/To display name and URI are rewritten as lumps; unless restore_mode is none, the
// original URI goes into our Record-Route (rr_from_store_param / rr_to_store_param, see
// restore-codec.ts) and the replies relayed back get the From/To the caller sent. In a later
// request of the dialog the parameter gives the other URI back: uac_restore_* (manual mode)
// or, in auto mode, loose_route itself (onLooseRoute, Kamailio's rr callback).
import type { MsgContext } from '../core/context.js';
import { addRrParam } from '../rr/record-route.js';
import { direction } from '../rr/loose-route.js';
import { paramMap } from '../rr/route-set.js';
import { toAddr } from '../core/sip-values.js';
import { decodeRestore, encodeRestore } from './restore-codec.js';
import { nameAddrSpan, spanText } from './name-addr-span.js';
import type { UacSettings } from './settings.js';

export type Which = 'from' | 'to';

const MAX_DISPLAY = 256;
const MAX_URI = 1024;

function marksOf(ctx: MsgContext): { from: boolean; to: boolean } {
  ctx.uacMarks ??= { from: false, to: false };
  return ctx.uacMarks;
}

function err(ctx: MsgContext, fn: string, text: string): number {
  ctx.core.logger.log('error', `KSR.uac.${fn}: ${text}`);
  return -1;
}

/** uac_replace_from/to(display, uri): display null = untouched ('' removes it), uri null/'' = untouched. 1 done, -1 not. */
export function replaceNameAddr(ctx: MsgContext, s: UacSettings, which: Which, display: string | null, uri: string | null, fn: string): number {
  const span = nameAddrSpan(ctx.msg, which);
  if (!span) return err(ctx, fn, `failed to find/parse the ${which === 'from' ? 'From' : 'To'} header`);
  if (uri === '') uri = null;
  if (uri !== null && (uri.length > MAX_URI || /[\s<>"]/.test(uri))) return err(ctx, fn, `expected a URI without blanks, quotes or <> (at most ${MAX_URI} characters), got ${JSON.stringify(uri.slice(0, 80))}`);
  if (display !== null && (display.length > MAX_DISPLAY || /[\r\n<>]/.test(display))) return err(ctx, fn, `expected a display name without CR, LF or <> (at most ${MAX_DISPLAY} characters), got ${JSON.stringify(display.slice(0, 80))}`);
  const marks = marksOf(ctx);
  if (ctx.routeType === 'request' && marks[which]) return err(ctx, fn, `called uac_replace_${which}() multiple times on the message`);
  if (s.restoreMode === 'auto' && uri !== null && toAddr(ctx)?.tag) return err(ctx, fn, `decline ${which === 'from' ? 'FROM' : 'TO'} replacing in sequential request in auto mode (has To tag)`);
  const msg = ctx.msg;
  const oldUri = spanText(msg, span.uriStart, span.uriEnd);
  let rrParam: string | null = null;
  if (uri !== null && s.restoreMode !== 'none') {
    const enc = encodeRestore(oldUri, uri, s.restorePasswd);
    if (enc === null) return err(ctx, fn, 'uri too long');
    rrParam = `;${which === 'from' ? s.rrFromParam : s.rrToParam}=${enc}`;
  }
  if (display !== null) replaceDisplay(ctx, span, display);
  if (uri === null) return 1;
  ctx.lumps.replace(span.uriStart, span.uriEnd, uri);
  if (rrParam === null) return 1;
  addRrParam(ctx, rrParam);
  markReplaced(ctx, which);
  return 1;
}

function replaceDisplay(ctx: MsgContext, span: NonNullable<ReturnType<typeof nameAddrSpan>>, display: string): void {
  const buf = ctx.msg.buf;
  if (span.displayEnd > span.displayStart) {
    let end = span.displayEnd;
    // removing the display: the spaces after it go too
    if (display === '') while (end < buf.length && buf[end] === 0x20) end++;
    ctx.lumps.replace(span.displayStart, end, display);
    return;
  }
  if (display === '') return;
  if (span.angle >= 0) {
    ctx.lumps.insert(span.angle, `${display} `);
    return;
  }
  // addr-spec form: the URI gets its angle brackets
  ctx.lumps.insert(span.uriStart, `${display} <`);
  ctx.lumps.insert(span.uriEnd, '>');
}

/** The header was changed in this request: replies relayed back get the received one again (TMCB_RESPONSE_IN). */
function markReplaced(ctx: MsgContext, which: Which): void {
  const marks = marksOf(ctx);
  const first = !marks.from && !marks.to;
  marks[which] = true;
  const req = ctx.transaction && ctx.routeType !== 'request' ? ctx.transaction.req : ctx;
  if (req !== ctx) marksOf(req)[which] = true;
  if (first || req !== ctx) {
    req.replyInHooks ??= [];
    if (!req.replyInHooks.includes(restoreInReply)) req.replyInHooks.push(restoreInReply);
  }
}

/** A reply to a request whose From/To we changed: the name-addr the request had when received. */
export function restoreInReply(reply: MsgContext, req: MsgContext): void {
  const marks = req.uacMarks;
  if (!marks || reply.msg.isRequest) return;
  for (const which of ['from', 'to'] as const) {
    if (!marks[which]) continue;
    const want = nameAddrSpan(req.msg, which);
    const got = nameAddrSpan(reply.msg, which);
    if (!want || !got) {
      reply.core.logger.log('error', `uac: failed to restore ${which === 'from' ? 'FROM' : 'TO'} in the ${reply.msg.status} reply`);
      continue;
    }
    reply.lumps.replace(got.valueStart, got.nameAddrEnd, spanText(req.msg, want.valueStart, want.nameAddrEnd));
  }
}

/**
 * uac_restore_from (fromParam) / uac_restore_to: the Route param of this dialog gives the other
 * URI; it replaces the URI of the header the request's direction says. 1 restored, -1 not.
 */
export function restoreNameAddr(ctx: MsgContext, s: UacSettings, fromParam: boolean, fn: string | null): number {
  if (!ctx.msg.isRequest) return fn ? err(ctx, fn, 'called for something not request') : -1;
  const name = fromParam ? s.rrFromParam : s.rrToParam;
  const value = ctx.routedParams === null ? undefined : paramMap(ctx.routedParams).get(name);
  if (value === undefined) return -1; // nothing to restore (Kamailio: debug only)
  addRrParam(ctx, `;${name}=${value}`);
  const dir = direction(ctx);
  const which: Which = (fromParam && dir === 'upstream') || (!fromParam && dir === 'downstream') ? 'to' : 'from';
  const span = nameAddrSpan(ctx.msg, which);
  if (!span) return err(ctx, fn ?? 'loose_route', `failed to find/parse the ${which === 'from' ? 'From' : 'To'} header`);
  const current = spanText(ctx.msg, span.uriStart, span.uriEnd);
  const d = decodeRestore(value, current, s.restorePasswd);
  if (!d.ok) {
    ctx.core.logger.log(fn ? 'error' : 'warn', `KSR.uac.${fn ?? 'restore'}: ${name} route param: ${d.why} - skipping the update`);
    return -1;
  }
  ctx.lumps.replace(span.uriStart, span.uriEnd, d.uri);
  markReplaced(ctx, which);
  return 1;
}

/** Auto mode (Kamailio's rr_checker): after loose_route consumed our Route, both params are tried. */
export function restoreAfterLooseRoute(ctx: MsgContext, s: UacSettings): void {
  if (s.restoreMode !== 'auto') return;
  restoreNameAddr(ctx, s, true, null);
  restoreNameAddr(ctx, s, false, null);
}

// The body functions of textops: set_body (and _hex), the multipart ones, remove_body_part,
// filter_body, has_body(_type), get_body_part(_raw), set_reply_body. A body a script sets is one
// lump re-rendered at each call (body-state.ts), with the Content-Type line replaced; the
// builder fixes Content-Length. Reads (has_body, get_body_part) see the received body.
import type { MsgContext } from '../core/context.js';
import { writePv } from '../core/pv.js';
import { asBytes, fromBytes } from '../text/regex.js';
import type { BodyPart, BodyRewrite } from './body-state.js';
import { applyEdits, bodyOf } from './message-text.js';
import { boundaryOf, DEFAULT_BOUNDARY, joinParts, mediaType, multipartContentType, partHeaders, partType, splitParts } from './multipart.js';

const log = (ctx: MsgContext, fn: string, text: string) => ctx.core.logger.log('error', `KSR.textops.${fn}: ${text}`);

/** The Content-Type value of the received message, '' when none. */
function receivedType(ctx: MsgContext): string {
  return ctx.msg.header('content-type')?.value ?? '';
}

/** The body bytes (latin1) of the received message, '' when none. */
function receivedBody(ctx: MsgContext): string {
  return bodyOf(ctx)?.text ?? '';
}

/** The state of a body this script set on this message, made on first use: null when refused. */
function rewriteOf(ctx: MsgContext, fn: string): BodyRewrite | null {
  const cur = ctx.bodyRewrite;
  if (cur !== null && cur.msg === ctx.msg) return cur;
  const m = ctx.msg;
  const ct = m.header('content-type');
  const bodyTouched = m.bodyOffset < m.buf.length && (ctx.lumps.deletesWithin(m.bodyOffset, m.buf.length) || ctx.lumps.touches(m.bodyOffset + 1, m.buf.length));
  if (bodyTouched || (ct && ctx.lumps.deletesWithin(ct.start, ct.end))) {
    log(ctx, fn, 'the body or its Content-Type was already changed by an earlier edit; expected it untouched (call KSR.textopsx.msg_apply_changes() first)');
    return null;
  }
  if (m.bodyOffset < m.buf.length) ctx.lumps.delete(m.bodyOffset, m.buf.length);
  if (ct) ctx.lumps.delete(ct.start, ct.end);
  const bodySlot = ctx.lumps.insertSlot(m.bodyOffset, '');
  // same type: the line stays where it was, as received; another type: a new line after the last header (Kamailio)
  const sameSlot = ctx.lumps.insertSlot(ct ? ct.start : m.headersEnd, '');
  const newSlot = ctx.lumps.insertSlot(m.headersEnd, '');
  const original = ct ? m.buf.toString('latin1', ct.start, ct.end) : null;
  const state: BodyRewrite = {
    msg: m,
    contentType: ct?.value ?? '',
    text: receivedBody(ctx),
    multipart: null,
    mimeVersionAdded: false,
    render: () => {
      const body = state.multipart ? joinParts(state.multipart.parts, state.multipart.boundary) : state.text;
      bodySlot.set(Buffer.from(body, 'latin1'));
      const same = original !== null && ct !== undefined && state.contentType === ct.value;
      sameSlot.set(same ? Buffer.from(original, 'latin1') : '');
      newSlot.set(same || state.contentType === '' ? '' : Buffer.from(`Content-Type: ${state.contentType}\r\n`, 'latin1'));
    },
  };
  ctx.bodyRewrite = state;
  return state;
}

/** The body in force for conversions: the one set, else the received one, with its type. */
function currentBody(ctx: MsgContext): { text: string; type: string; parts: BodyPart[] | null; boundary: string | null } {
  const s = ctx.bodyRewrite !== null && ctx.bodyRewrite.msg === ctx.msg ? ctx.bodyRewrite : null;
  if (s?.multipart) return { text: joinParts(s.multipart.parts, s.multipart.boundary), type: s.contentType, parts: s.multipart.parts, boundary: s.multipart.boundary };
  const text = s ? s.text : receivedBody(ctx);
  const type = s ? s.contentType : receivedType(ctx);
  const boundary = boundaryOf(type);
  return { text, type, parts: boundary === null ? null : splitParts(text, boundary), boundary };
}

/** set_body(text, type) / set_body_hex: text as bytes (latin1). Empty text or type: -1. */
export function setBody(ctx: MsgContext, fn: string, bytes: string, type: string): number {
  if (bytes === '' || type.trim() === '') {
    log(ctx, fn, `expected a body and a content type, got ${bytes === '' ? 'an empty body' : 'an empty content type'}`);
    return -1;
  }
  const s = rewriteOf(ctx, fn);
  if (s === null) return -1;
  s.text = bytes;
  s.multipart = null;
  s.contentType = type.trim();
  s.render();
  return 1;
}

/** Hex text to bytes (latin1), or null when it is not an even count of hex digits. */
export function hexBytes(hex: string): string | null {
  const h = hex.replace(/\s+/g, '');
  if (h.length === 0 || h.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(h)) return null;
  return Buffer.from(h, 'hex').toString('latin1');
}

/** Makes the body multipart with `boundary`: the given part, or the body in force as first part. */
export function setMultipart(ctx: MsgContext, fn: string, content: { bytes: string; type: string } | null, boundary: string): number {
  if (boundary === '' || /[\r\n"]/.test(boundary) || boundary.length > 70) {
    log(ctx, fn, `expected a boundary of 1 to 70 characters without quotes or line breaks, got ${JSON.stringify(boundary.slice(0, 80))}`);
    return -1;
  }
  const cur = currentBody(ctx);
  const s = rewriteOf(ctx, fn);
  if (s === null) return -1;
  let parts: BodyPart[];
  if (content !== null) parts = [{ headers: partHeaders(content.type), content: content.bytes }];
  else if (cur.parts !== null) parts = cur.parts.map((p) => ({ ...p }));
  else parts = cur.text === '' ? [] : [{ headers: partHeaders(mediaType(cur.type) === '' ? 'text/plain' : cur.type.trim()), content: cur.text }];
  s.multipart = { boundary, parts };
  s.contentType = multipartContentType(boundary);
  if (!s.mimeVersionAdded && !ctx.msg.hasHeader('mime-version')) {
    ctx.lumps.insert(ctx.msg.headersEnd, 'Mime-Version: 1.0\r\n');
    s.mimeVersionAdded = true;
  }
  s.render();
  return 1;
}

/** The multipart state to change (append/remove parts): the one set, or the received multipart body. */
function multipartState(ctx: MsgContext, fn: string): BodyRewrite | null {
  const cur = currentBody(ctx);
  if (cur.parts === null || cur.boundary === null) {
    log(ctx, fn, `expected a multipart body (or KSR.textops.set_body_multipart() before), got ${JSON.stringify(mediaType(cur.type) || 'no Content-Type')}`);
    return null;
  }
  const s = rewriteOf(ctx, fn);
  if (s === null) return null;
  if (!s.multipart) {
    s.multipart = { boundary: cur.boundary, parts: cur.parts };
    s.contentType = cur.type;
  }
  return s;
}

/** append_body_part(_cd/_hex/_hex_cd): a part added at the end of the multipart body. */
export function appendPart(ctx: MsgContext, fn: string, bytes: string, type: string, disposition?: string): number {
  if (bytes === '' || type.trim() === '') {
    log(ctx, fn, 'expected a part body and a content type, got an empty one');
    return -1;
  }
  const s = multipartState(ctx, fn);
  if (s === null) return -1;
  s.multipart!.parts.push({ headers: partHeaders(type.trim(), disposition?.trim() || undefined), content: bytes });
  s.render();
  return 1;
}

/** remove_body_part(type): the parts of that type removed; -1 when there is none. */
export function removePart(ctx: MsgContext, type: string): number {
  const want = mediaType(type);
  const cur = currentBody(ctx);
  if (cur.parts === null || !cur.parts.some((p) => partType(p) === want)) return -1;
  const s = multipartState(ctx, 'remove_body_part');
  if (s === null) return -1;
  s.multipart!.parts = s.multipart!.parts.filter((p) => partType(p) !== want);
  s.render();
  return 1;
}

/** The received body's part of that type: its content, or (raw) its header lines, empty line and content. */
export function bodyPart(ctx: MsgContext, type: string, raw: boolean): string | null {
  const body = bodyOf(ctx);
  if (body === null) return null;
  const want = mediaType(type);
  const main = receivedType(ctx);
  const boundary = boundaryOf(main);
  if (boundary === null) return mediaType(main) === want ? body.text : null;
  const part = splitParts(body.text, boundary)?.find((p) => partType(p) === want);
  if (!part) return null;
  return raw ? `${part.headers}\r\n${part.content}` : part.content;
}

/** get_body_part(_raw)(type, pv): the part written into pv (as text). */
export function bodyPartInto(ctx: MsgContext, fn: string, type: string, pv: string, raw: boolean): number {
  const part = bodyPart(ctx, type, raw);
  if (part === null) return -1;
  if (!writePv(ctx, pv, fromBytes(part))) {
    log(ctx, fn, `cannot write ${JSON.stringify(pv)}; expected a writable pseudo-variable`);
    return -1;
  }
  return 1;
}

/** has_body(): 1 when the body is not empty. */
export function hasBody(ctx: MsgContext): number {
  return bodyOf(ctx) === null ? -1 : 1;
}

/** has_body_type(type): the body (or one of its parts, when multipart) is of that type; null for a malformed type. */
export function hasBodyType(ctx: MsgContext, type: string): number | null {
  const want = mediaType(type);
  if (!/^[^/\s]+\/[^/\s]+$/.test(want)) return null;
  const body = bodyOf(ctx);
  if (body === null) return -1;
  const main = receivedType(ctx);
  if (mediaType(main) === want) return 1;
  const boundary = boundaryOf(main);
  const parts = boundary === null ? null : splitParts(body.text, boundary);
  return parts?.some((p) => partType(p) === want) ? 1 : -1;
}

/**
 * filter_body(type): a multipart/mixed body cut down to the content of its first part of that
 * type (the Content-Type header is left as it is, as in Kamailio). -1 when not multipart/mixed,
 * or no such part.
 */
export function filterBody(ctx: MsgContext, type: string): number {
  const body = bodyOf(ctx);
  const main = receivedType(ctx);
  if (body === null || mediaType(main) !== 'multipart/mixed') {
    if (body !== null) ctx.core.logger.log('warn', 'KSR.textops.filter_body: body not multipart/mixed');
    return -1;
  }
  const boundary = boundaryOf(main);
  const parts = boundary === null ? null : splitParts(body.text, boundary);
  const want = mediaType(type);
  const part = parts?.find((p) => partType(p) === want);
  if (!part) return -1;
  // the part's content, with the line breaks before it skipped (Kamailio)
  const content = part.content.replace(/^[\r\n]+/, '');
  const from = body.text.indexOf(content, body.text.indexOf(part.headers));
  if (from < 0) return -1;
  const start = body.offset;
  const end = body.offset + body.text.length;
  return applyEdits(ctx, 'filter_body', [
    { start, end: start + from, text: '' },
    { start: start + from + content.length, end, text: '' },
  ]) ? 1 : -1;
}

/** set_reply_body(text, type) / _hex: the body of the next local reply for this request. */
export function setReplyBody(ctx: MsgContext, fn: string, bytes: string, type: string): number {
  if (bytes === '' || type.trim() === '') {
    log(ctx, fn, 'expected a body and a content type, got an empty one');
    return -1;
  }
  ctx.replyBody = { body: Buffer.from(bytes, 'latin1'), contentType: type.trim() };
  return 1;
}

/** Script text as the bytes (latin1) a body holds. */
export const scriptBytes = asBytes;

// Replacing the message a script works on (textopsx.msg_apply_changes, msg_set_buffer,
// posops.pos_set_char): the new bytes are parsed as a SIP message and take the received one's
// place in the context; lumps were anchored in the old buffer, so they are applied into the
// new one (apply) or refused (set_buffer with pending lumps would anchor them in bytes that
// are gone). A text that does not parse, or lacks what the received message had (its
// request line, the headers every request needs), leaves the message as it was: the script
// gets -1 and the log says why, never a corrupt message on the wire.
import type { MsgContext } from './context.js';
import { buildWithLumps } from '../sip/builder.js';
import { MAX_MESSAGE_SIZE, SipMessage } from '../sip/message.js';

export type Rewrite = { ok: true } | { ok: false; error: string };

/** Why the context's message may not be replaced now, or null. */
function refusal(ctx: MsgContext): string | null {
  // tm keeps the request as received for its branches, CANCELs and local replies
  if (ctx.transaction !== null && ctx.msg.isRequest) return 'the request already has a transaction (call it before t_newtran/t_relay)';
  return null;
}

function parseReplacement(ctx: MsgContext, buf: Buffer): SipMessage | string {
  if (buf.length > MAX_MESSAGE_SIZE) return `the new message is ${buf.length} bytes, more than ${MAX_MESSAGE_SIZE}`;
  let msg: SipMessage;
  try {
    msg = SipMessage.parse(buf);
  } catch (e) {
    return `the new message does not parse: ${(e as Error).message}`;
  }
  if (msg.isRequest !== ctx.msg.isRequest) return `the new message is a ${msg.isRequest ? 'request' : 'reply'}, the received one a ${ctx.msg.isRequest ? 'request' : 'reply'}`;
  if (ctx.msg.hasRequiredHeaders() && !msg.hasRequiredHeaders()) return 'the new message lacks a header every SIP message needs (Via, From, To, Call-ID, CSeq)';
  return msg;
}

function replace(ctx: MsgContext, buf: Buffer): Rewrite {
  const refused = refusal(ctx);
  if (refused !== null) return { ok: false, error: refused };
  const next = parseReplacement(ctx, buf);
  if (typeof next === 'string') return { ok: false, error: next };
  ctx.replaceMessage(next);
  ctx.lumps.clear();
  return { ok: true };
}

/** msg_apply_changes: the lumps applied, the result parsed and made the message. */
export function applyChanges(ctx: MsgContext): Rewrite {
  // a Request-URI the script set ($ru, lookup...) goes into the first line too, as Kamailio's
  // build of the new buffer writes msg->new_uri there
  const newUri = ctx.msg.isRequest && ctx.newUri !== null && ctx.newUri !== ctx.msg.ruri ? ctx.newUri : null;
  if (ctx.lumps.size === 0 && newUri === null) return { ok: true };
  const built = buildWithLumps(ctx.msg, ctx.lumps);
  return replace(ctx, newUri === null ? built : withRequestUri(built, newUri));
}

/** The request with another Request-URI in its first line ("METHOD uri SIP/2.0"). */
function withRequestUri(buf: Buffer, uri: string): Buffer {
  const lineEnd = buf.indexOf('\r\n');
  const first = buf.indexOf(0x20);
  const last = buf.lastIndexOf(0x20, lineEnd);
  if (lineEnd < 0 || first < 0 || last <= first) return buf;
  return Buffer.concat([buf.subarray(0, first + 1), Buffer.from(uri, 'utf8'), buf.subarray(last)]);
}

/** msg_set_buffer: the given text becomes the message; refused while changes are pending. */
export function setBuffer(ctx: MsgContext, text: string): Rewrite {
  if (ctx.lumps.size > 0) return { ok: false, error: 'changes are pending on the current message (msg_apply_changes first)' };
  return replace(ctx, Buffer.from(text, 'utf8'));
}

/** pos_set_char: one byte of the current buffer written at once; pending lumps keep their offsets. */
export function setByte(ctx: MsgContext, offset: number, byte: number): Rewrite {
  const refused = refusal(ctx);
  if (refused !== null) return { ok: false, error: refused };
  const buf = Buffer.from(ctx.msg.buf);
  buf[offset] = byte;
  const next = parseReplacement(ctx, buf);
  if (typeof next === 'string') return { ok: false, error: next };
  ctx.replaceMessage(next);
  return { ok: true };
}

// msg_apply_changes / msg_set_buffer / remove_body: textopsx's wrappers around replacing the
// message (host/core/message-rewrite.ts). textopsx allows a replacement for a reply anywhere,
// for a request only in the request route (and, as its docs say, not in tm's onreply routes:
// the reply there belongs to the transaction), and not once the request has a transaction
// (message-rewrite refuses that).
import type { MsgContext } from '../core/context.js';
import { applyChanges, setBuffer, type Rewrite } from '../core/message-rewrite.js';
import { MAX_MESSAGE_SIZE } from '../sip/message.js';

function routeRefusal(ctx: MsgContext): string | null {
  if (ctx.routeType === 'onreply') return "invalid usage in tm's onreply route: the reply belongs to the transaction (use the core reply route)";
  if (ctx.msg.isRequest && ctx.routeType !== 'request') return `invalid usage - not in request route or a reply (in a ${ctx.routeType} route)`;
  return null;
}

export function applyMessageChanges(ctx: MsgContext): Rewrite {
  const refused = routeRefusal(ctx);
  return refused !== null ? { ok: false, error: refused } : applyChanges(ctx);
}

export function setMessageBuffer(ctx: MsgContext, text: string): Rewrite {
  if (text === '') return { ok: false, error: 'invalid buffer parameter: expected a SIP message, got an empty text' };
  const size = Buffer.byteLength(text);
  if (size > MAX_MESSAGE_SIZE) return { ok: false, error: `new buffer is too large (${size} bytes, at most ${MAX_MESSAGE_SIZE})` };
  const refused = routeRefusal(ctx);
  if (refused !== null) return { ok: false, error: refused };
  dropPendingChanges(ctx);
  return setBuffer(ctx, text);
}

/**
 * Kamailio's sip_msg_update_buffer frees the old message structure (free_sip_msg) before it
 * parses the new text: the pending header/body lumps and the reply lumps go with it, applied to
 * nothing (and they stay gone when the new text then fails to parse).
 */
function dropPendingChanges(ctx: MsgContext): void {
  ctx.lumps.clear();
  ctx.replyLumps.length = 0;
}

/** remove_body: a lump deleting everything after the empty line (1 also when there is no body). */
export function removeBody(ctx: MsgContext): number {
  const { bodyOffset, buf } = ctx.msg;
  if (bodyOffset < buf.length) ctx.lumps.delete(bodyOffset, buf.length);
  return 1;
}

// What textops keeps on a message between calls (MsgContext.bodyRewrite / replyBody): the body
// a script set (one lump re-rendered at each call, so set_body then append_body_part give one
// coherent body, as Kamailio's multipart flag does), and the body of its local replies.
import type { MsgContext } from '../core/context.js';
import type { SipMessage } from '../sip/message.js';
import type { ReplyOptions } from '../core/services.js';

/** A part of a multipart body: its header lines (each ending CRLF) and its content. */
export interface BodyPart {
  headers: string;
  content: string;
}

export interface BodyRewrite {
  /** The message the lumps are anchored in: a state for another message (after msg_apply_changes) is stale. */
  readonly msg: SipMessage;
  /** Writes the rendered body (bytes as latin1) and Content-Type into their lumps. */
  readonly render: () => void;
  /** A Mime-Version header was added (once, when the body first became multipart). */
  mimeVersionAdded: boolean;
  /** Content-Type value of the whole body. */
  contentType: string;
  /** Single body text, or the parts of a multipart/mixed body with its boundary. */
  text: string;
  multipart: { boundary: string; parts: BodyPart[] } | null;
}

export interface ReplyBody {
  body: Buffer;
  contentType: string;
}

/**
 * The body a local reply takes from set_reply_body: none when the caller gives its own (or the
 * script set none). A lookup, no object made: every local reply asks (each 401 and 200).
 */
export function scriptReplyBody(ctx: MsgContext, opts: ReplyOptions): ReplyBody | null {
  return opts.body === undefined ? ctx.replyBody : null;
}

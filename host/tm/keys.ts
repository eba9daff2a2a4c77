// Transaction matching keys (RFC 3261 §17.2.3 for requests, §17.1.3 for replies).
// A request whose top Via branch starts with the magic cookie is matched by branch, sent-by
// and method (ACK and CANCEL are looked up as the INVITE they refer to); an RFC 2543 request
// (no cookie) by Call-ID, From-tag, CSeq number, Request-URI and the top Via.
import type { SipMessage } from '../sip/message.js';
import { SipParseError } from '../sip/errors.js';

export const MAGIC_COOKIE = 'z9hG4bK';

/** The server-transaction key of a request, as if its method were `asMethod`. Null when the
 *  message lacks what a key is made of. */
export function serverKey(msg: SipMessage, asMethod: string = msg.method): string | null {
  try {
    const via = msg.topVia();
    const sentBy = `${via.host.toLowerCase()}:${via.port || 5060}`;
    const method = asMethod === 'ACK' ? 'INVITE' : asMethod;
    const branch = via.branch;
    // the cookie alone is no transaction id (RFC 4475 §3.2.1 badbranch): RFC 2543 matching
    if (branch && branch.length > MAGIC_COOKIE.length && branch.startsWith(MAGIC_COOKIE)) return `3261\n${branch}\n${sentBy}\n${method}`;
    // RFC 2543: the To-tag is left out so an ACK (which carries our tag) finds its INVITE
    return `2543\n${msg.callId()}\n${msg.from().tag ?? ''}\n${msg.cseq().seq}\n${msg.ruri}\n${sentBy}\n${branch ?? ''}\n${method}`;
  } catch (e) {
    if (e instanceof SipParseError) return null;
    throw e;
  }
}

/** The top Via branch when serverKey keys the request by it (RFC 3261 matching); null when
 *  the request has no key at all (no parsable top Via); undefined when it is keyed the RFC
 *  2543 way. */
export function rfc3261Branch(msg: SipMessage): string | null | undefined {
  let branch: string | undefined;
  try {
    branch = msg.topVia().branch;
  } catch (e) {
    if (e instanceof SipParseError) return null;
    throw e;
  }
  return branch && branch.length > MAGIC_COOKIE.length && branch.startsWith(MAGIC_COOKIE) ? branch : undefined;
}

/** The branch of an RFC 3261 server key (serverKey's "3261\n<branch>\n..."), else null. */
export function branchOfKey(key: string): string | null {
  if (!key.startsWith('3261\n')) return null;
  const end = key.indexOf('\n', 5);
  return end < 0 ? null : key.slice(5, end);
}

/** Call-ID, CSeq number and From-tag: how an end-to-end ACK for a 2xx finds its INVITE. */
export function dialogKey(msg: SipMessage): string | null {
  try {
    return `${msg.callId()}\n${msg.cseq().seq}\n${msg.from().tag ?? ''}`;
  } catch (e) {
    if (e instanceof SipParseError) return null;
    throw e;
  }
}

/** The top Via branch and CSeq method of a reply: what finds our client branch. */
export function replyKey(msg: SipMessage): { branch: string; method: string } | null {
  try {
    const branch = msg.topVia().branch;
    if (!branch) return null;
    return { branch, method: msg.cseq().method };
  } catch (e) {
    if (e instanceof SipParseError) return null;
    throw e;
  }
}

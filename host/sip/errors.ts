// The one error type the SIP parser lets escape. Anything malformed in a received message
// ends up here, never as a TypeError/RangeError, so the transport can always decide between
// "answer 400" and "drop" from `canReply` alone.

export class SipParseError extends Error {
  /** Short text usable as a 400 reason phrase (no CR/LF, ASCII). */
  reason: string;
  /** True when the message is a request whose first line, Via, From, To, Call-ID and CSeq
   *  are readable enough to be copied into a 400 reply. */
  canReply: boolean;

  constructor(reason: string, detail?: string, canReply = false) {
    // Rejecting input is ordinary control flow here (tryParseUri, hostile lists): a stack
    // trace would cost more than the parse itself and says nothing about the input.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(detail ? `${reason}: ${detail}` : reason);
    Error.stackTraceLimit = limit;
    this.name = 'SipParseError';
    this.reason = reason;
    this.canReply = canReply;
  }
}

/** Shortens untrusted text for an error message (never dumps a 64 KB header). */
export function excerpt(text: string, max = 40): string {
  const clean = text.slice(0, max + 1).replace(/[^\x20-\x7e]/g, '?');
  return clean.length > max ? JSON.stringify(clean.slice(0, max)) + '...' : JSON.stringify(clean);
}

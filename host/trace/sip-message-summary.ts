// What a trace needs of a SIP message without parsing it: the first line, the method (a
// request's, or a reply's CSeq method) and the Call-ID. Read off the header section only (at
// most the first 8 KB), so a trace on a busy server costs a scan, not a parse.
const HEAD_SCAN_BYTES = 8 * 1024;

export interface MessageSummary {
  firstLine: string;
  /** A request's method; for a reply the method of its CSeq. '' when neither is found. */
  method: string;
  /** '' when the message has none (or it is past the first 8 KB). */
  callId: string;
  isReply: boolean;
}

const CALL_ID = /^(?:call-id|i)[ \t]*:[ \t]*(\S[^\r\n]*?)[ \t]*$/im;
const CSEQ_METHOD = /^cseq[ \t]*:[ \t]*\d+[ \t]+([A-Za-z]+)/im;

export function summarize(buf: Buffer): MessageSummary {
  const head = headText(buf);
  const eol = head.indexOf('\r\n');
  const firstLine = (eol < 0 ? head : head.slice(0, eol)).slice(0, 512);
  const isReply = firstLine.startsWith('SIP/');
  const method = isReply ? (CSEQ_METHOD.exec(head)?.[1] ?? '') : (/^[A-Za-z]+/.exec(firstLine)?.[0] ?? '');
  return { firstLine, method: method.toUpperCase(), callId: CALL_ID.exec(head)?.[1] ?? '', isReply };
}

/** The header section (up to the blank line), as latin1: header bytes are ASCII, and a byte never throws. */
function headText(buf: Buffer): string {
  const scan = buf.subarray(0, HEAD_SCAN_BYTES);
  const end = scan.indexOf('\r\n\r\n');
  return scan.toString('latin1', 0, end < 0 ? scan.length : end + 2);
}

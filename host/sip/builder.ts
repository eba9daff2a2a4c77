// Builds the bytes we send from a received message and its lumps: forwarded requests (new
// Request-URI, our Via on top) and forwarded replies (top Via removed). Content-Length is
// rewritten when the body's length changed, and added when it was missing (stream
// transports require it).
import { Lumps } from './lumps.js';
import type { SipMessage } from './message.js';

export interface BuildRequestOptions {
  /** new Request-URI for the first line */
  ruri?: string;
  /** full Via header line WITHOUT CRLF to put on top */
  via?: string;
  removeTopVia?: boolean;
}

export function buildRequest(msg: SipMessage, lumps: Lumps, opts: BuildRequestOptions): Buffer {
  const own = new Lumps();
  // ours go first so our Via is above any header a script inserted at the same place
  if (opts.via !== undefined) own.insert(msg.firstHeaderOffset, stripEol(opts.via) + '\r\n');
  if (opts.ruri !== undefined && msg.isRequest) own.replace(msg.ruriStart, msg.ruriEnd, stripEol(opts.ruri));
  if (opts.removeTopVia) removeTopVia(msg, own);
  own.append(lumps);
  return finish(msg, own);
}

export function buildForwardedReply(msg: SipMessage, lumps: Lumps): Buffer {
  const own = new Lumps();
  removeTopVia(msg, own);
  own.append(lumps);
  return finish(msg, own);
}

/** Deletes the first Via value: the whole line when it is alone there, else the value and
 *  the comma after it (the other values on the line stay). */
export function removeTopVia(msg: SipMessage, lumps: Lumps): void {
  const top = msg.topViaLineValues();
  if (!top) return;
  const { line, ranges } = top;
  if (ranges.length <= 1) lumps.delete(line.start, line.end);
  else lumps.delete(ranges[0][0], ranges[1][0]);
}

/** The message with the lumps applied, as it would leave unchanged otherwise (msg_apply_changes). */
export function buildWithLumps(msg: SipMessage, lumps: Lumps): Buffer {
  return finish(msg, lumps);
}

function stripEol(s: string): string {
  // a CR or LF here would let a caller smuggle extra header lines
  return s.replace(/[\r\n]+/g, ' ');
}

function finish(msg: SipMessage, lumps: Lumps): Buffer {
  const buf = msg.buf;
  // keep-alive CRLFs received before the first line are not part of what we send
  if (msg.firstLineOffset > 0) {
    lumps = lumps.clone();
    lumps.delete(0, msg.firstLineOffset);
  }
  const body = lumps.applyRange(buf, msg.bodyOffset, buf.length, true);
  const edits = lumps.clone();
  const cl = msg.header('content-length');
  const len = String(body.length);
  if (!cl || lumps.deletesAll(cl.start, cl.end)) {
    edits.insert(msg.headersEnd, `Content-Length: ${len}\r\n`);
  } else if (!lumps.touches(cl.start, cl.end) && buf.toString('latin1', cl.valueStart, cl.valueEnd) !== len) {
    edits.replace(cl.valueStart, cl.valueEnd, len);
  }
  const head = edits.applyRange(buf, 0, msg.bodyOffset, false);
  return Buffer.concat([head, body]);
}

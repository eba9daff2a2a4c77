// The SDP body as nathelper reads it (Kamailio's extract_body + its c=/o= scanning): byte
// offsets in the received buffer so rewrites are lumps, the end trimmed of its final line
// break (lines nathelper adds go before it), sessions and media with their c= addresses.
import type { SipMessage } from '../sip/message.js';
import { boundaryOf } from '../textops/multipart.js';

/** Larger bodies are not scanned (a bound on the work of one call). */
export const MAX_SDP_BYTES = 64 * 1024;

export interface SdpBody {
  /** The body, latin1 (one char per byte): indexes + start are buffer offsets. */
  text: string;
  /** Buffer offset of the body. */
  start: number;
  /** Index in text just past the last non-blank character (Kamailio trims the end). */
  trimmedEnd: number;
}

export type SdpResult = { ok: true; sdp: SdpBody } | { ok: false; why: string };

/**
 * The body when it is SDP: Content-Type application/sdp, or none (Kamailio assumes SDP then);
 * in a multipart body, its first application/sdp part.
 */
export function sdpBody(msg: SipMessage): SdpResult {
  const body = msg.body();
  if (body.length === 0) return { ok: false, why: 'no body' };
  let type: string | undefined;
  try {
    type = msg.contentType();
  } catch {
    return { ok: false, why: 'bad Content-Type' };
  }
  if (body.length > MAX_SDP_BYTES) return { ok: false, why: `body of ${body.length} bytes exceeds ${MAX_SDP_BYTES}` };
  const whole = body.toString('latin1');
  if (type?.startsWith('multipart/')) {
    const part = sdpPart(whole, boundaryOf(msg.header('content-type')!.value));
    if (!part) return { ok: false, why: 'no application/sdp part in the multipart body' };
    return trimmed(whole.slice(part.start, part.end), msg.bodyOffset + part.start);
  }
  if (type !== undefined && type !== 'application/sdp') return { ok: false, why: `Content-Type is ${type}, not application/sdp` };
  return trimmed(whole, msg.bodyOffset);
}

function trimmed(text: string, start: number): SdpResult {
  let end = text.length;
  while (end > 0 && ' \t\r\n'.includes(text[end - 1]!)) end--;
  if (end === 0) return { ok: false, why: 'empty body' };
  return { ok: true, sdp: { text, start, trimmedEnd: end } };
}

/** [start, end) of the content of the first part whose Content-Type is application/sdp. */
function sdpPart(body: string, boundary: string | null): { start: number; end: number } | null {
  if (!boundary) return null;
  const delim = `--${boundary}`;
  let at = body.indexOf(delim);
  for (let parts = 0; at >= 0 && parts < 32; parts++) {
    const lineEnd = body.indexOf('\n', at);
    if (lineEnd < 0) return null;
    const next = body.indexOf(`\r\n${delim}`, lineEnd);
    const partEnd = next < 0 ? body.length : next;
    const headEnd = body.indexOf('\r\n\r\n', lineEnd);
    const headers = headEnd >= 0 && headEnd < partEnd ? body.slice(lineEnd + 1, headEnd) : '';
    if (/^content-type:\s*application\/sdp\s*(;|$)/im.test(headers)) return { start: headEnd + 4, end: partEnd };
    at = next < 0 ? -1 : next + 2;
  }
  return null;
}

/** The address of a c=, o= or a=rtcp line: after the IP4/IP6 token; [start, end) in the body text. */
export interface LineAddress {
  family: 4 | 6 | 0;
  address: string;
  start: number;
  end: number;
}

/**
 * Every `kind` line (c= or o=) at the start of a line, with its address. A line with no IP4/IP6
 * token gives family 0 (Kamailio: "no `IP[4|6]' in field", an error for the rewrite).
 */
export function addressLines(sdp: SdpBody, kind: 'c=' | 'o=' | 'a=rtcp:'): LineAddress[] {
  const out: LineAddress[] = [];
  const t = sdp.text;
  let i = 0;
  while (i < sdp.trimmedEnd) {
    let eol = t.indexOf('\n', i);
    if (eol < 0) eol = t.length;
    if (t.startsWith(kind, i)) out.push(addressOf(t, i + kind.length, Math.min(eol, sdp.trimmedEnd)));
    i = eol + 1;
  }
  return out;
}

function addressOf(t: string, from: number, to: number): LineAddress {
  let lineEnd = to;
  while (lineEnd > from && (t[lineEnd - 1] === '\r' || t[lineEnd - 1] === ' ' || t[lineEnd - 1] === '\t')) lineEnd--;
  let i = from;
  let family: 4 | 6 | 0 = 0;
  while (i < lineEnd) {
    while (i < lineEnd && (t[i] === ' ' || t[i] === '\t')) i++;
    let j = i;
    while (j < lineEnd && t[j] !== ' ' && t[j] !== '\t') j++;
    if (family !== 0) return { family, address: t.slice(i, j), start: i, end: j };
    if (j - i === 3 && t.startsWith('IP', i) && (t[i + 2] === '4' || t[i + 2] === '6')) family = t[i + 2] === '4' ? 4 : 6;
    i = j;
  }
  return { family: 0, address: '', start: from, end: from };
}

/** The session's c= address and each media section's own (null when it has none). */
export interface SdpConnections {
  session: LineAddress | null;
  media: Array<LineAddress | null>;
}

export function connections(sdp: SdpBody): SdpConnections {
  const t = sdp.text;
  const result: SdpConnections = { session: null, media: [] };
  let inMedia = false;
  let i = 0;
  while (i < sdp.trimmedEnd) {
    let eol = t.indexOf('\n', i);
    if (eol < 0) eol = t.length;
    if (t.startsWith('m=', i)) {
      inMedia = true;
      result.media.push(null);
    } else if (t.startsWith('c=', i)) {
      const a = addressOf(t, i + 2, Math.min(eol, sdp.trimmedEnd));
      if (inMedia) result.media[result.media.length - 1] ??= a;
      else result.session ??= a;
    }
    i = eol + 1;
  }
  return result;
}

/** 0.0.0.0, or an IPv6 address of zeros and colons only (Kamailio's isnulladdr). */
export function isNullAddress(a: LineAddress): boolean {
  if (a.family === 6) return /^[0:]+$/.test(a.address);
  return a.address === '0.0.0.0';
}

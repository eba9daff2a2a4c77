// Multipart bodies (RFC 2046) as textops handles them: the boundary of a Content-Type value, a
// body cut into parts (header lines + content) and put back together.
import type { BodyPart } from './body-state.js';

/** Kamailio's default boundary for set_body_multipart. */
export const DEFAULT_BOUNDARY = 'unique-boundary-1';

/** The media type of a Content-Type value, lower case, without parameters. */
export function mediaType(value: string): string {
  const semi = value.indexOf(';');
  return (semi >= 0 ? value.slice(0, semi) : value).trim().toLowerCase();
}

/** The boundary parameter of a multipart Content-Type value, or null. */
export function boundaryOf(value: string): string | null {
  if (!mediaType(value).startsWith('multipart/')) return null;
  const m = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(value);
  const b = m ? (m[1] ?? m[2] ?? '') : '';
  return b === '' ? null : b;
}

export function multipartContentType(boundary: string): string {
  return `multipart/mixed;boundary="${boundary}"`;
}

/** The Content-Type of a part (from its header lines), lower case without parameters; '' when none. */
export function partType(part: BodyPart): string {
  const m = /(?:^|\r?\n)(?:content-type|c)[ \t]*:[ \t]*([^\r\n]*)/i.exec(part.headers);
  return m ? mediaType(m[1]!) : '';
}

/** The parts of a body (latin1) delimited by `--boundary` lines; the preamble and epilogue are dropped. */
export function splitParts(body: string, boundary: string): BodyPart[] | null {
  const delim = `--${boundary}`;
  const starts: number[] = [];
  for (let at = body.indexOf(delim); at >= 0; at = body.indexOf(delim, at + delim.length)) {
    if (at === 0 || body[at - 1] === '\n') starts.push(at);
  }
  if (starts.length === 0) return null;
  const parts: BodyPart[] = [];
  for (let i = 0; i < starts.length; i++) {
    const lineEnd = body.indexOf('\n', starts[i]!);
    if (body.startsWith('--', starts[i]! + delim.length) || lineEnd < 0) break; // the closing delimiter
    const next = starts[i + 1] ?? body.length;
    // the CRLF before the next delimiter belongs to the delimiter
    let end = next;
    if (body[end - 1] === '\n') end--;
    if (body[end - 1] === '\r') end--;
    const text = body.slice(lineEnd + 1, Math.max(lineEnd + 1, end));
    parts.push(partOf(text));
  }
  return parts;
}

/** A part's text after its delimiter line: header lines up to the empty line, then the content. */
function partOf(text: string): BodyPart {
  if (text.startsWith('\r\n')) return { headers: '', content: text.slice(2) };
  const blank = text.indexOf('\r\n\r\n');
  if (blank < 0) return { headers: text.endsWith('\r\n') ? text : `${text}\r\n`, content: '' };
  return { headers: text.slice(0, blank + 2), content: text.slice(blank + 4) };
}

/** One part's header lines: Content-Type, then Content-Disposition when given. */
export function partHeaders(contentType: string, disposition?: string): string {
  return `Content-Type: ${contentType}\r\n${disposition ? `Content-Disposition: ${disposition}\r\n` : ''}`;
}

/** The parts back into a body: each after a delimiter line, then the closing delimiter. */
export function joinParts(parts: readonly BodyPart[], boundary: string): string {
  if (parts.length === 0) return '';
  let out = '';
  for (const p of parts) out += `--${boundary}\r\n${p.headers}\r\n${p.content}\r\n`;
  return `${out}--${boundary}--\r\n`;
}

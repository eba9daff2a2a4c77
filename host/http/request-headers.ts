// The header lines a script adds to a request (http_client's hdrs argument, $http_req(hdr)):
// "Name: value" lines separated by CRLF or LF, bounded in count and size. A line that is not a
// header is refused (curl would send it as is and the server would see a broken request).
export const MAX_HEADER_LINES = 32;
export const MAX_HEADER_LINE = 8192;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export type ParsedHeaders = { ok: true; headers: Array<[string, string]> } | { ok: false; why: string };

export function parseHeaderLines(text: string): ParsedHeaders {
  const headers: Array<[string, string]> = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    if (headers.length >= MAX_HEADER_LINES) return { ok: false, why: `more than ${MAX_HEADER_LINES} header lines` };
    if (line.length > MAX_HEADER_LINE) return { ok: false, why: `a header line longer than ${MAX_HEADER_LINE} characters` };
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!TOKEN.test(name)) return { ok: false, why: `expected "Name: value", got '${line.slice(0, 80)}'` };
    headers.push([name, line.slice(colon + 1).trim()]);
  }
  return { ok: true, headers };
}

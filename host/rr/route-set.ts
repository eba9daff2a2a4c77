// The Route header values of a received request with their byte ranges in msg.buf, and
// their removal as lumps: a line goes whole when all its values go, otherwise the values
// go with the comma that joined them to a value that stays.
import type { MsgContext } from '../core/context.js';
import type { HeaderField } from '../sip/message.js';
import { parseNameAddr } from '../sip/name-addr.js';
import { splitList } from '../sip/params.js';
import type { SipUri } from '../sip/uri.js';

export interface RouteEntry {
  /** The URI inside <>, as written. */
  uriText: string;
  uri: SipUri | null;
  line: HeaderField;
  /** [start, end) of this value in msg.buf. */
  start: number;
  end: number;
}

/** Every Route value, top first; null (and an error log) when one does not parse. */
export function routeEntries(ctx: MsgContext): RouteEntry[] | null {
  const out: RouteEntry[] = [];
  const buf = ctx.msg.buf;
  try {
    for (const line of ctx.msg.headersNamed('route')) {
      // latin1: string indexes are byte offsets
      const raw = buf.toString('latin1', line.valueStart, line.valueEnd);
      for (const [a, b] of splitList(raw)) {
        const start = line.valueStart + a;
        const end = line.valueStart + b;
        const na = parseNameAddr(buf.toString('utf8', start, end), 'Route');
        out.push({ uriText: na.uriText, uri: na.uri, line, start, end });
      }
    }
  } catch (e) {
    ctx.core.logger.log('error', `KSR.rr: cannot parse the Route headers: ${(e as Error).message}`);
    return null;
  }
  return out;
}

/** Deletes `gone` (a subset of `all`) from the message as lumps. */
export function removeRoutes(ctx: MsgContext, all: readonly RouteEntry[], gone: ReadonlySet<RouteEntry>): void {
  const lines = new Map<HeaderField, RouteEntry[]>();
  for (const e of all) {
    const list = lines.get(e.line);
    if (list) list.push(e);
    else lines.set(e.line, [e]);
  }
  for (const [line, entries] of lines) {
    if (entries.every((e) => gone.has(e))) {
      ctx.lumps.delete(line.start, line.end);
      continue;
    }
    // each run of removed values: up to the next kept value, or (at the end of the line)
    // from the end of the last kept value before it
    for (let i = 0; i < entries.length; ) {
      if (!gone.has(entries[i]!)) {
        i++;
        continue;
      }
      let j = i;
      while (j < entries.length && gone.has(entries[j]!)) j++;
      if (j < entries.length) ctx.lumps.delete(entries[i]!.start, entries[j]!.start);
      else ctx.lumps.delete(entries[i - 1]!.end, entries[j - 1]!.end);
      i = j;
    }
  }
}

/**
 * URI params of a URI text, without the leading ';' and without the ?headers part:
 * "sip:10.0.0.1;lr;ftag=a" → "lr;ftag=a". '' when there are none.
 */
export function rawUriParams(uriText: string): string {
  let i = uriText.indexOf('@') + 1;
  if (i === 0) i = uriText.indexOf(':') + 1;
  if (uriText[i] === '[') i = Math.max(i, uriText.indexOf(']', i));
  const semi = uriText.indexOf(';', i);
  if (semi < 0) return '';
  const q = uriText.indexOf('?', semi);
  return uriText.slice(semi + 1, q < 0 ? undefined : q);
}

/** A ";name=value" list as a map (lower-case names, first wins). */
export function paramMap(params: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const p of params.split(';')) {
    const eq = p.indexOf('=');
    const name = (eq < 0 ? p : p.slice(0, eq)).trim().toLowerCase();
    if (name !== '' && !m.has(name)) m.set(name, eq < 0 ? '' : p.slice(eq + 1).trim());
  }
  return m;
}

// Finding the Digest credentials for a realm in a request, and what an authentication left on
// the request for later calls: which header line it used (consume_credentials removes it),
// whether its nonce was found stale (the next challenge then says stale=true), and the
// credential lines already parsed.
import type { MsgContext } from '../core/context.js';
import type { HeaderField } from '../sip/message.js';
import { parseCredentials } from '../sip/digest.js';

export type CredentialsKind = 'authorization' | 'proxy-authorization';

export interface FoundCredentials {
  line: HeaderField;
  params: Map<string, string>;
}

/**
 * A header line's Digest params; null when it is not Digest or malformed. Parsed once per line
 * of a request that was authenticated: the lines parsed are kept in its marks (a list, one line
 * most of the time; marksOf records the line an authentication found). Reading credentials
 * (has_credentials, $adu...) changes nothing on the request, so before an authentication a
 * line is parsed each time it is read. (A WeakMap keyed by the line did this for every read
 * but cost a hash-table insert per request and ephemeron work at every garbage collection.)
 */
function digestParams(ctx: MsgContext, line: HeaderField): Map<string, string> | null {
  const marks = ctx.authMarks;
  if (marks) {
    const i = marks.parsedLines.indexOf(line);
    if (i >= 0) return marks.parsedParams[i]!;
  }
  let p: Map<string, string> | null;
  try {
    const c = parseCredentials(line.value);
    p = c.scheme.toLowerCase() === 'digest' ? c.params : null;
  } catch {
    p = null; // a malformed line is not credentials
  }
  if (marks) {
    marks.parsedLines.push(line);
    marks.parsedParams.push(p);
  }
  return p;
}

/** The first Digest credentials of that header kind whose realm is `realm`; malformed lines are skipped. */
export function findCredentials(ctx: MsgContext, kind: CredentialsKind, realm: string): FoundCredentials | null {
  for (const line of ctx.msg.headersNamed(kind)) {
    const params = digestParams(ctx, line);
    if (params && params.get('realm') === realm) return { line, params };
  }
  return null;
}

/** The first Digest credentials of either kind, whatever the realm ($ar, $adu...). */
export function anyCredentials(ctx: MsgContext): FoundCredentials | null {
  for (const kind of ['authorization', 'proxy-authorization'] as const) {
    for (const line of ctx.msg.headersNamed(kind)) {
      const params = digestParams(ctx, line);
      if (params) return { line, params };
    }
  }
  return null;
}

export interface AuthMarks {
  /** The credentials line the last authentication of this request used. */
  used: HeaderField | null;
  /** The last authentication found the nonce stale (or reused): challenge with stale=true. */
  stale: boolean;
  /** Credential lines of this request parsed so far, and their Digest params (null: not Digest). */
  parsedLines: HeaderField[];
  parsedParams: Array<Map<string, string> | null>;
}


/** The marks of this request (MsgContext.authMarks), made on its first authentication, which found `found`. */
export function marksOf(ctx: MsgContext, found: FoundCredentials): AuthMarks {
  const marks = (ctx.authMarks ??= { used: null, stale: false, parsedLines: [], parsedParams: [] });
  if (!marks.parsedLines.includes(found.line)) {
    marks.parsedLines.push(found.line);
    marks.parsedParams.push(found.params);
  }
  return marks;
}

/** The params of the credentials line the last authentication of this request used; null when none. */
export function usedParams(ctx: MsgContext): Map<string, string> | null {
  const line = ctx.authMarks?.used;
  return line ? digestParams(ctx, line) : null;
}

export function peekMarks(ctx: MsgContext): AuthMarks | undefined {
  return ctx.authMarks ?? undefined;
}

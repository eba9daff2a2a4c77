// Finding the Digest credentials for a realm in a request, and what an authentication left on
// the request for later calls: which header line it used (consume_credentials removes it) and
// whether its nonce was found stale (the next challenge then says stale=true).
import type { MsgContext } from '../core/context.js';
import type { HeaderField } from '../sip/message.js';
import { parseCredentials } from '../sip/digest.js';

export type CredentialsKind = 'authorization' | 'proxy-authorization';

export interface FoundCredentials {
  line: HeaderField;
  params: Map<string, string>;
}

/**
 * A header line's Digest params; null when it is not Digest or malformed. Parsed once per line:
 * a parse cache keyed by the header line (immutable, of the received message), not message
 * state, so it stays here rather than on the context.
 */
const parsed = new WeakMap<HeaderField, Map<string, string> | null>();

function digestParams(line: HeaderField): Map<string, string> | null {
  let p = parsed.get(line);
  if (p === undefined) {
    try {
      const c = parseCredentials(line.value);
      p = c.scheme.toLowerCase() === 'digest' ? c.params : null;
    } catch {
      p = null; // a malformed line is not credentials
    }
    parsed.set(line, p);
  }
  return p;
}

/** The first Digest credentials of that header kind whose realm is `realm`; malformed lines are skipped. */
export function findCredentials(ctx: MsgContext, kind: CredentialsKind, realm: string): FoundCredentials | null {
  for (const line of ctx.msg.headersNamed(kind)) {
    const params = digestParams(line);
    if (params && params.get('realm') === realm) return { line, params };
  }
  return null;
}

/** The first Digest credentials of either kind, whatever the realm ($ar, $adu...). */
export function anyCredentials(ctx: MsgContext): FoundCredentials | null {
  for (const kind of ['authorization', 'proxy-authorization'] as const) {
    for (const line of ctx.msg.headersNamed(kind)) {
      const params = digestParams(line);
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
}


/** The marks of this request (MsgContext.authMarks), made on the first authentication. */
export function marksOf(ctx: MsgContext): AuthMarks {
  return (ctx.authMarks ??= { used: null, stale: false });
}

/** The params of the credentials line the last authentication of this request used; null when none. */
export function usedParams(ctx: MsgContext): Map<string, string> | null {
  const line = ctx.authMarks?.used;
  return line ? digestParams(line) : null;
}

export function peekMarks(ctx: MsgContext): AuthMarks | undefined {
  return ctx.authMarks ?? undefined;
}

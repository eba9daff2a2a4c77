// Sending a challenge (Kamailio's www_challenge / proxy_challenge): 401 with WWW-Authenticate
// or 407 with Proxy-Authenticate, one header per configured algorithm. Inside a transaction the
// reply goes through it (Kamailio's auth uses sl's tm-aware freply), else statelessly.
import type { MsgContext } from '../core/context.js';
import { sendStatelessReply } from '../core/stateless-reply.js';
import { peekMarks } from './credentials.js';
import { qopParam } from './digest-auth.js';
import { realmOrDefault } from './request-identity.js';

export type ChallengeKind = 'www' | 'proxy';

/** Kamailio's challenge flags. */
export const CHALLENGE_FLAGS = Object.freeze({ QOP_AUTH: 1, QOP_AUTH_INT: 2, NO_500: 4, STALE: 16 });

const KIND = {
  www: { code: 401, reason: 'Unauthorized', prefix: 'WWW-Authenticate: ' },
  proxy: { code: 407, reason: 'Proxy Authentication Required', prefix: 'Proxy-Authenticate: ' },
} as const;

/** The qop parameter by flags & 3 (QOP_AUTH, QOP_AUTH_INT), written once. */
const QOP_BY_FLAGS: readonly string[] = [
  qopParam([]), qopParam(['auth']), qopParam(['auth-int']), qopParam(['auth', 'auth-int']),
];

/** The challenge header lines (each with CRLF) for the request, without sending them. */
export function challengeLines(ctx: MsgContext, realm: string, flags: number, kind: ChallengeKind): string[] {
  const qop = QOP_BY_FLAGS[flags & (CHALLENGE_FLAGS.QOP_AUTH | CHALLENGE_FLAGS.QOP_AUTH_INT)]!;
  const stale = (flags & CHALLENGE_FLAGS.STALE) !== 0 || (peekMarks(ctx)?.stale ?? false);
  return ctx.core.auth.challengeLines(KIND[kind].prefix, realmOrDefault(ctx, realm), qop, stale, '\r\n');
}

/** Sends the challenge reply; 1 sent, -1 not (a reply, an ACK, a transaction already answered). */
export function sendChallenge(ctx: MsgContext, realm: string, flags: number, kind: ChallengeKind): number {
  if (!ctx.msg.isRequest || ctx.msg.method.toUpperCase() === 'ACK') {
    ctx.core.logger.log('error', `auth: a challenge answers a request other than ACK, got ${ctx.msg.isRequest ? 'an ACK' : 'a reply'}`);
    return -1;
  }
  const lines = challengeLines(ctx, realm, flags, kind);
  const { code, reason } = KIND[kind];
  const tm = ctx.core.tm;
  if (tm.transactionOf(ctx)) {
    // Kamailio adds the header as a reply lump (add_lump_rpl); tm builds (and retransmits) from them.
    ctx.replyLumps.push(...lines);
    return tm.reply(ctx, code, reason, false);
  }
  return sendStatelessReply(ctx, code, reason, { headers: lines }) ? 1 : -1;
}

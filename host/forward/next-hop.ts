// Where an outgoing request goes: $du when set, else the Request-URI; resolved to an address
// synchronously for IP literals, through DNS (SRV, A/AAAA) for names.
import { tryParseUri, type SendProto, type SipUri } from '../sip/uri.js';
import type { MsgContext, Proto } from '../core/context.js';
import { resolveLiteral, resolveTarget, type Target } from '../dns/resolve-target.js';

export type { Target } from '../dns/resolve-target.js';

export function nextHopText(ctx: MsgContext): string {
  return ctx.dstUri ?? ctx.ruri;
}

export function parseHop(text: string): SipUri | null {
  const u = tryParseUri(text);
  return u && u.scheme !== 'tel' ? u : null;
}

/** A protocol forced by the script (force_send_socket, $fs...) that we can send over; sctp: none. */
export function sendable(p: Proto | null): SendProto | null {
  return p === 'udp' || p === 'tcp' || p === 'tls' || p === 'ws' || p === 'wss' ? p : null;
}

/** Calls back with the first target, or with an error text. Synchronous for IP literals. */
export function resolveHop(uri: SipUri, forced: Proto | null, done: (t: Target | string) => void): void {
  resolveHopTargets(uri, forced, (list) => done(typeof list === 'string' ? list : list[0]!));
}

/**
 * Calls back with every target, best first (SRV order, then the addresses of each name:
 * what DNS failover tries in turn), or with an error text. Synchronous for IP literals.
 */
export function resolveHopTargets(uri: SipUri, forced: Proto | null, done: (t: Target[] | string) => void): void {
  const proto = sendable(forced);
  const literal = resolveLiteral(uri, proto);
  if (literal) return done([literal]);
  resolveTarget(uri, proto).then(
    (list) => done(list.length > 0 ? list : `cannot resolve ${uri.host}`),
    (e: unknown) => done(e instanceof Error ? e.message : `cannot resolve ${uri.host}`),
  );
}

// Our Via header (RFC 3261 §16.6 step 8) and the branch ids in it. A tm branch id is unique
// per branch; a stateless forward derives its id from the request, so a retransmission
// forwarded again carries the same branch (RFC 3261 §16.11).
import { createHash, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { SipMessage } from '../sip/message.js';
import { SipParseError } from '../sip/errors.js';

export const MAGIC_COOKIE = 'z9hG4bK';
/** Distinguishes this process's branches from another instance's on the same address. */
let INSTANCE = randomBytes(4).toString('hex');
let serial = 0;

/**
 * A worker thread's branches carry the server's instance and the worker's index
 * (`<instance>-<index>-`), so the socket thread sends a reply to the worker that holds its
 * transaction from the top Via alone (host/workers/dispatch-key.ts).
 */
export function setBranchInstance(instance: string): void {
  INSTANCE = instance;
}

/** A new transaction id: z9hG4bK + instance + serial; tm appends ".<branch index>". */
export function newTransactionId(): string {
  serial = (serial + 1) % Number.MAX_SAFE_INTEGER;
  return `${MAGIC_COOKIE}${INSTANCE}${serial.toString(36)}`;
}

/** The branch of a stateless forward: a digest of what identifies the received request. */
export function statelessBranch(msg: SipMessage, ruri: string): string {
  const h = createHash('md5');
  try {
    const via = msg.topVia();
    h.update(`${via.branch ?? ''}\n${via.host}:${via.port}\n${msg.callId()}\n${msg.from().tag ?? ''}\n${msg.cseq().seq}\n`);
  } catch (e) {
    if (!(e instanceof SipParseError)) throw e;
  }
  h.update(`${msg.method}\n${ruri}`);
  return `${MAGIC_COOKIE}sl${h.digest('hex').slice(0, 20)}`;
}

export function hostText(ip: string): string {
  return isIPv6(ip) ? `[${ip}]` : ip;
}

/**
 * "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=...;rport" without CRLF; `extra`: parameters after
 * those (";srvid=1;x=y", host/corex/local-via.ts). The port may be text (a via_use_xavp_fields port).
 */
export function viaLine(proto: string, local: { ip: string; port: number | string }, branch: string, rport: boolean, extra = ''): string {
  return `Via: SIP/2.0/${proto.toUpperCase()} ${hostText(local.ip)}:${local.port};branch=${branch}${rport ? ';rport' : ''}${extra}`;
}

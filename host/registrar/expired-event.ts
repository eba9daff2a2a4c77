// The `usrloc:contact-expired` event: for each binding the expiry timer removes, the script
// callback named by usrloc.event_callback runs with the event name as its argument, on a
// faked request (as Kamailio's event routes do), with the binding readable as $ulc(exp=>...)
// or KSR.registrar.ulc_cget("exp", attr, 0).
import { MsgContext, type ReceiveInfo } from '../core/context.js';
import type { CoreServices } from '../core/services.js';
import { SipMessage } from '../sip/message.js';
import type { LocationRecord } from '../store/store.js';
import type { Usrloc } from './usrloc.js';

export const CONTACT_EXPIRED = 'usrloc:contact-expired';
export const EXPIRED_RESULT = 'exp';

const FAKED = Buffer.from(
  [
    'OPTIONS sip:you@ksr-host.invalid SIP/2.0',
    'Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-usrloc-event',
    'From: <sip:you@ksr-host.invalid>;tag=usrloc-event',
    'To: <sip:you@ksr-host.invalid>',
    'Call-ID: usrloc-event',
    'CSeq: 1 OPTIONS',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n'),
);

function fakedContext(core: CoreServices): MsgContext {
  const rcv: ReceiveInfo = { proto: 'udp', srcIp: '127.0.0.1', srcPort: 9, rcvIp: '127.0.0.1', rcvPort: 9, conId: 0, receivedAt: Date.now() };
  const ctx = new MsgContext(SipMessage.parse(FAKED), rcv, new Map(), core);
  ctx.routeType = 'event';
  return ctx;
}

/** Runs the callback for one expired binding; false when no callback is configured or defined. */
export function raiseContactExpired(core: CoreServices, ul: Usrloc, table: string, rec: LocationRecord): boolean {
  const cb = ul.settings.eventCallback;
  if (!cb || !core.hasRoute(cb)) return false;
  ul.fetched.set(EXPIRED_RESULT, { table, aor: ul.aorText(rec), contacts: [rec] });
  try {
    core.runRoute(cb, fakedContext(core), CONTACT_EXPIRED);
  } finally {
    ul.fetched.delete(EXPIRED_RESULT);
  }
  return true;
}

/** Starts the expiry timer of ul, raising the event through core; errors are logged. */
export function startExpiry(core: CoreServices, ul: Usrloc): void {
  ul.start(
    (table, rec) => void raiseContactExpired(core, ul, table, rec),
    (e) => core.logger.log('error', `usrloc: expiry timer: ${(e as Error)?.message ?? String(e)}`),
  );
}

/** One expiry pass now (tests, and the timer's body): how many bindings expired. */
export function expireNow(core: CoreServices, ul: Usrloc): number {
  return ul.runExpiry(
    (table, rec) => void raiseContactExpired(core, ul, table, rec),
    (e) => core.logger.log('error', `usrloc: expiry: ${(e as Error)?.message ?? String(e)}`),
  );
}

// Kamailio's ds_update_state: a destination's new state, with the trying → inactive threshold
// (ds_probing_threshold failures) and the inactive → active threshold (ds_inactive_threshold
// successes), and the dispatcher:dst-down / dst-up events when it starts or stops being
// skipped. mode 1 (ds_mark_dst, ds_mark_addr) crosses the thresholds at once.
import { MsgContext, type ReceiveInfo } from '../core/context.js';
import { SipMessage } from '../sip/message.js';
import {
  DS_DISABLED_DST, DS_INACTIVE_DST, DS_PROBING_DST, DS_STATES_ALL, DS_TRYING_DST, skipDst,
} from './destination-list.js';
import type { DispatcherState } from './state.js';

export const DST_DOWN = 'dispatcher:dst-down';
export const DST_UP = 'dispatcher:dst-up';

/** "ip", "a", "dp"... (ds_parse_flags): the state bits, or -1 for any other letter. */
export function parseStateFlags(text: string): number {
  let flag = 0;
  for (const ch of text.toLowerCase()) {
    if (ch === 'a') flag &= ~DS_STATES_ALL;
    else if (ch === 'i') flag |= DS_INACTIVE_DST;
    else if (ch === 'd') flag |= DS_DISABLED_DST;
    else if (ch === 't') flag |= DS_TRYING_DST;
    else if (ch === 'p') flag |= DS_PROBING_DST;
    else return -1;
  }
  return flag;
}

/** dispatcher.list's two letters: A/I/T/D, then P or X. */
export function flagLetters(flags: number): string {
  const first = flags & DS_DISABLED_DST ? 'D' : flags & DS_INACTIVE_DST ? 'I' : flags & DS_TRYING_DST ? 'T' : 'A';
  return first + (flags & DS_PROBING_DST ? 'P' : 'X');
}

/** ds_update_state: 0 done, -1 no such set or destination. */
export function updateState(ds: DispatcherState, group: number, uri: string, state: number, mode: 0 | 1): number {
  const set = ds.set(group);
  if (!set) {
    ds.log.log('error', `dispatcher: destination set [${group}] not found`);
    return -1;
  }
  const dest = set.dests.find((d) => d.uri.toLowerCase() === uri.toLowerCase());
  if (!dest) return -1;
  const { probingThreshold, inactiveThreshold } = ds.settings;
  const r = ds.table.update(group, dest.uri, (s) => next(s.flags, s.count, state, mode, probingThreshold, inactiveThreshold));
  if (!r) return -1;
  if (!skipDst(r.old.flags) && skipDst(r.now.flags)) raiseEvent(ds, DST_DOWN, dest.uri);
  else if (skipDst(r.old.flags) && !skipDst(r.now.flags)) raiseEvent(ds, DST_UP, dest.uri);
  return 0;
}

function next(oldFlags: number, count: number, wanted: number, mode: 0 | 1, probingThreshold: number, inactiveThreshold: number): { flags: number; count: number } {
  let state = wanted;
  let flags = oldFlags & ~DS_STATES_ALL;
  // an inactive destination asked to be trying stays inactive: it goes active first
  if (state & DS_TRYING_DST && oldFlags & DS_INACTIVE_DST) state = (state & ~DS_TRYING_DST) | DS_INACTIVE_DST;
  flags |= state & DS_DISABLED_DST ? DS_DISABLED_DST : state;
  if (state & DS_TRYING_DST) {
    count++;
    if (mode === 1 || count >= probingThreshold) {
      flags = (flags & ~DS_TRYING_DST) | DS_INACTIVE_DST;
      count = 0;
    }
  } else if (!(wanted & DS_TRYING_DST) && oldFlags & DS_INACTIVE_DST) {
    count++;
    if (mode === 0 && count < inactiveThreshold) {
      flags |= DS_INACTIVE_DST;
      if (oldFlags & DS_PROBING_DST) flags |= DS_PROBING_DST;
    } else {
      count = 0;
    }
  } else {
    count = 0;
  }
  return { flags, count };
}

const FAKED = (uri: string): Buffer => Buffer.from(
  [`OPTIONS ${uri} SIP/2.0`, 'Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-dispatcher-event', 'From: <sip:dispatcher@ksr-host.invalid>;tag=ds-event',
    `To: <${uri}>`, 'Call-ID: dispatcher-event', 'CSeq: 1 OPTIONS', 'Content-Length: 0', '', ''].join('\r\n'),
);

/**
 * Runs the event's route on a faked request whose R-URI is the destination (Kamailio's faked
 * message): the script's `event_callback` with the event name, or a callback named after the
 * event. Deferred to the next turn, so a KSR call that changed a state never re-enters a runtime.
 */
export function raiseEvent(ds: DispatcherState, event: string, uri: string): void {
  const cb = ds.settings.eventCallback ?? event;
  if (!ds.core.hasRoute(cb)) return;
  setImmediate(() => {
    try {
      const rcv: ReceiveInfo = { proto: 'udp', srcIp: '127.0.0.1', srcPort: 9, rcvIp: '127.0.0.1', rcvPort: 9, conId: 0, receivedAt: Date.now() };
      const ctx = new MsgContext(SipMessage.parse(FAKED(uri)), rcv, new Map(), ds.core);
      ctx.routeType = 'event';
      ds.core.runRoute(cb, ctx, event);
    } catch (e) {
      ds.log.log('error', `dispatcher: event ${event} for ${uri}: ${(e as Error).message}`);
    }
  });
}

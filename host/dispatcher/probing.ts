// Keepalives (ds_ping_set / ds_options_callback): every ds_ping_interval the primary thread
// sends ds_ping_method to the destinations the probing mode picks, and a reply decides the
// state: 2xx or an accepted code (ds_ping_reply_codes) → active (probing kept per mode), any
// other final code, a timeout (408) or a send failure → trying, then inactive at the threshold.
import { sendLocalRequest, type LocalResult } from '../tm/local-request.js';
import { DS_DISABLED_DST, DS_INACTIVE_DST, DS_NODNSARES_DST, DS_NOPING_DST, DS_PROBING_DST, DS_TRYING_DST, type Destination } from './destination-list.js';
import { updateState } from './state-change.js';
import type { DispatcherState } from './state.js';

export const PROBE_NONE = 0;
export const PROBE_ALL = 1;
export const PROBE_INACTIVE = 2;
export const PROBE_ONLYFLAGGED = 3;

/** ds_ping_result_helper: whether this destination is probed in this mode. */
export function isProbed(mode: number, flags: number): boolean {
  if (mode === PROBE_ALL) return true;
  if (mode !== PROBE_INACTIVE && flags & DS_PROBING_DST) return true;
  return mode === PROBE_INACTIVE && (flags & DS_PROBING_DST) !== 0 && (flags & DS_INACTIVE_DST) !== 0;
}

export function acceptedCode(ds: DispatcherState, code: number): boolean {
  const { codes, classes } = ds.settings.pingReplyCodes;
  return (code >= 200 && code <= 299) || codes.includes(code) || classes.includes(Math.trunc(code / 100));
}

/** A probe's outcome applied to the destination's state. */
export function applyProbeResult(ds: DispatcherState, d: Destination, code: number): void {
  const mode = ds.settings.probingMode;
  const flags = ds.flagsOf(d);
  if (mode === PROBE_ONLYFLAGGED && !(flags & DS_PROBING_DST)) return;
  if (flags & DS_DISABLED_DST) return;
  let state: number;
  if (acceptedCode(ds, code)) {
    state = mode === PROBE_ALL || (mode === PROBE_ONLYFLAGGED && flags & DS_PROBING_DST) ? DS_PROBING_DST : 0;
  } else {
    state = DS_TRYING_DST | (mode !== PROBE_NONE ? DS_PROBING_DST : 0);
  }
  if (updateState(ds, d.setid, d.uri, state, 0) !== 0) ds.log.log('error', `dispatcher: setting the state failed (${d.uri}, group ${d.setid})`);
}

/** Sends one probe to every destination the mode picks. */
export function pingAll(ds: DispatcherState, send: typeof sendLocalRequest = sendLocalRequest): void {
  for (const d of ds.allDestinations()) {
    const flags = ds.flagsOf(d);
    if (flags & (DS_DISABLED_DST | DS_NOPING_DST | DS_NODNSARES_DST)) continue;
    if (!isProbed(ds.settings.probingMode, flags)) continue;
    const sent = send(ds.core, {
      method: ds.settings.pingMethod, ruri: d.uri, to: d.uri,
      from: d.attrs.pingFrom || ds.settings.pingFrom,
      ...(d.attrs.obproxy || ds.settings.outboundProxy ? { dst: d.attrs.obproxy || ds.settings.outboundProxy! } : {}),
      ...(d.attrs.socket || ds.settings.defaultSocket ? { socket: d.attrs.socket || ds.settings.defaultSocket! } : {}),
    }, (r: LocalResult) => applyProbeResult(ds, d, r.code));
    if (!sent) {
      ds.log.log('error', `dispatcher: unable to ping [${d.uri}] in group [${d.setid}]`);
      applyProbeResult(ds, d, 500);
    }
  }
}

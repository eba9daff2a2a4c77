// rtpengine's ng commands as Kamailio's rtpengine module sends them: the flag string parsed
// (ng-flags.ts), Call-ID and tags from the message (swapped for an answer in a request or an
// offer in a reply, as rtpp_function_call does), the SDP in and out, the relay chosen from the
// message's set with failover (relay-pool.ts). Every function answers 1 or -1.
import { LRUCache } from 'lru-cache';
import type { MsgContext } from '../core/context.js';
import type { ModuleHost, ModuleState } from '../core/module-service.js';
import { writePv } from '../core/pv.js';
import { expandFormat } from '../core/pv-format.js';
import { bdecode, bencode, dictStr, type BValue } from './bencode.js';
import { parseNgFlags, type NgOp } from './ng-flags.js';
import { RelayPool } from './relay-pool.js';
import type { Relay } from './relay-sets.js';
import { dialogIds, hasSdp, sdpIn, sdpOut, viaBranch } from './sdp-body.js';
import { rtpengineSettings, type RtpengineSettings } from './settings.js';
import { copyStreamsToXavp } from './subscribe-streams.js';

const MAX_CALLS_REMEMBERED = 100_000;
type Dict = Record<string, BValue>;

export class RtpengineState implements ModuleState {
  readonly settings: RtpengineSettings;
  readonly pool: RelayPool;
  /**
   * The relay that took each call's offer: later commands of the call go to it (Kamailio's hash
   * table). At most MAX_CALLS_REMEMBERED, the one remembered longest ago goes first (looked up
   * with peek, so order is remembering order). Not a Map used as a queue: each eviction of its
   * oldest walked the deleted slots V8 keeps at the front (tens of µs per call at 100 000).
   */
  private readonly callRelay = new LRUCache<string, { relay: Relay; at: number }>({ max: MAX_CALLS_REMEMBERED });

  constructor(host: ModuleHost) {
    this.settings = rtpengineSettings(host.config);
    this.pool = new RelayPool('rtpengine', this.settings, host.log);
  }

  relayOf(callId: string): Relay | undefined {
    const e = this.callRelay.peek(callId);
    if (!e) return undefined;
    if (Date.now() - e.at > this.settings.hashTableTout * 1000) {
      this.callRelay.delete(callId);
      return undefined;
    }
    return e.relay;
  }

  remember(callId: string, relay: Relay): void {
    this.callRelay.set(callId, { relay, at: Date.now() });
  }

  /** Calls whose relay is remembered (rtpengine.get_hash_total). */
  get remembered(): number {
    return this.callRelay.size;
  }

  forget(callId: string): void {
    this.callRelay.delete(callId);
  }

  /** A bare command to one relay (ping): its decoded answer, or null. */
  command(relay: Relay, dict: Dict): Dict | null {
    const answer = this.pool.sendTo(relay, (cookie) => Buffer.concat([Buffer.from(`${cookie} `, 'latin1'), bencode(dict)]));
    if (!answer) return null;
    try {
      const d = bdecode(answer);
      return typeof d === 'object' && !Array.isArray(d) ? d : null;
    } catch {
      return null;
    }
  }

  /** The control thread starts with the server, so the first call does not wait for it. */
  start(): void {
    if (this.pool.sets.size > 0) this.pool.exchange.warm();
  }

}

export interface NgOptions {
  /** The *2 functions' via-branch argument; '' or undefined: from the flags. */
  viabranch?: string;
  /** Members added to the dictionary (subscribe, play...). */
  extra?: Dict;
  /** Which tags to send: 'auto' (Kamailio's rules), or as given for subscribe & co. */
  toTagOverride?: string;
}

function log(st: RtpengineState, fn: string, text: string): void {
  st.pool.error(fn, text);
}

/** Builds the command, sends it and returns rtpengine's answer when its result is not "error". */
export function ngCommand(st: RtpengineState, ctx: MsgContext, fn: string, op: NgOp, flagsText: string, opts: NgOptions = {}): Dict | null {
  const parsed = parseNgFlags(flagsText, op);
  if (!parsed.ok) {
    log(st, fn, `error processing flags "${flagsText}": ${parsed.error}`);
    return null;
  }
  const f = parsed.value;
  const ids = dialogIds(ctx);
  if ('error' in ids) {
    log(st, fn, ids.error);
    return null;
  }
  const callId = f.callId ?? ids.callId;
  const fromTag = f.fromTag ?? ids.fromTag;
  const toTag = opts.toTagOverride ?? f.toTag ?? ids.toTag;
  const dict: Dict = { ...f.dict, ...opts.extra };
  if (f.op === 'offer' || f.op === 'answer' || op === 'subscribe answer') {
    const sdp = sdpIn(ctx, st.settings.readSdpPv);
    if (sdp === '') {
      log(st, fn, "can't extract body from the message (no SDP to send)");
      return null;
    }
    dict.sdp = sdp;
  }
  const via = viaBranchFor(st, ctx, f.via, opts.viabranch);
  if (via === null) {
    log(st, fn, "can't get Via branch/extra ID");
    return null;
  }
  if (via !== '') dict['via-branch'] = via;
  if (!('received-from' in dict)) dict['received-from'] = [ctx.rcv.srcIp.includes(':') ? 'IP6' : 'IP4', ctx.rcv.srcIp];
  dict['call-id'] = callId;
  const isRequest = ctx.msg.isRequest;
  const asIs = (isRequest && f.op !== 'answer') || (!isRequest && (f.op === 'delete' || f.op === 'answer')) || f.directional;
  if (asIs) {
    dict['from-tag'] = fromTag;
    if (f.wantTo && toTag !== '' && f.op !== 'play media' && f.op !== 'stop media') dict['to-tag'] = toTag;
  } else {
    if (toTag === '') {
      log(st, fn, 'No to-tag present');
      return null;
    }
    dict['from-tag'] = toTag;
    dict['to-tag'] = fromTag;
  }
  dict.command = f.op;
  return send(st, ctx, fn, f.op, callId, dict);
}

/** via-branch: the argument, else the flag's choice; '' none asked, null asked but absent. */
function viaBranchFor(st: RtpengineState, ctx: MsgContext, flag: string | null, arg: string | undefined): string | null {
  if (arg !== undefined && arg !== '') return arg;
  if (flag === null) return '';
  let v = '';
  if (flag === '1' || flag === '2') v = viaBranch(ctx, Number(flag));
  else if (flag === 'auto' || flag === 'auto-next') v = viaBranch(ctx, ctx.msg.isRequest ? 1 : 2);
  else if (flag === 'next') v = viaBranch(ctx, 1);
  else if ((flag === 'extra' || flag === 'auto-extra') && st.settings.extraIdPv) {
    const r = expandFormat(ctx, st.settings.extraIdPv);
    v = r.ok ? r.text : '';
  }
  return v === '' ? null : v;
}

function send(st: RtpengineState, ctx: MsgContext, fn: string, op: NgOp, callId: string, dict: Dict): Dict | null {
  const set = st.pool.setFor(ctx, fn);
  if (!set) return null;
  const prefer = op === 'offer' ? undefined : st.relayOf(callId);
  const body = bencode(dict);
  const got = st.pool.send(fn, set, callId, (cookie) => Buffer.concat([Buffer.from(`${cookie} `, 'latin1'), body]), prefer);
  if (!got) return null;
  if (st.settings.rtpInstPvar) writePv(ctx, st.settings.rtpInstPvar, got.relay.url);
  let answer: BValue;
  try {
    answer = bdecode(got.answer);
  } catch (e) {
    log(st, fn, `failed to decode the answer of ${got.relay.url}: ${(e as Error).message}`);
    return null;
  }
  if (typeof answer !== 'object' || Array.isArray(answer)) {
    log(st, fn, `the answer of ${got.relay.url} is not a dictionary`);
    return null;
  }
  if (dictStr(answer, 'result') === 'error') {
    const reason = dictStr(answer, 'error-reason');
    log(st, fn, reason === null ? `relay ${got.relay.url} returned an error without a reason` : `relay ${got.relay.url} replied with error: ${reason}`);
    return null;
  }
  if (op === 'delete') st.forget(callId);
  else st.remember(callId, got.relay);
  return answer;
}

/** offer / answer: the relay's SDP replaces the body (or goes to write_sdp_pv). */
export function offerAnswer(st: RtpengineState, ctx: MsgContext, fn: string, op: 'offer' | 'answer', flags: string, viabranch?: string): number {
  const r = ngCommand(st, ctx, fn, op, flags, { viabranch });
  if (!r) return -1;
  if (dictStr(r, 'result') !== 'ok') {
    log(st, fn, `relay didn't return an "ok" result (got ${dictStr(r, 'result') ?? 'none'})`);
    return -1;
  }
  const sdp = dictStr(r, 'sdp');
  if (sdp === null) {
    log(st, fn, 'no SDP body in the relay answer');
    return -1;
  }
  return sdpOut(ctx, fn, sdp, st.settings.writeSdpPv) ? 1 : -1;
}

/** A command whose answer only says ok or error (delete, recording, block/unblock...). */
export function simple(st: RtpengineState, ctx: MsgContext, fn: string, op: NgOp, flags: string, viabranch?: string, extra?: Dict): number {
  return ngCommand(st, ctx, fn, op, flags, { viabranch, extra }) ? 1 : -1;
}

/** rtpengine_manage: offer, answer or delete from the method, the direction and the SDP (Kamailio's rtpengine_manage). */
export function manage(st: RtpengineState, ctx: MsgContext, fn: string, flags: string, viabranch?: string): number {
  let method: string;
  try {
    method = ctx.msg.cseq().method.toUpperCase();
  } catch {
    log(st, fn, 'no CSeq header');
    return -1;
  }
  if (!['INVITE', 'ACK', 'CANCEL', 'BYE', 'UPDATE', 'PRACK'].includes(method)) return -1;
  if (method === 'CANCEL' || method === 'BYE') return simple(st, ctx, fn, 'delete', flags, viabranch);
  const sdp = hasSdp(ctx);
  if (ctx.msg.isRequest) {
    if ((method === 'ACK' || method === 'PRACK') && sdp) return offerAnswer(st, ctx, fn, 'answer', flags, viabranch);
    if (method === 'UPDATE' && sdp) return offerAnswer(st, ctx, fn, 'offer', flags, viabranch);
    if (method === 'INVITE' && sdp) {
      if (ctx.routeType === 'failure') return simple(st, ctx, fn, 'delete', flags, viabranch);
      return offerAnswer(st, ctx, fn, 'offer', flags, viabranch);
    }
    return -1;
  }
  if (ctx.msg.status >= 300) return simple(st, ctx, fn, 'delete', flags, viabranch);
  if (!sdp) return -1;
  if (method === 'UPDATE') return offerAnswer(st, ctx, fn, 'answer', flags, viabranch);
  const t = ctx.transaction;
  if (!t) return offerAnswer(st, ctx, fn, 'answer', flags, viabranch);
  // the INVITE carried the offer: this SDP is the answer; else (late offer) it is the offer
  const reqHadSdp = t.req.msg.body().length > 0 && /^v=0/m.test(t.req.msg.body().toString('latin1'));
  return offerAnswer(st, ctx, fn, reqHadSdp ? 'answer' : 'offer', flags, viabranch);
}

/** rtpengine_query_v(fmt, pv): the query's answer as JSON ('j') or pretty JSON ('jp') into pv. */
export function queryInto(st: RtpengineState, ctx: MsgContext, fn: string, fmt: string, pv: string): number {
  if (fmt !== 'j' && fmt !== 'jp') {
    log(st, fn, `unknown format '${fmt}', expected 'j' or 'jp'`);
    return -1;
  }
  const r = ngCommand(st, ctx, fn, 'query', '');
  if (!r) return -1;
  const json = fmt === 'jp' ? JSON.stringify(r, null, 2) : JSON.stringify(r);
  if (!writePv(ctx, pv, json)) {
    log(st, fn, `cannot write '${pv}'`);
    return -1;
  }
  return 1;
}

/**
 * subscribe request: SDP and to-tag of the new subscription into the given PVs, the streams
 * ("tag-medias") into the xavp named by streamsXavp. 0 on success, as Kamailio's wrap returns.
 */
export function subscribeRequest(st: RtpengineState, ctx: MsgContext, fn: string, flags: string, sdpPv: string, toTagPv: string, streamsXavp: string): number {
  const r = ngCommand(st, ctx, fn, 'subscribe request', flags);
  if (!r) return -1;
  const sdp = typeof r.sdp === 'string' ? r.sdp : null;
  if (sdp === null) {
    log(st, fn, 'failed to extract sdp body from the relay answer');
    return -1;
  }
  if (sdpPv !== '' && !writePv(ctx, sdpPv, sdp)) {
    log(st, fn, `cannot write the SDP into '${sdpPv.slice(0, 64)}'`);
    return -1;
  }
  const toTag = typeof r['to-tag'] === 'string' ? r['to-tag'] : null;
  if (toTag === null) {
    log(st, fn, 'failed to extract to-tag from the relay answer');
    return -1;
  }
  if (toTagPv !== '' && !writePv(ctx, toTagPv, toTag)) {
    log(st, fn, `cannot write the to-tag into '${toTagPv.slice(0, 64)}'`);
    return -1;
  }
  copyStreamsToXavp(ctx, streamsXavp, r['tag-medias'], (text) => ctx.core.logger.log('warn', `KSR.rtpengine.${fn}: ${text}`));
  return 0;
}

export function rtpengineState(host: ModuleHost): RtpengineState {
  return new RtpengineState(host);
}

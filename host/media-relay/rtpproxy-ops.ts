// rtpproxy's text control protocol as Kamailio's rtpproxy module speaks it: per media stream
// "U<flags> <callid> <ip> <port> <from-tag>;<n> [<to-tag>;<n>]" for an offer, "L..." for an
// answer, answered "<port> [<ip>]" (or "E<code>"); the SDP's m= port and c= address are
// rewritten to the relay's, and nortpproxy_str is added. D deletes, R records, P/S play.
import type { MsgContext } from '../core/context.js';
import type { ModuleHost, ModuleState } from '../core/module-service.js';
import { writePv } from '../core/pv.js';
import { RelayPool } from './relay-pool.js';
import { dialogIds, hasSdp, sdpIn, sdpOut } from './sdp-body.js';
import { rtpproxySettings, type RtpproxySettings } from './settings.js';

const MAX_STREAMS = 16;
const OK_ANSWER = /^(\d{1,5})(?:\s+([0-9a-fA-F:.]+))?(?:\s+\S+)?\s*$/;

export class RtpproxyState implements ModuleState {
  readonly settings: RtpproxySettings;
  readonly pool: RelayPool;

  constructor(host: ModuleHost) {
    this.settings = rtpproxySettings(host.config);
    this.pool = new RelayPool('rtpproxy', this.settings, host.log);
  }

  /** The control thread starts with the server, so the first call does not wait for it. */
  start(): void {
    if (this.pool.sets.size > 0) this.pool.exchange.warm();
  }

}

/** One command to the message's set; the relay's answer text, or null (logged). */
function command(st: RtpproxyState, ctx: MsgContext, fn: string, callId: string, text: string): { answer: string; relayHost: string } | null {
  const set = st.pool.setFor(ctx, fn);
  if (!set) return null;
  const got = st.pool.send(fn, set, callId, (cookie) => Buffer.from(`${cookie} ${text}`, 'latin1'));
  if (!got) return null;
  if (st.settings.rtpInstPvar) writePv(ctx, st.settings.rtpInstPvar, got.relay.url);
  const answer = got.answer.toString('latin1').trim();
  if (/^E\d*/.test(answer)) {
    st.pool.error(fn, `relay ${got.relay.url} answered with error '${answer.slice(0, 40)}' to '${text.split(' ')[0]}'`);
    return null;
  }
  return { answer, relayHost: got.relay.address };
}

/** Kamailio's tag order: as received for an offer in a request or an answer in a reply, else swapped. */
function tags(ctx: MsgContext, offer: boolean): { callId: string; a: string; b: string } | { error: string } {
  const ids = dialogIds(ctx);
  if ('error' in ids) return ids;
  const asIs = ctx.msg.isRequest === offer;
  return asIs ? { callId: ids.callId, a: ids.fromTag, b: ids.toTag } : { callId: ids.callId, a: ids.toTag, b: ids.fromTag };
}

/** rtpproxy_offer / rtpproxy_answer (and their _ip forms): one U/L per stream, the SDP rewritten. */
export function offerAnswer(st: RtpproxyState, ctx: MsgContext, fn: string, offer: boolean, flags: string, newIp: string): number {
  const flagSet = flags.toLowerCase();
  const t = tags(ctx, offer);
  if ('error' in t) {
    st.pool.error(fn, t.error);
    return -1;
  }
  if (!offer && (t.a === '' || t.b === '')) {
    st.pool.error(fn, "can't get To tag (an answer needs both tags)");
    return -1;
  }
  if (!hasSdp(ctx)) {
    st.pool.error(fn, 'no SDP body in the message');
    return -1;
  }
  let sdp = sdpIn(ctx, null);
  const nortp = st.settings.nortpproxyStr;
  if (!flagSet.includes('f') && sdp.includes(nortp)) {
    st.pool.error(fn, `the SDP already has '${nortp}': rtpproxy already engaged (use flag f to force)`);
    return -1;
  }
  const lines = sdp.split(/\r?\n/);
  const sessionC = lines.find((l) => l.startsWith('c='));
  const media = lines.map((l, i) => ({ l, i })).filter((x) => x.l.startsWith('m='));
  if (media.length === 0 || media.length > MAX_STREAMS) {
    st.pool.error(fn, `expected 1..${MAX_STREAMS} m= lines in the SDP, got ${media.length}`);
    return -1;
  }
  const cmdFlags = flags.replace(/[^a-zA-Z0-9]/g, '').replace(/[fFoOcC]/g, '');
  const verb = offer ? 'U' : 'L';
  for (let n = 0; n < media.length; n++) {
    const m = media[n]!;
    const port = /^m=\S+\s+(\d+)/.exec(m.l)?.[1];
    if (port === undefined) {
      st.pool.error(fn, `bad m= line '${m.l.slice(0, 60)}'`);
      return -1;
    }
    if (port === '0') continue;
    const streamC = lines.slice(m.i + 1, media[n + 1]?.i ?? lines.length).find((l) => l.startsWith('c=')) ?? sessionC;
    const sdpIp = /^c=IN IP[46] (\S+)/.exec(streamC ?? '')?.[1] ?? ctx.rcv.srcIp;
    const ip = flagSet.includes('r') ? sdpIp : ctx.rcv.srcIp;
    const toPart = t.b !== '' ? ` ${t.b};${n + 1}` : '';
    const r = command(st, ctx, fn, t.callId, `${verb}${cmdFlags} ${t.callId} ${ip} ${port} ${t.a};${n + 1}${toPart}`);
    if (!r) return -1;
    const a = OK_ANSWER.exec(r.answer);
    if (!a || Number(a[1]) === 0) {
      st.pool.error(fn, `unexpected relay answer '${r.answer.slice(0, 60)}', expected '<port> [<ip>]'`);
      return -1;
    }
    lines[m.i] = m.l.replace(/^(m=\S+\s+)\d+/, `$1${a[1]}`);
    const relayIp = newIp !== '' ? newIp : a[2] ?? r.relayHost;
    const cIdx = lines.findIndex((l, i) => i > m.i && i < (media[n + 1]?.i ?? lines.length) && l.startsWith('c='));
    const family = relayIp.includes(':') ? 'IP6' : 'IP4';
    if (cIdx >= 0) lines[cIdx] = `c=IN ${family} ${relayIp}`;
    else if (n === 0 || !sessionC) {
      const sIdx = lines.findIndex((l) => l.startsWith('c='));
      if (sIdx >= 0) lines[sIdx] = `c=IN ${family} ${relayIp}`;
    }
  }
  sdp = lines.join('\r\n');
  if (!sdp.includes(nortp)) sdp = `${sdp.replace(/(\r\n)*$/, '')}\r\n${nortp}\r\n`;
  return sdpOut(ctx, fn, sdp, null) ? 1 : -1;
}

/** D: the session (both legs) deleted. */
export function destroy(st: RtpproxyState, ctx: MsgContext, fn: string, _flags: string): number {
  const ids = dialogIds(ctx);
  if ('error' in ids) {
    st.pool.error(fn, ids.error);
    return -1;
  }
  const to = ids.toTag !== '' ? ` ${ids.toTag}` : '';
  return command(st, ctx, fn, ids.callId, `D ${ids.callId} ${ids.fromTag}${to}`) ? 1 : -1;
}

/** R: recording of the session. */
export function record(st: RtpproxyState, ctx: MsgContext, fn: string): number {
  const t = tags(ctx, true);
  if ('error' in t) {
    st.pool.error(fn, t.error);
    return -1;
  }
  return command(st, ctx, fn, t.callId, `R ${t.callId} ${t.a} ${t.b}`) ? 1 : -1;
}

/** P<count>: plays a prompt to one side (uac: toward the caller); S stops it. */
export function stream(st: RtpproxyState, ctx: MsgContext, fn: string, toUac: boolean, pname: string | null, count: number): number {
  const ids = dialogIds(ctx);
  if ('error' in ids) {
    st.pool.error(fn, ids.error);
    return -1;
  }
  // toward the UAC the session is addressed from the callee's tag, as Kamailio swaps them
  const [a, b] = toUac === ctx.msg.isRequest ? [ids.toTag, ids.fromTag] : [ids.fromTag, ids.toTag];
  if (pname !== null && (pname === '' || /\s/.test(pname))) {
    st.pool.error(fn, `expected a prompt name without spaces, got '${pname}'`);
    return -1;
  }
  const text = pname === null ? `S ${ids.callId} ${a} ${b}` : `P${count} ${ids.callId} ${pname} session ${a} ${b}`;
  return command(st, ctx, fn, ids.callId, text) ? 1 : -1;
}

/** rtpproxy_manage: Kamailio's choice of offer, answer or delete. */
export function manage(st: RtpproxyState, ctx: MsgContext, fn: string, flags: string, ip: string): number {
  let method: string;
  try {
    method = ctx.msg.cseq().method.toUpperCase();
  } catch {
    st.pool.error(fn, 'no CSeq header');
    return -1;
  }
  if (!['INVITE', 'ACK', 'CANCEL', 'BYE', 'UPDATE', 'PRACK'].includes(method)) return -1;
  if (method === 'CANCEL' || method === 'BYE') return destroy(st, ctx, fn, flags);
  const sdp = hasSdp(ctx);
  if (ctx.msg.isRequest) {
    if ((method === 'ACK' || method === 'PRACK') && sdp) return offerAnswer(st, ctx, fn, false, flags, ip);
    if ((method === 'INVITE' || method === 'UPDATE') && sdp) {
      if (ctx.routeType === 'failure') return destroy(st, ctx, fn, flags);
      return offerAnswer(st, ctx, fn, true, flags, ip);
    }
    return -1;
  }
  if (ctx.msg.status >= 300) return destroy(st, ctx, fn, flags);
  if (!sdp) return -1;
  const t = ctx.transaction;
  const reqHadSdp = !t || (t.req.msg.body().length > 0 && /^v=0/m.test(t.req.msg.body().toString('latin1')));
  return offerAnswer(st, ctx, fn, !reqHadSdp, flags, ip);
}

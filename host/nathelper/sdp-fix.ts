// fix_nated_sdp(flags[, ip]): SDP edits as lumps on the received body (Content-Length is fixed
// when the message is built). Flags, as Kamailio's: 0x01 a=direction:active in every media
// section, 0x02 c= addresses to the source (or given) IP, 0x04 the nortpproxy line, 0x08 o=
// addresses likewise. 1 when an address was replaced, 2 when none was, -1 on error.
import type { MsgContext } from '../core/context.js';
import { addressLines, isNullAddress, sdpBody, type LineAddress, type SdpBody } from './sdp.js';
import type { Log } from './contact-fix.js';

export const SDP_FIX = { ADD_DIRECTION: 0x01, FIX_MEDIA_IP: 0x02, ADD_NORTPPROXY: 0x04, FIX_ORIGIN_IP: 0x08 } as const;

export interface SdpFixOptions {
  nortpproxy: string;
  /** append_sdp_oldmediaip: keep each replaced address in a=oldmediaip. */
  keepOldIp: boolean;
}

const IP_TEXT = /^[0-9A-Fa-f:.]{1,45}$/;

export function fixNatedSdp(ctx: MsgContext, flags: number, ip: string, opts: SdpFixOptions, fn: string, log: Log): number {
  const r = sdpBody(ctx.msg);
  if (!r.ok) {
    log(`KSR.nathelper.${fn}: cannot extract body from msg: ${r.why}`);
    return -1;
  }
  if (ip !== '' && !IP_TEXT.test(ip)) {
    log(`KSR.nathelper.${fn}: expected an IP address, got ${JSON.stringify(ip.slice(0, 64))}`);
    return -1;
  }
  const sdp = r.sdp;
  const bodyEnd = sdp.start + sdp.trimmedEnd;
  if (flags & SDP_FIX.ADD_DIRECTION) addDirection(ctx, sdp);
  if (flags & SDP_FIX.ADD_NORTPPROXY && opts.nortpproxy !== '') ctx.lumps.insert(bodyEnd, `\r\n${opts.nortpproxy}`);
  const newIp = ip !== '' ? ip : ctx.rcv.srcIp;
  let count = 0;
  // as Kamailio 5.6 does (and its docs say of both flags): the a=rtcp addresses first, once
  if (flags & (SDP_FIX.FIX_MEDIA_IP | SDP_FIX.FIX_ORIGIN_IP)) count += replaceRtcpAddresses(ctx, sdp, newIp, opts.keepOldIp);
  for (const [bit, kind] of [[SDP_FIX.FIX_MEDIA_IP, 'c='], [SDP_FIX.FIX_ORIGIN_IP, 'o=']] as const) {
    if (!(flags & bit)) continue;
    const n = replaceAddresses(ctx, sdp, kind, newIp, opts.keepOldIp, fn, log);
    if (n < 0) return -1;
    count += n;
  }
  return count > 0 ? 1 : 2;
}

/** "\r\na=direction:active" at the end of every media section (before the next m= line, or at the body's end). */
function addDirection(ctx: MsgContext, sdp: SdpBody): void {
  const t = sdp.text;
  let m = t.indexOf('\r\nm=');
  while (m >= 0 && m < sdp.trimmedEnd) {
    const next = t.indexOf('\r\nm=', m + 4);
    const end = next >= 0 && next < sdp.trimmedEnd ? next : sdp.trimmedEnd;
    ctx.lumps.insert(sdp.start + end, '\r\na=direction:active');
    m = next >= 0 && next < sdp.trimmedEnd ? next : -1;
  }
}

function replaceAddresses(ctx: MsgContext, sdp: SdpBody, kind: 'c=' | 'o=', newIp: string, keepOld: boolean, fn: string, log: Log): number {
  const lines = addressLines(sdp, kind);
  if (lines.length === 0) {
    log(`KSR.nathelper.${fn}: can't extract '${kind}' IP from the SDP`);
    return -1;
  }
  let count = 0;
  let seen = 0;
  for (const a of lines) {
    if (a.family === 0) {
      // Kamailio's extract_mediaip fails here and the scan stops: an error only when nothing came before
      log(`KSR.nathelper.${fn}: no 'IP[4|6]' in '${kind}' field`);
      if (seen === 0) return -1;
      break;
    }
    seen++;
    if (a.family !== 4) {
      log(`KSR.nathelper.${fn}: not an IPv4 address in '${kind}' SDP: ${JSON.stringify(a.address.slice(0, 64))}`);
      return -1;
    }
    count += alter(ctx, sdp, a, newIp, keepOld);
  }
  return count;
}

/**
 * Flags 2 and 8 also rewrite the address of "a=rtcp:PORT IN IP4|IP6 ADDR" lines (RFC 3605), as
 * Kamailio 5.6 does: optional (none is no error), lines without an address skipped, the family
 * kept as written (a=oldmediaip6 for an IPv6 one).
 */
function replaceRtcpAddresses(ctx: MsgContext, sdp: SdpBody, newIp: string, keepOld: boolean): number {
  let count = 0;
  for (const a of addressLines(sdp, 'a=rtcp:')) if (a.family !== 0) count += alter(ctx, sdp, a, newIp, keepOld);
  return count;
}

/** Kamailio's alter_mediaip: nothing for a null address or the same one; else a=oldmediaip (kept) and the new address. */
function alter(ctx: MsgContext, sdp: SdpBody, a: LineAddress, newIp: string, keepOld: boolean): number {
  if (isNullAddress(a) || a.address === newIp) return 0;
  // the old address is the body's bytes read as latin1: written back the same way
  const attr = a.family === 6 ? 'a=oldmediaip6:' : 'a=oldmediaip:';
  if (keepOld) ctx.lumps.insert(sdp.start + sdp.trimmedEnd, Buffer.from(`\r\n${attr}${a.address}`, 'latin1'));
  ctx.lumps.replace(sdp.start + a.start, sdp.start + a.end, newIp);
  return 1;
}

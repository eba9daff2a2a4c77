// ds_is_from_list and ds_is_active: is an address (the request's source, or a URI) one of the
// destinations of a set (or of any set), comparing IP, port and protocol per mode bits; the
// matching set id and attrs go to setid_pvname / attrs_pvname.
import { isIP } from 'node:net';
import type { MsgContext, ReceiveInfo } from '../core/context.js';
import { writePv } from '../core/pv.js';
import { tryParseUri } from '../sip/uri.js';
import { skipDst, type Destination, type DestinationSet } from './destination-list.js';
import type { DispatcherState } from './state.js';

export const MATCH_NOPORT = 1;
export const MATCH_NOPROTO = 2;
export const MATCH_ACTIVE = 4;
export const MATCH_SOCKET = 8;
export const MATCH_MIXSOCKPRPORT = 16;

interface Target {
  ip: string;
  port: number;
  /** '' = none (PROTO_NONE) */
  proto: string;
}

const sameIp = (a: string, b: string): boolean => a !== '' && b !== '' && a.toLowerCase().replace(/^::ffff:/, '') === b.toLowerCase().replace(/^::ffff:/, '');

/** A destination's port as Kamailio compares it: the written one (0 = any). */
function matches(ds: DispatcherState, d: Destination, t: Target, mode: number, rcv: ReceiveInfo): boolean {
  if (!sameIp(t.ip, d.ip)) return false;
  const mix = (mode & MATCH_MIXSOCKPRPORT) !== 0;
  if (!(mode & MATCH_NOPORT) && d.port !== 0 && t.port !== d.port && !mix) return false;
  if (!(mode & MATCH_NOPROTO) && t.proto !== d.proto && !mix) return false;
  if (mode & MATCH_ACTIVE && skipDst(ds.flagsOf(d))) return false;
  // a destination with a send socket matches only requests received on that socket
  if (mode & MATCH_SOCKET && d.attrs.socket !== '' && !sameSocket(d.attrs.socket, rcv)) return false;
  return true;
}

function sameSocket(socket: string, rcv: ReceiveInfo): boolean {
  const m = /^(udp|tcp|tls|sctp|ws|wss):(\[[^\]]+\]|[^:]+):(\d+)$/i.exec(socket.trim());
  return m !== null && m[1]!.toLowerCase() === rcv.proto && sameIp(m[2]!.replace(/^\[|\]$/g, ''), rcv.rcvIp) && Number(m[3]) === rcv.rcvPort;
}

function setVars(ctx: MsgContext, ds: DispatcherState, fn: string, d: Destination, exportSet: boolean): number {
  if (exportSet && ds.settings.setidPvname !== null && !writePv(ctx, ds.settings.setidPvname, d.setid)) {
    ds.log.log('error', `KSR.dispatcher.${fn}: setting PV ${ds.settings.setidPvname} failed`);
    return -2;
  }
  if (ds.settings.attrsPvname !== null && d.attrs.body !== '' && !writePv(ctx, ds.settings.attrsPvname, d.attrs.body)) {
    ds.log.log('error', `KSR.dispatcher.${fn}: setting attrs PV ${ds.settings.attrsPvname} failed`);
    return -3;
  }
  return 1;
}

/** How strictly a destination matched (mode 16): address, then port, protocol, socket bits. */
function strictness(d: Destination, t: Target): number {
  return 1 | (d.port && t.port === d.port ? 2 : 0) | (d.proto && t.proto === d.proto ? 4 : 0);
}

/** ds_is_addr_from_list: group -1 = every set. */
export function isFromList(ctx: MsgContext, ds: DispatcherState, fn: string, group: number, uri: string | null, mode: number): number {
  let t: Target;
  if (uri === null || uri === '') {
    t = { ip: ctx.rcv.srcIp, port: ctx.rcv.srcPort, proto: ctx.rcv.proto };
  } else {
    const u = tryParseUri(uri);
    if (!u || u.scheme === 'tel') { ds.log.log('error', `KSR.dispatcher.${fn}: bad uri [${uri.slice(0, 80)}]`); return -1; }
    const ip = isIP(u.host) ? u.host : u.host.toLowerCase() === 'localhost' ? '127.0.0.1' : '';
    if (ip === '') { ds.log.log('error', `KSR.dispatcher.${fn}: could not resolve ${u.host} (an IP address is expected)`); return -1; }
    t = { ip, port: u.port, proto: (u.params.get('transport') ?? '').toLowerCase() };
  }
  const sets: DestinationSet[] = group === -1 ? [...ds.sets().values()] : [ds.set(group)].filter((s): s is DestinationSet => s !== undefined);
  let best: Destination | null = null;
  let bestLevel = 0;
  for (const set of sets) {
    for (const d of set.dests) {
      if (!matches(ds, d, t, mode, ctx.rcv)) continue;
      if (!(mode & MATCH_MIXSOCKPRPORT)) return setVars(ctx, ds, fn, d, group === -1);
      const level = strictness(d, t);
      if (level === 7) return setVars(ctx, ds, fn, d, group === -1);
      if (level > bestLevel) { best = d; bestLevel = level; }
    }
  }
  return best ? setVars(ctx, ds, fn, best, group === -1) : -1;
}

/** ds_is_active_uri: the set has an active destination (that one, when uri is given). */
export function isActive(ds: DispatcherState, group: number, uri: string | null): number {
  const set = ds.set(group);
  if (!set) return -1;
  for (const d of set.dests) {
    if (skipDst(ds.flagsOf(d))) continue;
    if (uri === null || uri === '' || d.uri === uri) return 1;
  }
  return -1;
}

// KSR.corex.*: the branch set (append_branch*), extended flags, socket selection, a few
// message tests, raw sends and the Via switches (host/corex). Partial: what ksr-host's sending
// path or sandbox cannot honour (reply Via params, the file system, forward_uac*).
import { defineModule } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { tryParseUri } from '../../host/sip/uri.js';
import { parseHop, resolveHop } from '../../host/forward/next-hop.js';
import { decl, intOf, partial } from './decl.js';
import { isXflagSet, resetXflag, setXflag } from '../../host/corex/xflags.js';
import { findListenSocket, isSocketName, setSocket, setSocketByName, setSourceAddress, type ListenSocket } from '../../host/corex/sockets.js';
import { parseSocketSpec } from '../../host/corex/socket-spec.js';
import { setViaSwitch, type ViaSwitch } from '../../host/corex/via-switches.js';

/** Kamailio's default MAX_BRANCHES: the R-URI's branch and 11 more. */
const MAX_BRANCHES = 12;

function appendBranch(ctx: MsgContext, uri: string, q: number | null): number {
  if (!ctx.msg.isRequest || ctx.branches.length + 1 >= MAX_BRANCHES) return -1;
  if (!tryParseUri(uri)) {
    ctx.core.logger.log('error', `KSR.corex.append_branch: "${uri}" is not a URI`);
    return -1;
  }
  ctx.branches.push({ uri, dstUri: uri === ctx.ruri ? ctx.dstUri : null, path: null, q, flags: 0 });
  return 1;
}

/** "0.5" → 0.5; q must be 0..1 (RFC 3261 qvalue). NaN for anything else. */
function qValue(text: string): number {
  return /^\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/.test(text) ? Number(text) : NaN;
}

/**
 * -1 when the URI is no SIP URI, or when an address given literally cannot be sent to (the
 * outbound guard refused it: the send fails at once). A name is resolved afterwards: its
 * failures are logged, the call has returned 1 by then.
 */
function sendData(ctx: MsgContext, uri: string, data: string, from?: ListenSocket, fn = 'send_data'): number {
  const hop = parseHop(uri);
  if (!hop) return -1;
  let result = 1;
  resolveHop(hop, null, (t) => {
    const log = (reason: string) => ctx.core.logger.log('warn', `KSR.corex.${fn}: ${reason}`);
    if (typeof t === 'string') {
      log(t);
      result = -1;
    } else if (!ctx.core.send(Buffer.from(data, 'utf8'), from && from.proto === t.proto ? { ...t, from: { ip: from.ip, port: from.port } } : t, log)) {
      result = -1;
    }
  });
  return result;
}

/**
 * sendx(uri, socket, data): sent as send_data, from that listen socket ('' = the default one).
 * A socket that is none of ours is refused with -1, nothing sent.
 */
function sendx(ctx: MsgContext, uri: string, socket: string, data: string): number {
  if (socket === '') return sendData(ctx, uri, data, undefined, 'sendx');
  const spec = parseSocketSpec(socket);
  if (!spec) {
    ctx.core.logger.log('error', `KSR.corex.sendx: expected a socket [proto:]host[:port], got "${socket}"`);
    return -1;
  }
  const from = findListenSocket(ctx, spec);
  if (!from) {
    ctx.core.logger.log('error', `KSR.corex.sendx: no listen socket matches "${socket}"`);
    return -1;
  }
  return sendData(ctx, uri, data, from, 'sendx');
}

const FORWARD_UAC = 'stateless forwarding as a UAC (a Via of its own, replies absorbed) is not built: -1';

function forwardUac(ctx: MsgContext, fn: string): number {
  ctx.core.logger.log('error', `KSR.corex.${fn}: not available in ksr-host (use KSR.forward or KSR.tm.t_relay)`);
  return -1;
}

// honoured by the Via of every request ksr-host forwards (host/corex/local-via.ts), with the
// core: settings server_id / xavp_via_params / xavp_via_fields
const viaSwitch = (which: ViaSwitch) => decl('int', 'int', (ctx, on: number) => setViaSwitch(ctx, which, on));

const VIA_REPLY_PARTIAL = 'kept on the message (and tm copies), but replies (local or relayed) get no Via parameters from the xavp yet';

const NO_FILES = 'scripts have no file system access';

export const corexModule = defineModule('corex', {
  append_branch: decl('', 'int', (ctx) => appendBranch(ctx, ctx.ruri, null)),
  append_branch_uri: decl('str', 'int', (ctx, uri: string) => appendBranch(ctx, uri, null)),
  append_branch_uri_q: decl('str, str', 'int', (ctx, uri: string, q: string) => {
    const v = qValue(q);
    return Number.isNaN(v) ? -1 : appendBranch(ctx, uri, v);
  }),
  has_ruri_user: decl('', 'int', (ctx) => intOf(ctx.msg.isRequest && (tryParseUri(ctx.ruri)?.user ?? '') !== '')),
  has_user_agent: decl('', 'int', (ctx) => intOf(ctx.msg.hasHeader('user-agent'))),
  // tm's failure route and t_continue run on a copy of the request, Kamailio's "faked" message.
  is_faked_msg: decl('', 'int', (ctx) => intOf(ctx.routeType === 'failure')),
  // a listen socket's name from the config (`listen: ["udp:IP:PORT name s0"]`)
  is_socket_name: decl('str', 'int', (ctx, name: string) => isSocketName(ctx, name)),
  send_data: decl('str, str', 'int', (ctx, uri: string, data: string) => sendData(ctx, uri, data)),
  sendx: decl('str, str, str', 'int', sendx),
  setxflag: decl('int', 'int', (ctx, flag: number) => setXflag(ctx, flag)),
  resetxflag: decl('int', 'int', (ctx, flag: number) => resetXflag(ctx, flag)),
  isxflagset: decl('int', 'int', (ctx, flag: number) => isXflagSet(ctx, flag)),
  // forwarded requests (stateless and tm) leave from it and their Via shows it
  set_send_socket: decl('str', 'int', (ctx, sock: string) => setSocket(ctx, 'send', sock)),
  set_send_socket_name: decl('str', 'int', (ctx, name: string) => setSocketByName(ctx, 'send', name)),
  set_recv_socket: decl('str', 'int', (ctx, sock: string) => setSocket(ctx, 'recv', sock)),
  set_recv_socket_name: decl('str', 'int', (ctx, name: string) => setSocketByName(ctx, 'recv', name)),
  set_source_address: partial('only IP addresses: a host name is not resolved (-1)', decl('str', 'int', (ctx, addr: string) => setSourceAddress(ctx, addr))),
  via_add_srvid: viaSwitch('addSrvid'),
  via_add_xavp_params: viaSwitch('addXavpParams'),
  via_use_xavp_fields: viaSwitch('useXavpFields'),
  via_reply_add_xavp_params: partial(VIA_REPLY_PARTIAL, viaSwitch('replyAddXavpParams')),
  // Kamailio answers an unreadable file with an empty string, an unwritable one with -1
  file_read: partial(NO_FILES, decl('str', 'xval', (ctx, path: string) => {
    ctx.core.logger.log('error', `KSR.corex.file_read: cannot open file "${path}": scripts have no file system access`);
    return '';
  })),
  file_write: partial(NO_FILES, decl('str, str', 'int', (ctx, path: string) => {
    ctx.core.logger.log('error', `KSR.corex.file_write: cannot open file "${path}": scripts have no file system access`);
    return -1;
  })),
  forward_uac: partial(FORWARD_UAC, decl('', 'int', (ctx) => forwardUac(ctx, 'forward_uac'))),
  forward_uac_branch: partial(FORWARD_UAC, decl('int', 'int', (ctx) => forwardUac(ctx, 'forward_uac_branch'))),
  forward_uac_uri: partial(FORWARD_UAC, decl('str', 'int', (ctx) => forwardUac(ctx, 'forward_uac_uri'))),
  forward_uac_uri_branch: partial(FORWARD_UAC, decl('str, int', 'int', (ctx) => forwardUac(ctx, 'forward_uac_uri_branch'))),
});

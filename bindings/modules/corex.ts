// KSR.corex.*: the branch set (append_branch*), a few message tests, and raw sends. Left out
// (bindings/README.md): xflags, socket selection, Via srvid/xavp params, file_read/file_write
// (a script must not reach the file system), forward_uac*.
import { defineModule } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { tryParseUri } from '../../host/sip/uri.js';
import { parseHop, resolveHop } from '../../host/forward/next-hop.js';
import { decl, intOf, partial } from './decl.js';

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
function sendData(ctx: MsgContext, uri: string, data: string): number {
  const hop = parseHop(uri);
  if (!hop) return -1;
  let result = 1;
  resolveHop(hop, null, (t) => {
    if (typeof t === 'string') {
      ctx.core.logger.log('warn', `KSR.corex.send_data: ${t}`);
      result = -1;
    } else if (!ctx.core.send(Buffer.from(data, 'utf8'), t, (reason) => ctx.core.logger.log('warn', `KSR.corex.send_data: ${reason}`))) {
      result = -1;
    }
  });
  return result;
}

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
  // Listen sockets have no names in this server.
  is_socket_name: partial('listen sockets have no names: always -1', decl('str', 'int', () => -1)),
  send_data: decl('str, str', 'int', (ctx, uri: string, data: string) => sendData(ctx, uri, data)),
});

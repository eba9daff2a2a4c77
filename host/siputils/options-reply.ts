// KSR.siputils.options_reply: a 200 to an OPTIONS addressed to the server itself (a
// Request-URI without user part), with what we accept, as Kamailio's siputils does.
import type { MsgContext } from '../core/context.js';
import { requestUri } from '../core/sip-values.js';

const ACCEPT_HEADERS = [
  'Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, SUBSCRIBE, NOTIFY, PUBLISH, MESSAGE, INFO, REFER, UPDATE, PRACK\r\n',
  'Accept: */*\r\n',
  'Accept-Encoding: \r\n',
  'Accept-Language: en\r\n',
];

/** 1 replied; -1 not an OPTIONS to the server (a user part), or the reply could not be sent. */
export function optionsReply(ctx: MsgContext): number {
  if (!ctx.msg.isRequest || ctx.msg.method !== 'OPTIONS') return -1;
  const uri = requestUri(ctx);
  if (!uri || uri.user !== '') return -1;
  return ctx.core.sendReply(ctx, 200, 'OK', { headers: ACCEPT_HEADERS }) ? 1 : -1;
}

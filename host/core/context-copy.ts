// Copies of a request's context for the routes tm runs later: the failure route's "faked
// request", the branch route's per-branch request, the onsend route. A copy carries what the
// script set on the request (flags, AVPs, lumps, R-URI, $du, branch set, t_on_* names) and
// nothing it does to the copy leaks back into the original.
import { messageIdOf, MsgContext, type RouteType } from './context.js';
import type { SipMessage } from '../sip/message.js';
import { copyRoutingState } from './routing-state.js';
import { shareXavps } from './xavp.js';

export function copyContext(src: MsgContext, routeType: RouteType, msg: SipMessage = src.msg): MsgContext {
  const c = new MsgContext(msg, src.rcv, new Map(src.vars), src.core);
  c.messageId = messageIdOf(src);
  c.flags = src.flags;
  c.bflags = src.bflags.slice();
  for (const [k, v] of src.avps) c.avps.set(k, v.slice());
  c.newUri = src.newUri;
  c.dstUri = src.dstUri;
  c.lumps.append(src.lumps);
  c.replyLumps.push(...src.replyLumps);
  c.replyBody = src.replyBody;
  c.forceRport = src.forceRport;
  c.addLocalRport = src.addLocalRport;
  c.branches = src.branches.map((b) => ({ ...b }));
  c.branchIndex = src.branchIndex;
  Object.assign(c.tmRequests, src.tmRequests);
  c.transaction = src.transaction;
  // the branch and onsend routes run in the request's turn spend its CPU budget, not a new one
  c.cpuBudget = src.cpuBudget;
  c.recordRoute = src.recordRoute ? { ...src.recordRoute } : null;
  c.forcedProto = src.forcedProto;
  c.path = src.path;
  c.routeType = routeType;
  c.tmOptions = src.tmOptions ? { ...src.tmOptions } : null;
  copyRoutingState(src, c);
  // Kamailio keeps one xavp list with the transaction for all its routes: shared, not copied
  shareXavps(src, c);
  c.xflags = src.xflags === null ? null : [src.xflags[0], src.xflags[1]];
  c.sendSocket = src.sendSocket;
  c.viaSwitches = src.viaSwitches;
  c.uacMarks = src.uacMarks ? { ...src.uacMarks } : null;
  // in a failure route the R-URI already had its branch (Kamailio's ruri_mark_consumed)
  c.ruriIsNew = routeType === 'failure' ? false : src.ruriIsNew;
  return c;
}

// The routing state of the MsgContext block "rr + core forwarding setters" (context.ts), copied
// as a whole: tm's copies of a request (failure, branch, onsend routes) call this so what the
// script asked (double preset, rr params, advertised address, connection flags...) survives.
import type { MsgContext } from './context.js';

export function copyRoutingState(src: MsgContext, dst: MsgContext): void {
  dst.recordRoutePreset2 = src.recordRoutePreset2;
  dst.rrPendingParams = src.rrPendingParams;
  dst.routedParams = src.routedParams;
  dst.routeNextHop = src.routeNextHop;
  dst.advertisedAddress = src.advertisedAddress;
  dst.advertisedPort = src.advertisedPort;
  dst.forwardClose = src.forwardClose;
  dst.forwardNoConnect = src.forwardNoConnect;
  dst.replyClose = src.replyClose;
  dst.replyNoConnect = src.replyNoConnect;
  dst.tcpAliasPort = src.tcpAliasPort;
}

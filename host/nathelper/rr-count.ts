// nathelper's PVs: $rr_count (Record-Route entries of the received message) and
// $rr_top_count (2 when the topmost Record-Route is one of a double pair: its URI has r2=on, else 1; 0 without).
import type { MsgContext } from '../core/context.js';
import type { PvClass, PvValue } from '../core/pv.js';
import { tryParseUri } from '../sip/uri.js';

function rrCount(ctx: MsgContext): PvValue {
  try {
    return ctx.msg.recordRoutes().length;
  } catch {
    return null;
  }
}

function rrTopCount(ctx: MsgContext): PvValue {
  try {
    const top = ctx.msg.recordRoutes()[0];
    if (!top) return 0;
    const uri = top.uri ?? tryParseUri(top.uriText);
    if (!uri) return null;
    return (uri.params.get('r2') ?? '') !== '' ? 2 : 1;
  } catch {
    return null;
  }
}

export const rrCountPv: PvClass = { hasArg: false, get: rrCount };
export const rrTopCountPv: PvClass = { hasArg: false, get: rrTopCount };

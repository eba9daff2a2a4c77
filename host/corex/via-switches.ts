// corex's Via switches (via_add_srvid, via_add_xavp_params, via_use_xavp_fields,
// via_reply_add_xavp_params): Kamailio's msg_flags bits, kept on the message context
// (MsgContext.viaSwitches) and carried to tm's copies. A non-zero argument sets, zero clears.
import type { MsgContext } from '../core/context.js';

export const VIA_SWITCH = {
  addSrvid: 1,
  addXavpParams: 2,
  useXavpFields: 4,
  replyAddXavpParams: 8,
} as const;

export type ViaSwitch = keyof typeof VIA_SWITCH;

export function setViaSwitch(ctx: MsgContext, which: ViaSwitch, on: number): number {
  const bit = VIA_SWITCH[which];
  ctx.viaSwitches = on !== 0 ? ctx.viaSwitches | bit : ctx.viaSwitches & ~bit;
  return 1;
}

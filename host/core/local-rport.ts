// KSR.add_local_rport: asks for ;rport in the Via this server adds when it forwards the
// request. MsgContext has no field for it yet, so the mark lives here until it does; the
// forwarding code reads it with wantsLocalRport().
import type { MsgContext } from './context.js';

const marked = new WeakSet<MsgContext>();

export function markLocalRport(ctx: MsgContext): void {
  marked.add(ctx);
}

export function wantsLocalRport(ctx: MsgContext): boolean {
  return marked.has(ctx);
}

// Points of a core's message handling where a module's state adds work, as Kamailio's modules
// register callbacks with rr (register_rrcb). Each core has its own lists, filled by its module
// states when they are made (host/core/module-service.ts), so nothing is registered by
// importing a file and two cores (a test's, a worker's) never share one.
import type { MsgContext } from './context.js';

export type MessageHook = (ctx: MsgContext) => void;

export class CoreHooks {
  /** After loose_route consumed a Route of ours (its parameters in ctx.routedParams): uac's auto restore of From/To. */
  readonly afterLooseRoute = new Set<MessageHook>();
}

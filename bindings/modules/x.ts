// KSR.x.*: exit/drop stop the callback by marking the message stopped (the Dispatcher answers
// the stop signal every runtime honours for a call that leaves it so: a flag, not a throw, as
// exit ends most routes and a throw cost 3-6 µs of a route). exit is declared `stops`: a guest
// that honours it (all four do) stops the callback itself without crossing, and the runtime
// sets ctx.stopped from the callback's result; its host implementation serves a guest that
// does not, and an exit outside a callback or with arguments. drop always crosses:
// ctx.dropped means something to the reply and branch routes.
// modf runs a native Kamailio function by name, which only works here for the few names
// mapped below onto registry functions.
import { defineModule, type KsrDeclaration, type KsrStructured, type KsrValue } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { decl, partial } from './decl.js';
import { slModule } from './sl.js';
import { hdrModule } from './hdr.js';
import { maxfwdModule } from './maxfwd.js';
import { sanityModule } from './sanity.js';
import { coreModule } from './core.js';

/** Native cfg function name → the KSR function with the same meaning. */
const MODF_EQUIVALENTS: Readonly<Record<string, KsrDeclaration>> = {
  sl_send_reply: slModule.functions['sl_send_reply']!,
  send_reply: slModule.functions['send_reply']!,
  sl_reply_error: slModule.functions['sl_reply_error']!,
  append_hf: hdrModule.functions['append']!,
  insert_hf: hdrModule.functions['insert']!,
  remove_hf: hdrModule.functions['remove']!,
  is_present_hf: hdrModule.functions['is_present']!,
  append_to_reply: hdrModule.functions['append_to_reply']!,
  mf_process_maxfwd_header: maxfwdModule.functions['process_maxfwd']!,
  is_maxfwd_lt: maxfwdModule.functions['is_maxfwd_lt']!,
  sanity_check: sanityModule.functions['sanity_check']!,
  setflag: coreModule.functions['setflag']!,
  resetflag: coreModule.functions['resetflag']!,
  isflagset: coreModule.functions['isflagset']!,
  force_rport: coreModule.functions['force_rport']!,
};

/** KEMI int convention for whatever the mapped function returned. */
function asInt(v: KsrValue | KsrStructured): number {
  if (typeof v === 'boolean') return v ? 1 : -1;
  if (typeof v === 'number') return v;
  return 1;
}

function modf(ctx: MsgContext, name: string, ...args: string[]): number {
  const target = MODF_EQUIVALENTS[name];
  if (!target) {
    ctx.core.logger.log('error', `KSR.x.modf: native function "${name}" is not supported (use its KSR function)`);
    return -1;
  }
  if (args.length !== target.params.length) {
    ctx.core.logger.log('error', `KSR.x.modf: "${name}" expects ${target.params.length} argument(s), got ${args.length}`);
    return -1;
  }
  const converted: Array<string | number> = [];
  for (let i = 0; i < args.length; i++) {
    if (target.params[i] === 'str') converted.push(args[i]!);
    else if (/^-?\d+$/.test(args[i]!.trim())) converted.push(Number(args[i]));
    else {
      ctx.core.logger.log('error', `KSR.x.modf: "${name}" argument ${i + 1} must be a number, got "${args[i]}"`);
      return -1;
    }
  }
  return asInt(target.fn(ctx, ...converted));
}

export const xModule = defineModule('x', {
  exit: {
    ...decl('', 'none', (ctx) => {
      ctx.stopped = true;
      return null;
    }),
    stops: true,
  },
  drop: decl('', 'none', (ctx) => {
    ctx.dropped = true;
    ctx.stopped = true;
    return null;
  }),
  modf: partial(
    `only ${Object.keys(MODF_EQUIVALENTS).length} native names, each run as its KSR function (bindings/README.md); any other logs an error and returns -1`,
    { params: ['str'], variadic: true, returns: 'int', fn: modf },
  ),
  probe: decl('', 'none', (ctx) => {
    ctx.core.logger.log('debug', 'KSR.x.probe: KSR is reachable');
    return null;
  }),
});

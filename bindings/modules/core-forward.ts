// KSR.forward / KSR.forward_uri: stateless forwarding of the request (host/forward). Core
// functions (module ''), declared apart from core.ts, which other parts of the core own.
import { defineModule } from '../registry.js';
import { forwardStateless } from '../../host/forward/stateless.js';
import { decl, intOf } from './decl.js';
import { sndPv } from '../../host/forward/snd-pv.js';

export const coreForwardModule = defineModule('', {
  forward: decl('', 'int', (ctx) => intOf(forwardStateless(ctx))),
  forward_uri: decl('str', 'int', (ctx, uri: string) => intOf(forwardStateless(ctx, uri))),
}, {
  // $snd(...): what ksr_onsend_route is about to send (a core PV in Kamailio)
  pvs: { snd: sndPv },
});

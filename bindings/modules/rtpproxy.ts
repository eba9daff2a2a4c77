// KSR.rtpproxy.*: rtpproxy's text control protocol (offer/answer rewrite the SDP's m= ports
// and c= address to the relay's, manage chooses, destroy, recording, prompts). Logic in
// host/media-relay/rtpproxy-ops.ts; the UDP exchange waits at most rtpproxy_tout × rtpproxy_retr per relay.
import { defineModule } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import type { ModuleService } from '../../host/core/module-service.js';
import { destroy, manage, offerAnswer, record, RtpproxyState, stream } from '../../host/media-relay/rtpproxy-ops.js';
import { decl, partial } from './decl.js';

/** What offer/answer/manage leave out of Kamailio's flags (host/media-relay/rtpproxy-ops.ts). */
const FLAGS_NOT_APPLIED = 'flags o and c (rewrite o= and c=) and 1/2 (the Via branch in the Call-ID) are not applied';

const stateOf = (ctx: MsgContext) => ctx.core.modules.get<RtpproxyState>('rtpproxy');

const service: ModuleService<RtpproxyState> = {
  create: (host) => new RtpproxyState(host),
  rpc: {
    'rtpproxy.list': {
      readOnly: true,
      help: 'every rtpproxy relay with its set, weight, whether disabled and seconds until it is checked again',
      handler: (st) => st.pool.allRelays().map((r) => ({
        url: r.url, set: r.setId, weight: r.weight, disabled: r.disabledUntil > Date.now() ? 1 : 0,
        recheck_ticks: r.disabledUntil === Infinity ? 'MAX' : Math.max(0, Math.ceil((r.disabledUntil - Date.now()) / 1000)),
      })),
    },
    'rtpproxy.enable': {
      help: 'rtpproxy.enable URL 0|1: disables (0) or enables (1) the relay URL; answers its new state',
      handler: (st, params) => {
        const [url, flag] = Array.isArray(params) ? params : [];
        const list = st.pool.allRelays().filter((r) => r.url === url);
        if (list.length === 0) throw new Error(`rtpproxy.enable: no relay '${String(url)}'`);
        for (const r of list) r.disabledUntil = Number(flag) === 1 ? 0 : Infinity;
        return { url, enabled: Number(flag) === 1 ? 1 : 0 };
      },
    },
  },
};

export const rtpproxyModule = defineModule('rtpproxy', {
  rtpproxy_manage0: decl('', 'int', (ctx) => manage(stateOf(ctx), ctx, 'rtpproxy_manage0', '', '')),
  rtpproxy_manage: partial(FLAGS_NOT_APPLIED, decl('str', 'int', (ctx, flags: string) => manage(stateOf(ctx), ctx, 'rtpproxy_manage', flags, ''))),
  rtpproxy_manage_ip: partial(FLAGS_NOT_APPLIED, decl('str, str', 'int', (ctx, flags: string, ip: string) => manage(stateOf(ctx), ctx, 'rtpproxy_manage_ip', flags, ip))),
  set_rtpproxy_set: decl('int', 'int', (ctx, id: number) => {
    const st = stateOf(ctx);
    if (st.pool.choose(ctx, [id])) return 1;
    st.pool.error('set_rtpproxy_set', `no rtpproxy set ${id} (sets: ${[...st.pool.sets.keys()].join(', ') || 'none'})`);
    return -1;
  }),
  rtpproxy_destroy0: decl('', 'int', (ctx) => destroy(stateOf(ctx), ctx, 'rtpproxy_destroy0', '')),
  rtpproxy_destroy: partial('its flags (1, 2, b, t) are not applied', decl('str', 'int', (ctx, flags: string) => destroy(stateOf(ctx), ctx, 'rtpproxy_destroy', flags))),
  start_recording: decl('', 'int', (ctx) => record(stateOf(ctx), ctx, 'start_recording')),
  rtpproxy_offer0: decl('', 'int', (ctx) => offerAnswer(stateOf(ctx), ctx, 'rtpproxy_offer0', true, '', '')),
  rtpproxy_offer: partial(FLAGS_NOT_APPLIED, decl('str', 'int', (ctx, flags: string) => offerAnswer(stateOf(ctx), ctx, 'rtpproxy_offer', true, flags, ''))),
  rtpproxy_offer_ip: partial(FLAGS_NOT_APPLIED, decl('str, str', 'int', (ctx, flags: string, ip: string) => offerAnswer(stateOf(ctx), ctx, 'rtpproxy_offer_ip', true, flags, ip))),
  rtpproxy_answer0: decl('', 'int', (ctx) => offerAnswer(stateOf(ctx), ctx, 'rtpproxy_answer0', false, '', '')),
  rtpproxy_answer: partial(FLAGS_NOT_APPLIED, decl('str', 'int', (ctx, flags: string) => offerAnswer(stateOf(ctx), ctx, 'rtpproxy_answer', false, flags, ''))),
  rtpproxy_answer_ip: partial(FLAGS_NOT_APPLIED, decl('str, str', 'int', (ctx, flags: string, ip: string) => offerAnswer(stateOf(ctx), ctx, 'rtpproxy_answer_ip', false, flags, ip))),
  rtpproxy_stream2uac: decl('str, int', 'int', (ctx, pname: string, count: number) => stream(stateOf(ctx), ctx, 'rtpproxy_stream2uac', true, pname, count)),
  rtpproxy_stream2uas: decl('str, int', 'int', (ctx, pname: string, count: number) => stream(stateOf(ctx), ctx, 'rtpproxy_stream2uas', false, pname, count)),
  rtpproxy_stop_stream2uac: decl('', 'int', (ctx) => stream(stateOf(ctx), ctx, 'rtpproxy_stop_stream2uac', true, null, 0)),
  rtpproxy_stop_stream2uas: decl('', 'int', (ctx) => stream(stateOf(ctx), ctx, 'rtpproxy_stop_stream2uas', false, null, 0)),
}, { service });

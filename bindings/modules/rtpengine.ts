// KSR.rtpengine.*: rtpengine's ng control protocol (offer/answer/delete, manage, recording,
// media and DTMF control, query). Logic in host/media-relay/ (rtpengine-ops.ts); the UDP
// exchange waits at most rtpengine_tout_ms × rtpengine_retr per relay (udp-exchange.ts).
import { defineModule, type KsrDeclaration } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import type { ModuleService } from '../../host/core/module-service.js';
import type { NgOp } from '../../host/media-relay/ng-flags.js';
import {
  manage, ngCommand, offerAnswer, queryInto, RtpengineState, simple, subscribeRequest,
} from '../../host/media-relay/rtpengine-ops.js';
import { dictStr } from '../../host/media-relay/bencode.js';
import { decl } from './decl.js';

const stateOf = (ctx: MsgContext) => ctx.core.modules.get<RtpengineState>('rtpengine');

/** fn0 / fn(flags) / fn2(flags, viabranch) of one command. */
function family(name: string, run: (ctx: MsgContext, fn: string, flags: string, via?: string) => number): Record<string, KsrDeclaration> {
  return {
    [`${name}0`]: decl('', 'int', (ctx) => run(ctx, `${name}0`, '')),
    [name]: decl('str', 'int', (ctx, flags: string) => run(ctx, name, flags)),
    [`${name}2`]: decl('str, str', 'int', (ctx, flags: string, via: string) => run(ctx, `${name}2`, flags, via)),
  };
}

const simpleOp = (op: NgOp) => (ctx: MsgContext, fn: string, flags: string, via?: string) => simple(stateOf(ctx), ctx, fn, op, flags, via);

const service: ModuleService<RtpengineState> = {
  create: (host) => new RtpengineState(host),
  rpc: {
    'rtpengine.show': { readOnly: true, help: 'rtpengine.show [URL|all]: the relays with their set, index, weight, whether disabled and seconds until rechecked', handler: (st, params) => relaysMatching(st, params).map((r) => describe(st, r)) },
    'rtpengine.enable': {
      help: 'rtpengine.enable URL|all 0|1: disables (0) or enables (1) the relays, enabling only those that answer a ping; answers their state',
      handler: (st, params) => {
        const [url, flag] = Array.isArray(params) ? params : [];
        const on = Number(flag) === 1;
        const list = relaysMatching(st, [url]);
        if (list.length === 0) throw new Error(`rtpengine.enable: no relay '${String(url)}'`);
        for (const r of list) r.disabledUntil = on ? (pingOk(st, r) ? 0 : Date.now() + st.settings.disableSeconds * 1000) : Infinity;
        return list.map((r) => describe(st, r));
      },
    },
    'rtpengine.get_hash_total': { readOnly: true, help: 'how many calls are remembered with the relay they were sent to', handler: (st) => ({ total: st.remembered }) },
    'rtpengine.ping': {
      help: 'rtpengine.ping [URL|all]: pings the relays, disables those that do not answer; answers success or fail per relay',
      handler: (st, params) => relaysMatching(st, params).map((r) => {
        const ok = pingOk(st, r);
        if (!ok) r.disabledUntil = Date.now() + st.settings.disableSeconds * 1000;
        return { url: r.url, status: ok ? 'success' : 'fail' };
      }),
    },
  },
};

function relaysMatching(st: RtpengineState, params: unknown) {
  const want = Array.isArray(params) && typeof params[0] === 'string' ? params[0] : 'all';
  return st.pool.allRelays().filter((r) => want === 'all' || r.url === want);
}

function pingOk(st: RtpengineState, r: Parameters<RtpengineState['command']>[0]): boolean {
  const a = st.command(r, { command: 'ping' });
  return a !== null && dictStr(a, 'result') === 'pong';
}

function describe(st: RtpengineState, r: ReturnType<RtpengineState['pool']['allRelays']>[number]) {
  const now = Date.now();
  return {
    url: r.url, set: r.setId, index: st.pool.allRelays().indexOf(r), weight: r.weight,
    disabled: r.disabledUntil > now ? 1 : 0,
    recheck_ticks: r.disabledUntil === Infinity ? 'MAX' : Math.max(0, Math.ceil((r.disabledUntil - now) / 1000)),
  };
}

export const rtpengineModule = defineModule('rtpengine', {
  ...family('rtpengine_manage', (ctx, fn, flags, via) => manage(stateOf(ctx), ctx, fn, flags, via)),
  ...family('rtpengine_offer', (ctx, fn, flags, via) => offerAnswer(stateOf(ctx), ctx, fn, 'offer', flags, via)),
  ...family('rtpengine_answer', (ctx, fn, flags, via) => offerAnswer(stateOf(ctx), ctx, fn, 'answer', flags, via)),
  ...family('rtpengine_delete', simpleOp('delete')),
  ...family('rtpengine_query', simpleOp('query')),
  ...family('rtpengine_connect', simpleOp('connect')),
  ...family('block_media', simpleOp('block media')),
  ...family('unblock_media', simpleOp('unblock media')),
  ...family('silence_media', simpleOp('silence media')),
  ...family('unsilence_media', simpleOp('unsilence media')),
  ...family('block_dtmf', simpleOp('block DTMF')),
  ...family('unblock_dtmf', simpleOp('unblock DTMF')),
  ...family('stop_media', simpleOp('stop media')),
  ...family('start_forwarding', simpleOp('start forwarding')),
  ...family('stop_forwarding', simpleOp('stop forwarding')),
  start_recording: decl('', 'int', (ctx) => simple(stateOf(ctx), ctx, 'start_recording', 'start recording', '')),
  stop_recording: decl('', 'int', (ctx) => simple(stateOf(ctx), ctx, 'stop_recording', 'stop recording', '')),
  play_media: decl('str', 'int', (ctx, flags: string) => simple(stateOf(ctx), ctx, 'play_media', 'play media', flags)),
  play_media2: decl('str, str', 'int', (ctx, flags: string, via: string) => simple(stateOf(ctx), ctx, 'play_media2', 'play media', flags, via)),
  play_dtmf: decl('str', 'int', (ctx, flags: string) => simple(stateOf(ctx), ctx, 'play_dtmf', 'play DTMF', flags)),
  set_rtpengine_set: decl('int', 'int', (ctx, id: number) => chooseSets(ctx, 'set_rtpengine_set', [id])),
  set_rtpengine_set2: decl('int, int', 'int', (ctx, a: number, b: number) => chooseSets(ctx, 'set_rtpengine_set2', [a, b])),
  rtpengine_query_v: decl('str, str', 'int', (ctx, fmt: string, pv: string) => queryInto(stateOf(ctx), ctx, 'rtpengine_query_v', fmt, pv)),
  // the subscribe family answers 0 on success: Kamailio's wraps return 0 (not 1) there
  rtpengine_subscribe_request: decl('str, str, str, str', 'int', (ctx, flags: string, sdpPv: string, toTagPv: string, streamsXavp: string) =>
    subscribeRequest(stateOf(ctx), ctx, 'rtpengine_subscribe_request', flags, sdpPv, toTagPv, streamsXavp)),
  rtpengine_subscribe_answer: decl('str', 'int', (ctx, flags: string) =>
    (ngCommand(stateOf(ctx), ctx, 'rtpengine_subscribe_answer', 'subscribe answer', flags) ? 0 : -1)),
  rtpengine_unsubscribe: decl('str', 'int', (ctx, flags: string) =>
    (ngCommand(stateOf(ctx), ctx, 'rtpengine_unsubscribe', 'unsubscribe', flags) ? 0 : -1)),
}, { service });

function chooseSets(ctx: MsgContext, fn: string, ids: number[]): number {
  const st = stateOf(ctx);
  if (st.pool.choose(ctx, ids)) return 1;
  st.pool.error(fn, `no rtpengine set ${ids.join(' or ')} (sets: ${[...st.pool.sets.keys()].join(', ') || 'none'})`);
  return -1;
}

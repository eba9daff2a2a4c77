// $snd(name): what ksr_onsend_route is about to send — ip, port, proto (Kamailio's PROTO_*
// numbers: 1 udp, 2 tcp, 3 tls, 5 ws, 6 wss), sproto, af (4/6), buf, len. Null outside the onsend route.
// Declared by the core forwarding module (bindings/modules/core-forward.ts).
import { isIPv6 } from 'node:net';
import type { MsgContext } from '../core/context.js';
import type { PvClass, PvValue } from '../core/pv.js';
import { sendInfoOf } from './onsend.js';
import { PROTO_NUMBER } from '../transport/types.js';

const FIELDS: Record<string, (i: NonNullable<ReturnType<typeof sendInfoOf>>) => PvValue> = {
  ip: (i) => i.dst.ip,
  port: (i) => i.dst.port,
  proto: (i) => PROTO_NUMBER[i.dst.proto],
  sproto: (i) => i.dst.proto,
  af: (i) => (isIPv6(i.dst.ip) ? 6 : 4),
  buf: (i) => i.buf.toString('utf8'),
  len: (i) => i.buf.length,
};

/** $snd(name) */
export const sndPv: PvClass = {
  hasArg: true,
  get: (ctx: MsgContext, name: string) => {
    const info = sendInfoOf(ctx);
    const f = FIELDS[name];
    return info && f ? f(info) : null;
  },
};

// What the corex switches change in the Via this server adds to a request it sends (Kamailio's
// create_via_hf / via_builder in msg_translator.c): ";srvid=<server_id>" after ";rport", then
// the fields of the xavp named by xavp_via_params as ";name=value" (an int unsigned, an empty
// string as a bare ";name", other values skipped), and the sent-by address, port and transport
// taken from the string fields address/port/proto of the xavp named by xavp_via_fields.
import type { MsgContext, Proto } from '../core/context.js';
import { xavpRoot, XavpList, type XavpEntry } from '../core/xavp.js';
import { VIA_SWITCH } from './via-switches.js';
import { DEFAULT_VIA_SETTINGS, type ViaSettings } from './via-settings.js';

const VIA_PROTOS: readonly Proto[] = ['udp', 'tcp', 'tls', 'sctp', 'ws', 'wss'];

function settingsOf(ctx: MsgContext): ViaSettings {
  return ctx.core.viaSettings ?? DEFAULT_VIA_SETTINGS;
}

/** The children of the first xavp named `name`, or null when there is none or it holds no list. */
function fieldsOf(ctx: MsgContext, name: string): XavpEntry[] | null {
  if (name === '' || !ctx.xavps) return null;
  const first = xavpRoot(ctx, 'xavp').get(name);
  return first && first.value instanceof XavpList ? first.value.entries : null;
}

/** Kamailio's xavp_serialize_fields: "a=1;b;c=x" (newest field first, as its child list). */
export function serializeFields(fields: readonly XavpEntry[]): string {
  const out: string[] = [];
  for (const f of fields) {
    if (typeof f.value === 'number') out.push(`${f.name}=${f.value >>> 0}`);
    else if (typeof f.value === 'string') out.push(f.value === '' ? f.name : `${f.name}=${f.value}`);
  }
  return out.join(';');
}

/** The parameters our Via carries after the branch (and ;rport): ";srvid=N;name=value...". */
export function localViaExtraParams(ctx: MsgContext): string {
  const s = settingsOf(ctx);
  let extra = '';
  if (ctx.viaSwitches & VIA_SWITCH.addSrvid && s.serverId !== 0) extra += `;srvid=${s.serverId >>> 0}`;
  if (ctx.viaSwitches & VIA_SWITCH.addXavpParams) {
    const fields = fieldsOf(ctx, s.xavpViaParams);
    const text = fields ? serializeFields(fields) : '';
    if (text !== '') extra += `;${text}`;
  }
  return extra;
}

const NO_OVERRIDE: Readonly<ViaFieldOverride> = Object.freeze({});

export interface ViaFieldOverride {
  address?: string;
  port?: string;
  proto?: Proto;
}

/** The sent-by parts via_use_xavp_fields takes from the xavp (string fields only, as Kamailio). */
export function localViaFields(ctx: MsgContext): Readonly<ViaFieldOverride> {
  // every forwarded request asks: no object made when the switch is off
  if (!(ctx.viaSwitches & VIA_SWITCH.useXavpFields)) return NO_OVERRIDE;
  const fields = fieldsOf(ctx, settingsOf(ctx).xavpViaFields);
  if (!fields) return NO_OVERRIDE;
  const text = (name: string): string | undefined => {
    const f = fields.find((e) => e.name === name);
    return f && typeof f.value === 'string' ? f.value : undefined;
  };
  const out: ViaFieldOverride = {};
  const address = text('address');
  if (address) out.address = address;
  const port = text('port');
  if (port) out.port = port;
  const proto = text('proto')?.toLowerCase() as Proto | undefined;
  if (proto && VIA_PROTOS.includes(proto)) out.proto = proto;
  return out;
}

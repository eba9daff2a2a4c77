// KSR.kx.*: direct getters over the same values as the PVs (host/core/pv.ts and
// sip-values.ts). get_env/get_envn answer as for an unset variable: a routing script must
// not see the server's environment.
import { defineModule, type KsrDeclaration } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { readPv, toInt, type PvSpec, type PvTable, type PvValue } from '../../host/core/pv.js';
import {
  firstContact, PROTO_IDS, socketName, sourceUri, bodyText, messageMethod, callId,
} from '../../host/core/sip-values.js';
import { decl, partial, withNullMode, type NullMode } from './decl.js';
import { socketText } from '../../host/corex/socket-spec.js';
import { rcvSocketName, sendSocketName } from '../../host/corex/sockets.js';

/** A PV read that cannot fail (the names here are fixed and valid). */
function pv(ctx: MsgContext, name: string): PvValue {
  const r = readPv(ctx, name);
  return r.ok ? r.value : null;
}

type Read = (ctx: MsgContext) => PvValue;

/** A getter over one fixed PV name, its parse looked up once per PV table (a core has one)
 *  rather than through the table's LRU of names on every call. */
const fromPv = (name: string): Read => {
  let table: PvTable | null = null;
  let spec: PvSpec | null = null;
  return (ctx) => {
    if (ctx.core.pvs !== table) {
      table = ctx.core.pvs;
      spec = table.lookup(name);
    }
    return spec ? spec.cls.get(ctx, spec.arg) : null;
  };
};

/** get_X / gete_X / getw_X for one value. */
function family(read: Read, modes: NullMode[] = ['null']): Record<NullMode, KsrDeclaration> {
  const out = {} as Record<NullMode, KsrDeclaration>;
  for (const m of modes) out[m] = decl('', 'xval', (ctx) => withNullMode(read(ctx), m));
  return out;
}

/**
 * Declares get_<name>, and gete_/getw_ where `all` is true; with `fact`, each is answered in the
 * guest from that message fact while it is not '' (a value of the message as received).
 */
function getters(name: string, read: Read, all = false, fact?: string): Record<string, KsrDeclaration> {
  const f = family(read, all ? ['null', 'empty', 'print'] : ['null']);
  const answered = (d: KsrDeclaration): KsrDeclaration => (fact === undefined ? d : { ...d, answer: { fact, test: 'value' } });
  const out: Record<string, KsrDeclaration> = { [`get_${name}`]: answered(f.null) };
  if (all) {
    out[`gete_${name}`] = answered(f.empty);
    out[`getw_${name}`] = answered(f.print);
  }
  return out;
}

/**
 * get_<name> for the few kemix getters whose absent value is '' rather than null (Kamailio's
 * null mode EMPTY; the catalogue's "empty-string when absent"), with no gete_/getw_ siblings.
 */
function getterEmptyWhenAbsent(name: string, read: Read): Record<string, KsrDeclaration> {
  return { [`get_${name}`]: family(read, ['empty']).empty };
}

const fromHost = fromPv('$fd');

/**
 * The From host as received, a message fact: the engine parses a request's From on receipt
 * (checkRequestHeaders), so it is free there, and no KSR call changes it ($fd writes are lumps).
 * A reply's From is not parsed on receipt: unknown, the host answers. Sent because the seed's
 * registrar route (and Kamailio's kemi samples) ask it of every REGISTER for the auth realm.
 */
function fromHostFact(ctx: MsgContext): string | null {
  if (!ctx.msg.isRequest) return null;
  const host = fromHost(ctx);
  return typeof host === 'string' ? host : '';
}

const nonEmpty = (s: string): string | null => (s === '' ? null : s);

/**
 * get_env/get_envn: every variable reads as unset (Kamailio: '' and 0), so a script cannot
 * see secrets or paths of the server; logged once per function, not per call.
 */
function unsetEnv<T>(fn: string, answer: T): (ctx: MsgContext, name: string) => T {
  let logged = false;
  return (ctx, name) => {
    if (!logged) {
      logged = true;
      ctx.core.logger.log('warn', `KSR.kx.${fn}: "${name}" reads as unset: scripts cannot read the server's environment (logged once)`);
    }
    return answer;
  };
}

const NO_ENV = "scripts cannot read the server's environment: every variable reads as unset";

export const kxModule = defineModule('kx', {
  ...getters('ruri', fromPv('$ru')),
  ...getters('ruser', fromPv('$rU'), true),
  ...getters('rhost', fromPv('$rd'), true),
  ...getters('ouri', (ctx) => (ctx.msg.isRequest ? ctx.msg.ruri : null)),
  ...getters('furi', fromPv('$fu')),
  ...getters('fuser', fromPv('$fU'), true),
  ...getters('fhost', fromHost, true, 'fhost'),
  ...getters('turi', fromPv('$tu')),
  ...getters('tuser', fromPv('$tU'), true),
  ...getters('thost', fromPv('$td'), true),
  ...getters('duri', fromPv('$du'), true),
  ...getters('cturi', (ctx) => firstContact(ctx)?.uriText ?? null, true),
  ...getters('nhuri', (ctx) => ctx.dstUri ?? pv(ctx, '$ru')),
  ...getterEmptyWhenAbsent('srcuri', sourceUri),
  ...getterEmptyWhenAbsent('srcaddr_sock', (ctx) => socketName(ctx.rcv.proto, ctx.rcv.srcIp, ctx.rcv.srcPort)),
  ...getters('ua', fromPv('$ua'), true),
  ...getters('srcip', (ctx) => ctx.rcv.srcIp),
  ...getters('srcport', (ctx) => ctx.rcv.srcPort),
  // the send socket the script forced (corex.set_send_socket); its name from the config's listen entry
  ...getters('send_sock', (ctx) => (ctx.sendSocket ? socketText(ctx.sendSocket) : null)),
  ...getters('send_sock_name', sendSocketName),
  get_send_sock_port: decl('', 'int', (ctx) => ctx.sendSocket?.port ?? 0),
  ...getters('rcvip', (ctx) => ctx.rcv.rcvIp),
  // the received socket's name (null when its listen entry has none); no advertised address: adv = actual
  ...getters('rcv_sock_name', rcvSocketName),
  ...getters('rcvport', (ctx) => ctx.rcv.rcvPort),
  ...getters('rcvadvip', (ctx) => ctx.rcv.rcvIp),
  ...getters('rcvadvport', (ctx) => ctx.rcv.rcvPort),
  ...getterEmptyWhenAbsent('rcvaddr_sock', (ctx) => socketName(ctx.rcv.proto, ctx.rcv.rcvIp, ctx.rcv.rcvPort)),
  ...getterEmptyWhenAbsent('proto', (ctx) => ctx.rcv.proto),
  get_protoid: decl('', 'int', (ctx) => PROTO_IDS[ctx.rcv.proto] ?? 0),
  ...getters('au', fromPv('$au'), true),
  ...getters('method', (ctx) => nonEmpty(messageMethod(ctx))),
  // Kamailio answers -1 for a request (no status).
  get_status: decl('', 'int', (ctx) => (ctx.msg.isRequest ? -1 : ctx.msg.status)),
  gets_status: decl('', 'xval', (ctx) => (ctx.msg.isRequest ? null : String(ctx.msg.status))),
  ...getters('body', (ctx) => nonEmpty(bodyText(ctx)), true),
  get_bodylen: decl('', 'int', (ctx) => ctx.msg.body().length),
  get_timestamp: decl('', 'int', () => Math.floor(Date.now() / 1000)),
  ...getterEmptyWhenAbsent('callid', (ctx) => callId(ctx)),
  get_conid: decl('', 'int', (ctx) => (ctx.rcv.conId > 0 ? ctx.rcv.conId : -1)),
  ...getters('msgbuf', (ctx) => ctx.msg.buf.toString('utf8')),
  get_msglen: decl('', 'int', (ctx) => ctx.msg.buf.length),
  // Kamailio's SIP_REQUEST = 1, SIP_REPLY = 2.
  get_msgtype: decl('', 'int', (ctx) => (ctx.msg.isRequest ? 1 : 2)),
  // Kamailio answers '' for a name not defined (as for one defined without a value): ifdef tells them apart
  get_def: decl('str', 'xval', (ctx, name: string) => ctx.core.defines.get(name) ?? ''),
  get_defn: decl('str', 'int', (ctx, name: string) => toInt(ctx.core.defines.get(name) ?? null)),
  ifdef: decl('str', 'bool', (ctx, name: string) => ctx.core.defines.has(name)),
  ifndef: decl('str', 'bool', (ctx, name: string) => !ctx.core.defines.has(name)),
  get_env: partial(NO_ENV, decl('str', 'xval', unsetEnv('get_env', ''))),
  get_envn: partial(NO_ENV, decl('str', 'int', unsetEnv('get_envn', 0))),
}, {
  facts: { fhost: fromHostFact },
});

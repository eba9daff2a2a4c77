// KSR.* core functions (module ''). The routing ones (to_*, set_forward_*, set_reply_*,
// set_advertised_*, add_tcp_alias*, route) are in core-routing.ts.
import { defineModule, type KsrDeclaration } from '../registry.js';
import type { LogLevel } from '../../host/core/services.js';
import type { MsgContext } from '../../host/core/context.js';
import { flagOp, type FlagOp, type FlagSet } from '../../host/core/flags.js';
import { isMethod, isMethodIn, METHOD_LETTERS, methodIs } from '../../host/core/methods.js';
import { messageMethod } from '../../host/core/sip-values.js';
import { isMyselfOf, isMyselfText, type MyselfTarget } from '../../host/core/myself.js';
import { isIpFamily, isProtoGroup, isProtoIn, PROTO_GROUPS } from '../../host/core/proto-tests.js';
import { setRuri, setRuriPart } from '../../host/core/ruri-edit.js';
import { decl, declWithoutMessage } from './decl.js';
import { coreRoutingFunctions } from './core-routing.js';

/** KSR.log level names (anything else logs as error, as Kamailio). */
const LOG_LEVELS: Readonly<Record<string, LogLevel>> = {
  dbg: 'debug', info: 'info', notice: 'notice', warn: 'warn', err: 'error', crit: 'crit',
};

// The log functions need no message: a top level, mod_init() or child_init() may log too.
/** The line a script logs ends where its text's line does: Kamailio's scripts end theirs in "\n", which the server's log adds itself. */
const lineOf = (text: string): string => (text.endsWith('\n') ? text.slice(0, text.endsWith('\r\n') ? -2 : -1) : text);

const logAt = (level: LogLevel) =>
  declWithoutMessage('str', 'none', (ctx, text: string) => {
    ctx.core.logger.log(level, lineOf(text));
    return null;
  });

const flagFn = (set: FlagSet, op: FlagOp) => decl('int', 'bool', (ctx, f: number) => flagOp(ctx, set, op, f));
const branchFlagFn = (op: FlagOp) =>
  decl('int, int', 'bool', (ctx, f: number, branch: number) => flagOp(ctx, 'branch', op, f, branch));

const myself = (t: MyselfTarget) => decl('', 'bool', (ctx) => isMyselfOf(ctx, t));

const METHODS = [
  'INVITE', 'ACK', 'BYE', 'CANCEL', 'REGISTER', 'OPTIONS', 'SUBSCRIBE', 'PUBLISH', 'NOTIFY', 'REFER',
  'INFO', 'UPDATE', 'PRACK', 'MESSAGE', 'KDMQ', 'GET', 'POST', 'PUT', 'DELETE',
];

// The method tests are answered in the guest from the method as received (the `method` fact),
// as Kamailio's read the first line: no KSR call changes it.
const methodTests = Object.fromEntries(
  METHODS.map((m) => [`is_${m}`, { ...decl('', 'bool', (ctx) => methodIs(ctx, m)), answer: { fact: 'method', test: 'is', value: m } } satisfies KsrDeclaration]),
);
const protoTests = Object.fromEntries(
  Object.keys(PROTO_GROUPS).map((g) => [`is_${g}`, decl('', 'bool', (ctx) => isProtoGroup(ctx, g))]),
);

const functions: Record<string, KsrDeclaration> = {
  dbg: logAt('debug'),
  info: logAt('info'),
  notice: logAt('notice'),
  warn: logAt('warn'),
  err: logAt('error'),
  crit: logAt('crit'),
  log: declWithoutMessage('str, str', 'none', (ctx, level: string, text: string) => {
    ctx.core.logger.log(LOG_LEVELS[level] ?? 'error', lineOf(text));
    return null;
  }),
  set_drop: decl('', 'none', (ctx) => {
    ctx.dropped = true;
    return null;
  }),

  is_myself: decl('str', 'bool', (ctx, text: string) => isMyselfText(ctx, text)),
  is_myself_ruri: myself('ruri'),
  is_myself_duri: myself('duri'),
  is_myself_nhuri: myself('nhuri'),
  is_myself_furi: myself('furi'),
  is_myself_turi: myself('turi'),
  is_myself_suri: myself('suri'),
  is_myself_srcip: myself('srcip'),

  setflag: flagFn('msg', 'set'),
  resetflag: flagFn('msg', 'reset'),
  isflagset: flagFn('msg', 'test'),
  setbflag: flagFn('branch', 'set'),
  resetbflag: flagFn('branch', 'reset'),
  isbflagset: flagFn('branch', 'test'),
  setbiflag: branchFlagFn('set'),
  resetbiflag: branchFlagFn('reset'),
  isbiflagset: branchFlagFn('test'),
  setsflag: flagFn('script', 'set'),
  resetsflag: flagFn('script', 'reset'),
  issflagset: flagFn('script', 'test'),

  seturi: decl('str', 'bool', (ctx, uri: string) => setRuri(ctx, uri)),
  setuser: decl('str', 'bool', (ctx, user: string) => setRuriPart(ctx, 'user', user)),
  sethost: decl('str', 'bool', (ctx, host: string) => setRuriPart(ctx, 'host', host)),
  setdsturi: decl('str', 'bool', (ctx, uri: string) => {
    if (uri === '') return false;
    ctx.dstUri = uri;
    return true;
  }),
  resetdsturi: decl('', 'bool', (ctx) => {
    ctx.dstUri = null;
    return true;
  }),
  isdsturiset: decl('', 'bool', (ctx) => ctx.dstUri !== null),
  force_rport: decl('', 'bool', (ctx) => {
    ctx.forceRport = true;
    return true;
  }),
  add_local_rport: decl('', 'bool', (ctx: MsgContext) => {
    ctx.addLocalRport = true;
    return true;
  }),

  is_method: { ...decl('str', 'bool', (ctx, spec: string) => isMethod(ctx, spec)), answer: { fact: 'method', test: 'nameIn' } },
  is_method_in: { ...decl('str', 'bool', (ctx, letters: string) => isMethodIn(ctx, letters)), answer: { fact: 'method', test: 'letterOf', letters: METHOD_LETTERS } },
  ...methodTests,
  is_proto: decl('str', 'bool', (ctx, letters: string) => isProtoIn(ctx, letters)),
  ...protoTests,
  is_IPv4: decl('', 'bool', (ctx) => isIpFamily(ctx, 4)),
  is_IPv6: decl('', 'bool', (ctx) => isIpFamily(ctx, 6)),
  is_src_port: decl('int', 'bool', (ctx, port: number) => ctx.rcv.srcPort === port),
  is_dst_port: decl('int', 'bool', (ctx, port: number) => ctx.rcv.rcvPort === port),
  get_debug: decl('', 'int', (ctx) => ctx.core.debugLevel),
  ...coreRoutingFunctions,
};

/** The last method seen and its upper-cased form: toUpperCase makes a new string every time
 *  (~25 ns of every callback), and a server sees the same few methods over and over. */
let lastMethod = '';
let lastUpper = '';

function upperMethod(ctx: MsgContext): string {
  const m = messageMethod(ctx);
  if (m !== lastMethod) {
    lastMethod = m;
    lastUpper = m.toUpperCase();
  }
  return lastUpper;
}

export const coreModule = defineModule('', functions, {
  // upper-cased, as every method test compares it (messageMethod: a reply's is its CSeq's)
  facts: { method: upperMethod },
});

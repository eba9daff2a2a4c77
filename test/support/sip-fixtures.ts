// Raw SIP messages and a MsgContext factory for binding and conformance tests. The
// CoreServices here records what the bindings asked of the engine (logs, replies); its route
// services (tm, auth, usrloc) are built in its constructor as the engine builds its own, from
// defaults or from what the test passes (TestServices).
import type { ViaSettings } from '../../host/corex/via-settings.js';
import { SipMessage } from '../../host/sip/message.js';
import { buildReply } from '../../host/sip/reply.js';
import { scriptReplyBody } from '../../host/textops/body-state.js';
import { MsgContext, type ReceiveInfo } from '../../host/core/context.js';
import type { InvokeResult } from '../../host/core/router.js';
import type { Destination } from '../../host/transport/types.js';
import { ServiceSlots, type CoreServices, type LogFields, type LogLevel, type ReplyOptions } from '../../host/core/services.js';
import type { Proto } from '../../host/core/context.js';
import type { SyncStore } from '../../host/store/store.js';
import { TransactionLayer } from '../../host/tm/layer.js';
import { DigestAuth } from '../../host/auth/digest-auth.js';
import { Usrloc } from '../../host/registrar/usrloc.js';
import type { PvTable } from '../../host/core/pv.js';
import { createRegistry } from '../../bindings/modules/index.js';
import { ModuleStates, type NamedModuleService } from '../../host/core/module-service.js';
import { CoreHooks } from '../../host/core/core-hooks.js';
import { TEST_MODULE_CONFIG } from './module-test-config.js';

const crlf = (lines: string[]): string => lines.join('\r\n');

const SDP = crlf([
  'v=0',
  'o=alice 2890844526 2890844526 IN IP4 192.0.2.10',
  's=-',
  'c=IN IP4 192.0.2.10',
  't=0 0',
  'm=audio 49170 RTP/AVP 0',
  'a=rtpmap:0 PCMU/8000',
  '',
]);

/** The SDP of the seed talk's INVITE (../shared/seed/000_21fce87f5e467756.txt). */
const SEED_SDP = crlf([
  'v=0',
  'o=root 904410018 904410018 IN IP4 192.168.178.62',
  's=call',
  'c=IN IP4 192.168.178.62',
  't=0 0',
  'm=audio 62556 RTP/AVP 9 0 8 3 18 101',
  'a=rtpmap:9 G722/8000',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:8 PCMA/8000',
  'a=rtpmap:3 GSM/8000',
  'a=rtpmap:18 G729/8000',
  'a=fmtp:18 annexb=no',
  'a=rtpmap:101 telephone-event/8000',
  'a=fmtp:101 0-15',
  'a=ptime:20',
  'a=sendrecv',
  '',
]);

export const FIXTURES = {
  register: crlf([
    'REGISTER sip:localhost SIP/2.0',
    'Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-reg-1;rport',
    'Max-Forwards: 70',
    'From: "Alice" <sip:alice@localhost>;tag=a73kszlfl',
    'To: <sip:alice@localhost>',
    'Call-ID: reg-1@192.0.2.10',
    'CSeq: 1 REGISTER',
    'Contact: <sip:alice@192.0.2.10:5062>;expires=3600',
    'Authorization: Digest username="alice", realm="localhost", nonce="abc", uri="sip:localhost", response="0123456789abcdef0123456789abcdef"',
    'User-Agent: fixture-phone/1.0',
    'Expires: 3600',
    'Content-Length: 0',
    '',
    '',
  ]),
  invite: crlf([
    'INVITE sip:bob@example.com:5080;transport=udp SIP/2.0',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-inv-1',
    'Via: SIP/2.0/TCP 198.51.100.7:5060;branch=z9hG4bK-inv-0',
    'Max-Forwards: 10',
    'From: "Alice Liddell" <sip:alice@localhost>;tag=1928301774',
    'To: Bob <sip:bob@example.com>',
    'Call-ID: a84b4c76e66710@192.0.2.10',
    'CSeq: 314159 INVITE',
    'Contact: <sip:alice@192.0.2.10>',
    'Record-Route: <sip:p1.example.com;lr>',
    'Record-Route: <sip:p2.example.com;lr>',
    'Supported: timer, 100rel',
    'Content-Type: application/sdp',
    `Content-Length: ${Buffer.byteLength(SDP)}`,
    '',
    SDP,
  ]),
  // the INVITE of the seed talk's slides (its Content-Length made true)
  seed: crlf([
    'INVITE sip:1002@asipto.lab;user=phone SIP/2.0',
    'Via: SIP/2.0/UDP 192.168.178.62:1024;branch=z9hG4bK-ampxo9rfducs',
    'From: "1001" <sip:1001@asipto.lab>;tag=6ehxxq7ebj',
    'To: <sip:1002@asipto.lab;user=phone>',
    'Call-ID: 313534373435383130393132333431-3xurg8bzzlop',
    'CSeq: 1 INVITE',
    'Max-Forwards: 70',
    'User-Agent: snom370/8.7.5.35',
    'Contact: <sip:1001@192.168.178.62:1024;line=vuw36p4a>;reg-id=1',
    'Content-Type: application/sdp',
    `Content-Length: ${Buffer.byteLength(SEED_SDP)}`,
    '',
    SEED_SDP,
  ]),
  options: crlf([
    'OPTIONS sip:127.0.0.1:5060 SIP/2.0',
    'Via: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-opt-1',
    'Max-Forwards: 0',
    'From: <sip:probe@127.0.0.1:5099>;tag=p1',
    'To: <sip:127.0.0.1:5060>',
    'Call-ID: opt-1',
    'CSeq: 7 OPTIONS',
    'Content-Length: 0',
    '',
    '',
  ]),
  reply200: crlf([
    'SIP/2.0 200 OK',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-inv-1',
    'From: "Alice Liddell" <sip:alice@localhost>;tag=1928301774',
    'To: Bob <sip:bob@example.com>;tag=b55',
    'Call-ID: a84b4c76e66710@192.0.2.10',
    'CSeq: 314159 INVITE',
    'Contact: <sip:bob@198.51.100.20>',
    'Content-Length: 0',
    '',
    '',
  ]),
} as const;

export type FixtureName = keyof typeof FIXTURES;

export interface SentReply {
  code: number;
  reason: string;
  buf: Buffer;
}

/** Route services a test wants instead of the defaults; tm and auth are made from the core. */
export interface TestServices {
  tm?: (core: CoreServices) => TransactionLayer;
  auth?: (core: CoreServices) => DigestAuth;
  usrloc?: Usrloc;
  store?: SyncStore | null;
  /** The PVs the core offers; default: those of every module of this build (createRegistry()). */
  pvs?: PvTable;
  /** The config's `modules:` section the module states are made from; default TEST_MODULE_CONFIG. */
  moduleConfig?: Record<string, unknown>;
  /** The module services whose states the core makes; default: those of every module of this build. */
  moduleServices?: readonly NamedModuleService[];
}

let buildPvs: PvTable | null = null;
let buildServices: readonly NamedModuleService[] | null = null;

/** A CoreServices that records logs and replies; "myself" is 127.0.0.1:5060 and localhost. */
export class RecordingCore implements CoreServices {
  /** fields only on the lines logged with some (xlog's facility), so older deepEquals hold */
  readonly logs: Array<{ level: LogLevel; text: string; fields?: LogFields }> = [];
  readonly replies: SentReply[] = [];
  readonly logger = {
    log: (level: LogLevel, text: string, fields?: LogFields) => void this.logs.push(fields ? { level, text, fields } : { level, text }),
  };
  readonly defines: ReadonlyMap<string, string>;
  readonly debugLevel: number;
  /** None unless a test gives one (e.g. openStore('sqlite::memory:')); tests may take it away. */
  store: SyncStore | null;
  readonly pvs: PvTable;
  /** Kamailio's server_id / xavp_via_* for the corex Via switches (inert until a switch is on). */
  viaSettings: ViaSettings | undefined = { serverId: 7, xavpViaParams: 'via', xavpViaFields: 'viaf', xavpViaReplyParams: 'viar' };
  private readonly services = new ServiceSlots('RecordingCore');
  readonly hooks = new CoreHooks();
  /** Module states (htable, pike...), not started: a test that needs timers calls modules.start() and stop(). */
  readonly modules: ModuleStates;

  constructor(defines: Record<string, string> = { WITH_AUTH: '1', SERVER_NAME: 'ksr-test' }, debugLevel = 2, services: TestServices = {}) {
    this.defines = new Map(Object.entries(defines));
    this.debugLevel = debugLevel;
    this.store = services.store ?? null;
    this.pvs = services.pvs ?? (buildPvs ??= createRegistry().pvs);
    this.services.fill({
      tm: services.tm?.(this) ?? new TransactionLayer(this),
      auth: services.auth?.(this) ?? new DigestAuth(this),
      usrloc: services.usrloc ?? new Usrloc(),
    });
    this.modules = new ModuleStates(this, {
      services: services.moduleServices ?? (buildServices ??= createRegistry().services),
      config: services.moduleConfig ?? TEST_MODULE_CONFIG,
    });
    // what the services logged while being built (auth: no secret) is not what a test looks at
    this.logs.length = 0;
  }

  get tm(): TransactionLayer {
    return this.services.get('tm');
  }

  get auth(): DigestAuth {
    return this.services.get('auth');
  }

  get usrloc(): Usrloc {
    return this.services.get('usrloc');
  }

  isMyself(host: string, port?: number, _proto?: Proto): boolean {
    const h = host.toLowerCase();
    return (h === '127.0.0.1' || h === 'localhost') && (port === undefined || port === 0 || port === 5060);
  }

  sendReply(ctx: MsgContext, code: number, reason: string, opts: ReplyOptions = {}): boolean {
    const set = scriptReplyBody(ctx, opts);
    const buf = buildReply(ctx.msg, code, reason, {
      headers: [...ctx.replyLumps, ...(opts.headers ?? [])],
      body: set ? set.body : opts.body,
      contentType: set ? set.contentType : opts.contentType,
    });
    this.replies.push({ code, reason, buf });
    return true;
  }

  /** Routes this core can run: name → function. Tests install what they need. */
  readonly routes = new Map<string, (ctx: MsgContext, arg?: string) => void>();
  /** Everything sent with send(). */
  readonly sent: Array<{ buf: Buffer; dst: Destination }> = [];

  runRoute(callback: string, ctx: MsgContext, arg?: string): InvokeResult {
    const r = this.routes.get(callback);
    if (!r) return { outcome: 'missing' };
    r(ctx, arg);
    return { outcome: 'ok' };
  }

  hasRoute(callback: string): boolean {
    return this.routes.has(callback);
  }

  send(buf: Buffer, dst: Destination): boolean {
    this.sent.push({ buf, dst });
    return true;
  }

  /** add_tcp_alias calls: [conId, port]; a connection id of 0 is taken as gone. */
  readonly tcpAliases: Array<[number, number]> = [];

  addTcpAlias(conId: number, port: number): boolean {
    if (conId === 0) return false;
    this.tcpAliases.push([conId, port]);
    return true;
  }

  localAddress(proto: Proto, ipv6: boolean): { ip: string; port: number } | null {
    return ipv6 ? null : { ip: '127.0.0.1', port: proto === 'tls' ? 5061 : 5060 };
  }

  /** Two named UDP listeners (the one messages arrive on, s0, and s1) and an unnamed TCP one. */
  listenSockets(): readonly { proto: 'udp' | 'tcp'; ip: string; port: number; name?: string }[] {
    return RECORDING_LISTEN;
  }
}

const RECORDING_LISTEN = Object.freeze([
  { proto: 'udp' as const, ip: '127.0.0.1', port: 5060, name: 's0' },
  { proto: 'udp' as const, ip: '127.0.0.1', port: 5070, name: 's1' },
  { proto: 'tcp' as const, ip: '127.0.0.1', port: 5060 },
]);

export interface ContextOverrides extends Partial<ReceiveInfo> {
  core?: RecordingCore;
}

/** A MsgContext over a raw message (a fixture name or raw text), received on UDP by default. */
export function makeContext(raw: FixtureName | string, overrides: ContextOverrides = {}): MsgContext & { core: RecordingCore } {
  const text = raw in FIXTURES ? FIXTURES[raw as FixtureName] : raw;
  const { core = new RecordingCore(), ...rcv } = overrides;
  const info: ReceiveInfo = {
    proto: 'udp',
    srcIp: '192.0.2.10',
    srcPort: 5062,
    rcvIp: '127.0.0.1',
    rcvPort: 5060,
    conId: 0,
    receivedAt: Date.now(),
    ...rcv,
  };
  const ctx = new MsgContext(SipMessage.parse(Buffer.from(text, 'utf8')), info, new Map(), core);
  return ctx as MsgContext & { core: RecordingCore };
}

/** The message as it would leave: received buffer with the lumps applied. */
export function builtMessage(ctx: MsgContext): string {
  return ctx.lumps.apply(ctx.msg.buf).toString('utf8');
}

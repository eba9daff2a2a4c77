// CoreServices: what the engine offers to the code that acts on a message (KSR adapters in
// bindings/, tm, sl...). Implemented by host/engine/engine.ts; tests build a small one
// (test/support/sip-fixtures.ts RecordingCore).
//
// The route services (tm, auth, usrloc) are made from the core they serve, so a core is
// built in a fixed order: its own members first, then `ServiceSlots.fill` with every route
// service (one typed object, checked), then nothing changes. A service asked for before the
// fill (a service constructor reaching another) is an error that says so, never a default.
// Their types are imported as types only: host/core depends on no other capability's code.
import type { MsgContext, Proto } from './context.js';
import type { InvokeResult } from './router.js';
import type { PvTable } from './pv.js';
import type { Destination } from '../transport/types.js';
import type { SyncStore } from '../store/store.js';
import type { Usrloc } from '../registrar/usrloc.js';
import type { TransactionLayer } from '../tm/layer.js';
import type { DigestAuth } from '../auth/digest-auth.js';
import type { ViaSettings } from '../corex/via-settings.js';
import type { ModuleStates } from './module-service.js';
import type { CoreHooks } from './core-hooks.js';

export type LogLevel = 'debug' | 'info' | 'notice' | 'warn' | 'error' | 'crit';

/** Extra fields carried on one log line (e.g. xlog's syslog facility), as the server log writes them. */
export type LogFields = Readonly<Record<string, string | number>>;

export interface ScriptLogger {
  log(level: LogLevel, text: string, fields?: LogFields): void;
}

export interface ReplyOptions {
  /** Extra header lines, each ending in CRLF. */
  headers?: string[];
  body?: Buffer | string;
  contentType?: string;
}

export interface CoreServices {
  readonly logger: ScriptLogger;
  /** The Kamailio "myself" test: is host[:port] one of our listen addresses or aliases? */
  isMyself(host: string, port?: number, proto?: Proto): boolean;
  /** Sends a stateless reply to the request in ctx (RFC 3261 §8.2.6), with ctx.replyLumps. */
  sendReply(ctx: MsgContext, code: number, reason: string, opts?: ReplyOptions): boolean;
  /** Values of `#!define`-like settings the script may read (KSR.kx.get_def). */
  readonly defines: ReadonlyMap<string, string>;
  /** Debug level as Kamailio numbers it (KSR.get_debug): -3 alert .. 3 debug. */
  readonly debugLevel: number;
  /** Runs a named script callback against ctx, timed into the route statistics. */
  runRoute(callback: string, ctx: MsgContext, arg?: string): InvokeResult;
  /** True when the current script defines that callback. */
  hasRoute(callback: string): boolean;
  /**
   * Sends a buffer. UDP is sent at once; TCP uses an open connection to dst (or dst.conId) or
   * opens one. `onError` is called (asynchronously) when it cannot be delivered: no listener
   * for the family, TCP connect refused or timed out; and at once, with false returned, when
   * the outbound guard refuses the destination (host/transport/outbound-guard.ts).
   */
  send(buf: Buffer, dst: Destination, onError?: (reason: string) => void): boolean;
  /**
   * May a send go to dst? (the outbound guard; a refusal is counted and logged). For callers
   * that send later and want to fail at once; the send itself is checked again regardless.
   * Absent in test doubles: there every destination may be tried.
   */
  permitsOutbound?(dst: Destination): boolean;
  /**
   * add_tcp_alias: requests to the peer of TCP connection conId at `port` reuse that
   * connection. False when the connection is gone. Absent in test doubles without transports.
   */
  addTcpAlias?(conId: number, port: number): boolean;
  /** The local address we send from and advertise (Via, Record-Route) for a protocol and family. */
  localAddress(proto: Proto, ipv6: boolean): { ip: string; port: number } | null;
  /**
   * Kamailio's server_id and xavp_via_* core parameters (config `core:`), read when the corex
   * Via switches are on (host/corex/local-via.ts). Absent: Kamailio's defaults (none).
   */
  readonly viaSettings?: ViaSettings;
  /** Every listen socket, with its name if the config gave one (corex.set_send_socket(_name) looks one up). Absent: localAddress's only. */
  listenSockets?(): readonly { proto: Destination['proto']; ip: string; port: number; name?: string }[];
  /** The subscriber/location database (host/store), null when the server runs without one. */
  readonly store: SyncStore | null;
  /** The pseudo-variables the registry's modules declare (Registry.pvs); KSR.pv and $T_req(...) read through it. */
  readonly pvs: PvTable;
  /** The transaction layer (host/tm): KSR.tm/tmx, sl inside a transaction, the engine's matching. */
  readonly tm: TransactionLayer;
  /** Digest authentication (host/auth): challenges, verification, nonce counts. */
  readonly auth: DigestAuth;
  /** The location table (host/registrar): save, lookup, fetched contacts, expiry. */
  readonly usrloc: Usrloc;
  /** The states of the registry's modules that keep any (htable, pike, dispatcher...): module-service.ts. */
  readonly modules: ModuleStates;
  /** Where module states add work to message handling (after loose_route...): core-hooks.ts. */
  readonly hooks: CoreHooks;
}

/** What a core gives a route besides its own members; made right after the core, from it. */
export interface RouteServices {
  readonly tm: TransactionLayer;
  readonly auth: DigestAuth;
  readonly usrloc: Usrloc;
}

const ROUTE_SERVICES: Record<keyof RouteServices, string> = {
  tm: 'the transaction layer (host/tm TransactionLayer)',
  auth: 'digest authentication (host/auth DigestAuth)',
  usrloc: 'the location table (host/registrar Usrloc)',
};

/**
 * A core's route services: filled once, in the core's constructor, with all of them, then
 * frozen. Reading one before the fill, filling twice or filling with one missing throws,
 * naming the core, the service and what was seen.
 */
export class ServiceSlots {
  private services: Readonly<RouteServices> | null = null;

  constructor(private readonly owner: string) {}

  fill(services: RouteServices): void {
    if (this.services) throw new Error(`${this.owner}: route services are attached once, at construction; a second attach was refused`);
    for (const [name, what] of Object.entries(ROUTE_SERVICES)) {
      const got = (services as unknown as Record<string, unknown>)[name];
      if (typeof got !== 'object' || got === null) {
        throw new Error(`${this.owner}: a core needs ${what} as '${name}', got ${got === null ? 'null' : typeof got}`);
      }
    }
    this.services = Object.freeze({ tm: services.tm, auth: services.auth, usrloc: services.usrloc });
  }

  get<K extends keyof RouteServices>(name: K): RouteServices[K] {
    if (!this.services) {
      throw new Error(`${this.owner}: ${name} was asked for before the route services were attached (a service's constructor may not use another service)`);
    }
    return this.services[name];
  }
}

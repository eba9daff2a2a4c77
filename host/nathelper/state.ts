// nathelper's state in one core: its settings, the keepalive pinger (started only where the
// server-wide duties run: the primary thread) and the nathelper.enable_ping control method.
import type { ModuleHost, ModuleService, ModuleState } from '../core/module-service.js';
import { RpcError } from '../control/jsonrpc.js';
import { parseNathelperSettings, type NathelperSettings } from './settings.js';
import { NatPinger } from './keepalive.js';

export class NathelperState implements ModuleState {
  readonly settings: NathelperSettings;
  readonly pinger: NatPinger;

  constructor(private readonly host: ModuleHost) {
    this.settings = parseNathelperSettings(host.config);
    this.pinger = new NatPinger(host.core, this.settings, host.log);
  }

  /** The AVP fix_nated_register fills: the configured one, else the registrar's received_avp (read lazily: the core's usrloc). */
  receivedAvp(): string {
    return this.settings.received_avp ?? this.host.core.usrloc.registrar.receivedAvp;
  }

  start(): void {
    if (this.host.primary) this.pinger.start();
  }

  stop(): void {
    this.pinger.stop();
  }
}

function enablePing(state: NathelperState, params: unknown): unknown {
  if (!state.pinger.active) throw new RpcError(500, 'NATping disabled');
  const v = Array.isArray(params) ? params[0] : params && typeof params === 'object' ? (params as Record<string, unknown>).value : undefined;
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new RpcError(500, 'No parameter');
  state.pinger.enabled = n !== 0;
  return null;
}

export const NATHELPER_SERVICE: ModuleService<NathelperState> = {
  create: (host) => new NathelperState(host),
  rpc: {
    'nathelper.enable_ping': { handler: enablePing, help: 'nathelper.enable_ping 0|1: stops (0) or resumes (1) the NAT keepalive pings' },
    'nathelper.ping_stats': { help: 'whether NAT pinging is on, and its rounds, UDP and SIP pings sent, SIP replies, contacts removed and skipped', handler: (s) => ({ enabled: s.pinger.enabled ? 1 : 0, ...s.pinger.stats }), readOnly: true },
  },
};

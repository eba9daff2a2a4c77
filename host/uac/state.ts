// uac's module state: its settings, the auth mode uac_auth_mode sets, and the remote
// registrations (run by the primary thread; every thread answers lookups from its own copy).
import type { ModuleHost, ModuleState } from '../core/module-service.js';
import type { MsgContext } from '../core/context.js';
import { Registrations } from './registrations.js';
import { SharedRegState } from './shared-reg-state.js';
import { restoreAfterLooseRoute } from './replace.js';
import { parseUacSettings, type UacSettings } from './settings.js';

export class UacState implements ModuleState {
  readonly settings: UacSettings;
  /** uac_auth_mode(mode): per process in Kamailio; per thread here. */
  authMode = 0;
  readonly regs: Registrations;

  constructor(host: ModuleHost) {
    this.settings = parseUacSettings(host.config);
    this.regs = new Registrations(host.core, host.log, this.settings, host.primary, host.shared ? new SharedRegState(host.shared) : null);
    if (this.settings.restoreMode === 'auto') host.core.hooks.afterLooseRoute.add(autoRestore);
  }

  start(): void {
    this.regs.start();
  }

  stop(): void {
    this.regs.stop();
  }
}

/** loose_route's hook in a core whose uac runs in auto mode: From/To restored in the request. */
function autoRestore(ctx: MsgContext): void {
  const s = ctx.core.modules.get<UacState>('uac').settings;
  restoreAfterLooseRoute(ctx, s);
}

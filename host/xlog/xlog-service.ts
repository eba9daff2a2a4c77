// xlog's module state: only its settings (no tables, no timers), the same in every worker.
import type { ModuleService, ModuleState } from '../core/module-service.js';
import { xlogSettings, type XlogSettings } from './settings.js';

export interface XlogState extends ModuleState {
  readonly settings: XlogSettings;
}

export const xlogService: ModuleService<XlogState> = {
  create(host) {
    return { settings: xlogSettings(host.config) };
  },
};

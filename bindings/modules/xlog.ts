// KSR.xlog.* (stub: being written)
import { defineModule } from '../registry.js';

export const xlogModule = defineModule('xlog', {});

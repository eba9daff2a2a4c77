// KSR.acc.* (stub: being written)
import { defineModule } from '../registry.js';

export const accModule = defineModule('acc', {});

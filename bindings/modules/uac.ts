// KSR.uac.* (stub: being written)
import { defineModule } from '../registry.js';

export const uacModule = defineModule('uac', {});

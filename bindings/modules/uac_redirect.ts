// KSR.uac_redirect.* (stub: being written)
import { defineModule } from '../registry.js';

export const uacRedirectModule = defineModule('uac_redirect', {});

// KSR.rtpproxy.* (stub: being written)
import { defineModule } from '../registry.js';

export const rtpproxyModule = defineModule('rtpproxy', {});

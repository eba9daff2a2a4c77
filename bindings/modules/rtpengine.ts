// KSR.rtpengine.* (stub: being written)
import { defineModule } from '../registry.js';

export const rtpengineModule = defineModule('rtpengine', {});

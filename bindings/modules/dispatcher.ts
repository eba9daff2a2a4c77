// KSR.dispatcher.* (stub: being written)
import { defineModule } from '../registry.js';

export const dispatcherModule = defineModule('dispatcher', {});

// KSR.htable.* (stub: being written)
import { defineModule } from '../registry.js';

export const htableModule = defineModule('htable', {});

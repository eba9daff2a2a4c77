// KSR.nathelper.* (stub: being written)
import { defineModule } from '../registry.js';

export const nathelperModule = defineModule('nathelper', {});

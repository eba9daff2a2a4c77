// KSR.pike.* (stub: being written)
import { defineModule } from '../registry.js';

export const pikeModule = defineModule('pike', {});

// KSR.posops.*: being written (issue 10).
import { defineModule } from '../registry.js';

export const posopsModule = defineModule('posops', {});

// KSR.textops.*: being written (issue 10).
import { defineModule } from '../registry.js';

export const textopsModule = defineModule('textops', {});

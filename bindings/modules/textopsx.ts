// KSR.textopsx.*: being written (issue 10).
import { defineModule } from '../registry.js';

export const textopsxModule = defineModule('textopsx', {});

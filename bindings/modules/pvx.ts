// KSR.pvx.*: being written (issue 10).
import { defineModule } from '../registry.js';

export const pvxModule = defineModule('pvx', {});

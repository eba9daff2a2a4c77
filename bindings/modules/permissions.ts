// KSR.permissions.* (stub: being written)
import { defineModule } from '../registry.js';

export const permissionsModule = defineModule('permissions', {});

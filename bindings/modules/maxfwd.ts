// KSR.maxfwd.*: over host/maxfwd/maxfwd.ts.
import { defineModule } from '../registry.js';
import { isMaxfwdLt, processMaxfwd } from '../../host/maxfwd/maxfwd.js';
import { decl } from './decl.js';

export const maxfwdModule = defineModule('maxfwd', {
  process_maxfwd: decl('int', 'int', (ctx, limit: number) => processMaxfwd(ctx, limit)),
  is_maxfwd_lt: decl('int', 'int', (ctx, limit: number) => isMaxfwdLt(ctx, limit)),
});

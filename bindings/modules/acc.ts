// KSR.acc.*: accounting records of the current request on demand (the log line, a row in the
// store, or both), and, through the module state, the records tm's transactions produce when
// their request carried acc's flags (log_flag, db_flag, *_missed_flag, failed_transaction_flag).
// Logic in host/acc/.
import { defineModule } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { accService, type AccState } from '../../host/acc/acc-service.js';
import { decl } from './decl.js';

const acc = (ctx: MsgContext) => ctx.core.modules.get<AccState>('acc');

export const accModule = defineModule(
  'acc',
  {
    acc_log_request: decl('str', 'int', (ctx, comment: string) => acc(ctx).logRequest(ctx, comment)),
    acc_db_request: decl('str, str', 'int', (ctx, comment: string, table: string) => acc(ctx).dbRequest(ctx, comment, table)),
    acc_request: decl('str, str', 'int', (ctx, comment: string, table: string) => acc(ctx).request(ctx, comment, table)),
  },
  { service: accService },
);

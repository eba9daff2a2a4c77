// acc's module state: the settings, the table layouts, the script functions and the records
// written when transactions end. With flags configured, create() registers on tm's events
// (host/tm/events.ts): a final reply upstream (answered, or failed with failed_transaction_flag)
// and every failed round of an INVITE (missed calls, before the failure route). The records
// go to the server log and to the store; each worker writes its own (no shared state).
import type { MsgContext } from '../core/context.js';
import type { ModuleHost, ModuleService, ModuleState } from '../core/module-service.js';
import { direction } from '../rr/loose-route.js';
import { makeToTag } from '../sip/reply.js';
import type { TmFailureEvent, TmFinalEvent } from '../tm/events.js';
import { parseComment } from './comment.js';
import { AccLayouts, dbRow, insertRecord } from './db-record.js';
import { ACC_LEAD, logRecord } from './log-record.js';
import { extraValues, makeRecord, unreadableHeaders, type AccRecord, type RecordSource } from './record.js';
import { accountsTransactions, accSettings, type AccSettings } from './settings.js';

const isSet = (flags: number, f: number) => f >= 0 && ((flags >>> f) & 1) === 1;

export class AccState implements ModuleState {
  readonly settings: AccSettings;
  readonly layouts: AccLayouts;

  constructor(private readonly host: ModuleHost) {
    this.settings = accSettings(host.config, host.core.pvs);
    this.layouts = new AccLayouts(this.settings);
    if (accountsTransactions(this.settings)) {
      host.core.tm.events.onFinalReply((e) => this.onFinal(e));
      host.core.tm.events.onFailure((e) => this.onFailure(e));
    }
  }

  /** Nothing to stop: records are written as they happen (no buffer, no timer). */
  stop(): void {}

  // ---- the script functions (ki_acc_log_request, ki_acc_db_request, ki_acc_request) ----

  logRequest(ctx: MsgContext, comment: string): number {
    const r = this.scriptRecord(ctx, comment, 'KSR.acc.acc_log_request');
    return r ? logRecord(ctx.core.logger, ctx.core.debugLevel, ACC_LEAD.request, r, this.settings, extraValues(ctx, this.settings.logExtra)) : -1;
  }

  dbRequest(ctx: MsgContext, comment: string, table: string, fn = 'KSR.acc.acc_db_request'): number {
    const r = this.scriptRecord(ctx, comment, fn);
    return r ? this.toDb(ctx, r, table, fn) : -1;
  }

  /** Both backends: the log always, the store when the server has one; the last result. */
  request(ctx: MsgContext, comment: string, table: string): number {
    const fn = 'KSR.acc.acc_request';
    const r = this.scriptRecord(ctx, comment, fn);
    if (!r) return -1;
    let ret = logRecord(ctx.core.logger, ctx.core.debugLevel, ACC_LEAD.request, r, this.settings, extraValues(ctx, this.settings.logExtra));
    if (ctx.core.store) ret = this.toDb(ctx, r, table, fn);
    return ret;
  }

  private scriptRecord(ctx: MsgContext, comment: string, fn: string): AccRecord | null {
    const c = parseComment(comment);
    if (!c.ok) {
      ctx.core.logger.log('error', `${fn}: ${c.error}`);
      return null;
    }
    const bad = unreadableHeaders(ctx);
    if (bad) {
      ctx.core.logger.log('error', `${fn}: failed to preparse the request: ${bad}`);
      return null;
    }
    return makeRecord({ request: ctx }, c.code, c.reason);
  }

  private toDb(ctx: MsgContext, r: AccRecord, table: string, fn: string): number {
    const row = dbRow(r, this.settings, extraValues(ctx, this.settings.dbExtra));
    return insertRecord(ctx.core.store, ctx.core.logger, this.layouts, table, row, fn);
  }

  // ---- the records of transactions (Kamailio's acc_onreply and on_missed) ----

  private skipped(req: MsgContext): boolean {
    return (req.msg.method === 'CANCEL' && !this.settings.reportCancels) || unreadableHeaders(req) !== null;
  }

  private source(req: MsgContext, reply: MsgContext | null): RecordSource {
    return {
      request: req,
      toFrom: reply,
      localToTag: reply ? null : makeToTag(req.msg),
      upstream: this.settings.detectDirection && direction(req) === 'upstream',
    };
  }

  private reasonOf(reason: string, reply: MsgContext | null): string {
    if (!this.settings.reasonFromHf || !reply) return reason;
    return reply.msg.header('reason')?.value ?? reason;
  }

  /** Missed-call records for what the missed flags ask; the flags are then reset, so a round is reported once. */
  private missed(req: MsgContext, code: number, reason: string, reply: MsgContext | null): void {
    const s = this.settings;
    const log = isSet(req.flags, s.logMissedFlag);
    const db = isSet(req.flags, s.dbMissedFlag);
    if (!log && !db) return;
    const r = makeRecord(this.source(req, reply), String(code), this.reasonOf(reason, reply));
    if (log) logRecord(this.host.core.logger, this.host.core.debugLevel, ACC_LEAD.missed, r, s, extraValues(req, s.logExtra));
    if (db) insertRecord(this.host.core.store, this.host.core.logger, this.layouts, s.dbTableMissedCalls, dbRow(r, s, extraValues(req, s.dbExtra)), 'acc (missed call)');
    for (const f of [s.logMissedFlag, s.dbMissedFlag]) if (f >= 0) req.flags = (req.flags & ~(1 << f)) >>> 0;
  }

  private onFailure(e: TmFailureEvent): void {
    if (!e.t.isInvite || this.skipped(e.request)) return;
    this.missed(e.request, e.code, e.reason, e.reply);
  }

  private onFinal(e: TmFinalEvent): void {
    const req = e.request;
    if (this.skipped(req)) return;
    if (e.t.isInvite && e.code >= 300) this.missed(req, e.code, e.reason, e.reply);
    if (!this.accounts(req.flags, e.code)) return;
    const s = this.settings;
    const r = makeRecord(this.source(req, e.reply), String(e.code), this.reasonOf(e.reason, e.reply));
    if (isSet(req.flags, s.logFlag)) logRecord(this.host.core.logger, this.host.core.debugLevel, ACC_LEAD.answered, r, s, extraValues(req, s.logExtra));
    if (isSet(req.flags, s.dbFlag)) insertRecord(this.host.core.store, this.host.core.logger, this.layouts, s.dbTableAcc, dbRow(r, s, extraValues(req, s.dbExtra)), 'acc (transaction)');
  }

  /** Kamailio's should_acc_reply for a final reply: a failure only with failed_transaction_flag (and not filtered). */
  private accounts(flags: number, code: number): boolean {
    const s = this.settings;
    if (code >= 300) return isSet(flags, s.failedTransactionFlag) && !s.failedFilter.includes(code);
    return isSet(flags, s.logFlag) || isSet(flags, s.dbFlag);
  }
}

export const accService: ModuleService<AccState> = {
  create: (host) => new AccState(host),
};

// When no branch is waiting any more: the failure route (on a copy of the request, where the
// script may add branches and t_relay again, or reply itself), then the best final reply
// upstream (RFC 3261 §16.7 steps 5-6).
import { copyContext } from '../core/context-copy.js';
import { pickBest } from './best-response.js';
import type { TmCore } from './tm-core.js';
import type { Transaction, UacBranch } from './transaction.js';
import { relayReply, sendLocalReply, terminate } from './uas.js';

function waiting(t: Transaction): boolean {
  return t.pendingStarts > 0 || t.suspended || t.branches.some((b) => b.active);
}

/** The branch whose final reply would go upstream now (null: no branch has one). */
export function bestBranch(t: Transaction): UacBranch | null {
  const finals = t.branches.filter((b) => b.final && !b.ignored && b.final.code >= 300);
  const best = pickBest(finals.map((b) => ({ index: b.index, code: b.final!.code, local: b.final!.local })));
  return best ? t.branches[best.index]! : null;
}

export function checkCompletion(tm: TmCore, t: Transaction): void {
  if (t.freed) return;
  if (t.finalCode >= 200) return tm.maybeFree(t);
  if (waiting(t)) return;
  announceFailure(tm, t);
  if (t.onFailure && tm.core.hasRoute(t.onFailure)) {
    runFailureRoute(tm, t);
    if (t.finalCode >= 200) return tm.maybeFree(t);
    if (waiting(t)) return;
  }
  sendBest(tm, t);
}

/** Kamailio's TMCB_ON_FAILURE: every branch of the round failed (acc's missed calls). */
function announceFailure(tm: TmCore, t: Transaction): void {
  if (!tm.events.watched || t.dropped) return;
  const best = bestBranch(t);
  if (!best) return;
  tm.events.emitFailure({ t, code: best.final!.code, reason: best.final!.reason, reply: best.final!.reply, request: t.saved });
}

function runFailureRoute(tm: TmCore, t: Transaction): void {
  const name = t.onFailure!;
  t.onFailure = null; // each round arms its own (t_on_failure again in the failure route)
  const ctx = copyContext(t.saved, 'failure');
  ctx.transaction = t;
  ctx.branches = [];
  ctx.dropped = false;
  ctx.tmRequests.onFailure = null;
  const best = bestBranch(t);
  ctx.branchIndex = best?.index ?? -1;
  t.failedBranch = best;
  try {
    tm.core.runRoute(name, ctx);
  } finally {
    t.failedBranch = null;
  }
}

function sendBest(tm: TmCore, t: Transaction): void {
  const best = bestBranch(t);
  if (t.dropped) return terminate(tm, t);
  if (!best) {
    // nothing was relayed: the script replies (t_newtran); a stateless reply it already sent
    // (a module that answers without tm) is the answer, not a reason for a 500 at expiry
    if (t.branches.length === 0 && (!t.expired || t.req.replied)) return;
    if (t.options.disableInternalReply) return terminate(tm, t);
    sendLocalReply(tm, t, t.req, 500, 'Server Internal Error');
    return;
  }
  const f = best.final!;
  if (f.reply) {
    relayReply(tm, t, f.reply);
    return;
  }
  if (t.options.disableInternalReply) return terminate(tm, t);
  sendLocalReply(tm, t, t.req, f.code, f.reason);
}

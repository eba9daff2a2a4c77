// textops' substitutions (`/re/replacement/flags`, host/text/subst.ts): on the message after
// its first line, on the body, on header values, on the R-URI or its user, on a value. `\u`
// is the R-URI in force, pseudo-variables in the replacement are read when it runs.
import type { MsgContext } from '../core/context.js';
import { readPv, writePv } from '../core/pv.js';
import { setRuri, setRuriPart } from '../core/ruri-edit.js';
import { tryParseUri } from '../sip/uri.js';
import { asBytes, fromBytes } from '../text/regex.js';
import { parseSubst, substEdits, substString, type SubstValues } from '../text/subst.js';
import { applyEdits, type Subject } from './message-text.js';

/** What `\u` and `$pv` stand for, as bytes (latin1), like the matched text. */
function valuesOf(ctx: MsgContext): SubstValues {
  return {
    uri: () => asBytes(ctx.ruri),
    pv: (name) => {
      const r = readPv(ctx, name);
      if (!r.ok) throw new Error(r.error);
      return asBytes(r.value === null ? '<null>' : String(r.value));
    },
  };
}

/** The literal text of a replacement is the script's text: as bytes too. */
function bytesExpr(source: string) {
  const expr = parseSubst(source);
  const parts = expr.parts.map((p) => (p.kind === 'text' ? { ...p, text: asBytes(p.text) } : p));
  return { ...expr, parts };
}

/** A substitution whose PV could not be read: Kamailio logs it and the call fails. */
function withPvs<T>(ctx: MsgContext, fn: string, run: () => T): T | null {
  try {
    return run();
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('invalid pseudo-variable')) {
      ctx.core.logger.log('error', `KSR.textops.${fn}: ${e.message} in the replacement`);
      return null;
    }
    throw e;
  }
}

/** subst / subst_body: every replacement a lump. 1 replaced, -1 nothing matched (or refused). */
export function substMessage(ctx: MsgContext, fn: string, subject: Subject | null, source: string): number {
  const expr = bytesExpr(source);
  if (subject === null) return -1;
  const edits = withPvs(ctx, fn, () => substEdits(expr, subject.text, valuesOf(ctx)));
  if (edits === null || edits.length === 0) return -1;
  return applyEdits(ctx, fn, edits.map((e) => ({ start: subject.offset + e.start, end: subject.offset + e.end, text: e.text }))) ? 1 : -1;
}

/** subst_hf(name, subst, flags): on the value of the first ("f"), last ("l") or every ("a") header. */
export function substHeader(ctx: MsgContext, name: string, source: string, flags: string): number {
  const expr = bytesExpr(source);
  const lines = ctx.msg.headersNamed(name);
  const which = flags.startsWith('a') ? lines : flags.startsWith('l') ? lines.slice(-1) : lines.slice(0, 1);
  const edits = withPvs(ctx, 'subst_hf', () =>
    which.flatMap((h) => substEdits(expr, ctx.msg.buf.toString('latin1', h.valueStart, h.valueEnd), valuesOf(ctx)).map((e) => ({ start: h.valueStart + e.start, end: h.valueStart + e.end, text: e.text }))),
  );
  if (edits === null || edits.length === 0) return -1;
  return applyEdits(ctx, 'subst_hf', edits) ? 1 : -1;
}

/** The substitution applied to a string: the new text, or null when nothing matched / it failed. */
function substText(ctx: MsgContext, fn: string, source: string, text: string): string | null {
  const expr = bytesExpr(source);
  const out = withPvs(ctx, fn, () => substString(expr, asBytes(text), valuesOf(ctx)));
  return out === null ? null : fromBytes(out);
}

/** subst_uri: the R-URI in force replaced by the result (which must parse as a URI). */
export function substUri(ctx: MsgContext, source: string): number {
  if (!ctx.msg.isRequest) return -1;
  const out = substText(ctx, 'subst_uri', source, ctx.ruri);
  if (out === null) return -1;
  if (!setRuri(ctx, out)) {
    ctx.core.logger.log('error', `KSR.textops.subst_uri: the result ${JSON.stringify(out)} is not a SIP URI`);
    return -1;
  }
  return 1;
}

/** subst_user: on the R-URI's user ("" when it has none); an empty result removes the user. */
export function substUser(ctx: MsgContext, source: string): number {
  if (!ctx.msg.isRequest) return -1;
  const uri = tryParseUri(ctx.ruri);
  if (!uri) return -1;
  const out = substText(ctx, 'subst_user', source, uri.user);
  if (out === null) return -1;
  return setRuriPart(ctx, 'user', out) ? 1 : -1;
}

/** subst_v(text, subst, pv): the result written into pv. 1, or -1 no match / pv not writable. */
export function substValue(ctx: MsgContext, text: string, source: string, pv: string): number {
  const out = substText(ctx, 'subst_v', source, text);
  if (out === null) return -1;
  if (!writePv(ctx, pv, out)) {
    ctx.core.logger.log('error', `KSR.textops.subst_v: cannot write ${JSON.stringify(pv)}; expected a writable pseudo-variable`);
    return -1;
  }
  return 1;
}

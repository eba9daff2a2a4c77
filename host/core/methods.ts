// Method tests as Kamailio's core does them (conventions.md §h). Replies are tested by
// their CSeq method.
import type { MsgContext } from './context.js';
import { messageMethod } from './sip-values.js';

/** KSR.is_method_in letters (case-insensitive). */
export const METHOD_LETTERS: Readonly<Record<string, string>> = {
  I: 'INVITE', A: 'ACK', B: 'BYE', C: 'CANCEL', M: 'MESSAGE', R: 'REGISTER', E: 'PRACK',
  P: 'PUBLISH', S: 'SUBSCRIBE', N: 'NOTIFY', O: 'OPTIONS', F: 'REFER', G: 'GET',
  U: 'UPDATE', K: 'KDMQ', D: 'DELETE', T: 'POST', V: 'PUT',
};

/** The methods Kamailio parses into method ids; only these match through a letter or an is_X test. */
export const STANDARD_METHODS: ReadonlySet<string> = new Set(Object.values(METHOD_LETTERS).concat(['INFO']));

/** "INVITE" or "INVITE|BYE": case-insensitive name comparison. */
export function isMethod(ctx: MsgContext, spec: string): boolean {
  const m = messageMethod(ctx).toUpperCase();
  if (m === '') return false;
  return spec.split('|').some((name) => name.trim().toUpperCase() === m);
}

/** Letters as in conventions.md §h; a message with a non-standard method never matches. */
export function isMethodIn(ctx: MsgContext, letters: string): boolean {
  const m = messageMethod(ctx).toUpperCase();
  for (const ch of letters.toUpperCase()) {
    if (METHOD_LETTERS[ch] === m) return true;
  }
  return false;
}

/** The exact-method test behind KSR.is_INVITE and friends. */
export function methodIs(ctx: MsgContext, method: string): boolean {
  return messageMethod(ctx).toUpperCase() === method;
}

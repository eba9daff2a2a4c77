// Request-URI parameter tests and edits of KSR.siputils: uri_param, uri_param_value,
// uri_param_any, uri_param_rm, add_uri_param. Edits set ctx.newUri (applied when built).
import type { MsgContext } from '../core/context.js';
import { requestUri } from '../core/sip-values.js';
import { formatUri, tryParseUri } from '../sip/uri.js';

/**
 * value null: the param is present WITHOUT a value (Kamailio's uri_param(name));
 * 'any': present with or without one; a string: present with that value (names are
 * case-insensitive, values compared as written).
 */
export function ruriHasParam(ctx: MsgContext, name: string, value: string | null | 'any'): boolean {
  const uri = requestUri(ctx);
  const v = uri?.params.get(name.toLowerCase());
  if (v === undefined) return false;
  if (value === 'any') return true;
  return value === null ? v === '' : v === value;
}

/** Appends ";param" to the R-URI in force (before any ?headers). */
export function addRuriParam(ctx: MsgContext, param: string): boolean {
  const p = param.trim().replace(/^;/, '');
  if (!ctx.msg.isRequest || p === '' || /[\s;?<>"]/.test(p)) return false;
  const uri = tryParseUri(ctx.ruri);
  if (!uri || uri.scheme === 'tel') return false;
  const eq = p.indexOf('=');
  const params = new Map(uri.params);
  params.set((eq < 0 ? p : p.slice(0, eq)).toLowerCase(), eq < 0 ? '' : p.slice(eq + 1));
  ctx.newUri = formatUri({ ...uri, params });
  return true;
}

/** Removes a param from the R-URI in force; false when it was not there. */
export function removeRuriParam(ctx: MsgContext, name: string): boolean {
  const uri = ctx.msg.isRequest ? tryParseUri(ctx.ruri) : null;
  const key = name.trim().toLowerCase();
  if (!uri || !uri.params.has(key)) return false;
  const params = new Map(uri.params);
  params.delete(key);
  ctx.newUri = formatUri({ ...uri, params });
  return true;
}

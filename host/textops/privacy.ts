// is_privacy(type): the Privacy header (RFC 3323) holds that value. Kamailio parses the header
// into bits of the known values; an unknown value in the call is an error.
import type { MsgContext } from '../core/context.js';

export const PRIVACY_VALUES = ['user', 'header', 'session', 'none', 'critical', 'id', 'history'] as const;

/** 1 present, -1 absent or no Privacy header; null for a value that is not a privacy value. */
export function isPrivacy(ctx: MsgContext, value: string): number | null {
  const wanted = value.trim().toLowerCase();
  if (!(PRIVACY_VALUES as readonly string[]).includes(wanted)) return null;
  const tokens = ctx.msg.headersNamed('privacy').flatMap((h) => h.value.split(/[;,]/).map((t) => t.trim().toLowerCase()));
  return tokens.includes(wanted) ? 1 : -1;
}

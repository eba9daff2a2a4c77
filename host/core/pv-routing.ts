// What the script decided about where the message goes, as Kamailio's pv module shows it:
// flags ($mf $mF message, $bf $bF branch 0, $sf $sF script: decimal int / 8 hex digits),
// the branch set ($br first added branch, $bR all of them, $ds the destination set), the
// destination URI's parts ($dd $dp $dP), the original R-URI ($ou $oU $od $op $oP), the
// R-URI's transport ($rP) and the forced socket ($fs, never forced here: $null).
import type { MsgContext } from './context.js';
import type { PvClass, PvDeclarations } from './pv.js';
import type { PvValue } from './pv-value.js';
import { tryParseUri, type SipUri } from '../sip/uri.js';
import { requestUri } from './sip-values.js';

const nonEmpty = (s: string | undefined | null): string | null => (s ? s : null);

/** Kamailio's int_to_8hex: 8 lower-case hex digits. */
const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/** A flags word: read as int or hex; set from an int only ($null clears it), as pv_set_*flags. */
function flagsPv(read: (ctx: MsgContext) => number, write: (ctx: MsgContext, v: number) => void, asHex: boolean): PvClass {
  return {
    hasArg: false,
    get: (ctx) => (asHex ? hex8(read(ctx)) : read(ctx) >>> 0),
    set: (ctx, _a, v) => {
      if (typeof v === 'string') return false;
      write(ctx, v === null ? 0 : v >>> 0);
      return true;
    },
  };
}

const mflags = [(ctx: MsgContext) => ctx.flags, (ctx: MsgContext, v: number) => void (ctx.flags = v)] as const;
const bflags = [(ctx: MsgContext) => ctx.bflags[0] ?? 0, (ctx: MsgContext, v: number) => void (ctx.bflags[0] = v)] as const;
const sflags = [(ctx: MsgContext) => ctx.sflags, (ctx: MsgContext, v: number) => void (ctx.sflags = v)] as const;

/** A branch as print_dset / $bR write it: "<uri>;q=0.5" when it has a q, else the bare URI ($bR) or "<uri>" ($ds). */
const withQ = (uri: string, q: number | null, bracketAlways: boolean): string =>
  q === null ? (bracketAlways ? `<${uri}>` : uri) : `<${uri}>;q=${q}`;

function branchesText(ctx: MsgContext): PvValue {
  if (ctx.branches.length === 0) return null;
  return ctx.branches.map((b) => withQ(b.uri, b.q, false)).join(', ');
}

/** print_dset: "Contact: " then the new R-URI (when the script set one) and every branch. */
function destinationSet(ctx: MsgContext): PvValue {
  const items = [...(ctx.newUri !== null ? [withQ(ctx.newUri, null, true)] : []), ...ctx.branches.map((b) => withQ(b.uri, b.q, true))];
  return items.length === 0 ? null : `Contact: ${items.join(', ')}`;
}

/** Default port of a URI without one: 5061 for sips or TLS, else 5060 (pv_get_5060/5061). */
function defaultPort(u: SipUri): number {
  return u.scheme === 'sips' || u.params.get('transport')?.toLowerCase() === 'tls' ? 5061 : 5060;
}

/** The ;transport= as written, else the URI's default protocol. */
function transportOf(u: SipUri): string {
  const t = u.params.get('transport');
  return t !== undefined && t !== '' ? t : u.scheme === 'sips' ? 'tls' : 'udp';
}

const dst = (ctx: MsgContext): SipUri | null => (ctx.dstUri ? tryParseUri(ctx.dstUri) : null);
const orig = (ctx: MsgContext): SipUri | null => (ctx.msg.isRequest ? tryParseUri(ctx.msg.ruri) : null);

const uriParts = (prefix: string, read: (ctx: MsgContext) => SipUri | null, portAsWritten: boolean): PvDeclarations => ({
  [`${prefix}d`]: { hasArg: false, get: (ctx) => nonEmpty(read(ctx)?.host) },
  [`${prefix}p`]: {
    hasArg: false,
    get: (ctx) => {
      const u = read(ctx);
      if (!u) return null;
      if (!u.port) return defaultPort(u);
      // $dp gives a written port as a string (pv_get_strintval), $op as an int
      return portAsWritten ? String(u.port) : u.port;
    },
  },
  [`${prefix}P`]: { hasArg: false, get: (ctx) => { const u = read(ctx); return u ? transportOf(u) : null; } },
});

export const ROUTING_PVS: PvDeclarations = {
  mf: flagsPv(...mflags, false),
  mF: flagsPv(...mflags, true),
  bf: flagsPv(...bflags, false),
  bF: flagsPv(...bflags, true),
  sf: flagsPv(...sflags, false),
  sF: flagsPv(...sflags, true),
  br: {
    hasArg: false,
    get: (ctx) => ctx.branches[0]?.uri ?? null,
    // $br = uri appends a branch (pv_set_branch → append_branch)
    set: (ctx, _a, v) => {
      if (typeof v !== 'string' || !tryParseUri(v)) return false;
      ctx.branches.push({ uri: v, dstUri: null, path: null, q: null, flags: 0 });
      return true;
    },
  },
  bR: { hasArg: false, get: branchesText },
  ds: { hasArg: false, get: destinationSet },
  ...uriParts('d', dst, true),
  ou: { hasArg: false, get: (ctx) => (ctx.msg.isRequest ? ctx.msg.ruri : null) },
  oU: { hasArg: false, get: (ctx) => nonEmpty(orig(ctx)?.user) },
  ...uriParts('o', orig, false),
  rP: { hasArg: false, get: (ctx) => { const u = requestUri(ctx); return u ? transportOf(u) : null; } },
  fs: { hasArg: false, get: () => null },
};

// Identity headers as Kamailio's pv module reads them: $ai (P-Asserted-Identity URIs, indexable),
// $pu $pU $pd $pn (P-Preferred-Identity), $di (Diversion URI), $re (Remote-Party-ID URI),
// $rt (Refer-To URI). Read-only; a header that is absent or does not parse reads as $null.
import type { MsgContext } from './context.js';
import type { PvDeclarations } from './pv.js';
import type { PvValue } from './pv-value.js';
import { parseNameAddr, type NameAddr } from '../sip/name-addr.js';
import { splitListValues } from '../sip/params.js';

const nonEmpty = (s: string | undefined | null): string | null => (s ? s : null);

/** Every address of the headers named `name`, in order; an unparsable one ends the list. */
function addresses(ctx: MsgContext, name: string): NameAddr[] {
  const out: NameAddr[] = [];
  for (const h of ctx.msg.headersNamed(name)) {
    for (const item of splitListValues(h.value)) {
      try {
        out.push(parseNameAddr(item, name));
      } catch {
        return out;
      }
    }
  }
  return out;
}

const first = (name: string) => (ctx: MsgContext): NameAddr | null => addresses(ctx, name)[0] ?? null;
const ppi = first('p-preferred-identity');

const uriOf = (name: string) => (ctx: MsgContext): PvValue => first(name)(ctx)?.uriText ?? null;

export const IDENTITY_PVS: PvDeclarations = {
  ai: {
    hasArg: false,
    get: uriOf('p-asserted-identity'),
    getAll: (ctx) => addresses(ctx, 'p-asserted-identity').map((a) => a.uriText),
  },
  pu: { hasArg: false, get: (ctx) => ppi(ctx)?.uriText ?? null },
  pU: { hasArg: false, get: (ctx) => nonEmpty(ppi(ctx)?.uri?.user) },
  pd: { hasArg: false, get: (ctx) => nonEmpty(ppi(ctx)?.uri?.host) },
  pn: { hasArg: false, get: (ctx) => nonEmpty(ppi(ctx)?.display) },
  di: { hasArg: false, get: uriOf('diversion') },
  re: { hasArg: false, get: uriOf('remote-party-id') },
  rt: { hasArg: false, get: uriOf('refer-to') },
};

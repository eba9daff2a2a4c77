// KSR.pv.*: thin adapters over the PV engine (host/core/pv.ts) with KEMI's null modes
// (conventions.md §e).
import { defineModule } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { MESSAGE_PVS, readPv, toInt, writePv, type PvValue } from '../../host/core/pv.js';
import { decl, partial, withNullMode, type NullMode } from './decl.js';

/** Reads a PV; an invalid name is logged and reads as $null, as in Kamailio. */
function read(ctx: MsgContext, name: string): PvValue {
  const r = readPv(ctx, name);
  if (r.ok) return r.value;
  ctx.core.logger.log('error', `KSR.pv: ${r.error}`);
  return null;
}

const getter = (mode: NullMode) => decl('str', 'xval', (ctx, name: string) => withNullMode(read(ctx, name), mode));

/** Every pv function reaches the same PV engine, which has a subset of Kamailio's names. */
const PV_SUBSET = 'only the pseudo-variables in bindings/README.md (no $xavp, $sht, transformations); any other name reads as null or is not set';

const functions = {
  get: getter('null'),
  gete: getter('empty'),
  getw: getter('print'),
  geti: decl('str', 'int', (ctx, name: string) => toInt(read(ctx, name))),
  getl: decl('str', 'xval', (ctx, name: string) => toInt(read(ctx, name))),
  getvn: decl('str, int', 'xval', (ctx, name: string, dflt: number) => read(ctx, name) ?? dflt),
  getvs: decl('str, str', 'xval', (ctx, name: string, dflt: string) => read(ctx, name) ?? dflt),
  seti: decl('str, int', 'bool', (ctx, name: string, v: number) => writePv(ctx, name, v)),
  setl: decl('str, long', 'bool', (ctx, name: string, v: number) => writePv(ctx, name, v)),
  sets: decl('str, str', 'bool', (ctx, name: string, v: string) => writePv(ctx, name, v)),
  unset: decl('str', 'bool', (ctx, name: string) => writePv(ctx, name, null)),
  is_null: decl('str', 'bool', (ctx, name: string) => read(ctx, name) === null),
};

export const pvModule = defineModule('pv', Object.fromEntries(Object.entries(functions).map(([n, d]) => [n, partial(PV_SUBSET, d)])), {
  // the message PVs of Kamailio's pv module ($ru, $fu, $var(x), $avp(x), $hdr(x)...)
  pvs: MESSAGE_PVS,
});

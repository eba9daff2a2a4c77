// KSR.pv.*: thin adapters over the PV engine (host/core/pv.ts) with KEMI's null modes
// (conventions.md §e). Names take Kamailio's full syntax: $(name(arg)[index]{transformations}).
import { defineModule } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import { MESSAGE_PVS, readPv, toInt, writePvChecked, type PvValue } from '../../host/core/pv.js';
import { decl, withNullMode, type NullMode } from './decl.js';

/** Reads a PV; an invalid name is logged and reads as $null, as in Kamailio. */
function read(ctx: MsgContext, name: string): PvValue {
  const r = readPv(ctx, name);
  if (r.ok) return r.value;
  ctx.core.logger.log('error', `KSR.pv: ${r.error}`);
  return null;
}

/** Writes a PV; a refused write (unknown, read-only, wrong type) is logged and answers false. */
function write(ctx: MsgContext, fn: string, name: string, value: PvValue): boolean {
  const r = writePvChecked(ctx, name, value);
  if (!r.ok) ctx.core.logger.log('error', `KSR.pv.${fn}: ${r.error}`);
  return r.ok;
}

const getter = (mode: NullMode) => decl('str', 'xval', (ctx, name: string) => withNullMode(read(ctx, name), mode));

export const pvModule = defineModule(
  'pv',
  {
    get: getter('null'),
    gete: getter('empty'),
    getw: getter('print'),
    geti: decl('str', 'int', (ctx, name: string) => toInt(read(ctx, name))),
    getl: decl('str', 'xval', (ctx, name: string) => toInt(read(ctx, name))),
    getvn: decl('str, int', 'xval', (ctx, name: string, dflt: number) => read(ctx, name) ?? dflt),
    getvs: decl('str, str', 'xval', (ctx, name: string, dflt: string) => read(ctx, name) ?? dflt),
    seti: decl('str, int', 'bool', (ctx, name: string, v: number) => write(ctx, 'seti', name, v)),
    setl: decl('str, long', 'bool', (ctx, name: string, v: number) => write(ctx, 'setl', name, v)),
    sets: decl('str, str', 'bool', (ctx, name: string, v: string) => write(ctx, 'sets', name, v)),
    unset: decl('str', 'bool', (ctx, name: string) => write(ctx, 'unset', name, null)),
    is_null: decl('str', 'bool', (ctx, name: string) => read(ctx, name) === null),
  },
  {
    // the PVs of Kamailio's pv module ($ru, $fu, $var(x), $avp(x), $hdr(x), $ai, $bf, $Ts...)
    pvs: MESSAGE_PVS,
  },
);

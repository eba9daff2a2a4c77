// $shv(name) and KSR.pvx.shv_*: reads and writes of the server-wide table (shared-values.ts).
// A never-set name reads as int 0 through the KSR getters, as Kamailio's ki_shv_get; the PV
// reads it as $null.
import type { MsgContext } from '../core/context.js';
import type { PvClass } from '../core/pv.js';
import { refusal, sharedValues, SHV_MAX_NAMES, type ShvValue } from './shared-values.js';

export function shvSet(ctx: MsgContext, fn: string, name: string, value: ShvValue): number {
  if (sharedValues().set(name, value)) return 1;
  const why = refusal(name, value) ?? `room for a new name (at most ${SHV_MAX_NAMES} names)`;
  ctx.core.logger.log('error', `KSR.pvx.${fn}: shared value "${name.slice(0, 64)}" not set: expected ${why}`);
  return -1;
}

export function shvGet(name: string): ShvValue {
  return sharedValues().get(name) ?? 0;
}

export function shvIncrement(name: string): number {
  return sharedValues().increment(name);
}

export const SHV_PV: PvClass = {
  hasArg: true,
  get: (_ctx, name) => sharedValues().get(name),
  // $shv(x) = $null: Kamailio sets it to int 0
  set: (_ctx, name, v) => sharedValues().set(name, v ?? 0),
};

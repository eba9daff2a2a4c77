// The per-module case files, in one list (cases.ts appends it to its sections).
import type { ConformanceCase } from '../cases.js';
import { PVX_CASES } from './pvx.js';
import { TEXTOPS_CASES } from './textops.js';
import { TEXTOPSX_CASES } from './textopsx.js';
import { POSOPS_CASES } from './posops.js';
import { SIPUTILS_CASES } from './siputils.js';
import { COREX_CASES } from './corex.js';
import { PV_ENGINE_CASES } from './pv-engine.js';
import { SEED_TALK_CASES } from './seed-talk.js';

export const MODULE_CASES: readonly ConformanceCase[] = [
  ...PVX_CASES, ...TEXTOPS_CASES, ...TEXTOPSX_CASES, ...POSOPS_CASES, ...SIPUTILS_CASES, ...COREX_CASES, ...PV_ENGINE_CASES, ...SEED_TALK_CASES,
];

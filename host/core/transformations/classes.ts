// Every transformation class Kamailio's pv module exports (mod_trans[]), by class then name:
// data the chain parser looks names up in.
import type { TrDefinition } from './types.js';
import { STRING_TRANSFORMATIONS } from './string.js';
import { URI_TRANSFORMATIONS } from './uri.js';
import { PARAM_TRANSFORMATIONS } from './param.js';
import { NAMEADDR_TRANSFORMATIONS } from './nameaddr.js';
import { TOBODY_TRANSFORMATIONS } from './tobody.js';
import { LINE_TRANSFORMATIONS } from './line.js';

export const TRANSFORMATION_CLASSES: Readonly<Record<string, Readonly<Record<string, TrDefinition>>>> = {
  s: STRING_TRANSFORMATIONS,
  uri: URI_TRANSFORMATIONS,
  param: PARAM_TRANSFORMATIONS,
  nameaddr: NAMEADDR_TRANSFORMATIONS,
  tobody: TOBODY_TRANSFORMATIONS,
  line: LINE_TRANSFORMATIONS,
};

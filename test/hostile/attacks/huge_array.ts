// Item 5, array-like values: a 200 000-element array (JS), a million-element list (Python) or
// a table (Lua) passed where KSR takes a string. Refused by type before anything is copied
// (an isolate bridge would otherwise clone the whole array first).
import assert from 'node:assert/strict';
import type { AttackSpec } from '../attack-spec.js';

export const attack: AttackSpec = {
  item: 5,
  title: 'a huge array passed to KSR.pv.sets is refused by type, without a copy',
  async after(server) {
    await server.waitForOutput(/KSR\.pv\.sets(\(str, str\): \w+)?: argument 2 must be (str|a str or a number|a string, number or boolean), got/);
  },
};

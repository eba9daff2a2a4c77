// t_relay to a Request-URI the script rewrote to the control endpoint (UDP), as a lookup of a
// contact registered there would: 477, nothing sent.
import type { AttackSpec } from '../attack-spec.js';

export const attack: AttackSpec = {
  item: 2,
  title: 't_relay to a Request-URI at the control endpoint (UDP) ends in 477',
  expectStatus: 477,
};

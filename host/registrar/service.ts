// Which Usrloc serves a CoreServices: the engine's own (core.usrloc), else one attached to
// that core (tests), else a memory-mode one made on first use, as tmOf does for tm.
import type { CoreServices } from '../core/services.js';
import { Usrloc } from './usrloc.js';

const attached = new WeakMap<CoreServices, Usrloc>();

export function usrlocOf(core: CoreServices): Usrloc {
  if (core.usrloc) return core.usrloc;
  let u = attached.get(core);
  if (!u) attached.set(core, (u = new Usrloc()));
  return u;
}

/** Gives a core that has no usrloc member (test doubles) the one to use. */
export function attachUsrloc(core: CoreServices, usrloc: Usrloc): void {
  attached.set(core, usrloc);
}

// Item 4: WebAssembly.Memory is outside an isolate's memoryLimit (the red-team pass grew a
// server from 116 MB to 1.76 GB). Each trigger tries to keep 64 MB of touched wasm memory.
import type { AttackSpec } from '../attack-spec.js';
import { boundedMemory } from '../memory-check.js';

export const attack: AttackSpec = {
  item: 4,
  title: 'WebAssembly.Memory is not there to allocate outside the memory limit',
  repeat: 10,
  pauseMs: 250, // the probes get turns between triggers: back to back measures items 3/11, not this
  after: boundedMemory(400),
};

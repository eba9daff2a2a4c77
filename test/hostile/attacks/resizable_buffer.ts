// Item 4: resizable ArrayBuffers ({ maxByteLength }) are allocated outside what isolated-vm's
// memoryLimit counts (20 × 50 MB grew RSS by 1 GB with the isolate reporting nothing). Each
// trigger tries to keep 4 × 64 MB of them. In QuickJS they are inside the capped wasm memory.
import type { AttackSpec } from '../attack-spec.js';
import { boundedMemory } from '../memory-check.js';

export const attack: AttackSpec = {
  item: 4,
  title: 'resizable ArrayBuffers cannot allocate outside the memory limit',
  repeat: 3,
  pauseMs: 250, // the probes get turns between triggers: back to back measures items 3/11, not this
  // a memory attack: the stop, then the collection of what it held (QuickJS: its wasm runtime
  // replaced) come after the CPU limit; a UDP client waited 230 ms once in npm test against the
  // default 2 × 100 ms, as after the array bomb
  maxGapMs: 300,
  after: boundedMemory(400),
};

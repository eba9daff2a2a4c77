// The changes made to pyodide's emscripten loader (pyodide.asm.mjs) as its text is loaded
// into an isolate. node_modules is never edited. Each change is a literal replacement that
// must match exactly once: if pyodide's text changes, boot fails loudly here instead of
// running with an unpatched loader.

export interface LoaderPatch {
  readonly why: string;
  readonly find: string;
  readonly replace: string;
}

/**
 * In a d8-style shell, emscripten reads random bytes by running `head /dev/urandom` through
 * d8's `os.system`, which an isolate does not have (and must not have). Use the isolate's
 * `crypto.getRandomValues`, which the boot shims back with the host's CSPRNG.
 */
export const RANDOM_FROM_CRYPTO: LoaderPatch = {
  why: 'random bytes from crypto.getRandomValues instead of d8 os.system',
  find: 'if(ENVIRONMENT_IS_SHELL){return view=>{if(!os.system)',
  replace: 'if(ENVIRONMENT_IS_SHELL){return view=>crypto.getRandomValues(view)}if(false){return view=>{if(!os.system)',
};

/** emscripten's own heap maximum, kept equal to the cap written into the wasm binary. */
export function heapMaxPatch(maxBytes: number): LoaderPatch {
  return {
    why: `heap maximum ${maxBytes} bytes instead of 4 GiB`,
    find: 'var getHeapMax=()=>4294901760;',
    replace: `var getHeapMax=()=>${maxBytes};`,
  };
}

export function applyPatches(text: string, patches: readonly LoaderPatch[], where: string): string {
  let out = text;
  for (const p of patches) {
    const first = out.indexOf(p.find);
    if (first < 0 || out.indexOf(p.find, first + 1) >= 0) {
      const seen = first < 0 ? 'not found' : 'found more than once';
      throw new Error(`${where}: patch "${p.why}" expected the text ${JSON.stringify(p.find)} exactly once, ${seen}`);
    }
    out = out.slice(0, first) + p.replace + out.slice(first + p.find.length);
  }
  return out;
}

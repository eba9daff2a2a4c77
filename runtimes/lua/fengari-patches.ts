// Changes made to fengari's sources as they are bundled (bundle.ts), each a plain text
// substitution whose result behaves the same for Lua code, only faster. Measured on the
// registrar route of sample-scripts/routing.lua, the guest alone (no host, no isolate).

/** fengari's own sources (src/*.js), the files the patches apply to (an esbuild onLoad filter). */
export const FENGARI_SOURCES = /[\\/]fengari[\\/]src[\\/][a-z]+\.js$/;

export interface FengariPatch {
  /** What it changes and why it is the same for Lua code. */
  readonly why: string;
  readonly find: RegExp;
  readonly replace: string;
}

export const FENGARI_PATCHES: readonly FengariPatch[] = [
  {
    // fengari empties a stack slot above the top with `delete L.stack[i]`, for every value
    // popped and every slot of a returning frame. V8 runs `delete` on an array element in
    // its runtime (a call out of JIT code, each time): half of the guest's time on the
    // registrar route (adjust_top, moveresults, lua_settop; 19.6 -> 9.1 µs per message with
    // both patches, bench/lua-guest.ts). An assignment of undefined leaves
    // the slot reading the same (fengari never tells a hole from undefined: no `in`,
    // hasOwnProperty or hole-skipping iteration of a stack), and the array's length alike.
    why: 'stack slots emptied by assignment, not delete',
    find: /\bdelete (\w+\.stack\[[^\]\n]+\]);/g,
    replace: '$1 = void 0;',
  },
  {
    // Every Lua string made through the API (a KSR result, lua_pushstring, lua_getfield, and
    // to_luastring's byte array) is copied by luastring_from, which fengari binds to
    // Uint8Array.from: its generic iteration costs ~240 ns for a 17-byte string, the typed
    // array constructor ~80 ns for the same copy. fengari only ever passes it a Uint8Array or
    // an Array of byte values (its own fallback, for engines without Uint8Array.from, is the
    // same element-wise copy).
    why: 'byte strings copied by the Uint8Array constructor, not Uint8Array.from',
    find: /\bluastring_from = Uint8Array\.from\.bind\(Uint8Array\);/g,
    replace: 'luastring_from = function (a) { return new Uint8Array(a); };',
  },
];

/** One of fengari's sources with the patches applied, and how many places they changed. */
export function patchFengari(text: string): { text: string; applied: number } {
  let applied = 0;
  for (const p of FENGARI_PATCHES) {
    text = text.replace(p.find, (...m: string[]) => {
      applied++;
      return p.replace.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '');
    });
  }
  return { text, applied };
}

/** What the bundle's cache key must change with. */
export const FENGARI_PATCHES_KEY = FENGARI_PATCHES.map((p) => `${p.find.source} -> ${p.replace}`).join('\n');

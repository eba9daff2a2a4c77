// Module hooks chained after tsx's (bin/plain-names.mjs registers them): tsx compiles every
// TypeScript file with esbuild's keepNames, which calls Object.defineProperty(fn, 'name') on
// each function and class as the module loads. V8 then treats those functions and classes as
// changed objects: constructing an instance of such a class and calling such a function from
// optimised code costs up to twice as much (the header scan of a REGISTER 1.75 µs instead of 1.20). Names need
// no keeping here (tsx only strips whitespace, it renames nothing), so the helper is replaced,
// by text of the same length so that the inline source map's columns stay right.
const KEEP = 'var __name=(target,value)=>__defProp(target,"name",{value,configurable:true});';
const PLAIN = 'var __name=(target,value)=>target;'.padEnd(KEEP.length, ' ');

export const KEEP_NAMES_HELPER = KEEP;
export const PLAIN_HELPER = PLAIN;

export async function load(url, context, nextLoad) {
  const loaded = await nextLoad(url, context);
  if (loaded.format !== 'module' || loaded.source == null || !url.startsWith('file:') || url.includes('/node_modules/')) return loaded;
  const text = typeof loaded.source === 'string' ? loaded.source : Buffer.from(loaded.source).toString('utf8');
  const at = text.indexOf(KEEP);
  if (at < 0) return loaded;
  return { ...loaded, source: text.slice(0, at) + PLAIN + text.slice(at + KEEP.length) };
}

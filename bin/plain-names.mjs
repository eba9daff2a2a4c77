// `node --import tsx --import ./bin/plain-names.mjs`: chains bin/plain-names-hooks.mjs after
// tsx's loader (hooks registered later run first), so the TypeScript tsx compiled loads
// without its keepNames helper. See that file for why.
import { register } from 'node:module';

register('./plain-names-hooks.mjs', import.meta.url);

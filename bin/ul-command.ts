// `ksr-host ul dump|show|rm` on the store alone, as a function (the store tests call it with
// the words of a command line). The command line's `ul` (bin/commands/ul.ts) adds `ul add` and
// sends rm/add through a running server when one answers.
import { parseArgs } from 'node:util';
import { contextOf, dumpStore, removeFromStore, showFromStore } from './commands/ul-actions.js';
import { UsageError } from './commands/usage-error.js';

/** Runs one ul subcommand against the store; returns what to print. */
export async function ulCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { store: { type: 'string' }, config: { type: 'string', short: 'c' } },
  });
  const [sub, target] = positionals;
  const ctx = contextOf(values);
  const aor = (): string => {
    if (target === undefined) throw new UsageError(`ul ${sub}: expected USER or USER@DOMAIN`);
    return target;
  };
  switch (sub) {
    case 'dump':
      return dumpStore(ctx);
    case 'show':
      return showFromStore(ctx, aor());
    case 'rm':
      return removeFromStore(ctx, aor());
    default:
      throw new UsageError(`ul: expected dump, show or rm, saw '${sub ?? ''}'`);
  }
}

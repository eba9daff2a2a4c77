// `ksr-host check FILE`: loads the script in its runtime, as the server would, and lists the
// standard callbacks it defines (static analysis of its KSR calls is a separate item).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { createRegistry } from '../../bindings/modules/index.js';
import { Dispatcher } from '../../bindings/registry.js';
import { createRuntime, engineForFile, LANGUAGE_OF } from '../../runtimes/index.js';
import { DEFAULT_LIMITS, STANDARD_CALLBACKS } from '../../runtimes/runtime.js';
import { print } from './print.js';

async function check(file: string, opts: { engine?: string }): Promise<void> {
  const engine = engineForFile(file, opts.engine === 'quickjs' ? 'quickjs' : 'v8');
  const language = LANGUAGE_OF[engine];
  const source = await readFile(file, 'utf8').catch((e) => {
    throw new Error(`cannot read ${file}: ${e.code ?? e.message}`);
  });
  const runtime = await createRuntime(engine, { dispatcher: new Dispatcher(createRegistry()), limits: DEFAULT_LIMITS[language] });
  try {
    await runtime.load(source, file);
    const callbacks = STANDARD_CALLBACKS.filter((c) => runtime.has(c));
    print(`${file}: OK (${language} on ${engine}); callbacks: ${callbacks.join(', ') || 'none'}`);
    if (!callbacks.includes('ksr_request_route')) print(`warning: ${file} defines no ksr_request_route`);
  } finally {
    runtime.dispose();
  }
}

export function addCheckCommand(program: Command): void {
  program
    .command('check')
    .description('load a routing script as the server would and list its callbacks')
    .argument('<file>', 'the routing script (.js, .lua, .py)')
    .option('--engine <name>', 'the JavaScript engine: v8 or quickjs', 'v8')
    .action((file: string, opts: { engine?: string }) => check(file, opts));
}

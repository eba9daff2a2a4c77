// ksr-host command line (commander): run, check, rpc, api, user, ul. Every command answers
// --help; one exit-code rule for all (bin/commands/usage-error.ts): 0 done, 1 a runtime
// failure, 2 a usage error, whether commander or a command found it.
import { existsSync, readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { addApiCommand } from './commands/api.js';
import { addCheckCommand } from './commands/check.js';
import { endQuietlyOnClosedStdout } from './commands/print.js';
import { addRpcCommand } from './commands/rpc.js';
import { addRunCommand } from './commands/run-command.js';
import { addUlCommand } from './commands/ul.js';
import { addUserCommand } from './commands/user.js';
import { EXIT_CODES_HELP, EXIT_USAGE, exitCodeOf } from './commands/usage-error.js';

// bin/cli.ts from the sources, dist/bin/cli.js once built (bin/build.mjs): the first found
const PACKAGE_JSON_CANDIDATES = ['../package.json', '../../package.json'];

function packageVersion(): string {
  for (const candidate of PACKAGE_JSON_CANDIDATES) {
    const url = new URL(candidate, import.meta.url);
    if (!existsSync(url)) continue;
    const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'ksr-host') return pkg.version ?? 'unknown';
  }
  return 'unknown';
}

function buildProgram(): Command {
  const program = new Command('ksr-host')
    .description('a SIP server whose routing scripts (JavaScript, Lua, Python) call Kamailio\'s KEMI functions (KSR)')
    .version(packageVersion(), '-V, --version', 'print the version')
    // set before the commands are added: each command and subcommand inherits them
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');
  program.addHelpText('afterAll', `\n${EXIT_CODES_HELP}`);
  addRunCommand(program);
  addCheckCommand(program);
  addRpcCommand(program);
  addApiCommand(program);
  addUserCommand(program);
  addUlCommand(program);
  return program;
}

endQuietlyOnClosedStdout();
try {
  await buildProgram().parseAsync(process.argv);
} catch (e) {
  // commander has printed its own message (or the help, or the version) already
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : EXIT_USAGE);
  process.stderr.write(`ksr-host: ${(e as Error).message}\n`);
  process.exit(exitCodeOf(e));
}
